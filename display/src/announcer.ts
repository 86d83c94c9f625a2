// Speaks each call on the display's speaker, one at a time, from the hub's WAV of the call.
// Browsers play sound without a tap only when allowed (kiosk flag
// --autoplay-policy=no-user-gesture-required); otherwise the page asks for one tap.

import { useMemo, useState } from 'preact/hooks';
import type { HallEvent } from '../../server/contract/events.js';
import { AnnouncementQueue, type Announcement } from '../../server/contract/page-rules.js';

/** What was said, for maintainers (window.luotAnnouncements in the browser console). */
export interface SpokenCall extends Announcement {
  url: string;
  startedAt: number;
  endedAt: number | null;
  outcome: 'played' | 'blocked' | 'failed' | null;
}

declare global {
  interface Window {
    luotAnnouncements?: SpokenCall[];
  }
}

const LOG_LENGTH = 50;

export function callAudioUrl(a: Announcement): string {
  return `/api/voice/call.wav?number=${encodeURIComponent(a.number)}&counter=${a.counterId}`;
}

function playOnce(url: string): Promise<'played' | 'blocked' | 'failed'> {
  return new Promise((resolve) => {
    const audio = new Audio(url);
    audio.addEventListener('ended', () => resolve('played'), { once: true });
    audio.addEventListener('error', () => resolve('failed'), { once: true });
    audio.play().catch((error: DOMException) => resolve(error.name === 'NotAllowedError' ? 'blocked' : 'failed'));
  });
}

export function useAnnouncer(enabled: boolean) {
  const [speaking, setSpeaking] = useState<Announcement | null>(null);
  const [blocked, setBlocked] = useState(false);
  const queue = useMemo(
    () =>
      new AnnouncementQueue(
        async (a) => {
          const log = (window.luotAnnouncements ??= []);
          const entry: SpokenCall = { ...a, url: callAudioUrl(a), startedAt: Date.now(), endedAt: null, outcome: null };
          log.push(entry);
          if (log.length > LOG_LENGTH) log.splice(0, log.length - LOG_LENGTH);
          entry.outcome = await playOnce(entry.url);
          entry.endedAt = Date.now();
          setBlocked(entry.outcome === 'blocked');
        },
        (playing) => setSpeaking(playing),
      ),
    [],
  );
  const hear = (events: HallEvent[]) => {
    if (!enabled) return;
    for (const e of events) {
      if (e.type === 'ticket:called' || e.type === 'ticket:recalled') {
        queue.enqueue({ ticketId: e.data.ticket.id, number: e.data.ticket.number, counterId: e.data.counter.id, recall: e.type === 'ticket:recalled' });
      }
    }
  };
  /** A tap on the page lets the browser play sound from then on. */
  const unblock = () => {
    if (!blocked) return;
    setBlocked(false);
    void new Audio().play().catch(() => undefined);
  };
  return { hear, speaking, blocked, unblock };
}
