// The pages the hub serves, built by Vite into dist/web: the kiosk, the phone page a
// ticket's QR code leads to, the simulated printer's list of recent tickets, and the
// simulated keypads and LED boards, the hall display and the clerks' counter page.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FRONT_ENDS } from '../../../web-shared/pages.js';
import { WEB_DIST_DIR } from '../../paths.js';
import type { PrintService } from '../../services/print-service.js';
import { TicketParams } from '../../contract/route-schemas.js';
import { routeOf } from '../route-map.js';

const KIOSK_DIST = join(WEB_DIST_DIR, 'kiosk');
const DISPLAY_DIST = join(WEB_DIST_DIR, 'display');
const PRINT_FILE = /^[0-9]{8}-[A-Za-z0-9_]{1,16}-[0-9]+_[A-Za-z0-9_-]{1,32}_[0-9]+\.(png|bin)$/;

export const webRoutes: FastifyPluginAsyncTypebox<{ printing: Pick<PrintService, 'printsDir' | 'recentPrints'> }> = async (app, { printing }) => {
  const built = existsSync(join(KIOSK_DIST, 'index.html'));
  // Gives every reply sendFile(). The prints folder is made now, so a first start says nothing about it.
  mkdirSync(printing.printsDir, { recursive: true });
  await app.register(fastifyStatic, { root: printing.printsDir, serve: false });
  // Every front-end of web-shared/pages.ts at /<name>/, or a clear word when not built yet.
  for (const { name } of FRONT_ENDS) {
    const dist = join(WEB_DIST_DIR, name);
    if (existsSync(join(dist, 'index.html'))) {
      await app.register(fastifyStatic, { root: dist, prefix: `/${name}/`, decorateReply: false, maxAge: 0 });
    } else {
      app.get(`/${name}/*`, async (_request, reply) =>
        reply.status(503).type('text/plain; charset=utf-8').send('Các trang chưa được dựng: chạy "npm run build:web".\nThe pages are not built yet: run "npm run build:web".'),
      );
    }
  }
  const page = (file: string) => async (_request: unknown, reply: { sendFile(f: string, root: string): unknown }) => reply.sendFile(file, KIOSK_DIST);
  app.get('/t/:ticketId', { schema: { hide: true, params: TicketParams } }, built ? page('phone.html') : async (_r, reply) => reply.redirect('/kiosk/'));
  app.get('/prints', { schema: { hide: true } }, built ? page('prints.html') : async (_r, reply) => reply.redirect('/kiosk/'));
  if (existsSync(join(DISPLAY_DIST, 'boards.html'))) {
    app.get('/boards', { schema: { hide: true } }, async (_request, reply) => reply.sendFile('boards.html', DISPLAY_DIST));
  }

  app.route({
    ...routeOf('GET /api/prints'),
    handler: async () => (await printing.recentPrints()).map((p) => ({ ...p, image: `/api/prints/${p.name}.png`, bytes: `/api/prints/${p.name}.bin` })),
  });

  app.route({
    ...routeOf('GET /api/prints/:file'),
    handler: async (request, reply) => {
      const { file } = request.params;
      if (!PRINT_FILE.test(file) || !existsSync(join(printing.printsDir, file))) {
        return reply.status(404).send({
          statusCode: 404,
          error: 'print_not_found',
          message: `Không có bản in "${file}".`,
          messageEn: `There is no print "${file}".`,
        });
      }
      return reply.sendFile(file, printing.printsDir, { maxAge: 0 });
    },
  });
};
