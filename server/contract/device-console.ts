// What the console's Devices screen reads and is answered: the hall's kiosks, rating tablets and
// displays with whether each is paired, their printers and the LED boards, and a pairing code
// to show as a QR code. Built by server/use-cases/devices/manage-devices.ts. No token and no
// token hash ever leaves the hub.

import type { PairedDeviceKind } from '../domain/hall/hall-definition.js';
import type { DeviceStatus } from './events.js';

export type { PairedDeviceKind };

export interface PrinterView {
  kind: string;
  address: string | null;
  /** The command set of an agent's printer (epson or star); null for the other kinds. */
  model: 'epson' | 'star' | null;
  paperWidth: 58 | 80;
}

export interface DeviceView {
  kind: PairedDeviceKind;
  id: string;
  name: { vi: string; en: string };
  /** file: its token is the hall file's; console: paired (or to be paired) from the console. */
  source: 'file' | 'console';
  /** It holds a working token. */
  paired: boolean;
  active: boolean;
  /** A kiosk's printer and the services its screen offers (empty: all). */
  printer: PrinterView | null;
  services: string[];
  /** A rating tablet's counter. */
  counterId: number | null;
  /** The kiosk's printer as the hub last heard it. */
  status: DeviceStatus | null;
}

export interface BoardView {
  busId: string;
  address: number;
  kind: 'counter' | 'hall';
  counterId: number | null;
  status: DeviceStatus | null;
}

/** A serial bus with its counter keypads and LED boards, as the console edits it. */
export interface BusView {
  id: string;
  port: string;
  baudRate: number;
  protocol: 'luot' | 'modbus-text';
  keypads: { address: number; counterId: number }[];
  ledBoards: ({ address: number; kind: 'counter'; counterId: number } | { address: number; kind: 'hall'; calls: number })[];
  /** file: as the hall file says; console: added or changed in the console. */
  source: 'file' | 'console';
  /** The port as the hub last found it (null: not heard of yet). */
  status: DeviceStatus | null;
}

export interface DevicesView {
  devices: DeviceView[];
  boards: BoardView[];
  buses: BusView[];
}

/** A pairing code as the console shows it: the device's browser opens `url` once. */
export interface PairingView {
  code: string;
  /** The short address to type, e.g. http://192.168.1.10:8080/pair/7KQ4M2XD. */
  url: string;
  expiresAt: number;
}

/** What a device's page receives for a pairing code: its id and its own token, to keep. */
export interface PairedDevice {
  kind: PairedDeviceKind;
  id: string;
  name: { vi: string; en: string };
  token: string;
}
