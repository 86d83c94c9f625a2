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

/** A device's page: its link on the hub machine (it carries the device's secret), its name elsewhere. */
function deviceItem(name: string, id: string, href: string, local: boolean): string {
  return local ? `<li><a href="${escapeHtml(href)}">${name}</a> <code>${escapeHtml(id)}</code></li>` : `<li>${name} <code>${escapeHtml(id)}</code></li>`;
}

/** The kiosks and rating tablets with their registration links, which carry secrets: shown on the hub machine only. */
function deviceLists(hall: HallOverview, local: boolean): string {
  const kiosks = hall.kiosks;
  const tablets = hall.ratingTablets;
  const kioskItems = kiosks.map((k) => deviceItem(both(k.name), k.id, `/kiosk/?device=${encodeURIComponent(k.id)}&token=${encodeURIComponent(k.token)}`, local)).join('\n');
  const tabletItems = tablets
    .map((r) => deviceItem(`${both(T.tabletAt)} ${r.counterId}`, r.id, `/rating/?device=${encodeURIComponent(r.id)}&token=${encodeURIComponent(r.token)}`, local))
    .join('\n');
  if (!kioskItems && !tabletItems) return '';
  return `<div class="devices">
${kioskItems ? `<div><h3>${both(T.kiosks)}</h3><ul>${kioskItems}</ul></div>` : ''}
${tabletItems ? `<div><h3>${both(T.tablets)}</h3><p class="about">${both(T.rating.about)}</p><ul>${tabletItems}</ul></div>` : ''}
</div>${local ? '' : `<p class="note">${both(T.kioskLocalNote)}</p>`}`;
}

function pageCard(page: (typeof T.pages)[number]): string {
  return `<li><a class="card" href="${page.href}"><span class="card-name">${escapeHtml(page.vi)}</span><span class="card-en">${escapeHtml(page.en)}</span>
<span class="card-about">${escapeHtml(page.about.vi)}</span><code>${page.href}</code></a></li>`;
}

/** The emblem area of the masthead: a star on red, as on the hall's signs. */
const EMBLEM = `<svg class="emblem" viewBox="0 0 100 100" aria-hidden="true"><circle cx="50" cy="50" r="48" fill="#c62828" stroke="#ffd54f" stroke-width="4"/><path d="M50 18l9.4 28.9h30.4L65.2 64.8l9.4 28.9L50 75.8 25.4 93.7l9.4-28.9L10.2 46.9h30.4z" fill="#ffd54f"/></svg>`;

export function renderLanding(hall: HallOverview, local = false): string {
  const { settings, figures } = hall;
  const summaries = hall.services;
  const figure = (value: string, words: { vi: string; en: string }, id: string) =>
    `<li data-figure="${id}"><span class="figure">${value}</span><span class="figure-words">${both(words)}</span></li>`;
  const rows = summaries
    .map(
      (s) => `<tr><td><span class="dot" style="background:${escapeHtml(s.color ?? '#555')}"></span>${both(s.name)}</td>
        <td class="num">${s.waiting}</td><td>${s.beyondClosing ? both(T.beyondClosing) : waitText(s.estimatedWaitSeconds)}</td><td class="num">${s.openCounters.toLocaleString('vi-VN')}</td></tr>`,
    )
    .join('\n');
  const cards = (who: 'citizens' | 'staff') =>
    T.pages
      .filter((p) => p.who === who)
      .map(pageCard)
      .join('\n');
  const links = T.links.map((l) => `<li><a href="${l.href}">${both(l)}</a> <code>${l.href}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(settings.name)} · luot</title>
<style>
  @font-face { font-family: 'Luot Sans'; src: url('/fonts/NotoSans-Regular.ttf') format('truetype'); font-weight: 400; }
  @font-face { font-family: 'Luot Sans'; src: url('/fonts/NotoSans-Bold.ttf') format('truetype'); font-weight: 700; }
  * { box-sizing: border-box; }
  body { font-family: 'Luot Sans', sans-serif; margin: 0; color: #1b1b1b; background: #eef2f6; line-height: 1.4; }
  .masthead { background: #0d3c78; color: #fff; border-bottom: 6px solid #c62828; }
  .masthead-inner { max-width: 1320px; margin: 0 auto; padding: 18px 28px; display: flex; align-items: center; gap: 20px; }
  .emblem { width: 72px; height: 72px; flex-shrink: 0; }
  .masthead p { margin: 0; }
  .kicker { font-size: 14px; text-transform: uppercase; letter-spacing: .05em; color: #dce6f5; }
  h1 { margin: 2px 0; font-size: 28px; line-height: 1.2; }
  .facts { font-size: 15px; color: #dce6f5; }
  .masthead .en { color: #c5d3e8; }
  main { max-width: 1320px; margin: 0 auto; padding: 20px 28px 32px; display: flex; flex-direction: column; gap: 20px; }
  h2 { font-size: 20px; margin: 0 0 12px; color: #0d3c78; }
  h3 { font-size: 16px; margin: 0 0 6px; }
  .en { color: #555e69; font-size: .88em; font-weight: 400; }
  .today { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; }
  .today li { background: #fff; border-radius: 10px; padding: 14px 18px; box-shadow: 0 1px 3px rgba(0,0,0,.12); display: flex; flex-direction: column; }
  .figure { font-size: 38px; font-weight: 700; color: #0d3c78; font-variant-numeric: tabular-nums; line-height: 1.1; }
  .figure small { font-size: 20px; color: #37474f; font-weight: 400; }
  .figure-words { font-size: 15px; }
  .columns { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: 20px; align-items: start; }
  section { background: #fff; border-radius: 10px; padding: 18px 22px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  .cards { list-style: none; margin: 0 0 14px; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px; }
  .card { display: flex; flex-direction: column; gap: 2px; min-height: 100%; padding: 14px 16px; border: 2px solid #c5d0dc; border-left: 8px solid #0d3c78; border-radius: 10px; color: #1b1b1b; text-decoration: none; background: #f8fafc; }
  .card:hover, .card:focus-visible { border-color: #0d3c78; background: #eef4fb; }
  .card-name { font-size: 19px; font-weight: 700; color: #0d3c78; }
  .card-en { font-size: 14px; color: #555e69; }
  .card-about { font-size: 15px; margin: 6px 0; }
  code { color: #455a64; font-size: 13px; }
  .devices { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; border-top: 1px solid #e3e6ea; padding-top: 12px; }
  .devices ul, .tech ul { margin: 0; padding-left: 20px; line-height: 2; }
  .about, .note { font-size: 14px; margin: 0 0 4px; color: #37474f; }
  a { color: #0d47a1; }
  table { border-collapse: collapse; width: 100%; font-size: 15px; }
  th, td { text-align: left; padding: 7px 6px; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
  th { font-size: 13px; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; font-weight: 700; }
  .dot { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 8px; }
  .tech { font-size: 14px; }
  .tech h2 { font-size: 16px; color: #37474f; }
  @media (max-width: 1000px) { .columns, .devices { grid-template-columns: 1fr; } .today { grid-template-columns: 1fr 1fr; } }
</style></head>
<body>
<header class="masthead"><div class="masthead-inner">${EMBLEM}
<div><p class="kicker">${both(T.kicker)}</p><h1>${escapeHtml(settings.name)}</h1>
<p class="facts">${both(T.title)} · ${both(T.agency)}: ${escapeHtml(settings.agencyCode)} · ${both(T.day)}: ${escapeHtml(dayAsWritten(hall.today))}</p></div></div></header>
<main>
<section aria-labelledby="today"><h2 id="today">${both(T.today)}</h2>
<ul class="today">
${figure(String(figures.waiting), T.waitingNow, 'waiting')}
${figure(String(figures.issued), T.issuedToday, 'issued')}
${figure(String(figures.serving), T.servingNow, 'serving')}
${figure(`${figures.open} <small>/ ${figures.counters}</small>`, T.countersOpen, 'open')}
</ul></section>
<div class="columns">
<section aria-labelledby="surfaces"><h2 id="surfaces">${both(T.surfaces)}</h2>
<h3>${both(T.forCitizens)}</h3><ul class="cards">${cards('citizens')}</ul>
<h3>${both(T.forStaff)}</h3><ul class="cards">${cards('staff')}</ul>
${deviceLists(hall, local)}</section>
<section aria-labelledby="queues"><h2 id="queues">${both(T.services)}</h2>
<table><thead><tr><th>${both(T.service)}</th><th>${both(T.waiting)}</th><th>${both(T.estimate)}</th><th>${both(T.counters)}</th></tr></thead>
<tbody>${rows}</tbody></table></section>
</div>
<section class="tech" aria-labelledby="tech"><h2 id="tech">${both(T.technicians)}</h2><p class="note">${both(T.technicianNote)}</p><ul>${links}</ul></section>
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
