// Routes of a registered kiosk (Authorization: Bearer <kiosk token>) and of the simulated
// printers' list.

import Type from 'typebox';
import { KioskInfoSchema, KioskReprintReplySchema, KioskTicketReplySchema } from '../reply-schemas.js';
import { KioskTicketBody, staffErrorResponses, TicketParams } from '../route-schemas.js';
import { CheckCode, CitizenDossierCode } from './dossiers.js';

/** A kiosk's refusals: those of any credential (401, 403, 429 for its per-minute cap). */
const kioskErrors = staffErrorResponses;

export const PrintRecordSchema = Type.Object({
  name: Type.String(),
  at: Type.Number(),
  image: Type.String({ description: 'The picture (.png)' }),
  bytes: Type.String({ description: 'The ESC/POS bytes (.bin)' }),
});

export const KIOSK_ROUTES = {
  'GET /api/kiosk': {
    tags: ['kiosk'],
    summary: 'Who this kiosk is, its cap and its printer (Authorization: Bearer <kiosk token>)',
    response: { 200: KioskInfoSchema, ...kioskErrors },
  },
  'POST /api/kiosk/tickets': {
    tags: ['kiosk'],
    summary: 'Take a number from a kiosk and print it; the ticket exists even when the print fails',
    body: KioskTicketBody,
    response: { 201: KioskTicketReplySchema, ...kioskErrors },
  },
  'POST /api/kiosk/returns': {
    tags: ['kiosk'],
    summary:
      "Take a number to collect a dossier's result, by the code (or its short form) and the check code on the slip, scanned or typed; only a ready result gets one, linked to the dossier, one at a time",
    body: Type.Object({ code: CitizenDossierCode, check: CheckCode }, { additionalProperties: false }),
    response: { 201: KioskTicketReplySchema, ...kioskErrors },
  },
  'POST /api/kiosk/tickets/:ticketId/print': {
    tags: ['kiosk'],
    summary: "Print today's ticket again (after the printer was fixed), a few times at most",
    params: TicketParams,
    response: { 200: KioskReprintReplySchema, ...kioskErrors },
  },
  'GET /api/prints': {
    tags: ['kiosk'],
    summary: "The simulated printers' recent tickets, newest first",
    response: { 200: Type.Array(PrintRecordSchema) },
  },
  'GET /api/prints/:file': {
    tags: ['kiosk'],
    summary: 'One simulated print: its picture (.png) or its ESC/POS bytes (.bin)',
    params: Type.Object({ file: Type.String() }),
  },
};
