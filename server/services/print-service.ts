// Prints tickets on each kiosk's printer, one job at a time per printer, and keeps the
// printers' health in the device registry. A failed print never loses the ticket: the
// kiosk shows it on screen and can ask for the print again.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrinterStatus } from '../../hardware/printer/printer-status.js';
import { ticketWords } from '../use-cases/tickets/ticket-content.js';
import { createTicketPrinter, type TicketPrinter } from '../../hardware/printer/ticket-printer.js';
import { printerDeviceId } from '../contract/events.js';
import type { KioskDef } from '../domain/hall/hall-definition.js';
import type { LocalizedText } from '../domain/localized-text.js';
import type { Logger } from './queue-service.js';
import type { DeviceRegistry } from './device-registry.js';
import type { SlipContent } from '../use-cases/dossiers/slips/slip-content.js';
import type { Block, TicketRaster } from '../../hardware/printer/raster.js';
import type { PrintOutcome, TicketView } from '../contract/events.js';
import type { LiveState } from './live-state.js';
import type { AgentLink } from './agent-link.js';
import { AgentPrinter } from './agent-printer.js';

const PROBLEM_WORDS: Record<string, LocalizedText> = {
  unreachable: { vi: 'Không kết nối được máy in.', en: 'The printer cannot be reached.' },
  offline: { vi: 'Máy in đang ngừng hoạt động.', en: 'The printer is offline.' },
  paper_out: { vi: 'Máy in hết giấy.', en: 'The printer is out of paper.' },
  paper_near_end: { vi: 'Máy in sắp hết giấy.', en: 'The printer is running out of paper.' },
  cover_open: { vi: 'Nắp máy in đang mở.', en: 'The printer cover is open.' },
  printer_error: { vi: 'Máy in báo lỗi.', en: 'The printer reports an error.' },
  print_failed: { vi: 'In phiếu không thành công.', en: 'The ticket could not be printed.' },
};

/** A hub built without the agents' channel: an agent's printer is never reached. */
const NO_AGENTS: Pick<AgentLink, 'state' | 'print'> = {
  state: () => null,
  print: async () => {
    throw new Error('no device agent channel');
  },
};

export interface PrintRecord {
  name: string;
  /** Modification time of the picture, ms. */
  at: number;
}

export class PrintService {
  private readonly printers = new Map<string, { printer: TicketPrinter; key: string }>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly live: Pick<LiveState, 'kiosks' | 'settings'>,
    private readonly devices: DeviceRegistry,
    readonly printsDir: string,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
    private readonly agents: AgentLink | null = null,
  ) {
    // An agent's report (or its leaving) is the printer's state at once: the kiosk's banner
    // shows before the next tap, not at the next round of checks.
    agents?.onChange((kioskId) => {
      const kiosk = this.live.kiosks.find((k) => k.id === kioskId && k.active && k.printer.kind === 'agent');
      if (kiosk) void this.serialized(kiosk.id, async () => this.record(kiosk, await this.printerOf(kiosk).status()));
    });
  }

  /** The kiosk's printer, made anew when the hall description changed it. */
  printerOf(kiosk: KioskDef): TicketPrinter {
    const key = JSON.stringify(kiosk.printer);
    const known = this.printers.get(kiosk.id);
    if (known && known.key === key) return known.printer;
    const printer =
      kiosk.printer.kind === 'agent'
        ? new AgentPrinter(kiosk.id, kiosk.printer, this.agents ?? NO_AGENTS)
        : createTicketPrinter({ ...kiosk.printer, kind: kiosk.printer.kind }, this.printsDir);
    this.printers.set(kiosk.id, { printer, key });
    return printer;
  }

  /** Renders and prints one ticket; resolves with what happened, never rejects. */
  printTicket(kiosk: KioskDef, view: TicketView, phoneUrl: string): Promise<PrintOutcome> {
    return this.printOn(kiosk, `${view.ticket.id}_${kiosk.id}_${this.clock()}`, async () => {
      // Loaded on the first print: a hall without kiosks never pays for the drawing library.
      const { renderTicket } = await import('../use-cases/tickets/ticket-layout.js');
      return renderTicket(ticketWords(this.facts(view, phoneUrl)), kiosk.printer.paperWidth);
    });
  }

  /** Prints a dossier slip on a kiosk's thermal printer; resolves with what happened. */
  printSlip(kiosk: KioskDef, slip: SlipContent): Promise<PrintOutcome> {
    const day = slip.code.split('-')[1] ?? '';
    return this.printOn(kiosk, `20${day}-SLIP${slip.form}-${Number(slip.code.slice(-4))}_${kiosk.id}_${this.clock()}`, async () => {
      const [{ renderBlocks }, { slipBlocks }] = await Promise.all([import('../use-cases/tickets/ticket-layout.js'), import('../use-cases/dossiers/slips/slip-thermal.js')]);
      return renderBlocks((scale) => slipBlocks(slip, scale), kiosk.printer.paperWidth);
    });
  }

  /** Prints any paper of blocks (a printer's test ticket) on a kiosk's printer; resolves with what happened. */
  printPaper(kiosk: KioskDef, name: string, blocksFor: (scale: number) => Block[]): Promise<PrintOutcome> {
    return this.printOn(kiosk, `${name}_${kiosk.id}_${this.clock()}`, async () => {
      const { renderBlocks } = await import('../use-cases/tickets/ticket-layout.js');
      return renderBlocks(blocksFor, kiosk.printer.paperWidth);
    });
  }

  private printOn(kiosk: KioskDef, name: string, render: () => Promise<TicketRaster>): Promise<PrintOutcome> {
    return this.serialized(kiosk.id, async () => {
      const printer = this.printerOf(kiosk);
      const status = await printer.statusBeforePrint();
      this.record(kiosk, status);
      if (!status.online) return this.failure(kiosk, status.problem ?? 'print_failed', null);
      try {
        await printer.print(await render(), name);
        return { ok: true, code: null, message: null, messageEn: null };
      } catch (error) {
        return this.failure(kiosk, 'print_failed', (error as Error).message);
      }
    });
  }

  /** Asks every active kiosk's printer for its state (the hub does so every few seconds). */
  async checkPrinters(): Promise<void> {
    await Promise.all(this.live.kiosks.filter((k) => k.active).map((kiosk) => this.serialized(kiosk.id, async () => this.record(kiosk, await this.printerOf(kiosk).status()))));
  }

  /** The simulated printers' recent tickets, newest first. */
  async recentPrints(limit = 60): Promise<PrintRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.printsDir);
    } catch {
      return [];
    }
    return names
      .filter((n) => n.endsWith('.png'))
      .map((n) => ({ name: n.slice(0, -4), at: Number(n.slice(0, -4).split('_').at(-1)) || 0 }))
      .sort((a, b) => b.at - a.at || b.name.localeCompare(a.name))
      .slice(0, limit);
  }

  private facts(view: TicketView, phoneUrl: string) {
    const settings = this.live.settings;
    const category = settings.priorityCategories.find((c) => c.code === view.ticket.priority);
    return {
      hallName: settings.name,
      number: view.ticket.number,
      service: view.service.name,
      location: view.service.location,
      priority: view.ticket.priority ? (category?.name ?? { vi: view.ticket.priority, en: view.ticket.priority }) : null,
      peopleAhead: view.peopleAhead,
      estimatedWaitSeconds: view.estimatedWaitSeconds,
      beyondClosing: view.beyondClosing,
      issuedAt: view.ticket.issuedAt,
      timeZone: settings.timeZone,
      phoneUrl,
      footer: settings.ticketFooter,
    };
  }

  private record(kiosk: KioskDef, status: PrinterStatus): void {
    const code = status.problem ?? (status.paper === 'near_end' ? 'paper_near_end' : null);
    const words = code ? PROBLEM_WORDS[code]! : null;
    this.devices.report(printerDeviceId(kiosk.id), 'printer', {
      ok: status.online,
      code,
      message: words?.vi ?? null,
      messageEn: words?.en ?? null,
    });
  }

  private failure(kiosk: KioskDef, code: string, detail: string | null): PrintOutcome {
    const words = PROBLEM_WORDS[code] ?? PROBLEM_WORDS.print_failed!;
    this.logger.error({ kiosk: kiosk.id, code, detail }, 'ticket not printed');
    this.devices.report(printerDeviceId(kiosk.id), 'printer', {
      ok: false,
      code,
      message: detail ? `${words.vi} (${detail})` : words.vi,
      messageEn: detail ? `${words.en} (${detail})` : words.en,
    });
    return { ok: false, code, message: words.vi, messageEn: words.en };
  }

  private serialized<T>(kioskId: string, job: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(kioskId) ?? Promise.resolve();
    const next = previous.then(job, job);
    this.queues.set(
      kioskId,
      next.catch(() => undefined),
    );
    return next;
  }
}

export function printsDirOf(dataDir: string): string {
  return join(dataDir, 'prints');
}
