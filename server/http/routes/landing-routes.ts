// "/": the hall's front door for people, linking every surface the hub serves.

import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import type { HallOverview, hallOverview } from '../../use-cases/hall/hall-overview.js';
import type { UseCase } from '../../use-cases/ports.js';
import { fromHubMachine } from '../access/access-control.js';
import { waitMinutesToShow } from '../../domain/estimate/wait-estimate.js';
import { FONTS_DIR } from '../../paths.js';
import { LANDING_TEXT as T } from '../landing-text.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function both(text: { vi: string; en: string }): string {
  return `${escapeHtml(text.vi)} <span class="en">${escapeHtml(text.en)}</span>`;
}

function waitText(seconds: number | null): string {
  // The same rounding the kiosk, the ticket and the phone page show.
  const minutes = waitMinutesToShow(seconds);
  if (minutes === null) return both(T.noCounter);
  return `${minutes} ${both(T.minutes)}`;
}

/** "2026-11-27" as people write it: 27/11/2026. */
function dayAsWritten(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The kiosks with their registration links, which carry secrets: shown on the hub machine only. */
function kioskList(kiosks: HallOverview['kiosks'], local: boolean): string {
  if (kiosks.length === 0) return '';
  const items = kiosks
    .map((k) => {
      const href = `/kiosk/?device=${encodeURIComponent(k.id)}&token=${encodeURIComponent(k.token)}`;
      return local ? `<li><a href="${escapeHtml(href)}">${both(k.name)}</a> <code>${escapeHtml(k.id)}</code></li>` : `<li>${both(k.name)} <code>${escapeHtml(k.id)}</code></li>`;
    })
    .join('\n');
  return `<h2>${both(T.kiosks)}</h2><ul>${items}</ul>${local ? '' : `<p class="en">${both(T.kioskLocalNote)}</p>`}`;
}

export function renderLanding(hall: HallOverview, local = false): string {
  const { settings } = hall;
  const rows = hall.services
    .map(
      (s) => `<tr><td><span class="dot" style="background:${escapeHtml(s.color ?? '#555')}"></span>${both(s.name)}</td>
        <td class="num">${s.waiting}</td><td>${s.beyondClosing ? both(T.beyondClosing) : waitText(s.estimatedWaitSeconds)}</td><td class="num">${s.openCounters.toLocaleString("vi-VN")}</td></tr>`,
    )
    .join('\n');
  const links = T.links.map((l) => `<li><a href="${l.href}">${both(l)}</a> <code>${l.href}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(settings.name)} · luot</title>
<style>
  @font-face { font-family: 'Luot Sans'; src: url('/fonts/NotoSans-Regular.ttf') format('truetype'); font-weight: 400; }
  @font-face { font-family: 'Luot Sans'; src: url('/fonts/NotoSans-Bold.ttf') format('truetype'); font-weight: 700; }
  body { font-family: 'Luot Sans', sans-serif; margin: 0; color: #1b1b1b; background: #f4f6f8; }
  header { background: #0d47a1; color: #fff; padding: 24px 32px; }
  header h1 { margin: 0 0 4px; font-size: 28px; }
  header p { margin: 0; opacity: .85; }
  main { padding: 24px 32px; display: grid; grid-template-columns: minmax(320px, 1fr) minmax(420px, 2fr); gap: 24px; }
  section { background: #fff; border-radius: 8px; padding: 16px 24px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h2 { font-size: 20px; margin-top: 4px; }
  .en { color: #666; font-size: .85em; }
  header .en { color: #cfd8dc; }
  ul { padding-left: 20px; line-height: 2; }
  code { color: #555; font-size: 13px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 8px 6px; border-bottom: 1px solid #e3e6ea; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
  .dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 8px; }
  @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
</style></head>
<body>
<header><h1>${escapeHtml(settings.name)}</h1>
<p>${both(T.title)} · ${escapeHtml(settings.agencyCode)} · ${both(T.day)}: ${escapeHtml(dayAsWritten(hall.today))}</p></header>
<main>
<section><h2>${both(T.surfaces)}</h2><ul>${links}</ul>${kioskList(hall.kiosks, local)}</section>
<section><h2>${both(T.services)}</h2>
<table><thead><tr><th>${both(T.service)}</th><th>${both(T.waiting)}</th><th>${both(T.estimate)}</th><th>${both(T.counters)}</th></tr></thead>
<tbody>${rows}</tbody></table></section>
</main></body></html>`;
}

export interface LandingRoutesOptions {
  hallOverview: UseCase<typeof hallOverview>;
}

export const landingRoutes: FastifyPluginAsync<LandingRoutesOptions> = async (app, { hallOverview }) => {
  // The bundled font, for pages the hub writes itself (the landing page).
  await app.register(fastifyStatic, { root: FONTS_DIR, prefix: '/fonts/', decorateReply: false, maxAge: 86_400_000, allowedPath: (path) => /\.ttf$/.test(path) });
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    return reply.type('text/html; charset=utf-8').send(renderLanding(hallOverview(), fromHubMachine(request)));
  });
};
