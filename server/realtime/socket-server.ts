// socket.io for every page: a snapshot on connect (and on every reconnect), then numbered
// events for the services and counters the page follows.

import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, HallSnapshot, Reply, ServerToClientEvents, SubscriptionFilter } from '../contract/events.js';
import type { Hub } from '../hub.js';
import { normalizeFilter, SubscriptionRooms } from './subscriptions.js';

export type HallSocketServer = Server<ClientToServerEvents, ServerToClientEvents>;

interface SocketData {
  room: string;
  filter: SubscriptionFilter;
}

export function startRealtime(httpServer: HttpServer, hub: Hub): HallSocketServer {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    // Pages are served by the hub itself; other origins are allowed for kiosk apps on other machines of the hall.
    cors: { origin: true },
  });
  const rooms = new SubscriptionRooms(() => hub.queue.lastSeq());

  const dropIfEmpty = (key: string) => {
    if ((io.sockets.adapter.rooms.get(key)?.size ?? 0) === 0) rooms.forget(key);
  };

  const follow = (socket: { data: Partial<SocketData>; join(room: string): void; leave(room: string): void }, filter: SubscriptionFilter): HallSnapshot => {
    const normalized = normalizeFilter(filter);
    const key = rooms.join(normalized);
    const previous = socket.data.room;
    if (previous && previous !== key) {
      socket.leave(previous);
      dropIfEmpty(previous);
    }
    socket.join(key);
    socket.data.room = key;
    socket.data.filter = normalized;
    // Joining and reading the snapshot happen in the same tick: no event can fall between.
    return hub.queries.snapshot(normalized);
  };

  io.on('connection', (socket) => {
    const auth = (socket.handshake.auth ?? {}) as SubscriptionFilter;
    socket.emit('hall:snapshot', follow(socket, auth));

    socket.on('hall:subscribe', (filter, reply) => {
      const snapshot = follow(socket, filter ?? {});
      if (typeof reply === 'function') reply({ ok: true, data: snapshot } satisfies Reply<HallSnapshot>);
    });
    socket.on('hall:resync', (reply) => {
      if (typeof reply === 'function') reply({ ok: true, data: hub.queries.snapshot(socket.data.filter ?? {}) });
    });
    socket.on('disconnect', () => {
      if (socket.data.room) dropIfEmpty(socket.data.room);
    });
  });

  hub.queue.onEvents((events) => {
    for (const { key, event } of rooms.route(events, (id) => hub.live.counter(id))) {
      io.to(key).emit('hall:event', event);
    }
  });

  return io;
}
