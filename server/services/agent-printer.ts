// A kiosk printer on the kiosk's own PC: the hub makes the ESC/POS job as for any printer and
// hands the bytes to the kiosk's device agent, whose answers count as a network printer's.

import { composeTicketJob, thermalPrinter, type PrinterInterface, type PrinterModel } from '../../hardware/printer/escpos-job.js';
import { UNREACHABLE, type PrinterStatus } from '../../hardware/printer/printer-status.js';
import type { TicketPrinter } from '../../hardware/printer/ticket-printer.js';
import type { TicketRaster } from '../../hardware/printer/raster.js';
import type { AgentPrinterState } from '../contract/agent.js';
import type { PrinterDef } from '../domain/hall/hall-definition.js';
import type { AgentLink } from './agent-link.js';

// The agent's report and the hub's own printer state are one shape.
const sameShape = (state: AgentPrinterState): PrinterStatus => state;

export class AgentPrinter implements TicketPrinter {
  readonly where: string;
  readonly def: { kind: PrinterModel; address: null; paperWidth: PrinterDef['paperWidth'] };

  constructor(
    private readonly kioskId: string,
    printer: PrinterDef,
    private readonly agents: Pick<AgentLink, 'state' | 'print'>,
  ) {
    this.def = { kind: printer.model ?? 'epson', address: null, paperWidth: printer.paperWidth };
    this.where = `agent:${kioskId}`;
  }

  /** What the agent last said; unreachable while no agent of the kiosk is connected. */
  async status(): Promise<PrinterStatus> {
    const state = this.agents.state(this.kioskId);
    return state ? sameShape(state) : UNREACHABLE;
  }

  statusBeforePrint(): Promise<PrinterStatus> {
    return this.status();
  }

  async print(raster: TicketRaster, name: string): Promise<void> {
    let bytes: Buffer | null = null;
    const capture: PrinterInterface = {
      execute: async (buffer) => {
        bytes = buffer;
      },
      isPrinterConnected: async () => true,
    };
    const printer = thermalPrinter(this.def.kind, capture);
    await composeTicketJob(printer, this.def.kind, raster);
    await printer.execute();
    await this.agents.print(this.kioskId, name, bytes!);
  }
}
