// Dossiers: received at the counter from the ticket being served (or linked to the province
// system's code), their status changes, the clerk's dossiers due soon, and the public lookup
// by code with personal data masked.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { LookupReply } from '../../contract/dossiers.js';
import type { dossierReads } from '../../use-cases/dossiers/dossier-reads.js';
import type { dossierSlipPdf, printDossierSlip } from '../../use-cases/dossiers/dossier-slip.js';
import type { lookUpDossier } from '../../use-cases/dossiers/lookup-dossier.js';
import type { dossierOf, listDossiers } from '../../use-cases/dossiers/read-dossiers.js';
import type { dossierFiguresOf } from '../../use-cases/dossiers/dossier-figures.js';
import type { changeDossierStatus, linkProvinceDossier, receiveDossier } from '../../use-cases/dossiers/receive-dossier.js';
import type { UseCase } from '../../use-cases/ports.js';
import { dossierCallerOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface DossierRoutesOptions {
  receiveDossier: UseCase<typeof receiveDossier>;
  linkProvinceDossier: UseCase<typeof linkProvinceDossier>;
  changeDossierStatus: UseCase<typeof changeDossierStatus>;
  dossierOf: UseCase<typeof dossierOf>;
  listDossiers: UseCase<typeof listDossiers>;
  dossierFiguresOf: UseCase<typeof dossierFiguresOf>;
  dossierSlipPdf: UseCase<typeof dossierSlipPdf>;
  printDossierSlip: UseCase<typeof printDossierSlip>;
  lookUpDossier: UseCase<typeof lookUpDossier>;
  dossierReads: UseCase<typeof dossierReads>;
}

export const dossierRoutes: FastifyPluginAsyncTypebox<DossierRoutesOptions> = async (app, options) => {
  const { receiveDossier, linkProvinceDossier, changeDossierStatus, dossierOf, listDossiers, dossierFiguresOf, dossierSlipPdf, printDossierSlip, lookUpDossier, dossierReads } = options;

  app.route({
    ...routeOf('POST /api/dossiers'),
    handler: async (request, reply) => reply.status(201).send(await receiveDossier(request.body, dossierCallerOf(request.caller))),
  });

  app.route({
    ...routeOf('POST /api/dossiers/link'),
    handler: async (request, reply) => reply.status(201).send(await linkProvinceDossier(request.body, dossierCallerOf(request.caller))),
  });

  app.route({
    ...routeOf('POST /api/dossiers/:code/status'),
    handler: async (request) => changeDossierStatus(request.params.code, request.body, dossierCallerOf(request.caller)),
  });

  app.route({
    ...routeOf('GET /api/dossiers/:code'),
    handler: async (request) => dossierOf(request.params.code, dossierCallerOf(request.caller)),
  });

  app.route({
    ...routeOf('GET /api/dossiers'),
    config: { passive: true },
    handler: async (request) => listDossiers(request.query, dossierCallerOf(request.caller)),
  });

  app.route({
    ...routeOf('GET /api/dossiers/figures'),
    // The console reads it again as dossiers move: that alone must not keep a session alive.
    config: { passive: true },
    handler: async (request) => dossierFiguresOf(dossierCallerOf(request.caller)),
  });

  app.route({
    ...routeOf('GET /api/dossiers/:code/slip.pdf'),
    config: { passive: true },
    handler: async (request, reply) => {
      const { pdf, fileName } = await dossierSlipPdf(request.params.code, request.query.form, request.query.size ?? 'A4', dossierCallerOf(request.caller), request.headers.host);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  });

  app.route({
    ...routeOf('POST /api/dossiers/:code/print'),
    handler: async (request) => printDossierSlip(request.params.code, request.body.kioskId, request.body.form, dossierCallerOf(request.caller), request.headers.host),
  });

  app.route({
    ...routeOf('GET /api/dossier-reads'),
    config: { passive: true },
    handler: async (request) => dossierReads(request.query),
  });

  app.route({
    ...routeOf('GET /api/lookup/:code'),
    handler: async (request): Promise<LookupReply> => lookUpDossier({ code: request.params.code, check: request.query.check }, request.socket.remoteAddress ?? 'unknown'),
  });
};
