// socket.io for every page: a snapshot on connect (and on every reconnect), then numbered
// events for the services and counters the page follows.

import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, HallSnapshot, Reply, ServerToClientEvents, SubscriptionFilter } from '../contract/events.js';
import type { DomainError } from '../domain/domain-error.js';
import { STAFF_ONLY_EVENTS } from '../domain/events/hall-events.js';
import { publicEvent } from '../domain/queue/public-view.js';
import { isLoopback } from '../http/access/access-control.js';
import { admit, type Caller } from '../http/access/access-rules.js';
import { SOCKET_ACCESS } from '../http/access/access-table.js';
import type { LiveState } from '../services/live-state.js';
import type { QueueService } from '../services/queue-service.js';
import type { followHall, hallSnapshot } from '../use-cases/hall/read-hall.js';
import type { UseCase } from '../use-cases/ports.js';
import { normalizeFilter, SubscriptionRooms } from './subscriptions.js';

export type HallSocketServer = Server<ClientToServerEvents, ServerToClientEvents>;

interface SocketData {
  room: string;
  filter: SubscriptionFilter;
}

export interface RealtimeDeps {
  followHall: UseCase<typeof followHall>;
  hallSnapshot: UseCase<typeof hallSnapshot>;
  /** Every commit's events, and the last one's sequence number. */
  events: Pick<QueueService, 'onEvents' | 'lastSeq'>;
  /** Which services a counter serves, to route its events to the rooms that follow them. */
  live: Pick<LiveState, 'counter'>;
}

export function startRealtime(httpServer: HttpServer, deps: RealtimeDeps): HallSocketServer {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    // Pages are served by the hub itself; other origins are allowed for kiosk apps on other machines of the hall.
    cors: { origin: true },
  });
  const rooms = new SubscriptionRooms(() => deps.events.lastSeq());

  const dropIfEmpty = (key: string) => {
    if ((io.sockets.adapter.rooms.get(key)?.size ?? 0) === 0) rooms.forget(key);
  };

  type Follower = { connected: boolean; data: Partial<SocketData>; join(room: string): void; leave(room: string): void };
  /**
   * Moves the page into the room of its filter; its snapshot is read in the same turn (followHall).
   * `whileConnected`: not for a page that left meanwhile (null then).
   */
  const follow = (socket: Follower, filter: unknown, whileConnected: boolean): Promise<HallSnapshot | null> => {
    const normalized = normalizeFilter(filter);
    return deps.followHall(normalized, () => {
      if (whileConnected && !socket.connected) return false;
      const key = rooms.join(normalized);
      const previous = socket.data.room;
      if (previous && previous !== key) {
        socket.leave(previous);
        dropIfEmpty(previous);
      }
      socket.join(key);
      socket.data.room = key;
      socket.data.filter = normalized;
      return true;
    });
  };

  io.on('connection', async (socket) => {
    const auth: unknown = socket.handshake.auth;
    const caller: Caller = { principal: { kind: 'none' }, hubMachine: isLoopback(socket.handshake.address) };
    // Each message passes its rule from the access table before its handler runs; the reply,
    // when the page asked for one, is always the last argument.
    const on = <K extends keyof ClientToServerEvents>(name: K, handler: (...args: Parameters<ClientToServerEvents[K]>) => Promise<void>) => {
      socket.on(name, (async (...args: Parameters<ClientToServerEvents[K]>) => {
        try {
          admit(SOCKET_ACCESS[name].rule, caller);
        } catch (error) {
          const { code, message, messageEn } = error as DomainError;
          const reply = args.at(-1);
          if (typeof reply === 'function') reply({ ok: false, error: code, message, messageEn } satisfies Reply<never>);
          return;
        }
        await handler(...args);
      }) as never);
    };
    on('hall:subscribe', async (filter, reply) => {
      const snapshot = (await follow(socket, filter, false))!;
      if (typeof reply === 'function') reply({ ok: true, data: snapshot } satisfies Reply<HallSnapshot>);
    });
    on('hall:resync', async (reply) => {
      const snapshot = await deps.hallSnapshot(socket.data.filter ?? {});
      if (typeof reply === 'function') reply({ ok: true, data: snapshot });
    });
    socket.on('disconnect', () => {
      if (socket.data.room) dropIfEmpty(socket.data.room);
    });
    // Only what is committed goes into a snapshot; events after it continue the chain.
    const snapshot = await follow(socket, auth, true);
    if (snapshot) socket.emit('hall:snapshot', snapshot);
  });

  // One message per room for what one commit published: forty calls that arrive together share
  // a commit (queue-service.ts), and so cost each display one frame, not forty. It leaves as soon
  // as the publishing is done, before the forty callers' replies are written.
  let pending: ReturnType<typeof publicEvent>[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    for (const { key, events: forRoom } of rooms.route(batch, (id) => deps.live.counter(id))) {
      io.to(key).emit('hall:events', forRoom);
    }
  };
  // The hall's configuration changed (services, counters, settings): each page gets a fresh
  // snapshot of what it follows, with the new service list and counters, and carries on.
  const pushSnapshots = async () => {
    const byRoom = new Map<string, Promise<HallSnapshot>>();
    for (const socket of io.sockets.sockets.values()) {
      const room = socket.data.room;
      if (!room) continue;
      if (!byRoom.has(room)) byRoom.set(room, deps.hallSnapshot(socket.data.filter ?? {}));
      const snapshot = await byRoom.get(room)!;
      if (socket.connected) socket.emit('hall:snapshot', snapshot);
    }
  };
  deps.events.onEvents((events) => {
    // A page that misses it still resyncs on its own within a minute (web-shared/hall-feed.ts).
    if (events.some((e) => e.type === 'hall:configured')) pushSnapshots().catch(() => undefined);
    if (pending.length === 0) process.nextTick(flush);
    // Pages are public: they get each change in its public shape (server/domain/queue/public-view.ts).
    for (const event of events) if (!STAFF_ONLY_EVENTS.has(event.type)) pending.push(publicEvent(event));
  });

  return io;
}
