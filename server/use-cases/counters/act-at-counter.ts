// What a clerk does at a counter: call next, call a ticket, recall, start, no-show, finish,
// transfer, pause, resume, open and close. The counter page's HTTP call and the counter's keypad
// both end here (a keypad's key is turned into the same command by server/domain/keypad-commands.ts).

import type { CounterView } from '../../contract/events.js';
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import type { Ticket } from '../../domain/queue/queue-state.js';
import type { TransferPosition } from '../../domain/hall/hall-definition.js';
import type { Command } from '../../domain/queue/queue-engine.js';
import type { HallQueries } from '../../services/hall-queries.js';
import { lastSeqOf, type CommandRunner } from '../ports.js';

/** The commands that act on one counter. */
export type CounterCommand = Extract<Command, { counterId: number }>;

export function isCounterCommand(command: Command): command is CounterCommand {
  return 'counterId' in command;
}

export interface ActAtCounterDeps {
  queue: Pick<CommandRunner, 'execute' | 'read'>;
  queries: Pick<HallQueries, 'counterView'>;
}

export interface CounterActed {
  /** Sequence number of the last event the command caused. */
  seq: number;
  /** The counter after the command. */
  counter: CounterView;
  /** The ticket the command acted on. */
  ticket: Ticket | null;
}

/** An active counter's view; an unknown or retired counter is refused. */
export function activeCounterView(queries: Pick<HallQueries, 'counterView'>, counterId: number): CounterView {
  const view = queries.counterView(counterId);
  if (!view?.def.active) throw new DomainError('counter_not_found', { counterId });
  return view;
}

/** Runs one counter command for `actor` and answers with the counter as it now is. */
export async function actAtCounter(deps: ActAtCounterDeps, command: CounterCommand, actor: Actor): Promise<CounterActed> {
  const { change, events } = await deps.queue.execute(command, actor);
  return deps.queue.read(() => ({
    seq: lastSeqOf(events),
    counter: activeCounterView(deps.queries, command.counterId),
    ticket: change.tickets.at(-1) ?? null,
  }));
}

/** The ticket held at the counter, when the caller names it (a stale page names the one it shows). */
export interface HeldTicket {
  ticketId?: string;
}

/** Each counter action as its own use case, for adapters that name what they do. */
export const counterActions = {
  callNext: (deps: ActAtCounterDeps, counterId: number, o: { finishCurrent?: boolean }, actor: Actor) =>
    actAtCounter(deps, { type: 'callNext', counterId, finishCurrent: o.finishCurrent ?? false }, actor),
  callTicket: (deps: ActAtCounterDeps, counterId: number, o: { ticketId: string }, actor: Actor) => actAtCounter(deps, { type: 'callTicket', counterId, ticketId: o.ticketId }, actor),
  recall: (deps: ActAtCounterDeps, counterId: number, o: HeldTicket, actor: Actor) => actAtCounter(deps, { type: 'recall', counterId, ticketId: o.ticketId }, actor),
  start: (deps: ActAtCounterDeps, counterId: number, o: HeldTicket, actor: Actor) => actAtCounter(deps, { type: 'start', counterId, ticketId: o.ticketId }, actor),
  noShow: (deps: ActAtCounterDeps, counterId: number, o: HeldTicket, actor: Actor) => actAtCounter(deps, { type: 'noShow', counterId, ticketId: o.ticketId }, actor),
  finish: (deps: ActAtCounterDeps, counterId: number, o: HeldTicket, actor: Actor) => actAtCounter(deps, { type: 'finish', counterId, ticketId: o.ticketId }, actor),
  transfer: (deps: ActAtCounterDeps, counterId: number, o: HeldTicket & { toServiceId?: string; toCounterId?: number; position?: TransferPosition }, actor: Actor) =>
    actAtCounter(deps, { type: 'transfer', counterId, ticketId: o.ticketId, toServiceId: o.toServiceId, toCounterId: o.toCounterId, position: o.position }, actor),
  pause: (deps: ActAtCounterDeps, counterId: number, o: { reason?: string | null }, actor: Actor) => actAtCounter(deps, { type: 'pause', counterId, reason: o.reason ?? null }, actor),
  resume: (deps: ActAtCounterDeps, counterId: number, _o: object, actor: Actor) => actAtCounter(deps, { type: 'resume', counterId }, actor),
  openCounter: (deps: ActAtCounterDeps, counterId: number, o: { clerk?: string | null }, actor: Actor) =>
    actAtCounter(deps, { type: 'openCounter', counterId, clerk: o.clerk ?? null }, actor),
  closeCounter: (deps: ActAtCounterDeps, counterId: number, _o: object, actor: Actor) => actAtCounter(deps, { type: 'closeCounter', counterId }, actor),
};
