// The configuration as a hall file (admins): download the running one, import one with a
// preview of every difference by section (nothing changes until Apply), then apply it in one
// step. Differences the hub cannot make while the hall runs are shown with where to make them.

import { useState } from 'preact/hooks';
import type { HallConfiguration, HallFilePreview } from '../../server/contract/hall-config.js';
import type { Lang, Words } from './i18n.js';
import { messageOf } from './manager-app.js';
import { applyHallFile, exportHallFile, HubRequestError, previewHallFile } from './manager-api.js';

/** A field's label: the section's own first (a counter's services are those it serves), then the field's. */
function fieldLabel(t: Words, section: string, field: string): string {
  return t.hallFileFields[`${section}.${field}`] ?? t.hallFileFields[field] ?? field;
}

export function HallFilePanel(props: { t: Words; lang: Lang; token: string; onApplied: (config: HallConfiguration) => void }) {
  const { t, lang, token } = props;
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<HallFilePreview | null>(null);
  const [refusal, setRefusal] = useState<{ field: string; text: string }[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const download = async () => {
    setMessage(null);
    try {
      const blob = await exportHallFile(token);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `hall-${new Date().toISOString().slice(0, 10)}.yaml`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
    }
  };

  const refused = (e: unknown) => {
    const fields = e instanceof HubRequestError ? (e.failure.fields ?? []) : [];
    if (fields.length > 0) {
      setRefusal(fields.map((f) => ({ field: f.field, text: lang === 'vi' ? f.message : f.messageEn.replace(/^[^\s:]+: /, '') })));
    } else setMessage({ kind: 'error', text: messageOf(lang, e) });
  };

  const check = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setRefusal(null);
    setPreview(null);
    try {
      setPreview(await previewHallFile(token, await file.text()));
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!preview) return;
    setMessage(null);
    setRefusal(null);
    try {
      const done = await applyHallFile(token, preview.previewId);
      setPreview(null);
      props.onApplied(done.configuration);
      setMessage({ kind: 'ok', text: t.hallFileApplied(done.applied, done.notApplied) });
    } catch (e) {
      // Stale or gone: the preview cannot be applied any more.
      if (e instanceof HubRequestError && (e.failure.error === 'hall_file_preview_stale' || e.failure.error === 'hall_file_preview_not_found')) setPreview(null);
      refused(e);
    }
  };

  return (
    <section aria-labelledby="config-hall-file" class="hall-file">
      <h2 id="config-hall-file">{t.hallFileTitle}</h2>
      <p class="hint">{t.hallFileHint}</p>
      <div class="hall-file-actions">
        <button type="button" onClick={download}>
          {t.downloadHallFile}
        </button>
        <form class="upload" aria-label={t.importHallFile} onSubmit={check}>
          <label>
            {t.hallFileInput}
            <input
              type="file"
              name="hall-file"
              accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setPreview(null);
                setRefusal(null);
              }}
            />
          </label>
          <button type="submit" class="primary" disabled={!file || busy}>
            {t.previewHallFile}
          </button>
        </form>
      </div>
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {refusal && (
        <div class="refusal" role="alert">
          <p>{t.hallFileRefused}</p>
          <ul>
            {refusal.map((r) => (
              <li key={r.field + r.text}>
                <code>{r.field}</code>: {r.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && (
        <section class="preview hall-file-preview" aria-labelledby="hall-file-preview-title">
          <h3 id="hall-file-preview-title">{t.hallFilePreviewTitle}</h3>
          <p class="hint">{preview.sections.length === 0 ? t.hallFileSame : t.hallFileSummary(preview.live, preview.notLive)}</p>
          {preview.sections.map((s) => (
            <div key={s.section} data-section={s.section}>
              <h4>{t.hallFileSections[s.section] ?? s.section}</h4>
              <table class="changed">
                <thead>
                  <tr>
                    <th scope="col">{t.hallFileItem}</th>
                    <th scope="col">{t.hallFileChange}</th>
                    <th scope="col">{t.hallFileField}</th>
                    <th scope="col">{t.hallFileBefore}</th>
                    <th scope="col">{t.hallFileAfter}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.items.map((item) => {
                    const rows = item.change === 'changed' ? item.fields : [null];
                    return rows.map((f, i) => (
                      <tr key={`${item.id}-${item.live}-${f?.field ?? item.change}`} data-item={item.id} class={item.live ? '' : 'not-live'}>
                        {i === 0 && (
                          <th scope="row" rowSpan={rows.length}>
                            {s.section === 'hall' ? t.hallFileSections.hall : item.id}
                            {s.section !== 'hall' && item.name !== item.id && (
                              <>
                                <br />
                                <span class="device-id">{item.name}</span>
                              </>
                            )}
                            {!item.live && (
                              <span class="not-live-note">
                                <strong>{t.notLive}.</strong> {t.notLiveHow[s.section] ?? ''}
                              </span>
                            )}
                          </th>
                        )}
                        {i === 0 && <td rowSpan={rows.length}>{t.changeKinds[item.change]}</td>}
                        <td>{f ? fieldLabel(t, s.section, f.field) : '—'}</td>
                        <td class="before">{f?.before ?? '—'}</td>
                        <td class="after">{f?.after ?? '—'}</td>
                      </tr>
                    ));
                  })}
                </tbody>
              </table>
            </div>
          ))}
          <div class="row apply-row">
            {preview.live > 0 && (
              <button type="button" class="primary" onClick={apply}>
                {t.hallFileApply}
              </button>
            )}
            <button type="button" onClick={() => setPreview(null)}>
              {t.cancel}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
