// Reading an ESC/POS printer's real-time status (DLE EOT n, answered with one byte by most
// Epson-compatible printers) and what the answers mean for a kiosk.

import { Socket } from 'node:net';

export type PaperState = 'ok' | 'near_end' | 'out' | 'unknown';

export interface PrinterStatus {
  /** Reachable and able to print as far as the printer tells. */
  online: boolean;
  paper: PaperState;
  coverOpen: boolean;
  /** Stable code for pages and logs: offline, paper_out, cover_open, printer_error, unreachable. */
  problem: PrinterProblem | null;
  /** The printer answered status queries (many do not; then only reachability is known). */
  reported: boolean;
}

export type PrinterProblem = 'unreachable' | 'offline' | 'paper_out' | 'cover_open' | 'printer_error';

/** DLE EOT n: 1 printer, 2 offline cause, 4 roll paper sensor. */
export const STATUS_QUERIES = { printer: 1, offlineCause: 2, paperSensor: 4 } as const;
export const statusQuery = (n: number): Buffer => Buffer.from([0x10, 0x04, n]);

/** A status byte always has bit 1 and bit 4 set, bits 0 and 7 clear. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Decodes the three answers; a missing or malformed answer counts as not reported. */
export function decodeStatus(answers: { printer?: number; offlineCause?: number; paperSensor?: number }): PrinterStatus {
  const valid = (b: number | undefined): b is number => b !== undefined && isStatusByte(b);
  const printer = valid(answers.printer) ? answers.printer : null;
  const cause = valid(answers.offlineCause) ? answers.offlineCause : null;
  const sensor = valid(answers.paperSensor) ? answers.paperSensor : null;
  if (printer === null && cause === null && sensor === null) {
    return { online: true, paper: 'unknown', coverOpen: false, problem: null, reported: false };
  }
  const offline = printer !== null && (printer & 0x08) !== 0;
  const coverOpen = cause !== null && (cause & 0x04) !== 0;
  const paperEnd = (cause !== null && (cause & 0x20) !== 0) || (sensor !== null && (sensor & 0x60) === 0x60);
  const nearEnd = sensor !== null && (sensor & 0x0c) === 0x0c;
  const error = cause !== null && (cause & 0x40) !== 0;
  const paper: PaperState = paperEnd ? 'out' : nearEnd ? 'near_end' : sensor === null ? 'unknown' : 'ok';
  const problem: PrinterProblem | null = paperEnd ? 'paper_out' : coverOpen ? 'cover_open' : error ? 'printer_error' : offline ? 'offline' : null;
  return { online: problem === null, paper, coverOpen, problem, reported: true };
}

export const UNREACHABLE: PrinterStatus = { online: false, paper: 'unknown', coverOpen: false, problem: 'unreachable', reported: false };

/**
 * Asks a network printer for its status over a fresh connection, one query at a time, and
 * waits at most `timeoutMs` for each byte. A printer that accepts the connection but never
 * answers is reachable with an unknown paper state.
 */
export function queryNetworkStatus(host: string, port: number, timeoutMs = 800): Promise<PrinterStatus> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const answers: { printer?: number; offlineCause?: number; paperSensor?: number } = {};
    const order = Object.entries(STATUS_QUERIES) as [keyof typeof answers, number][];
    let index = 0;
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    let connected = false;
    const finish = (status: PrinterStatus) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    const ask = () => {
      if (index >= order.length) return finish(decodeStatus(answers));
      clearTimeout(timer);
      // A silent printer ends the questions: the others would go unanswered as well.
      timer = setTimeout(() => finish(decodeStatus(answers)), timeoutMs);
      socket.write(statusQuery(order[index]![1]));
    };
    socket.setTimeout(timeoutMs * 2, () => finish(UNREACHABLE));
    socket.on('error', () => finish(connected ? decodeStatus(answers) : UNREACHABLE));
    socket.on('data', (data) => {
      for (const byte of data) {
        if (index >= order.length) break;
        answers[order[index]![0]] = byte;
        index++;
      }
      ask();
    });
    socket.connect(port, host, () => {
      connected = true;
      ask();
    });
  });
}
