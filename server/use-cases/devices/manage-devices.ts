// The hall's devices in the manager console (admins): list them, add a kiosk, rating tablet or
// display, give it a single-use pairing code that its browser opens once (through a QR code) to
// receive its own token, unpair it, and test a kiosk's printer or an LED board. Every change is
// logged (device:changed) with who made it, in the same commit as the device; a token or a
// code is never logged, and a token is kept only as its SHA-256.

import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { BoardView, BusView, DevicesView, DeviceView, PairedDevice, PairingView } from '../../contract/device-console.js';
import { printerDeviceId, type PrintOutcome } from '../../contract/events.js';
import type { DeviceRepository, PairedDeviceDef } from '../../db/device-repository.js';
import { anywhere, type Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import type { DeviceChangeKind } from '../../domain/events/hall-events.js';
import type { DisplayDef, KioskDef, PairedDeviceKind, PrinterDef, RatingTabletDef } from '../../domain/hall/hall-definition.js';
import type { LocalizedText } from '../../domain/localized-text.js';
import type { DeviceRegistry } from '../../services/device-registry.js';
import type { LimitsService } from '../../services/limits-service.js';
import type { LiveState } from '../../services/live-state.js';
import type { PrintService } from '../../services/print-service.js';
import type { QueueService } from '../../services/queue-service.js';
import { testPrintBlocks } from './test-print.js';

/** How long a pairing code works. */
export const PAIRING_MINUTES = 10;
/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
/** A kiosk added in the console may give this many numbers a minute, as the hall file's default. */
const KIOSK_TICKETS_PER_MINUTE = 10;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A code as typed: case and dashes do not matter. */
const normalCode = (code: string) => code.toUpperCase().replace(/-/g, '');

export interface DevicesDeps {
  devices: Pick<DeviceRepository, 'save' | 'addPairing' | 'pairing' | 'usePairing' | 'dropPairingsOf'>;
  queue: Pick<QueueService, 'record'>;
  live: Pick<LiveState, 'kiosks' | 'ratingTablets' | 'displays' | 'serialBuses' | 'service' | 'counter'>;
  /** Reads the hall's devices again after a change was committed. */
  reloadDevices: () => void;
  clock: () => number;
  /** The hub's address as the console's browser reached it, for the QR code. */
  baseUrl: (host: string | undefined) => string;
}

type Device = PairedDeviceDef;

function findDevice(live: DevicesDeps['live'], kind: PairedDeviceKind, id: string): Device | null {
  if (kind === 'kiosk') {
    const def = live.kiosks.find((k) => k.id === id);
    return def ? { kind, def } : null;
  }
  if (kind === 'ratingTablet') {
    const def = live.ratingTablets.find((t) => t.id === id);
    return def ? { kind, def } : null;
  }
  const def = live.displays.find((d) => d.id === id);
  return def ? { kind, def } : null;
}

function existing(live: DevicesDeps['live'], kind: PairedDeviceKind, id: string): Device {
  const device = findDevice(live, kind, id);
  if (!device) throw new DomainError('device_not_found', { id });
  return device;
}

const nameOf = (device: Device): LocalizedText =>
  device.kind === 'ratingTablet' ? { vi: `Máy đánh giá quầy ${device.def.counterId}`, en: `Rating tablet, counter ${device.def.counterId}` } : device.def.name;

/** A hall file's device holds its token in clear; a paired one its hash, null once unpaired. */
function isPaired(device: Device): boolean {
  const { def } = device;
  if (device.kind === 'display') return def.tokenHash !== null;
  const withToken = def as KioskDef | RatingTabletDef;
  return withToken.tokenHash === undefined ? withToken.token !== '' : withToken.tokenHash !== null;
}

function viewOf(device: Device, registry: Pick<DeviceRegistry, 'get'> | null): DeviceView {
  const kiosk = device.kind === 'kiosk' ? device.def : null;
  const tokenHash = device.kind === 'display' ? device.def.tokenHash : device.def.tokenHash;
  return {
    kind: device.kind,
    id: device.def.id,
    name: nameOf(device),
    source: device.kind === 'display' || tokenHash !== undefined ? 'console' : 'file',
    paired: isPaired(device),
    active: device.def.active,
    printer: kiosk
      ? { kind: kiosk.printer.kind, address: kiosk.printer.address, model: kiosk.printer.kind === 'agent' ? (kiosk.printer.model ?? 'epson') : null, paperWidth: kiosk.printer.paperWidth }
      : null,
    services: kiosk?.services ?? [],
    counterId: device.kind === 'ratingTablet' ? device.def.counterId : null,
    status: kiosk && registry ? registry.get(printerDeviceId(kiosk.id)) : null,
  };
}

/** Who asks: the event log names them. */
export interface DeviceRequester {
  actor: Actor;
}

async function store(deps: DevicesDeps, device: Device, change: DeviceChangeKind, actor: Actor, also?: () => void): Promise<void> {
  const now = deps.clock();
  await deps.queue.record([{ type: 'device:changed', data: { device: { kind: device.kind, id: device.def.id, name: nameOf(device) }, change } }], actor, () => {
    also?.();
    deps.devices.save(device, now, actor.name);
  });
  deps.reloadDevices();
}

export function listDevices(deps: Pick<DevicesDeps, 'live'> & { registry: Pick<DeviceRegistry, 'get'>; consoleBuses?: () => string[] }): DevicesView {
  const { live, registry } = deps;
  const mine = new Set(deps.consoleBuses?.() ?? []);
  const devices = [
    ...live.kiosks.map((def): Device => ({ kind: 'kiosk', def })),
    ...live.ratingTablets.map((def): Device => ({ kind: 'ratingTablet', def })),
    ...live.displays.map((def): Device => ({ kind: 'display', def })),
  ].map((d) => viewOf(d, registry));
  const boards: BoardView[] = live.serialBuses.flatMap((bus) =>
    bus.ledBoards.map((b) => ({
      busId: bus.id,
      address: b.address,
      kind: b.kind,
      counterId: b.kind === 'counter' ? b.counterId : null,
      status: registry.get(`board:${bus.id}:${b.address}`) ?? registry.get(`bus:${bus.id}`),
    })),
  );
  const buses: BusView[] = live.serialBuses.map((bus) => ({
    id: bus.id,
    port: bus.port,
    baudRate: bus.baudRate,
    protocol: bus.protocol,
    keypads: bus.keypads,
    ledBoards: bus.ledBoards,
    source: mine.has(bus.id) ? 'console' : 'file',
    status: registry.get(`bus:${bus.id}`),
  }));
  return { devices, boards, buses };
}

export interface NewDevice {
  kind: PairedDeviceKind;
  name: string;
  nameEn?: string;
  printer?: { kind: PrinterDef['kind']; address?: string | null; model?: 'epson' | 'star'; paperWidth?: 58 | 80 };
  services?: string[];
  counterId?: number;
}

/** The next free id of a kind: K1, K2... for kiosks, R1... for tablets, D1... for displays. */
function nextId(live: DevicesDeps['live'], kind: PairedDeviceKind): string {
  const prefix = { kiosk: 'K', ratingTablet: 'R', display: 'D' }[kind];
  const taken = new Set([...live.kiosks, ...live.ratingTablets, ...live.displays].map((d) => d.id));
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

function newDeviceDef(deps: DevicesDeps, asked: NewDevice): Device {
  const id = nextId(deps.live, asked.kind);
  const name = { vi: asked.name.trim(), en: (asked.nameEn ?? asked.name).trim() };
  if (asked.kind === 'kiosk') {
    const printer = asked.printer ?? { kind: 'simulated' as const };
    if ((printer.kind === 'epson' || printer.kind === 'star') && !printer.address) throw new DomainError('device_field_missing', { field: 'printer.address' });
    const services = [...new Set(asked.services ?? [])];
    for (const serviceId of services) if (!deps.live.service(serviceId)?.active) throw new DomainError('device_service_unknown', { serviceId });
    const def: KioskDef = {
      id,
      name,
      token: '',
      tokenHash: null,
      ticketsPerMinute: KIOSK_TICKETS_PER_MINUTE,
      printer:
        printer.kind === 'agent'
          ? { kind: 'agent', address: null, model: printer.model ?? 'epson', paperWidth: printer.paperWidth ?? 80 }
          : { kind: printer.kind, address: printer.kind === 'simulated' ? null : (printer.address ?? null), paperWidth: printer.paperWidth ?? 80 },
      ...(services.length > 0 ? { services } : {}),
      active: true,
    };
    return { kind: 'kiosk', def };
  }
  if (asked.kind === 'ratingTablet') {
    if (asked.counterId === undefined) throw new DomainError('device_field_missing', { field: 'counterId' });
    if (!deps.live.counter(asked.counterId)?.active) throw new DomainError('device_counter_unknown', { counterId: asked.counterId });
    const def: RatingTabletDef = { id, counterId: asked.counterId, token: '', tokenHash: null, active: true };
    return { kind: 'ratingTablet', def };
  }
  const def: DisplayDef = { id, name, tokenHash: null, active: true };
  return { kind: 'display', def };
}

/** Adds a device (not yet paired) and gives its first pairing code. */
export async function addDevice(deps: DevicesDeps, asked: NewDevice, by: DeviceRequester, host: string | undefined): Promise<{ device: DeviceView; pairing: PairingView }> {
  const device = newDeviceDef(deps, asked);
  await store(deps, device, 'added', by.actor);
  const pairing = await startPairing(deps, device.kind, device.def.id, by, host);
  return { device: viewOf(existing(deps.live, device.kind, device.def.id), null), pairing };
}

/** A new single-use code for a device; its earlier codes stop working. */
export async function startPairing(deps: DevicesDeps, kind: PairedDeviceKind, id: string, by: DeviceRequester, host: string | undefined): Promise<PairingView> {
  const device = existing(deps.live, kind, id);
  const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const now = deps.clock();
  const expiresAt = now + PAIRING_MINUTES * 60_000;
  await deps.queue.record([{ type: 'device:changed', data: { device: { kind, id, name: nameOf(device) }, change: 'pairing' } }], by.actor, () => {
    deps.devices.addPairing(sha256(code), kind, id, now, expiresAt, by.actor.name);
  });
  return { code, url: `${deps.baseUrl(host)}/pair/${code}`, expiresAt };
}

export type PairingDeps = DevicesDeps & { limits: Pick<LimitsService, 'checkPairing' | 'pairingFailed'> };

/** The page a pairing code opens, without using the code; a wrong code counts as a guess. */
export function pairingPage(deps: Pick<PairingDeps, 'devices' | 'limits' | 'clock'>, code: string, address: string): string {
  deps.limits.checkPairing(address);
  const pairing = deps.devices.pairing(sha256(normalCode(code)));
  if (!pairing || pairing.usedAt !== null || pairing.expiresAt <= deps.clock()) {
    deps.limits.pairingFailed(address);
    throw new DomainError('pairing_code_invalid');
  }
  const page = { kiosk: '/kiosk/', ratingTablet: '/rating/', display: '/display/' }[pairing.kind];
  return `${page}?pair=${encodeURIComponent(normalCode(code))}`;
}

/** A device's page gives its code once and receives its own token; the old one stops working. */
export async function pairDevice(deps: PairingDeps, code: string, address: string): Promise<PairedDevice> {
  deps.limits.checkPairing(address);
  const codeHash = sha256(normalCode(code));
  const pairing = deps.devices.pairing(codeHash);
  const device = pairing ? findDevice(deps.live, pairing.kind, pairing.id) : null;
  if (!pairing || !device || pairing.usedAt !== null || pairing.expiresAt <= deps.clock()) {
    deps.limits.pairingFailed(address);
    throw new DomainError('pairing_code_invalid');
  }
  const token = randomBytes(24).toString('base64url');
  const paired: Device =
    device.kind === 'display'
      ? { kind: 'display', def: { ...device.def, tokenHash: sha256(token), active: true } }
      : device.kind === 'kiosk'
        ? { kind: 'kiosk', def: { ...device.def, token: '', tokenHash: sha256(token), active: true } }
        : { kind: 'ratingTablet', def: { ...device.def, token: '', tokenHash: sha256(token), active: true } };
  let used = true;
  await store(deps, paired, 'paired', anywhere(`device:${device.kind}:${device.def.id}`), () => {
    // Two browsers opening one code at once: only the first gets a token.
    used = deps.devices.usePairing(codeHash, deps.clock());
    if (!used) throw new DomainError('pairing_code_invalid');
  });
  return { kind: paired.kind, id: paired.def.id, name: nameOf(paired), token };
}

/** The device's token stops working at once, and its codes not yet used. */
export async function unpairDevice(deps: DevicesDeps, kind: PairedDeviceKind, id: string, by: DeviceRequester): Promise<DeviceView> {
  const device = existing(deps.live, kind, id);
  const unpaired: Device =
    device.kind === 'display'
      ? { kind: 'display', def: { ...device.def, tokenHash: null } }
      : device.kind === 'kiosk'
        ? { kind: 'kiosk', def: { ...device.def, token: '', tokenHash: null } }
        : { kind: 'ratingTablet', def: { ...device.def, token: '', tokenHash: null } };
  await store(deps, unpaired, 'unpaired', by.actor, () => deps.devices.dropPairingsOf(kind, id));
  return viewOf(existing(deps.live, kind, id), null);
}

/** Which paired device presents this token (the caller as the access hook resolved it). */
export function pairedDeviceOf(device: Device | null): Omit<PairedDevice, 'token'> {
  if (!device) throw new DomainError('device_unpaired');
  return { kind: device.kind, id: device.def.id, name: nameOf(device) };
}

export interface PrinterTestDeps {
  live: Pick<LiveState, 'kiosks' | 'settings'>;
  printing: Pick<PrintService, 'printPaper'>;
  clock: () => number;
}

/** Prints a test ticket on a kiosk's printer, by the same path as tickets; answers what happened. */
export function testPrinter(deps: PrinterTestDeps, kioskId: string): Promise<PrintOutcome> {
  const kiosk = deps.live.kiosks.find((k) => k.id === kioskId);
  if (!kiosk) throw new DomainError('device_not_found', { id: kioskId });
  const { settings } = deps.live;
  const words = { hallName: settings.name, kiosk: kiosk.name, at: deps.clock(), timeZone: settings.timeZone, paperWidth: kiosk.printer.paperWidth };
  return deps.printing.printPaper(kiosk, 'TEST', (scale) => testPrintBlocks(words, scale));
}

export interface BoardTestDeps {
  live: Pick<LiveState, 'serialBuses'>;
  boards: { testBoard(busId: string, address: number): boolean };
}

/** Lights an LED board with a test text for a few seconds. */
export function testBoard(deps: BoardTestDeps, busId: string, address: number): { sent: boolean } {
  const bus = deps.live.serialBuses.find((b) => b.id === busId);
  if (!bus?.ledBoards.some((b) => b.address === address)) throw new DomainError('board_not_found', { busId, address });
  return { sent: deps.boards.testBoard(busId, address) };
}
