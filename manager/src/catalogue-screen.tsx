// The procedures catalogue (admins): upload a CSV or XLSX, see what would change (added,
// changed field by field, each field and value in words, removed) or why the file is refused,
// row by row; then apply exactly that preview. The running catalogue can be downloaded as CSV or XLSX.

import { useState } from 'preact/hooks';
import type { RouteReply } from '../../web-shared/hub-client.js';
import type { Lang, Words } from './i18n.js';
import { messageOf } from './manager-app.js';
import { applyCatalogue, exportCatalogue, HubRequestError, previewCatalogue } from './manager-api.js';
import { fieldValueWords } from './catalogue-values.js';

type Preview = RouteReply<'POST /api/procedures/import/preview'>;

/** The file's bytes as base64, as the hub takes them. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function CatalogueScreen(props: { t: Words; lang: Lang; token: string; services: readonly { id: string; name: { vi: string; en: string } }[] }) {
  const { t, lang, token } = props;
  const serviceName = (id: string) => props.services.find((s) => s.id === id)?.name[lang] ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const name = (n: { vi: string; en: string }) => (lang === 'vi' ? n.vi : n.en);

  const check = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setRefusal(null);
    setPreview(null);
    try {
      const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      setPreview(await previewCatalogue(token, { format, data: await base64Of(file) }));
    } catch (e) {
      // A refused file: each problem on its line, as the hub wrote them.
      if (e instanceof HubRequestError && e.failure.error === 'catalog_invalid') {
        const text = lang === 'vi' ? e.failure.message : e.failure.messageEn;
        setRefusal(text.replace(/^[^:]*:\s*/, '').split('\n'));
      } else setMessage({ kind: 'error', text: messageOf(lang, e) });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!preview) return;
    setMessage(null);
    try {
      const done = await applyCatalogue(token, preview.previewId);
      setPreview(null);
      setMessage({ kind: 'ok', text: t.applied(done.count) });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
    }
  };

  const download = async (format: 'csv' | 'xlsx') => {
    setMessage(null);
    try {
      const blob = await exportCatalogue(token, format);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `thu-tuc.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
    }
  };

  const nothing = preview && preview.added.length + preview.changed.length + preview.removed.length === 0;
  return (
    <div class="catalogue">
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div class="columns">
        <section aria-labelledby="catalogue-import">
          <h2 id="catalogue-import">{t.catalogueImport}</h2>
          <form class="upload" onSubmit={check}>
            <p class="hint">{t.catalogueHint}</p>
            <label>
              {t.catalogueFile}
              <input
                type="file"
                name="catalogue"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setPreview(null);
                  setRefusal(null);
                }}
              />
            </label>
            <button type="submit" class="primary" disabled={!file || busy}>
              {busy ? t.previewing : t.previewButton}
            </button>
          </form>
        </section>
        <section aria-labelledby="catalogue-export">
          <h2 id="catalogue-export">{t.catalogueExport}</h2>
          <div class="row">
            <button type="button" onClick={() => download('csv')}>
              {t.exportCsv}
            </button>
            <button type="button" onClick={() => download('xlsx')}>
              {t.exportXlsx}
            </button>
          </div>
        </section>
      </div>
      {refusal && (
        <div class="refusal" role="alert">
          <p>{t.catalogueRefused}</p>
          <ul>
            {refusal.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && (
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t.previewSummary(preview.count, preview.unchanged)}</h2>
          {nothing && <p class="hint">{t.nothingToChange}</p>}
          {preview.added.length > 0 && (
            <>
              <h3>{t.addedTitle(preview.added.length)}</h3>
              <table class="added">
                <thead>
                  <tr>
                    <th scope="col">{t.code}</th>
                    <th scope="col">{t.procedureName}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.added.map((p) => (
                    <tr key={p.code} data-code={p.code}>
                      <th scope="row">{p.code}</th>
                      <td>{name(p.name)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {preview.changed.length > 0 && (
            <>
              <h3>{t.changedTitle(preview.changed.length)}</h3>
              <table class="changed">
                <thead>
                  <tr>
                    <th scope="col">{t.code}</th>
                    <th scope="col">{t.changedFields}</th>
                    <th scope="col">{t.before}</th>
                    <th scope="col">{t.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changed.flatMap((p) =>
                    p.fields.map((f, i) => (
                      <tr key={`${p.code}-${f.field}`} data-code={p.code}>
                        {i === 0 && (
                          <th scope="row" rowSpan={p.fields.length}>
                            {p.code}
                            <br />
                            <span class="device-id">{name(p.name)}</span>
                          </th>
                        )}
                        <td>{t.fieldNames[f.field] ?? f.field}</td>
                        <td class="before">{fieldValueWords(t, f.field, f.before, serviceName)}</td>
                        <td class="after">{fieldValueWords(t, f.field, f.after, serviceName)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </>
          )}
          {preview.removed.length > 0 && (
            <>
              <h3>{t.removedTitle(preview.removed.length)}</h3>
              <table class="removed">
                <tbody>
                  {preview.removed.map((p) => (
                    <tr key={p.code} data-code={p.code}>
                      <th scope="row">{p.code}</th>
                      <td>{name(p.name)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div class="row apply-row">
            {!nothing && (
              <button type="button" class="primary" onClick={apply}>
                {t.applyButton}
              </button>
            )}
            <button type="button" onClick={() => setPreview(null)}>
              {t.discard}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
