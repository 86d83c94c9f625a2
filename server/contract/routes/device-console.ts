// Devices in the manager console (admins): add a kiosk, rating tablet or display and pair it
// by a QR code, unpair it, test a printer or an LED board. Pairing itself is the device's own
// call, with the single-use code the QR carries.

import Type from 'typebox';
import type { DevicesView, PairedDevice, PairingView } from '../device-console.js';
import type { DeviceView } from '../device-console.js';
import type { PrintOutcome } from '../events.js';
import { CounterId, Described, errorResponses, OneOf, ServiceId, staffErrorResponses, staffOnly } from '../route-schemas.js';
import { ErrorSchema } from '../reply-schemas.js';

const Kind = OneOf(['kiosk', 'ratingTablet', 'display'] as const, { description: 'kiosk, ratingTablet or display' });
const DeviceId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: 'Device id, e.g. K2' });
const DeviceParams = Type.Object({ kind: Kind, deviceId: DeviceId });
const Name = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S', description: 'Name shown in the console and the log' });
const PairingCode = Type.String({ pattern: '^[A-Za-z0-9-]{4,16}$', description: 'The pairing code the QR carries (8 letters and digits)' });

const PrinterBody = Type.Object(
  {
    kind: OneOf(['simulated', 'epson', 'star', 'agent'] as const, {
      description: 'simulated (saved as pictures), epson or star (ESC/POS on the network or a device file), agent (on the kiosk’s own PC, printed by its device agent)',
    }),
    address: Type.Optional(Type.String({ pattern: '^(tcp://[A-Za-z0-9.-]+(:[0-9]{1,5})?|/[A-Za-z0-9._/-]+)$', description: 'tcp://host:9100 or a device file such as /dev/usb/lp0' })),
    model: Type.Optional(OneOf(['epson', 'star'] as const, { description: 'type agent only: the printer’s command set (epson by default)' })),
    paperWidth: Type.Optional(Type.Union([Type.Literal(58), Type.Literal(80)], { description: 'Paper roll width in millimetres (80 by default)' })),
  },
  { additionalProperties: false },
);

const BusId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: 'Bus id, e.g. B1' });
const BusAddress = Type.Integer({ minimum: 1, maximum: 99, description: 'Address on the bus, 1 to 99' });
const BusFields = {
  port: Type.String({ minLength: 1, maxLength: 200, pattern: '^(simulated|/\\S+|COM[0-9]+)$', description: 'The serial port, e.g. /dev/ttyUSB0 (simulated: a bus with no wire)' }),
  baudRate: Type.Optional(Type.Integer({ minimum: 1200, maximum: 921600, description: 'Line speed (9600 by default)' })),
  protocol: Type.Optional(OneOf(['luot', 'modbus-text'] as const, { description: 'How the LED boards are spoken to: luot (default) or modbus-text' })),
  keypads: Type.Optional(Type.Array(Type.Object({ address: BusAddress, counterId: CounterId }, { additionalProperties: false }), { maxItems: 99 })),
  ledBoards: Type.Optional(
    Type.Array(
      Type.Union([
        Type.Object({ address: BusAddress, kind: Type.Literal('counter'), counterId: CounterId }, { additionalProperties: false }),
        Type.Object({ address: BusAddress, kind: Type.Literal('hall'), calls: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) }, { additionalProperties: false }),
      ]),
      { maxItems: 99 },
    ),
  ),
};

export const DEVICE_CONSOLE_ROUTES = {
  'GET /api/devices': {
    tags: ['devices'],
    summary: 'The hall’s kiosks, rating tablets and displays (paired or not), their printers and LED boards (admins)',
    security: staffOnly,
    response: {
      200: Described<DevicesView>(
        '{ devices: [{ kind, id, name, source, paired, active, printer, services, counterId, status }], boards: [{ busId, address, kind, counterId, status }], buses: [{ id, port, baudRate, protocol, keypads, ledBoards, source, status }] }',
      ),
      ...staffErrorResponses,
    },
  },
  'POST /api/devices': {
    tags: ['devices'],
    summary: 'Add a kiosk (its printer, its services), a rating tablet (its counter) or a display, and get its pairing code (admins)',
    description: 'The reply’s pairing.url is what the device’s browser opens once (shown as a QR code); the code is single-use and expires after 10 minutes.',
    body: Type.Object(
      {
        kind: Kind,
        name: Name,
        nameEn: Type.Optional(Name),
        printer: Type.Optional(PrinterBody),
        services: Type.Optional(Type.Array(ServiceId, { maxItems: 100, description: 'Services the kiosk offers; empty or absent: all' })),
        counterId: Type.Optional(CounterId),
      },
      { additionalProperties: false },
    ),
    security: staffOnly,
    response: { 201: Described<{ device: DeviceView; pairing: PairingView }>('{ device, pairing: { code, url, expiresAt } }'), ...staffErrorResponses },
  },
  'PUT /api/devices/kiosks/:deviceId': {
    tags: ['devices'],
    summary: 'Change a kiosk’s printer (type, address, paper), its services and its name, for a kiosk of the hall file or one added here (admins)',
    description: 'Applied at once: the next ticket prints on the new printer. Kept over the hall file until the file itself changes the kiosk.',
    params: Type.Object({ deviceId: DeviceId }),
    body: Type.Object(
      {
        name: Type.Optional(Name),
        nameEn: Type.Optional(Name),
        printer: PrinterBody,
        services: Type.Array(ServiceId, { maxItems: 100, description: 'Services the kiosk offers; empty: all' }),
      },
      { additionalProperties: false },
    ),
    security: staffOnly,
    response: { 200: Described<DeviceView>('The kiosk, changed'), ...staffErrorResponses },
  },
  'POST /api/devices/buses': {
    tags: ['devices'],
    summary: 'Add a serial bus with its counter keypads and LED boards (admins); its port opens at once',
    body: Type.Object({ id: BusId, ...BusFields }, { additionalProperties: false }),
    security: staffOnly,
    response: { 201: Type.Object({ id: Type.String() }), ...staffErrorResponses },
  },
  'PUT /api/devices/buses/:busId': {
    tags: ['devices'],
    summary: 'Change a serial bus: port, speed, protocol, keypads and LED boards (admins); the port is closed and opened again with them',
    description: 'A port that cannot be opened is reported as the bus’s status and tried again; the hub keeps running.',
    params: Type.Object({ busId: BusId }),
    body: Type.Object(BusFields, { additionalProperties: false }),
    security: staffOnly,
    response: { 200: Type.Object({ id: Type.String() }), ...staffErrorResponses },
  },
  'DELETE /api/devices/buses/:busId': {
    tags: ['devices'],
    summary: 'Remove a serial bus (admins): its port is closed; a bus of the hall file stays away until the file changes it',
    params: Type.Object({ busId: BusId }),
    security: staffOnly,
    response: { 200: Type.Object({ id: Type.String() }), ...staffErrorResponses },
  },
  'POST /api/devices/:kind/:deviceId/pairing': {
    tags: ['devices'],
    summary: 'A new pairing code for a device (admins): its earlier codes stop working; its token is replaced once the code is used',
    params: DeviceParams,
    security: staffOnly,
    response: { 200: Described<PairingView>('{ code, url, expiresAt }'), ...staffErrorResponses },
  },
  'POST /api/devices/:kind/:deviceId/unpair': {
    tags: ['devices'],
    summary: 'Unpair a device (admins): its token stops working at once and its page waits for pairing again',
    params: DeviceParams,
    security: staffOnly,
    response: { 200: Described<DeviceView>('The device, unpaired'), ...staffErrorResponses },
  },
  'POST /api/devices/pair': {
    tags: ['devices'],
    summary: 'A device’s page gives the pairing code it was opened with and receives its own token, to keep',
    description: 'The code works once, for 10 minutes. Wrong, used or expired codes are limited per address (stored).',
    body: Type.Object({ code: PairingCode }, { additionalProperties: false }),
    response: { 200: Described<PairedDevice>('{ kind, id, name, token }'), ...errorResponses, 429: ErrorSchema },
  },
  'GET /api/devices/me': {
    tags: ['devices'],
    summary: 'The paired device that presents this token (a display checks it is still paired)',
    response: { 200: Described<Omit<PairedDevice, 'token'>>('{ kind, id, name }'), ...errorResponses, 401: ErrorSchema },
  },
  'POST /api/devices/printers/:deviceId/test': {
    tags: ['devices'],
    summary: 'Print a test ticket on a kiosk’s printer through the same print path as tickets (admins); answers what the printer did',
    params: Type.Object({ deviceId: DeviceId }),
    security: staffOnly,
    response: { 200: Described<PrintOutcome>('{ ok, code, message, messageEn }'), ...staffErrorResponses },
  },
  'POST /api/devices/boards/:busId/:address/test': {
    tags: ['devices'],
    summary: 'Light an LED board with a test text (8888) for 5 seconds, then its content again (admins)',
    params: Type.Object({ busId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }), address: Type.Integer({ minimum: 1, maximum: 99 }) }),
    security: staffOnly,
    response: { 200: Type.Object({ sent: Type.Boolean({ description: 'false: the bus is not open' }) }), ...staffErrorResponses },
  },
};
