// What a registered kiosk does: take a number (within its per-minute cap) and print it, take a
// number to collect a dossier's result, and print a ticket again when the first print failed.
// The ticket exists even when its print fails: the kiosk shows it on screen.

import type { DeviceStatus, PrintOutcome, PublicTicketView } from '../../contract/events.js';
import { printerDeviceId } from '../../contract/events.js';
import { anywhere } from '../../domain/access/actor.js';
import type { DossierCommand } from '../../domain/dossier/dossier-engine.js';
import { DomainError } from '../../domain/domain-error.js';
import type { KioskDef } from '../../domain/hall/hall-definition.js';
import { publicTicket } from '../../domain/queue/public-view.js';
import type { Command } from '../../domain/queue/queue-engine.js';
import type { DossierRepository } from '../../db/dossier-repository.js';
import type { DeviceRegistry } from '../../services/device-registry.js';
import type { StatusSource } from '../../services/status-source.js';
import type { HallQueries } from '../../services/hall-queries.js';
import type { LimitsService } from '../../services/limits-service.js';
import type { LiveState } from '../../services/live-state.js';
import type { PrintService } from '../../services/print-service.js';
import type { CitizenKey } from '../dossiers/dossier-view.js';
import { findForCitizen } from '../dossiers/lookup-dossier.js';
import { lastSeqOf, type CommandRunner } from '../ports.js';

/** The address a ticket's QR code leads to, for a kiosk that reached the hub at `host`. */
export interface PhoneLinks {
  baseUrl(host: string | undefined): string;
  ticketUrl(baseUrl: string, ticketId: string): string;
}

export interface KioskTicketDeps {
  queue: Pick<CommandRunner, 'execute' | 'read' | 'lastSeq'>;
  live: Pick<LiveState, 'ticket'>;
  queries: Pick<HallQueries, 'ticketView'>;
  limits: Pick<LimitsService, 'kioskTicket'>;
  printing: Pick<PrintService, 'printTicket'>;
  phone: PhoneLinks;
}

/** A ticket as the kiosk shows it: the public shape with its place and wait, and what the printer did. */
export interface KioskTicket {
  seq: number;
  ticket: PublicTicketView;
  phoneUrl: string;
  print: PrintOutcome;
}

/** Gives the kiosk's number (a new one, or one to collect a result) and prints it. */
async function issueAndPrint(
  deps: KioskTicketDeps,
  kiosk: KioskDef,
  host: string | undefined,
  command: Extract<Command | DossierCommand, { type: 'issue' | 'returnTicket' }>,
): Promise<KioskTicket> {
  // Only a ticket actually given counts against the kiosk's cap; a refused tap does not.
  const { change, events } = await deps.limits.kioskTicket(kiosk.id, kiosk.ticketsPerMinute, () => deps.queue.execute(command, anywhere(`kiosk:${kiosk.id}`)));
  const ticketId = change.tickets[0]!.id;
  const view = await deps.queue.read(() => deps.queries.ticketView(deps.live.ticket(ticketId)!));
  const url = deps.phone.ticketUrl(deps.phone.baseUrl(host), ticketId);
  const print = await deps.printing.printTicket(kiosk, view, url);
  return { seq: lastSeqOf(events), ticket: { ...view, ticket: publicTicket(view.ticket) }, phoneUrl: url, print };
}

/** A citizen taps a service (and maybe a priority category) on the kiosk. */
export async function takeNumberAtKiosk(deps: KioskTicketDeps, kiosk: KioskDef, host: string | undefined, wanted: { serviceId: string; priority?: string | null }): Promise<KioskTicket> {
  // A kiosk set up for some services only (in the console) gives numbers for those.
  if (kiosk.services?.length && !kiosk.services.includes(wanted.serviceId)) throw new DomainError('kiosk_service_not_offered', { serviceId: wanted.serviceId, kioskId: kiosk.id });
  return issueAndPrint(deps, kiosk, host, { type: 'issue', serviceId: wanted.serviceId, priority: wanted.priority ?? null, source: 'kiosk' });
}

export type ReturnTicketDeps = KioskTicketDeps &
  ReprintDeps & {
    dossiers: Pick<DossierRepository, 'get' | 'byShortCode'>;
    limits: Pick<LimitsService, 'checkLookup' | 'lookupFailed'>;
    statusSource: Pick<StatusSource, 'statusOf'>;
  };

/**
 * A citizen back for a dossier's result scans the slip's QR (or types the code, or its short
 * form, and the check code): the ticket stays linked to the dossier. The code and check code
 * are asked as the public lookup asks them, with the same limit per address. Only a ready result
 * gets a number, and one at a time: asking again while it is open answers with the same ticket,
 * printed again within the ticket's reprint limit.
 */
export async function takeReturnTicket(deps: ReturnTicketDeps, kiosk: KioskDef, host: string | undefined, key: CitizenKey, address: string): Promise<KioskTicket> {
  const dossier = await findForCitizen(deps, key, address);
  const code = dossier.code;
  // The province's system knows whether its dossier's result is ready; the hall's own copy does not.
  const sourced = dossier.kind === 'linked' ? await deps.statusSource.statusOf(code) : null;
  const provinceReady = sourced?.available === true && sourced.status === 9;
  try {
    return await issueAndPrint(deps, kiosk, host, { type: 'returnTicket', code, source: 'kiosk', provinceReady });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'dossier_return_ticket_open') throw error;
    const ticketId = String(error.params.ticketId);
    const seq = deps.queue.lastSeq();
    try {
      return { seq, ...(await reprintTicket(deps, kiosk, host, ticketId)) };
    } catch (refusal) {
      if (!(refusal instanceof DomainError) || refusal.code !== 'reprint_limit') throw refusal;
      // Printed enough times already: the kiosk shows the number on its screen.
      const view = await deps.queue.read(() => deps.queries.ticketView(deps.live.ticket(ticketId)!));
      const print: PrintOutcome = { ok: false, code: refusal.code, message: refusal.message, messageEn: refusal.messageEn };
      return { seq, ticket: { ...view, ticket: publicTicket(view.ticket) }, phoneUrl: deps.phone.ticketUrl(deps.phone.baseUrl(host), ticketId), print };
    }
  }
}

export interface ReprintDeps {
  queue: Pick<CommandRunner, 'read'>;
  live: Pick<LiveState, 'ticket' | 'settings'>;
  queries: Pick<HallQueries, 'ticketView' | 'today'>;
  limits: Pick<LimitsService, 'checkReprint' | 'reprinted'>;
  printing: Pick<PrintService, 'printTicket'>;
  phone: PhoneLinks;
}

/** Prints today's ticket again (after the printer was fixed), a few times at most. */
export async function reprintTicket(deps: ReprintDeps, kiosk: KioskDef, host: string | undefined, ticketId: string): Promise<Omit<KioskTicket, 'seq'>> {
  const view = await deps.queue.read(() => {
    const ticket = deps.live.ticket(ticketId);
    if (!ticket) throw new DomainError('ticket_not_found', { ticketId });
    if (ticket.day !== deps.queries.today()) throw new DomainError('ticket_not_from_today', { ticketId });
    return deps.queries.ticketView(ticket);
  });
  deps.limits.checkReprint(ticketId, deps.live.settings.reprintsPerTicket);
  const url = deps.phone.ticketUrl(deps.phone.baseUrl(host), ticketId);
  const print = await deps.printing.printTicket(kiosk, view, url);
  if (print.ok) deps.limits.reprinted(ticketId);
  return { ticket: { ...view, ticket: publicTicket(view.ticket) }, phoneUrl: url, print };
}

export interface KioskInfoDeps {
  devices: Pick<DeviceRegistry, 'get'>;
  phone: Pick<PhoneLinks, 'baseUrl'>;
}

export interface KioskInfo {
  id: string;
  name: KioskDef['name'];
  ticketsPerMinute: number;
  paperWidth: KioskDef['printer']['paperWidth'];
  printer: DeviceStatus | null;
  phoneBaseUrl: string;
  /** The services this kiosk offers; empty: every service. */
  services: string[];
}

/** Who the kiosk is, its cap, its printer's state and where its tickets' QR codes lead. */
export function kioskInfo(deps: KioskInfoDeps, kiosk: KioskDef, host: string | undefined): KioskInfo {
  return {
    id: kiosk.id,
    name: kiosk.name,
    ticketsPerMinute: kiosk.ticketsPerMinute,
    paperWidth: kiosk.printer.paperWidth,
    printer: deps.devices.get(printerDeviceId(kiosk.id)),
    phoneBaseUrl: deps.phone.baseUrl(host),
    services: kiosk.services ?? [],
  };
}
