// Speaks each call on the display's speaker, one at a time, from the hub's WAV of the call.
// Browsers play sound without a tap only when allowed (kiosk flag
// --autoplay-policy=no-user-gesture-required); otherwise the page asks for one tap.
//
// The voice keeps up with the screen in a burst of calls: a call said while others wait, or
// said late, is said short ("A012 đến quầy số 9": no chime, no opening words, a little
// faster); a recall of a number still waiting is said once (the queue's rule); and a call
// whose turn comes more than LAG_LIMIT_MS after it was shown is not said at all (it stays on
// the screen's list), so the voice is never further behind the screen than that.

import { useMemo, useState } from 'preact/hooks';
import type { HallEvent } from '../../server/contract/events.js';
import { AnnouncementQueue, type Announcement } from '../../server/contract/page-rules.js';
import { callHubForFile, routeUrl } from '../../web-shared/hub-client.js';
import { cutCall, readWavPcm, sharedFrames } from './call-clip.js';

/** What was said, for maintainers (window.luotAnnouncements in the browser console). */
export interface SpokenCall extends Announcement {
  url: string;
  /** When the call reached the page (and its screen). */
  heardAt: number;
  startedAt: number;
  endedAt: number | null;
  /** full: chime and the whole phrase; short: the number and the counter only. */
  form: 'full' | 'short';
  /** skipped: its turn came too late, the screen had shown it long before. */
  outcome: 'played' | 'blocked' | 'failed' | 'skipped' | null;
}

/** A call whose turn comes later than this after it was shown is not said. */
export const LAG_LIMIT_MS = 15_000;
/** A call that waited longer than this for its turn is said short. */
const LATE_MS = 3_000;
/** The short form is played this much faster (the pitch kept). */
const SHORT_RATE = 1.2;

interface HeardCall extends Announcement {
  heardAt: number;
}

declare global {
  interface Window {
    luotAnnouncements?: SpokenCall[];
  }
}

const LOG_LENGTH = 50;

const CALL_WAV = 'GET /api/voice/call.wav';

export function callAudioUrl(a: Pick<Announcement, 'number' | 'counterId'>): string {
  return routeUrl(CALL_WAV, undefined, { number: a.number, counter: a.counterId });
}

/** The spoken call's samples, read from the hub; null when they are not a WAV file. */
async function callSamples(a: Pick<Announcement, 'number' | 'counterId'>) {
  const wav = await callHubForFile(CALL_WAV, { query: { number: a.number, counter: a.counterId } });
  return readWavPcm(new Uint8Array(await wav.arrayBuffer()));
}

/** Frames every call of this hall shares from its start (the chime and the opening words); null if unknown. */
let sharedStart: Promise<number | null> | null = null;
function openingFrames(): Promise<number | null> {
  sharedStart ??= (async () => {
    const [a, b] = await Promise.all([callSamples({ number: '1', counterId: 1 }), callSamples({ number: '2', counterId: 2 })]);
    return a && b ? sharedFrames(a, b) : null;
  })().catch(() => {
    sharedStart = null;
    return null;
  });
  return sharedStart;
}

/** The short form of a call as a playable address; null when it cannot be made (then the full call is said). */
async function shortCallUrl(a: Announcement): Promise<string | null> {
  try {
    const [frames, call] = await Promise.all([openingFrames(), callSamples(a).catch(() => null)]);
    if (frames === null || !call) return null;
    return URL.createObjectURL(new Blob([cutCall(call, frames)], { type: 'audio/wav' }));
  } catch {
    return null;
  }
}

function playOnce(url: string, rate = 1): Promise<'played' | 'blocked' | 'failed'> {
  return new Promise((resolve) => {
    const audio = new Audio(url);
    audio.playbackRate = rate;
    audio.addEventListener('ended', () => resolve('played'), { once: true });
    audio.addEventListener('error', () => resolve('failed'), { once: true });
    audio.play().catch((error: DOMException) => resolve(error.name === 'NotAllowedError' ? 'blocked' : 'failed'));
  });
}

export function useAnnouncer(enabled: boolean) {
  const [speaking, setSpeaking] = useState<Announcement | null>(null);
  const [blocked, setBlocked] = useState(false);
  const queue = useMemo(() => {
    let waiting = 0;
    return new AnnouncementQueue<HeardCall>(
      async (a) => {
        window.luotAnnouncements ??= [];
        const log = window.luotAnnouncements;
        const startedAt = Date.now();
        const late = startedAt - a.heardAt;
        const entry: SpokenCall = { ...a, url: callAudioUrl(a), startedAt, endedAt: null, form: waiting > 0 || late > LATE_MS ? 'short' : 'full', outcome: null };
        log.push(entry);
        if (log.length > LOG_LENGTH) log.splice(0, log.length - LOG_LENGTH);
        if (late > LAG_LIMIT_MS) {
          entry.outcome = 'skipped';
          entry.endedAt = startedAt;
          return;
        }
        const short = entry.form === 'short' ? await shortCallUrl(a) : null;
        if (entry.form === 'short' && !short) entry.form = 'full';
        entry.outcome = await playOnce(short ?? entry.url, short ? SHORT_RATE : 1);
        if (short) URL.revokeObjectURL(short);
        entry.endedAt = Date.now();
        setBlocked(entry.outcome === 'blocked');
      },
      (playing, behind) => {
        waiting = behind.length;
        setSpeaking(playing);
      },
    );
  }, []);
  const hear = (events: HallEvent[]) => {
    if (!enabled) return;
    for (const e of events) {
      if (e.type === 'ticket:called' || e.type === 'ticket:recalled') {
        queue.enqueue({ ticketId: e.data.ticket.id, number: e.data.ticket.number, counterId: e.data.counter.id, recall: e.type === 'ticket:recalled', heardAt: Date.now() });
      }
    }
  };
  /** An admin's sample call: said as a call is, with the voice as it is set now. */
  const sample = (s: { number: string; counterId: number }) => {
    if (!enabled) return;
    // The voice may have changed (pack, phrase, loudness): the calls' shared opening is measured again.
    sharedStart = null;
    queue.enqueue({ ticketId: `sample-${Date.now()}`, number: s.number, counterId: s.counterId, recall: false, heardAt: Date.now() });
  };
  /** A tap on the page lets the browser play sound from then on. */
  const unblock = () => {
    if (!blocked) return;
    setBlocked(false);
    void new Audio().play().catch(() => undefined);
  };
  return { hear, sample, speaking, blocked, unblock };
}
