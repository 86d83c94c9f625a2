// Who may call each route and send each socket message: declared here once, enforced by
// access-control.ts, written out as docs/access.md (npm run docs:access). A route missing
// from this table stops the hub from starting, so none can be added without a rule.

import type { AgentToHubEvents } from '../../contract/agent.js';
import type { ClientToServerEvents } from '../../contract/events.js';
import type { AccessRuleName } from './access-rules.js';

interface Entry {
  rule: AccessRuleName;
  /** What the reply carries, for the table in docs/. */
  note: string;
}

const entry = (rule: AccessRuleName, note: string): Entry => ({ rule, note });

/** Keyed "METHOD /path" as registered (HEAD follows GET). */
export const ROUTE_ACCESS: Record<string, Entry> = {
  // Pages and their files: public; the data they show comes through the rules below.
  'GET /': entry('public', 'Landing page; kiosk registration links only on the hub machine'),
  'GET /fonts/*': entry('public', 'The bundled Noto Sans, for the landing page'),
  'GET /kiosk/*': entry('public', 'Kiosk and phone page files (the kiosk proves itself with its token)'),
  'GET /display/*': entry('public', 'Display and boards page files'),
  'GET /counter/*': entry('public', 'Counter page files (its data needs the clerk’s sign-in)'),
  'GET /desk/*': entry('public', 'Dossier desk files (its data needs the clerk’s sign-in)'),
  'GET /lookup/*': entry('public', 'Lookup terminal files'),
  'GET /manager/*': entry('public', 'Manager console files (its data needs a manager’s or admin’s sign-in)'),
  'GET /t/:ticketId': entry('public', 'Phone page of one ticket'),
  'GET /prints': entry('public', 'Simulated printer page (its data is hub-machine only)'),
  'GET /boards': entry('public', 'Simulated keypads and LED boards page'),
  'GET /docs': entry('public', 'API documentation'),
  'GET /docs/': entry('public', 'API documentation'),
  'GET /docs/*': entry('public', 'API documentation files'),
  'GET /docs/json': entry('public', 'OpenAPI document'),
  'GET /docs/yaml': entry('public', 'OpenAPI document'),
  'GET /docs/static/*': entry('public', 'API documentation files'),
  'GET /docs/static/index.html': entry('public', 'API documentation files'),
  'GET /docs/static/swagger-initializer.js': entry('public', 'API documentation files'),

  // The hall's live state: public shapes only (no category, no typed reason, no path).
  'GET /api/health': entry('public', 'Liveness, storage, devices; no file paths'),
  'GET /api/hall': entry('public', 'Snapshot: tickets with priority as yes/no, counters without pause reasons, settings without secrets'),
  'GET /api/services': entry('public', 'Services with waiting counts and estimates'),
  'GET /api/calendar': entry('public', "The hall's own closures and extra days with their reasons; no one's name"),
  'GET /api/services/:serviceId': entry('public', 'One service'),
  'GET /api/counters': entry('public', 'Counters with public state'),
  'GET /api/tickets/:ticketId': entry('public', 'One ticket, public shape (the phone page)'),
  'GET /api/voice/call.wav': entry('public', 'The spoken call'),
  'GET /api/staff/counters': entry('public', 'Counters and who holds each (the sign-in form)'),
  'GET /api/simulator/buses': entry('public', 'What the simulated keypads and boards show'),
  'GET /api/procedures': entry('public', 'The procedures guide, searched'),
  'GET /api/procedures/:code': entry('public', 'One procedure with its papers, fee, time and counters'),
  'GET /api/procedures/:code/due': entry('public', 'The due date if received now'),
  'GET /api/lookup/:code': entry(
    'public',
    "A dossier's progress, by its code (or short form) and the slip's check code: the name masked, no ID, no phone, no address. A wrong or missing check code answers 404 as an unknown code; lookups that find nothing are limited per address (stored)",
  ),

  // Staff reads: the full shapes.
  'GET /api/counters/:counterId': entry('counter', 'The counter page: held ticket, pause reason, waiting list'),
  'GET /api/tickets': entry('staff', "A day's tickets, with categories and reasons"),
  'GET /api/tickets/:ticketId/events': entry('staff', "A ticket's history from the event log"),
  'GET /api/events': entry('staff', 'The event log'),
  'GET /api/reports/day': entry('staff', "A day's figures"),
  'GET /api/staff/session': entry('signedIn', 'The caller’s own session'),

  // Staff commands.
  'POST /api/staff/sign-in': entry('public', 'Limited per user and address, and per address (stored)'),
  'POST /api/staff/sign-out': entry('signedIn', 'Ends the caller’s own session'),
  'POST /api/tickets': entry('staff', 'A clerk only for the services of their counter'),
  'POST /api/tickets/:ticketId/restore': entry('ticket', 'Puts a no-show back'),
  'POST /api/tickets/:ticketId/cancel': entry('ticket', 'Cancels, with a reason kept for staff'),
  'POST /api/tickets/:ticketId/priority': entry('ticket', 'Sets or clears the priority category'),
  'POST /api/counters/:counterId/call-next': entry('counter', 'Counter command'),
  'POST /api/counters/:counterId/call': entry('counter', 'Counter command; the ticket must wait for this counter'),
  'POST /api/counters/:counterId/recall': entry('counter', 'Counter command'),
  'POST /api/counters/:counterId/start': entry('counter', 'Counter command'),
  'POST /api/counters/:counterId/no-show': entry('counter', 'Counter command'),
  'POST /api/counters/:counterId/finish': entry('counter', 'Counter command'),
  'POST /api/counters/:counterId/transfer': entry('counter', 'Counter command'),
  'POST /api/counters/:counterId/pause': entry('counter', 'Counter command'),
  'POST /api/counters/:counterId/resume': entry('counter', 'Counter command'),
  'POST /api/counters/:counterId/open': entry('counter', 'Counter command'),
  'POST /api/counters/:counterId/close': entry('counter', 'Counter command'),
  'PUT /api/hall/notice': entry('manager', 'The display notice'),
  'POST /api/calendar/days': entry('manager', 'Adds a closure or an extra working day of the hall'),
  'DELETE /api/calendar/days/:id': entry('manager', "Removes one of the hall's own days"),
  'PUT /api/calendar/years/:year': entry('manager', "Loads a year's official schedule of days off"),
  'PUT /api/procedures': entry('manager', 'Replaces the procedures catalogue (JSON or CSV)'),
  'POST /api/procedures/import/preview': entry('admin', 'What a catalogue file (CSV or XLSX) would change; changes nothing'),
  'POST /api/procedures/import/:previewId/apply': entry('admin', 'Applies a preview unless the catalogue changed since; logged with who applied it'),
  'GET /api/procedures/export': entry('admin', 'The running catalogue as CSV or XLSX, formulas neutralised'),
  'GET /api/voice/settings': entry('admin', 'The voice of the calls and the packs installed'),
  'PUT /api/voice/settings': entry('admin', 'Changes the voice of the calls; logged with who changed it'),
  'POST /api/voice/sample': entry('admin', 'Says a sample call on the hall displays and the hub speaker'),
  'POST /api/dossiers': entry('staff', 'Receives a dossier; a clerk only from the ticket their counter serves, of a procedure of their fields'),
  'POST /api/dossiers/link': entry('staff', "Links the province system's dossier; a clerk only at their counter"),
  'POST /api/dossiers/:code/status': entry('signedIn', "Moves a dossier on (the back office's steps); only one of the caller's fields, others answer 404"),
  'GET /api/dossiers/:code': entry('signedIn', "A dossier in full: applicant, ID, papers; only one of the caller's fields, others answer 404; logged"),
  'GET /api/dossiers/figures': entry(
    'signedIn',
    "Counts of open dossiers due today, overdue, waiting for papers or fees, result ready, per procedure and clerk; only the caller's fields (a manager: the centre's); no applicant data",
  ),
  'GET /api/dossiers': entry('signedIn', "A ticket's dossiers, those due soon, or the desk's lists (view); only those of the caller's fields; logged"),
  'GET /api/dossiers/:code/slip.pdf': entry('signedIn', "A slip (forms 01-05) as PDF, with the applicant’s data; only one of the caller's fields; logged"),
  'POST /api/dossiers/:code/print': entry('signedIn', "Prints a slip on a staff printer (a kiosk with slips: true); only one of the caller's fields; logged"),
  'GET /api/dossier-reads': entry('manager', "Who read which dossier's personal data, and when"),
  'POST /api/day/close': entry('manager', "Closes today's queue"),
  'POST /api/backups': entry('manager', 'Copies the database'),

  // The manager console: managers and admins (and the API token, a manager's).
  'GET /api/manager/hall': entry('manager', 'The live hall with pause reasons, clerks, devices, disk, backups and alerts'),
  'POST /api/alerts/:alertId/acknowledge': entry('manager', 'Acknowledges an alert; logged with who did'),
  'PUT /api/alerts/thresholds': entry('manager', 'When alerts are raised; logged with who set them'),
  'POST /api/manager/move-clerk': entry('manager', 'Moves the clerk of a counter to another (their session there ends); logged with who moved them'),

  // Accounts: an admin's (the API token acts as a manager, not an admin). No password or hash in any reply.
  'GET /api/users': entry('admin', 'Accounts: user name, name, role, counters, active'),
  'POST /api/users': entry('admin', 'Adds an account; logged with who added it'),
  'POST /api/users/:user': entry('admin', 'Changes an account; disabling ends its sessions'),
  'POST /api/users/:user/password': entry('admin', 'Sets a new password; the account’s sessions end'),

  // The hall's configuration, changed live: an admin's. Logged (hall:configured) with who changed it.
  'GET /api/config': entry('admin', 'The running configuration: hall, services (with how many wait), counters (with their state)'),
  'PUT /api/config/hall': entry('admin', "Changes the hall's name, agency code, public address or return service"),
  'POST /api/config/services': entry('admin', 'Adds a service; kiosks show it at once'),
  'POST /api/config/services/:serviceId': entry('admin', 'Changes a service; waiting tickets keep their numbers'),
  'DELETE /api/config/services/:serviceId': entry('admin', 'Removes a service nobody waits for and no counter serves'),
  'POST /api/config/counters': entry('admin', 'Adds a counter (closed); displays show it at once'),
  'POST /api/config/counters/:counterId': entry('admin', 'Changes a counter: services, weights, order rule'),
  'DELETE /api/config/counters/:counterId': entry('admin', 'Removes a closed counter'),
  'GET /api/config/hall-file': entry('admin', 'The running configuration as a hall file (YAML); no token, password hash or status source in it'),
  'POST /api/config/hall-file/preview': entry('admin', 'What a hall file would change, section by section; changes nothing'),
  'POST /api/config/hall-file/:previewId/apply': entry('admin', 'Applies a preview in one step unless the configuration changed since; logged with who applied it'),
  // Devices: an admin's. No token, token hash or pairing code in the log; a token only to the device that pairs.
  'GET /api/devices': entry('admin', 'Kiosks, rating tablets and displays (paired or not), printers, LED boards; no token'),
  'POST /api/devices': entry('admin', 'Adds a device and answers its single-use pairing code; logged with who added it'),
  'PUT /api/devices/kiosks/:deviceId': entry('admin', 'A kiosk’s printer, services and name, applied at once; logged with who changed it'),
  'POST /api/devices/buses': entry('admin', 'Adds a serial bus (keypads, LED boards); its port opens at once; logged'),
  'PUT /api/devices/buses/:busId': entry('admin', 'A serial bus’s port, speed, protocol, keypads and boards; the port is reopened; logged'),
  'DELETE /api/devices/buses/:busId': entry('admin', 'Removes a serial bus; its port is closed; logged'),
  'POST /api/devices/:kind/:deviceId/pairing': entry('admin', 'A new single-use pairing code (10 minutes); the earlier ones stop working'),
  'POST /api/devices/:kind/:deviceId/unpair': entry('admin', 'The device’s token stops working at once'),
  'POST /api/devices/printers/:deviceId/test': entry('admin', 'Prints a test ticket; answers what the printer did'),
  'POST /api/devices/boards/:busId/:address/test': entry('admin', 'Lights a board with 8888 for 5 seconds'),
  'POST /api/devices/pair': entry('public', 'The device’s own token for a valid code, once; wrong codes limited per address (stored)'),
  'GET /api/devices/me': entry('pairedDevice', 'The paired device presenting the token: kind, id, name; 401 when unpaired'),
  'GET /pair/:code': entry('public', 'Opens the device’s page with its pairing code; wrong codes limited per address (stored)'),

  // Devices.
  'GET /api/kiosk': entry('kiosk', 'The kiosk’s own settings and printer'),
  'POST /api/kiosk/tickets': entry('kiosk', 'Takes a number; capped per kiosk per minute (stored)'),
  'POST /api/kiosk/returns': entry('kiosk', "Takes a number to collect a ready dossier's result, linked to it, by the code and check code; under the lookup's limit per address"),
  'POST /api/kiosk/tickets/:ticketId/print': entry('kiosk', "Reprints today's ticket; capped per ticket (stored)"),
  'GET /api/rating-tablet': entry('ratingTablet', 'The tablet’s own counter'),
  'POST /api/ratings': entry('ratingTablet', 'Rates the service just finished at its counter, once per ticket'),
  'GET /api/reports/ratings': entry('staff', "A day's ratings per counter, clerk and service"),
  'GET /rating/*': entry('public', 'Rating tablet page files (the tablet proves itself with its token)'),
  'GET /api/prints': entry('hubMachine', "The simulated printer's recent tickets"),
  'GET /api/prints/:file': entry('hubMachine', 'One simulated print (PNG or ESC/POS bytes)'),
  'GET /api/simulator/token': entry('hubMachine', 'A short-lived token for the /boards page'),
  'POST /api/simulator/buses/:busId/keypads/:address/press': entry('simulator', 'Presses a simulated key, acting as that keypad'),
};

/** Every message a page may send over socket.io; the hub only ever sends public shapes. */
export const SOCKET_ACCESS: Record<keyof ClientToServerEvents | keyof AgentToHubEvents, Entry> = {
  'hall:subscribe': entry('public', 'Follow some services or counters; answers with a public snapshot'),
  'hall:resync': entry('public', 'A fresh public snapshot'),
  // A kiosk's device agent, in the namespace /agent, connected with the kiosk's token.
  'agent:hello': entry('kiosk', 'The device agent of a kiosk says who it is; answered with its kiosk id'),
  'agent:printer': entry('kiosk', "The kiosk's local printer state, from its device agent"),
  'agent:hours': entry('public', "The hall's opening times for the coming weeks (hours, holidays, closures), for a device agent's screen schedule"),
};

/** What the hub sends to every page over socket.io, for the table in docs/. */
export const SOCKET_EVENTS: Record<string, string> = {
  'hall:snapshot': 'Public snapshot on connect',
  'hall:events': 'Numbered changes, public shapes (priority yes/no, no reasons)',
  'device:status': "A device's health (no personal data)",
  'hall:settings': 'Hall settings without file paths or the status source',
  'voice:sample': 'A sample call to say (a number and a counter), asked for by an admin',
  'agent:print': "Namespace /agent, to one kiosk's device agent only: that kiosk's print job (ESC/POS bytes of its ticket or slip)",
  'agent:hours': "Namespace /agent, to every device agent: the hall's opening days again after its calendar or hours changed (public)",
};

export function routeKey(method: string, url: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${url}`;
}
