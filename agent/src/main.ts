// luot-agent: the program on a kiosk or display PC. It keeps a connection to the hub (socket.io,
// namespace /agent, with the kiosk's token), prints the kiosk's tickets on the printer of this
// PC and reports that printer's state, and switches the screen off at night and on closed days
// and on before opening, from the hall's opening days the hub sends (kept on disk, so that the
// schedule holds while the hub is out of reach). The page itself runs in Chromium under the kiosk compositor (luot-agent-session).
//   luot-agent [--config FILE]   run
//   luot-agent page-url          print the page address the browser opens

import { io, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, type AgentHallHours, type AgentPrintAnswer, type AgentPrinterState, type AgentToHubEvents, type HubToAgentEvents } from '../../server/contract/agent.js';
import { ConfigError, DEFAULT_CONFIG_FILE, readConfig, type AgentConfig } from './config.js';
import { localPrinter, sameState, type LocalPrinter } from './printer.js';
import { commandSwitch, type ScreenSwitch } from './screen.js';
import { keptHours, keepHours, hoursOf } from './hall-hours.js';
import { screenShouldBeOn } from './screen-schedule.js';

declare const AGENT_VERSION: string;
const VERSION = typeof AGENT_VERSION === 'string' ? AGENT_VERSION : 'dev';

const log = (...words: unknown[]) => console.log(...words);

export class Agent {
  private socket: Socket<HubToAgentEvents, AgentToHubEvents> | null = null;
  private printer: LocalPrinter | null;
  private state: AgentPrinterState | null = null;
  private timers: NodeJS.Timeout[] = [];
  private hall: AgentHallHours | null = null;
  private screenOn: boolean | null = null;

  constructor(
    private readonly config: AgentConfig,
    private readonly screen: ScreenSwitch = commandSwitch(config.screenCommand),
    private readonly clock: () => number = Date.now,
  ) {
    this.printer = config.printer ? localPrinter(config.printer) : null;
  }

  start(): void {
    log(`luot-agent ${VERSION}: ${this.config.role} of ${this.config.hub}${this.printer ? `, printer ${this.printer.where}` : ''}`);
    if (this.config.screen.kind !== 'always') {
      this.hall = keptHours(this.config.stateDir);
      if (this.hall) log(`the hall's opening days kept from the hub run to ${this.hall.days.at(-1)?.day}`);
    }
    // A display without a token connects too: the hall's opening days are public.
    if (this.config.token || this.config.screen.kind !== 'always') this.connect();
    if (this.printer) {
      void this.checkPrinter();
      this.timers.push(setInterval(() => void this.checkPrinter(), this.config.printerCheckMs));
    }
    if (this.config.screen.kind !== 'always') {
      void this.applyScreen();
      // The days move on: asked again every hour (and sent by the hub at once when its calendar changes).
      this.timers.push(setInterval(() => this.askHours(), 60 * 60_000));
      this.timers.push(setInterval(() => void this.applyScreen(), 30_000));
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.socket?.close();
    await this.printer?.close();
  }

  private connect(): void {
    const socket: Socket<HubToAgentEvents, AgentToHubEvents> = io(this.config.hub + AGENT_NAMESPACE, {
      auth: { token: this.config.token },
      transports: ['websocket'],
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.askHours();
      if (!this.config.token) return;
      socket.emit('agent:hello', { role: this.config.role, version: VERSION, printer: this.printer?.where ?? null }, (reply) => {
        if (!reply.ok) {
          log(`the hub refuses this agent: ${reply.message} / ${reply.messageEn}`);
          return;
        }
        const { kioskId, printsHere } = reply.data;
        log(`connected to the hub as kiosk ${kioskId}${printsHere ? '' : ' (the hall file does not give this kiosk printer: { type: agent }: the hub prints elsewhere)'}`);
        if (this.config.device && this.config.device !== kioskId) log(`DEVICE=${this.config.device} but the token is kiosk ${kioskId}'s: the page opens as ${this.config.device}`);
        if (this.state) socket.emit('agent:printer', this.state);
        void this.checkPrinter(true);
      });
    });
    socket.on('connect_error', (error) => log(`cannot reach the hub at ${this.config.hub}: ${error.message}`));
    socket.on('disconnect', (reason) => log(`the hub connection ended (${reason})`));
    socket.on('agent:print', (job, answer) => void this.print(job.jobId, job.name, job.bytes).then(answer));
    socket.on('agent:hours', (hours) => this.takeHours(hours));
  }

  private askHours(): void {
    if (this.config.screen.kind === 'always' || !this.socket?.connected) return;
    this.socket.emit('agent:hours', (reply) => {
      if (reply.ok) this.takeHours(reply.data);
      else log(`the hub does not give the hall's opening days: ${reply.message} / ${reply.messageEn}`);
    });
  }

  /** The hub's opening days: kept on disk for a time without the hub, and the screen set by them at once. */
  private takeHours(value: unknown): void {
    const hours = hoursOf(value);
    if (!hours) {
      log('the hub sent opening days this agent does not understand: the screen keeps to the days it had');
      return;
    }
    const before = JSON.stringify(this.hall);
    this.hall = hours;
    if (JSON.stringify(hours) === before) return;
    const closed = hours.days.filter((d) => d.closed === 'holiday' || d.closed === 'closure').slice(0, 6);
    log(`the hall's opening days from the hub, to ${hours.days.at(-1)?.day}${closed.length ? `; closed: ${closed.map((d) => `${d.day} (${d.note ?? d.closed})`).join(', ')}` : ''}`);
    try {
      keepHours(this.config.stateDir, hours);
    } catch (error) {
      log(`cannot keep the opening days in ${this.config.stateDir}: ${(error as Error).message}`);
    }
    void this.applyScreen();
  }

  private async print(jobId: string, name: string, bytes: Uint8Array): Promise<AgentPrintAnswer> {
    if (!this.printer) return { jobId, ok: false, reason: 'this kiosk PC has no printer in its config (PRINTER= in /etc/luot-agent/agent.conf)' };
    try {
      await this.printer.write(new Uint8Array(bytes));
      log(`printed ${name} (${bytes.byteLength} bytes)`);
      // A printer that answers status says at once if the job emptied the roll.
      void this.checkPrinter();
      return { jobId, ok: true };
    } catch (error) {
      const reason = (error as Error).message;
      log(`not printed ${name}: ${reason}`);
      void this.checkPrinter();
      return { jobId, ok: false, reason };
    }
  }

  /** Reads the printer's state; the hub hears it when it changed (or when `always`). */
  private async checkPrinter(always = false): Promise<void> {
    if (!this.printer) return;
    const state = await this.printer.state();
    const changed = !sameState(this.state, state);
    if (changed) log(`printer ${this.printer.where}: ${state.online ? 'ready' : (state.problem ?? 'not ready')}${state.paper === 'near_end' ? ', paper nearly out' : ''}`);
    this.state = state;
    if ((changed || always) && this.socket?.connected) this.socket.emit('agent:printer', state);
  }

  private async applyScreen(): Promise<void> {
    const on = screenShouldBeOn(this.config.screen, this.hall, this.clock(), 'Asia/Ho_Chi_Minh');
    if (on === this.screenOn) return;
    try {
      await this.screen(on);
      this.screenOn = on;
      log(`screen ${on ? 'on' : 'off'}`);
    } catch (error) {
      log((error as Error).message);
    }
  }
}

function main(argv: string[]): void {
  if (argv[0] === 'version') {
    console.log(`luot-agent ${VERSION} (Node.js ${process.version})`);
    return;
  }
  const at = argv.indexOf('--config');
  const file = at >= 0 ? argv[at + 1]! : (process.env.LUOT_AGENT_CONFIG ?? DEFAULT_CONFIG_FILE);
  let config: AgentConfig;
  try {
    config = readConfig(file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`luot-agent: ${file}: ${error.message}`);
    process.exit(2);
  }
  if (argv[0] === 'page-url') {
    console.log(config.page);
    return;
  }
  const agent = new Agent(config);
  agent.start();
  const stop = () => void agent.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main(process.argv.slice(2));
