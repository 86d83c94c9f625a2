// Counter keypads and LED boards on the hall's serial buses: a key press becomes a queue
// command; every change of a counter goes out to its keypad display and boards. A bus that
// vanishes is reported and reopened; when it is back, every device gets its content again.

import { decodeKeypadFrame, keypadAck, keypadNak, keypadShow, type KeyName, type NakReason } from '../../hardware/keypad/keypad-protocol.js';
import { LED_DRIVERS } from '../../hardware/led/led-drivers.js';
import type { BusFrame } from '../../hardware/serial/bus-frame.js';
import { SerialLink, type BusLink } from '../../hardware/serial/serial-link.js';
import { SimulatedBus } from '../../hardware/serial/simulated-bus.js';
import type { CommittedEvent } from '../contract/events.js';
import { keypadDisplayText } from '../domain/queue/keypad-commands.js';
import type { SerialBusDef } from '../domain/hall/hall-definition.js';
import type { UseCase } from '../use-cases/ports.js';
import type { pressKeypadKey } from '../use-cases/counters/press-keypad-key.js';
import type { DeviceRegistry } from './device-registry.js';
import type { LiveState } from './live-state.js';
import type { Logger, QueueService } from './queue-service.js';

const CALL_EVENTS = new Set(['ticket:called', 'ticket:recalled']);

interface Bus {
  def: SerialBusDef;
  link: BusLink;
  /** Writes in a row that a board left unanswered (buses whose boards answer). */
  misses: Map<number, number>;
  /** The second refresh after the port opened, while it is pending. */
  settle: NodeJS.Timeout | null;
  /** Let go (the console changed or removed the bus): what its old link still says is not heard. */
  closed: boolean;
}

/** A board is reported as not answering after this many unanswered writes in a row. */
const MISSES_REPORTED = 2;

/**
 * Boards and keypads powered up with the adapter (after a power cut, or plugged in together) may
 * still be starting when the port opens and miss what it sends first: they get it once more
 * this long after. A keypad that starts later still says hello and is answered.
 */
const SETTLE_REFRESH_MS = 3000;

/** What a board shows when the console tests it, and for how long. */
const TEST_TEXT = '8888';
const TEST_SHOW_MS = 5000;

/** The port name that asks for a bus with no wire (see SimulatedBus). */
export const SIMULATED_PORT = 'simulated';

export interface BusDevicesDeps {
  /** The buses the hall describes, and what their keypads and boards show. */
  live: Pick<LiveState, 'serialBuses' | 'counterState' | 'ticket' | 'recentCalls'>;
  /** Every commit, to show its changes. */
  events: Pick<QueueService, 'onEvents'>;
  /** What a key press does (the same use cases as the counter page's buttons). */
  pressKeypadKey: UseCase<typeof pressKeypadKey>;
}

export class BusDevices {
  private buses: Bus[] = [];
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly deps: BusDevicesDeps,
    private readonly devices: DeviceRegistry,
    private readonly logger: Logger,
    private readonly retryMs = 1000,
  ) {}

  start(): void {
    this.buses = this.deps.live.serialBuses.map((def) => this.open(def));
    this.unsubscribe = this.deps.events.onEvents((events) => this.publish(events));
  }

  /**
   * The hall's buses changed in the console: a bus whose port, speed or protocol changed is closed
   * and opened again with them; one whose keypads or boards changed keeps its port and shows
   * them their content; a removed bus's port is closed; a new bus opens. Never throws: a port
   * that cannot be opened is reported as the bus's status and tried again.
   */
  async reconfigure(defs: SerialBusDef[]): Promise<void> {
    // A change committed while the hub closes opens nothing the close would leave open.
    if (this.stopped) return;
    const line = (d: SerialBusDef) => JSON.stringify([d.port, d.baudRate, d.protocol]);
    const closing: Bus[] = [];
    const next: Bus[] = [];
    for (const def of defs) {
      const bus = this.buses.find((b) => b.def.id === def.id);
      if (bus && line(bus.def) === line(def)) {
        if (JSON.stringify(bus.def) !== JSON.stringify(def)) {
          bus.def = def;
          this.refreshAll(bus);
        }
        next.push(bus);
      } else {
        if (bus) closing.push(bus);
        next.push(bus ? this.reopen(bus, def) : this.open(def));
      }
    }
    for (const bus of this.buses) if (!defs.some((d) => d.id === bus.def.id)) closing.push(bus);
    this.buses = next;
    for (const bus of closing) {
      if (bus.settle) clearTimeout(bus.settle);
      bus.closed = true;
      if (!next.some((b) => b.def.id === bus.def.id)) this.forget(bus.def.id);
    }
    await Promise.all(closing.map((b) => b.link.stop()));
  }

  /** The same bus on a new line: the old port is let go before the new one opens (it may be the same port). */
  private reopen(old: Bus, def: SerialBusDef): Bus {
    if (old.settle) clearTimeout(old.settle);
    old.closed = true;
    const stopped = old.link.stop();
    const bus = this.open(def, false);
    // Unless the bus was changed again, or the hub stopped, meanwhile.
    const start = () => {
      if (!bus.closed && this.buses.includes(bus)) bus.link.start();
    };
    void stopped.then(start, start);
    return bus;
  }

  /** A removed bus is no longer reported as down. */
  private forget(busId: string): void {
    this.devices.report(`bus:${busId}`, 'serial-bus', { ok: true });
  }

  /** The simulated buses, for the simulator page. */
  simulated(): { def: SerialBusDef; bus: SimulatedBus }[] {
    return this.buses.flatMap((b) => (b.link instanceof SimulatedBus ? [{ def: b.def, bus: b.link }] : []));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    for (const bus of this.buses) {
      if (bus.settle) clearTimeout(bus.settle);
      bus.closed = true;
    }
    await Promise.all(this.buses.map((b) => b.link.stop()));
    this.buses = [];
  }

  /**
   * Lights one board with a test text (8888 on every place, blinking on a counter's board) for
   * TEST_SHOW_MS, then gives it its content again. False when its bus is not open.
   */
  testBoard(busId: string, address: number): boolean {
    const bus = this.buses.find((b) => b.def.id === busId);
    const board = bus?.def.ledBoards.find((b) => b.address === address);
    if (!bus || !board) return false;
    const sent =
      board.kind === 'counter'
        ? bus.link.showBoard(address, { kind: 'counter', counterId: board.counterId, number: TEST_TEXT, blink: true })
        : bus.link.showBoard(address, { kind: 'hall', calls: Array.from({ length: board.calls }, () => ({ counterId: 88, number: TEST_TEXT })) });
    const restore = setTimeout(() => {
      if (!this.buses.includes(bus)) return;
      if (board.kind === 'counter') this.refreshCounter(bus, board.counterId, false);
      else this.refreshHallBoards(bus);
    }, TEST_SHOW_MS);
    restore.unref();
    return sent;
  }

  private open(def: SerialBusDef, start = true): Bus {
    const link: BusLink =
      def.port === SIMULATED_PORT
        ? new SimulatedBus()
        : new SerialLink({ path: def.port, baudRate: def.baudRate, retryMs: this.retryMs, maxRetryMs: 10_000, boards: LED_DRIVERS[def.protocol] });
    const bus: Bus = { def, link, misses: new Map<number, number>(), settle: null, closed: false };
    link.on('state', (state, detail) => {
      if (bus.closed) return;
      this.devices.report(`bus:${def.id}`, 'serial-bus', {
        ok: state === 'open',
        code: state === 'open' ? null : 'unreachable',
        message: state === 'open' ? null : `Mất kết nối đường dây bàn phím/bảng LED (${detail ?? def.port}). Đang thử kết nối lại.`,
        messageEn: state === 'open' ? null : `The keypad/LED bus is disconnected (${detail ?? def.port}). Reconnecting.`,
      });
      if (bus.settle) clearTimeout(bus.settle);
      bus.settle = null;
      if (state !== 'open') return;
      this.refreshAll(bus);
      bus.settle = setTimeout(() => {
        bus.settle = null;
        this.refreshAll(bus);
      }, SETTLE_REFRESH_MS);
      bus.settle.unref();
    });
    link.on('frame', (frame) => {
      if (!bus.closed) void this.onFrame(bus, frame);
    });
    link.on('answer', (address, answered) => {
      if (!bus.closed) this.onBoardAnswer(bus, address, answered);
    });
    if (start) link.start();
    return bus;
  }

  private async onFrame(bus: Bus, frame: BusFrame): Promise<void> {
    const message = decodeKeypadFrame(frame);
    const keypad = bus.def.keypads.find((k) => k.address === message.address);
    if (!keypad) return;
    if (!this.deps.live.counterState(keypad.counterId)) return;
    if (message.type === 'unknown') {
      this.logger.error({ bus: bus.def.id, address: message.address, reason: message.reason }, 'unreadable keypad frame');
      return;
    }
    if (message.type === 'hello') return this.showKeypad(bus, keypad.address, keypad.counterId);
    const outcome = await this.deps.pressKeypadKey(`${bus.def.id}:${message.address}`, keypad.counterId, message);
    if (!outcome) return;
    if (outcome.taken) {
      bus.link.send(keypadAck(message.address, outcome.key));
      return;
    }
    if (outcome.failure !== undefined) this.logger.error({ err: outcome.failure, bus: bus.def.id }, 'keypad command failed');
    this.nak(bus, message.address, outcome.key, outcome.reason);
  }

  private onBoardAnswer(bus: Bus, address: number, answered: boolean): void {
    const misses = answered ? 0 : (bus.misses.get(address) ?? 0) + 1;
    bus.misses.set(address, misses);
    const silent = misses >= MISSES_REPORTED;
    if (!answered && !silent) return;
    this.devices.report(`board:${bus.def.id}:${address}`, 'led-board', {
      ok: !silent,
      code: silent ? 'not_answering' : null,
      message: silent ? `Bảng LED địa chỉ ${address} trên đường dây ${bus.def.id} không trả lời. Kiểm tra nguồn và dây của bảng.` : null,
      messageEn: silent ? `The LED board at address ${address} on bus ${bus.def.id} does not answer. Check its power and wiring.` : null,
    });
  }

  private nak(bus: Bus, address: number, key: KeyName, reason: NakReason): void {
    bus.link.send(keypadNak(address, key, reason));
  }

  /** Sends each changed counter's keypad and boards; hall boards after every call. */
  private publish(events: CommittedEvent[]): void {
    const changed = new Map<number, boolean>();
    for (const event of events) {
      const counter = 'counter' in event.data ? event.data.counter : null;
      if (!counter) continue;
      changed.set(counter.id, (changed.get(counter.id) ?? false) || CALL_EVENTS.has(event.type));
    }
    const called = events.some((e) => CALL_EVENTS.has(e.type));
    for (const bus of this.buses) {
      for (const [counterId, blink] of changed) this.refreshCounter(bus, counterId, blink);
      if (called) this.refreshHallBoards(bus);
    }
  }

  private refreshAll(bus: Bus): void {
    for (const counterId of new Set([...bus.def.keypads.map((k) => k.counterId), ...bus.def.ledBoards.flatMap((b) => (b.kind === 'counter' ? [b.counterId] : []))])) {
      this.refreshCounter(bus, counterId, false);
    }
    this.refreshHallBoards(bus);
  }

  private heldNumber(counterId: number): string | null {
    const ticketId = this.deps.live.counterState(counterId)?.currentTicketId;
    return ticketId ? (this.deps.live.ticket(ticketId)?.number ?? null) : null;
  }

  private showKeypad(bus: Bus, address: number, counterId: number): void {
    const counter = this.deps.live.counterState(counterId);
    if (counter) bus.link.send(keypadShow(address, keypadDisplayText(counter, this.heldNumber(counterId))));
  }

  /** Boards first: on a slow line the citizen's board should not wait behind the clerk's keypad. */
  private refreshCounter(bus: Bus, counterId: number, blink: boolean): void {
    const number = this.heldNumber(counterId);
    for (const board of bus.def.ledBoards) {
      if (board.kind === 'counter' && board.counterId === counterId) {
        bus.link.showBoard(board.address, { kind: 'counter', counterId, number, blink: blink && number !== null });
      }
    }
    for (const keypad of bus.def.keypads.filter((k) => k.counterId === counterId)) this.showKeypad(bus, keypad.address, counterId);
  }

  private refreshHallBoards(bus: Bus): void {
    // A recall repeats a call already on the board.
    const calls = this.deps.live.recentCalls().filter((c) => !c.recall);
    for (const board of bus.def.ledBoards) {
      if (board.kind !== 'hall') continue;
      const latest = calls.slice(0, board.calls).map((c) => ({ counterId: c.counterId, number: c.number }));
      bus.link.showBoard(board.address, { kind: 'hall', calls: latest });
    }
  }
}
