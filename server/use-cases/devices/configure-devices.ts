// A kiosk's printer and services, and the hall's serial buses (counter keypads and LED boards),
// changed in the manager console (admins), applied while the hub runs. Each change builds the
// hall as it would be and checks it with the hall file's own rules (server/config/hall-rules.ts):
// a problem refuses it field by field, in Vietnamese and English, and nothing is stored. A change
// that passes is stored and logged (device:changed, with who) in one commit; then the hub takes
// it in: the next ticket prints on the new printer, a bus's port is closed and opened again with
// its new settings (a port that cannot be opened is reported, never fatal).

import { hallProblems } from '../../config/hall-rules.js';
import type { DeviceView } from '../../contract/device-console.js';
import type { DeviceRepository } from '../../db/device-repository.js';
import type { HallRepository } from '../../db/hall-repository.js';
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/domain-error.js';
import type { DeviceChangeKind } from '../../domain/events/hall-events.js';
import type { HallDefinition, KioskDef, LedBoardDef, LedProtocol, PrinterDef, SerialBusDef } from '../../domain/hall/hall-definition.js';
import type { FieldProblem } from '../../domain/hall/hall-errors.js';
import type { LiveState } from '../../services/live-state.js';
import type { QueueService } from '../../services/queue-service.js';
import { listDevices } from './manage-devices.js';

export interface DeviceConfigDeps {
  hall: Pick<HallRepository, 'load'>;
  devices: Pick<DeviceRepository, 'save' | 'saveBus'>;
  queue: Pick<QueueService, 'record'>;
  live: Pick<LiveState, 'kiosks' | 'ratingTablets' | 'displays' | 'serialBuses' | 'service' | 'counter'>;
  /** Reads the hall's devices again and applies them (printers, buses) after a committed change. */
  reloadDevices: () => void;
  clock: () => number;
}

/** A kiosk's printer as the console sends it (the hall file's `printer:` in the contract's words). */
export interface PrinterInput {
  kind: PrinterDef['kind'];
  address?: string | null;
  /** The command set of an agent's printer. */
  model?: 'epson' | 'star';
  paperWidth?: 58 | 80;
}

export interface KioskChange {
  name?: string;
  nameEn?: string;
  printer: PrinterInput;
  /** Services its screen offers; empty: every service. */
  services: string[];
}

export interface BusInput {
  port: string;
  baudRate?: number;
  protocol?: LedProtocol;
  keypads?: { address: number; counterId: number }[];
  ledBoards?: ({ address: number; kind: 'counter'; counterId: number } | { address: number; kind: 'hall'; calls?: number })[];
}

const problem = (field: string, vi: string, en: string): FieldProblem => ({ field, vi, en });

function refuse(problems: FieldProblem[]): never {
  throw new DomainError('config_invalid', { problems: problems.map((p) => `${p.field}: ${p.vi}`).join('; '), problemsEn: problems.map((p) => `${p.field}: ${p.en}`).join('; ') }, problems);
}

function current(deps: Pick<DeviceConfigDeps, 'hall'>): HallDefinition {
  const hall = deps.hall.load();
  if (!hall) throw new Error('the hall has no stored description');
  return hall;
}

/** The printer the hall file would describe, or the fields that are wrong with it. */
function printerOf(input: PrinterInput, problems: FieldProblem[]): PrinterDef {
  const paperWidth = input.paperWidth ?? 80;
  const address = input.address?.trim() || null;
  if (input.kind === 'simulated' || input.kind === 'agent') {
    if (address !== null) {
      problems.push(
        problem(
          'printer.address',
          'máy in giả lập và máy in qua agent không có địa chỉ; hãy để trống',
          'a simulated printer or one printed by the device agent has no address; leave it empty',
        ),
      );
    }
    if (input.kind === 'agent') return { kind: 'agent', address: null, model: input.model ?? 'epson', paperWidth };
    return { kind: 'simulated', address: null, paperWidth };
  }
  if (input.model !== undefined) {
    problems.push(
      problem(
        'printer.model',
        '"model" chỉ dùng cho máy in qua agent; kiểu máy in (epson hoặc star) đã nói điều này',
        '"model" is for printers printed by the device agent; the type (epson or star) says it',
      ),
    );
  }
  if (address === null) {
    problems.push(
      problem(
        'printer.address',
        'cần địa chỉ máy in: tcp://máy:9100 (máy in mạng) hoặc tệp thiết bị như /dev/usb/lp0',
        'the printer needs an address: tcp://host:9100 (a network printer) or a device file such as /dev/usb/lp0',
      ),
    );
  }
  return { kind: input.kind, address, paperWidth };
}

async function store(
  deps: DeviceConfigDeps,
  kind: 'kiosk' | 'serialBus',
  id: string,
  name: { vi: string; en: string },
  change: DeviceChangeKind,
  by: Actor,
  write: () => void,
): Promise<void> {
  await deps.queue.record([{ type: 'device:changed', data: { device: { kind, id, name }, change } }], by, write);
  deps.reloadDevices();
}

/** A kiosk's printer, services and name, for a kiosk of the hall file or one added in the console. */
export async function changeKiosk(deps: DeviceConfigDeps, kioskId: string, asked: KioskChange, by: { actor: Actor }): Promise<DeviceView> {
  const kiosk = deps.live.kiosks.find((k) => k.id === kioskId);
  if (!kiosk) throw new DomainError('device_not_found', { id: kioskId });
  const problems: FieldProblem[] = [];
  const printer = printerOf(asked.printer, problems);
  const services = [...new Set(asked.services.map((s) => s.trim().toUpperCase()).filter((s) => s !== ''))];
  for (const serviceId of services) {
    if (!deps.live.service(serviceId)?.active) problems.push(problem('services', `không có dịch vụ "${serviceId}"`, `there is no service "${serviceId}"`));
  }
  const name = asked.name === undefined ? kiosk.name : { vi: asked.name.trim(), en: (asked.nameEn ?? asked.name).trim() };
  const { services: _, ...rest } = kiosk;
  const def: KioskDef = { ...rest, name, printer, ...(services.length > 0 ? { services } : {}) };
  const hall = current(deps);
  if (problems.length > 0) refuse(problems);
  // The hall file's own rules on the kiosk, once the fields themselves are sound.
  const more = hallProblems({ ...hall, kiosks: hall.kiosks.map((k) => (k.id === kioskId ? def : k)) }).filter((p) => p.field.startsWith(`kiosks.${kioskId}.`));
  if (more.length > 0) refuse(more);
  await store(deps, 'kiosk', kioskId, name, 'changed', by.actor, () => deps.devices.save({ kind: 'kiosk', def }, deps.clock(), by.actor.name));
  return listDevices({ live: deps.live, registry: { get: () => null } }).devices.find((d) => d.kind === 'kiosk' && d.id === kioskId)!;
}

function busOf(id: string, input: BusInput): SerialBusDef {
  return {
    id,
    port: input.port.trim(),
    baudRate: input.baudRate ?? 9600,
    protocol: input.protocol ?? 'luot',
    keypads: (input.keypads ?? []).map((k) => ({ address: k.address, counterId: k.counterId })),
    ledBoards: (input.ledBoards ?? []).map(
      (b): LedBoardDef => (b.kind === 'hall' ? { address: b.address, kind: 'hall', calls: b.calls ?? 6 } : { address: b.address, kind: 'counter', counterId: b.counterId }),
    ),
  };
}

const busName = (def: SerialBusDef) => ({ vi: `Đường dây ${def.id} (${def.port})`, en: `Bus ${def.id} (${def.port})` });

/** Checks the hall with its buses as they would be; refuses with the fields at fault. */
function checkBuses(deps: DeviceConfigDeps, buses: SerialBusDef[], id: string): void {
  const hall = current(deps);
  const problems = hallProblems({ ...hall, serialBuses: buses }).filter((p) => p.field === 'serialBuses' || p.field.startsWith(`serialBuses.${id}`));
  if (problems.length > 0) refuse(problems);
}

/** Adds a serial bus with its keypads and LED boards; its port opens at once. */
export async function addBus(deps: DeviceConfigDeps, id: string, input: BusInput, by: { actor: Actor }): Promise<{ id: string }> {
  if (deps.live.serialBuses.some((b) => b.id === id)) throw new DomainError('device_exists', { id });
  const def = busOf(id, input);
  checkBuses(deps, [...deps.live.serialBuses, def], id);
  await store(deps, 'serialBus', id, busName(def), 'added', by.actor, () => deps.devices.saveBus(id, def, deps.clock(), by.actor.name));
  return { id };
}

/** Changes a bus (its port, speed, protocol, keypads, boards); the port is closed and opened again with them. */
export async function changeBus(deps: DeviceConfigDeps, id: string, input: BusInput, by: { actor: Actor }): Promise<{ id: string }> {
  if (!deps.live.serialBuses.some((b) => b.id === id)) throw new DomainError('device_not_found', { id });
  const def = busOf(id, input);
  checkBuses(
    deps,
    deps.live.serialBuses.map((b) => (b.id === id ? def : b)),
    id,
  );
  await store(deps, 'serialBus', id, busName(def), 'changed', by.actor, () => deps.devices.saveBus(id, def, deps.clock(), by.actor.name));
  return { id };
}

/** Takes a bus away: its port is closed; a bus of the hall file stays away until the file changes it. */
export async function removeBus(deps: DeviceConfigDeps, id: string, by: { actor: Actor }): Promise<{ id: string }> {
  const bus = deps.live.serialBuses.find((b) => b.id === id);
  if (!bus) throw new DomainError('device_not_found', { id });
  await store(deps, 'serialBus', id, busName(bus), 'removed', by.actor, () => deps.devices.saveBus(id, null, deps.clock(), by.actor.name));
  return { id };
}
