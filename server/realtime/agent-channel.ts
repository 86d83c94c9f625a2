// The device agents' namespace (/agent) on the hub's socket.io server: an agent connects with
// its kiosk's token, says hello, reports its printer, and gets the kiosk's print jobs. Every
// message passes its rule from the access table with the token presented again, so a kiosk
// removed from the hall file is refused at its next message. Any agent, a display's without a
// token too, may ask for the hall's opening days (public), sent again to all when they change.

import type { Namespace, Server } from 'socket.io';
import { AGENT_NAMESPACE, type AgentHallHours, type AgentPrintAnswer, type AgentPrinterState, type AgentToHubEvents, type AgentWelcome, type HubToAgentEvents } from '../contract/agent.js';
import type { HallEvent, Reply } from '../contract/events.js';
import type { DomainError } from '../domain/domain-error.js';
import { isLoopback } from '../http/access/access-control.js';
import { admit, type Caller, type Principal } from '../http/access/access-rules.js';
import { SOCKET_ACCESS } from '../http/access/access-table.js';
import type { AgentLink, AgentSession } from '../services/agent-link.js';

export interface AgentChannelDeps {
  /** Resolves "Bearer <token>" as the HTTP routes do. */
  identify(authorization: string | undefined): Principal;
  agents: AgentLink;
  /** How long an agent has to answer a print job (the kiosk waits meanwhile). */
  printTimeoutMs?: number;
  /** The hall's opening days for the agents' screens (use-cases/hall/opening-days.ts). */
  openingDays(): AgentHallHours;
  /** Every commit's events: a calendar or hall change sends the days to every agent at once. */
  events: { onEvents(listener: (events: readonly Pick<HallEvent, 'type'>[]) => void): void };
}

const PROBLEMS = new Set(['unreachable', 'offline', 'paper_out', 'cover_open', 'printer_error']);
const PAPER = new Set(['ok', 'near_end', 'out', 'unknown']);

/** The state as sent, or null when it is not one (an agent of another version, a mistake). */
export function printerStateOf(value: unknown): AgentPrinterState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.online !== 'boolean' || typeof v.coverOpen !== 'boolean' || typeof v.reported !== 'boolean') return null;
  if (typeof v.paper !== 'string' || !PAPER.has(v.paper)) return null;
  if (v.problem !== null && (typeof v.problem !== 'string' || !PROBLEMS.has(v.problem))) return null;
  return { online: v.online, paper: v.paper as AgentPrinterState['paper'], coverOpen: v.coverOpen, problem: v.problem as AgentPrinterState['problem'], reported: v.reported };
}

export function startAgentChannel(io: Server, deps: AgentChannelDeps): void {
  const printTimeoutMs = deps.printTimeoutMs ?? 10_000;
  const agents = io.of(AGENT_NAMESPACE) as unknown as Namespace<AgentToHubEvents, HubToAgentEvents>;

  agents.on('connection', (socket) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const authorization = typeof token === 'string' ? `Bearer ${token}` : undefined;
    const hubMachine = isLoopback(socket.handshake.address);
    const caller = (): Caller => ({ principal: deps.identify(authorization), hubMachine });
    let kioskId: string | null = null;

    const session: AgentSession = {
      send: (job) =>
        new Promise<AgentPrintAnswer>((resolve, reject) => {
          socket.timeout(printTimeoutMs).emit('agent:print', job, (error: Error | null, answer: AgentPrintAnswer) => {
            if (error) reject(new Error(`no answer within ${Math.round(printTimeoutMs / 1000)} s`));
            else if (answer?.jobId !== job.jobId || typeof answer.ok !== 'boolean') reject(new Error('an answer the hub does not understand'));
            else resolve(answer.ok ? { jobId: answer.jobId, ok: true } : { jobId: answer.jobId, ok: false, reason: String(answer.reason) });
          });
        }),
    };

    /** Passes the message's rule; the refusal goes back when the agent asked for a reply. */
    const admitted = <K extends keyof AgentToHubEvents>(name: K, reply?: unknown): Principal | null => {
      const who = caller();
      try {
        admit(SOCKET_ACCESS[name].rule, who);
        return who.principal;
      } catch (error) {
        const { code, message, messageEn } = error as DomainError;
        if (typeof reply === 'function') reply({ ok: false, error: code, message, messageEn } satisfies Reply<never>);
        socket.disconnect(true);
        return null;
      }
    };

    socket.on('agent:hello', (_hello, reply) => {
      const principal = admitted('agent:hello', reply);
      if (principal?.kind !== 'kiosk') return;
      if (kioskId !== null && kioskId !== principal.kiosk.id) deps.agents.detach(kioskId, session);
      kioskId = principal.kiosk.id;
      deps.agents.attach(kioskId, session);
      if (typeof reply === 'function') {
        reply({ ok: true, data: { kioskId, printsHere: principal.kiosk.printer.kind === 'agent' } } satisfies Reply<AgentWelcome>);
      }
    });
    socket.on('agent:printer', (state) => {
      const principal = admitted('agent:printer');
      if (principal?.kind !== 'kiosk' || kioskId !== principal.kiosk.id) return;
      const valid = printerStateOf(state);
      if (valid) deps.agents.report(kioskId, session, valid);
    });
    socket.on('agent:hours', (reply) => {
      if (admitted('agent:hours', reply) === null || typeof reply !== 'function') return;
      reply({ ok: true, data: deps.openingDays() } satisfies Reply<AgentHallHours>);
    });
    socket.on('disconnect', () => {
      if (kioskId !== null) deps.agents.detach(kioskId, session);
    });
  });

  deps.events.onEvents((events) => {
    if (!events.some((e) => e.type === 'calendar:changed' || e.type === 'hall:configured')) return;
    if (agents.sockets.size > 0) agents.emit('agent:hours', deps.openingDays());
  });
}
