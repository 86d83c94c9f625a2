// A network thermal printer played on 127.0.0.1: it records every job it receives and
// answers real-time status queries (DLE EOT n) with whatever state the test gives it.

import { createServer, type Server, type Socket } from 'node:net';

export interface PrinterState {
  /** DLE EOT 1 answer; bit 3 = offline. */
  printer: number;
  /** DLE EOT 2 answer; bit 2 = cover open, bit 5 = paper end stop, bit 6 = error. */
  offlineCause: number;
  /** DLE EOT 4 answer; bits 2-3 = near end, bits 5-6 = paper end. */
  paperSensor: number;
  /** false: accepts connections but never answers status queries (many printers). */
  answers: boolean;
}

export const HEALTHY: PrinterState = { printer: 0x12, offlineCause: 0x12, paperSensor: 0x12, answers: true };
export const PAPER_OUT: PrinterState = { printer: 0x1a, offlineCause: 0x32, paperSensor: 0x72, answers: true };

export class LoopbackPrinter {
  state: PrinterState = { ...HEALTHY };
  /** Bytes of each connection that carried more than status queries, in order. */
  readonly jobs: Buffer[] = [];
  /** Connections that only asked for the status. */
  statusConversations = 0;
  private server: Server | null = null;
  private waiters: (() => void)[] = [];
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get address(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  private serve(socket: Socket): void {
    const chunks: Buffer[] = [];
    socket.on('data', (data) => {
      chunks.push(data);
      const all = Buffer.concat(chunks);
      // A status conversation starts with DLE EOT; answer each query it holds.
      if (all[0] === 0x10 && all[1] === 0x04 && this.state.answers) {
        const answer = { 1: this.state.printer, 2: this.state.offlineCause, 4: this.state.paperSensor }[data[2]!];
        if (answer !== undefined) socket.write(Buffer.from([answer]));
      }
    });
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      if (all.length > 0 && !(all[0] === 0x10 && all[1] === 0x04 && all.length % 3 === 0 && all.length <= 12)) {
        this.jobs.push(all);
        for (const w of this.waiters.splice(0)) w();
      } else if (all.length > 0) {
        this.statusConversations++;
      }
    });
    socket.on('error', () => undefined);
  }

  /** Resolves when at least `count` jobs have arrived. */
  async waitForJobs(count: number, timeoutMs = 5000): Promise<Buffer[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.jobs.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the printer received ${this.jobs.length} jobs, expected ${count}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.jobs;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
