// docs/access.md, written from the access table so that the document is the table the hub
// enforces (a test compares them; `npm run docs:access` writes it).

import { ACCESS_RULES, ACCESS_RULE_NAMES } from './access-rules.js';
import { ROUTE_ACCESS, SOCKET_ACCESS, SOCKET_EVENTS } from './access-table.js';

const READS: Record<string, string> = {
  public: 'public shapes only',
  staff: 'full shapes (categories, reasons, the log)',
  device: "the device's own data",
};

export function renderAccessTable(): string {
  const rules = ACCESS_RULE_NAMES.map((name) => {
    const rule = ACCESS_RULES[name];
    return `| \`${name}\` | ${rule.who.vi}<br>${rule.who.en} | ${READS[rule.reads]} |`;
  });
  const routes = Object.entries(ROUTE_ACCESS).map(([key, { rule, note }]) => {
    const [method, path] = key.split(' ');
    return `| ${method} | \`${path}\` | \`${rule}\` | ${note} |`;
  });
  const messages = Object.entries(SOCKET_ACCESS).map(([name, { rule, note }]) => `| \`${name}\` | \`${rule}\` | ${note} |`);
  const events = Object.entries(SOCKET_EVENTS).map(([name, note]) => `| \`${name}\` | ${note} |`);
  return `# Who may do what

This table is written from \`server/http/access/access-table.ts\` by \`npm run docs:access\`;
the hub enforces the same table in one place (\`server/http/access/access-control.ts\`). A
route without a rule stops the hub from starting, and a test calls every route with every kind
of caller below.

## Kinds of caller

A caller proves who it is with \`Authorization: Bearer <token>\`: a clerk's, back-office or
manager's session token (\`POST /api/staff/sign-in\`), the hub's API token (the file \`data/api-token\`,
which acts as a manager), a kiosk's token (from the hall file), or the short-lived token the
hub gives the \`/boards\` page on its own machine. Displays, phones and lookup terminals bring
none: they read public data only.

| Rule | Who | What replies carry |
|---|---|---|
${rules.join('\n')}

A clerk acts only in the scope of their counter: commands on that counter, the ticket it holds
or skipped, and tickets waiting for the services it serves (or sent to it by name). The queue
service checks this in the same step as it runs the command, so the queue cannot move in
between. A manager and the API token act anywhere. The event log names who acted; when a
manager or a script names the clerk it acts for, the log keeps both, e.g. \`Trần Văn Minh (API)\`.

## Whose dossiers a clerk reads (agencies and fields)

A hall's counters include outside agencies (police, tax, social insurance, electricity, water,
post): none of them reads another's citizens. A clerk lists, reads, moves, prints and fetches
the slips of only the dossiers of the procedures they handle:

- the **fields** (lĩnh vực of the procedures catalogue) and **services** their account lists in
  the hall file (\`fields: [Hộ tịch, Chứng thực]\`, \`services: [DIEN]\`);
- with neither listed, the dossiers of the services of the counter they sit at;
- whatever they list, the dossiers of the ticket their counter holds now (a citizen back for a
  result, whose number is linked to the dossier).

Any other dossier is answered exactly as one that does not exist (404 \`dossier_not_found\`, the
same words), is left out of lists and of the event log they read (\`GET /api/events\`, a ticket's
history), and cannot be moved. A clerk receives only procedures of their fields
(403 \`procedure_not_in_scope\`, which names the field, as the public guide does). The check is
one function (\`server/use-cases/dossiers/dossier-scope.ts\`) that every dossier use case
applies, so no route can forget it. Managers and the API token handle every dossier.

**Back-office staff** (\`role: back_office\`, the processing departments) sign in without a
counter and read and move the dossiers of their fields; they call, issue and receive nothing
(the rule \`signedIn\` admits them; \`staff\`, \`counter\` and \`ticket\` do not).

**Slips print only where their holder may read them.** A slip carries the applicant's ID
number and address: \`POST /api/dossiers/{code}/print\` prints only on a kiosk the hall file
marks \`slips: true\` (its printer stands where only staff reach it, behind the reception
counters; the demo hall's K3), never on a public kiosk (403 \`kiosk_not_for_slips\`), and only a
dossier the caller may read.

**Reading personal data is logged.** Each full view, slip PDF, printed slip and list with ID
numbers is written to the read log (the table \`dossier_reads\`, never changed): who, when,
which dossier and how. The same person reading the same dossier the same way again within ten
minutes is one line (the counter page reads a ticket's dossiers at every change of the hall).
A manager reads it with \`GET /api/dossier-reads?day=&code=&user=\`.

## What public reads carry (Decree 13/2023/NĐ-CP)

Public replies and every realtime message give tickets in their public shape: \`priority\` is
only \`true\` or \`false\` (the category can reveal a disability), and there is no
\`endReason\`. Counters carry no pause reason, a cancellation no reason, the hall's settings no
file path, and \`/api/health\` no database path. No realtime message carries a dossier code
(\`dossier:changed\` says only the status, counter, service and due date; \`ticket:rated\` has no
dossier codes), and the public lookup lists missing papers only by the procedure's paper names,
never a line a clerk typed. Changes of accounts, alerts, the configuration and devices
(\`staff:changed\`, \`alert:*\`, \`hall:configured\`, \`catalog:replaced\`, \`voice:changed\`,
\`device:changed\`, which never holds a token or a pairing code) are kept in the event log but
never sent to pages (a configuration change sends each page a fresh public snapshot instead). The full shapes, the event log and the day's
ticket list need a staff credential. Every \`/api/\` reply but the spoken call carries \`cache-control: no-store\`.

## Secrets stay on the hub

The province status source (\`hall.statusSource\` in the hall file, docs/hall-file.md) may hold a
key in its address's query, a \`user:password\` before its host (sent as basic authentication)
and tokens in its \`headers\`. None of it leaves the hub: no reply to any caller, public or
staff, and no realtime message carries the source (the hall's settings in \`/api/hall\`, the
snapshots and \`hall:settings\` leave it out), and a lookup says only whether the province's
status was read. The one place it is shown is the start log, masked:
\`https://tracuu:***@so.example.vn/api/hoso/{code}?key=***\`, each header as \`***\`. Passwords of
staff are kept only as scrypt hashes and sessions only as hashes of their tokens; a kiosk's or a
tablet's token goes only to that device's own page (and to the registration links of the
landing page on the hub machine).

## What a passer-by on the hall's Wi-Fi can learn of a dossier

Nothing without the slip. The public lookup (\`GET /api/lookup/{code}?check=…\`, the lookup
terminal, a phone opening the slip's QR, the kiosk's "Nhận kết quả hồ sơ") needs two things the
citizen holds: the dossier's code (whole, or its short form such as \`261203-0007\`) and the
**check code** printed beside it on every slip and carried in the slip's QR (6 characters of
\`34679ACEFGHJKMNPRTUVWXY\`, random, about 148 million values; drawn by the hub with a secure
random source when the dossier is received or linked). Dossier codes follow each other, so a
code alone proves nothing: a missing or wrong check code gets the same 404 and the same words as
a code that does not exist, so a guess does not even learn whether a dossier exists. Each such
"not found" counts against the caller's address: after 10 in 10 minutes the address gets 429
for the rest of the window, and the right codes are refused too while it waits. Forty laptops on
the Wi-Fi, each walking the day's codes, learn nothing (\`tests/integration/dossier-lookup.test.ts\`).

With the slip (or a photo of it), one learns what the terminal shows: the status and its
history with dates, the due date, the procedure's name, the applicant's name masked
(\`N*** V** A*\`), the counters to go to and the papers still missing by the procedure's own
names. Never the ID number, phone, address or what a clerk typed. The check code is kept in its
own column, shown to staff with the dossier and printed on its slips; it is not written to the
event log, and no realtime message carries a dossier code, its short form or a check code.

A dossier of the province's system, linked at the counter, gets a check code too, and the
counter prints its lookup slip (form \`TC\`, "Phiếu tra cứu hồ sơ": the code, the check code and
the QR); the province's own receipt does not carry luot's check code. Dossiers stored before
check codes existed were given one when the hub was updated: reprint their slips when the citizen
comes (the counter's "In phiếu").

## Routes

| Method | Path | Rule | Notes |
|---|---|---|---|
${routes.join('\n')}

HEAD answers like GET.

## Realtime (socket.io)

Messages a page may send:

| Message | Rule | Notes |
|---|---|---|
${messages.join('\n')}

Messages the hub sends to every page:

| Message | Carries |
|---|---|
${events.join('\n')}

## Limits (kept in the database, so a restart does not reset them)

| What | Limit |
|---|---|
| Wrong sign-ins of one user from one address | 3 free, then 5 s, 10 s, 20 s … up to 15 min after the last one; the right password from another address still works |
| Wrong sign-ins from one address, any user | 20 in 10 minutes, then that address waits |
| Tickets from one kiosk | \`ticketsPerMinute\` in any 60 seconds; only tickets actually given count |
| Reprints of one ticket | \`reprintsPerTicket\` (hall file, default 2); a failed print does not count |
| Dossier lookups that find nothing, from one address (the public lookup and the kiosk's "collect a result" alike) | 10 in 10 minutes, then that address waits (429) until the oldest leaves the window |
`;
}
