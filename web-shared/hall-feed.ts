// The page's live copy of the hall: a snapshot from the hub, then numbered events; a missed
// event or a reconnect brings a fresh snapshot. Exposed to components as a hook.

import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import { EventSequencer } from '../server/contract/event-sequencer.js';
import type { ClientToServerEvents, DeviceStatus, HallEvent, HallSnapshot, ServerToClientEvents, ServiceFigures, SubscriptionFilter } from '../server/contract/events.js';

export interface HallFeedState {
  snapshot: HallSnapshot | null;
  connected: boolean;
  devices: Record<string, DeviceStatus>;
}

/** A snapshot with the events' fresh service figures merged in. */
export function applyFigures(snapshot: HallSnapshot, figures: ServiceFigures[]): HallSnapshot {
  if (figures.length === 0) return snapshot;
  const byId = new Map(figures.map((f) => [f.id, f]));
  return { ...snapshot, services: snapshot.services.map((s) => ({ ...s, ...byId.get(s.id) })) };
}

/** Time-dependent figures (opening hours, the day) change without events: refresh now and then. */
const REFRESH_MS = 60_000;

/**
 * The hall as the hub sees it, for the services and counters in `filter` (all by default).
 * `onEvents` hears each batch of applied events (pages that show calls as they happen);
 * `onVoiceSample` hears the sample calls an admin asks for (pages that speak calls).
 */
export function useHallFeed(
  filter: SubscriptionFilter = {},
  onEvents?: (events: HallEvent[]) => void,
  onVoiceSample?: (sample: { number: string; counterId: number }) => void,
): HallFeedState {
  const listener = useRef(onEvents);
  listener.current = onEvents;
  const sampleListener = useRef(onVoiceSample);
  sampleListener.current = onVoiceSample;
  const [state, setState] = useState<HallFeedState>({ snapshot: null, connected: false, devices: {} });
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ auth: filter, transports: ['websocket', 'polling'] });
    const sequencer = new EventSequencer();
    const take = (snapshot: HallSnapshot) => {
      sequencer.reset(snapshot.seq);
      setState((s) => ({ ...s, snapshot, connected: true }));
    };
    const resync = () =>
      socket.emit('hall:resync', (reply) => {
        if (reply.ok) take(reply.data);
      });
    socket.on('hall:snapshot', take);
    socket.on('connect', () => setState((s) => ({ ...s, connected: true })));
    socket.on('disconnect', (reason) => {
      setState((s) => ({ ...s, connected: false }));
      // socket.io retries by itself except when the hub sent the page away: a screen on a wall
      // must come back anyway.
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 2000);
    });
    socket.on('hall:events', (events) => {
      const applied: HallEvent[] = [];
      for (const event of events) {
        const verdict = sequencer.accept(event);
        if (verdict === 'gap') return resync();
        if (verdict === 'apply') applied.push(event);
      }
      if (applied.length === 0) return;
      listener.current?.(applied);
      setState((s) => ({
        ...s,
        // The new seq tells pages that follow one ticket (the phone page) to look again.
        snapshot: s.snapshot
          ? applyFigures(
              { ...s.snapshot, seq: sequencer.seq },
              applied.flatMap((e) => e.services),
            )
          : s.snapshot,
      }));
    });
    socket.on('device:status', (status) => setState((s) => ({ ...s, devices: { ...s.devices, [status.id]: status } })));
    socket.on('hall:settings', (hall) => setState((s) => ({ ...s, snapshot: s.snapshot ? { ...s.snapshot, hall } : s.snapshot })));
    socket.on('voice:sample', (sample) => sampleListener.current?.(sample));
    const refresh = setInterval(() => socket.connected && resync(), REFRESH_MS);
    return () => {
      clearInterval(refresh);
      socket.close();
    };
  }, [filterKey]);

  return state;
}
