// The voice of the calls (admins): the pack, the volume, saying the number twice, the hub's
// speaker and the phrase, saved and applied at once; and a sample said on the hall's displays.

import { useEffect, useState } from 'preact/hooks';
import type { RouteReply } from '../../web-shared/hub-client.js';
import type { Lang, Words } from './i18n.js';
import { messageOf } from './manager-app.js';
import { playVoiceSample, setVoiceSettings, voiceSettings } from './manager-api.js';

type VoiceView = RouteReply<'GET /api/voice/settings'>;

export function VoiceScreen(props: { t: Words; lang: Lang; token: string }) {
  const { t, lang, token } = props;
  const [view, setView] = useState<VoiceView | null>(null);
  const [draft, setDraft] = useState<VoiceView['voice'] | null>(null);
  const [volume, setVolume] = useState('100');
  const [sample, setSample] = useState({ number: 'A012', counter: '1' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const take = (next: VoiceView) => {
    setView(next);
    setDraft(next.voice);
    setVolume(String(next.voice.volume));
  };
  useEffect(() => {
    voiceSettings(token).then(take, (e: unknown) => setMessage({ kind: 'error', text: messageOf(lang, e) }));
  }, [token]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setMessage(null);
    try {
      // Sent as typed: the hub checks each field and names the one it refuses.
      take(await setVoiceSettings(token, { ...draft, volume: volume.trim() === '' ? (null as unknown as number) : Number(volume) }));
      setMessage({ kind: 'ok', text: t.voiceSaved });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
    }
  };
  const play = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    try {
      const done = await playVoiceSample(token, { number: sample.number.trim().toUpperCase(), counterId: Number(sample.counter) });
      setMessage({ kind: 'ok', text: t.samplePlayed(done.number, done.counterId) });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
    }
  };

  return (
    <div class="voice">
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {view && draft && (
        <div class="columns">
          <section aria-labelledby="voice-title">
            <h2 id="voice-title">{t.voiceTitle}</h2>
            <form class="voice-form" noValidate onSubmit={save}>
              <p class="hint">{t.voiceHint}</p>
              <label>
                {t.voicePack}
                <select name="pack" value={draft.packDir ?? ''} onChange={(e) => setDraft({ ...draft, packDir: e.currentTarget.value || null })}>
                  {view.packs.map((p) => (
                    <option key={p.dir ?? ''} value={p.dir ?? ''}>
                      {p.dir === null ? t.defaultPack : t.packClips(p.name, p.clips)}
                      {p.missing.length > 0 ? ` · ${t.packMissing(p.missing.join(', '))}` : ''}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t.volume}
                <input name="volume" type="number" min={0} max={100} step={5} value={volume} onInput={(e) => setVolume(e.currentTarget.value)} />
              </label>
              <label class="check">
                <input name="say-twice" type="checkbox" checked={draft.sayNumberTwice} onChange={(e) => setDraft({ ...draft, sayNumberTwice: e.currentTarget.checked })} />
                {t.sayTwice}
              </label>
              <label class="check">
                <input name="hub-speaker" type="checkbox" checked={draft.hubSpeaker} onChange={(e) => setDraft({ ...draft, hubSpeaker: e.currentTarget.checked })} />
                {t.hubSpeaker}
              </label>
              <label>
                {t.phrase}
                <input name="phrase" value={draft.phrase} onInput={(e) => setDraft({ ...draft, phrase: e.currentTarget.value })} />
              </label>
              <button type="submit" class="primary">
                {t.saveVoice}
              </button>
            </form>
          </section>
          <section aria-labelledby="sample-title">
            <h2 id="sample-title">{t.sampleTitle}</h2>
            <form class="voice-form" noValidate onSubmit={play}>
              <label>
                {t.sampleNumber}
                <input name="sample-number" value={sample.number} onInput={(e) => setSample({ ...sample, number: e.currentTarget.value })} />
              </label>
              <label>
                {t.sampleCounter}
                <input name="sample-counter" type="number" min={1} max={999} value={sample.counter} onInput={(e) => setSample({ ...sample, counter: e.currentTarget.value })} />
              </label>
              <button type="submit">{t.playSample}</button>
            </form>
          </section>
        </div>
      )}
    </div>
  );
}
