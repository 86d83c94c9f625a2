// The narrow views of the hub's services that use cases take as dependencies. A use case names
// only what it calls (e.g. `Pick<CommandRunner, 'execute'>`), so its dependencies say what it does.

import type { QueueService } from '../services/queue-service.js';

/** Runs commands (one commit path) and reads what is committed. */
export type CommandRunner = Pick<QueueService, 'execute' | 'read' | 'lastSeq'>;

/** The sequence number of the last event a command caused. */
export function lastSeqOf(events: readonly { seq: number }[]): number {
  return events.at(-1)!.seq;
}

/** A use case with its dependencies given: what an adapter (route, socket handler, device) calls. */
export type UseCase<F> = F extends (deps: never, ...args: infer A) => infer R ? (...args: A) => R : never;

/** A set of use cases with their dependencies given. */
export type Bound<T> = { [K in keyof T]: UseCase<T[K]> };

/** Gives a use case its dependencies (the composition root does this). */
export function bind<D, A extends unknown[], R>(useCase: (deps: D, ...args: A) => R, deps: D): (...args: A) => R {
  return (...args: A) => useCase(deps, ...args);
}

/** Gives every use case of a set the same dependencies (the composition root does this). */
export function bindAll<D, T extends Record<string, (deps: D, ...args: never[]) => unknown>>(useCases: T, deps: D): Bound<T> {
  const bound: Record<string, unknown> = {};
  for (const [name, useCase] of Object.entries(useCases)) bound[name] = (...args: never[]) => useCase(deps, ...args);
  return bound as Bound<T>;
}
