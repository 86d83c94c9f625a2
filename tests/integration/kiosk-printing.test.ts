// Kiosks over HTTP against a real hub: tokens, the per-minute cap, refusals with reasons,
// and printing to network printers played on loopback, read back by an independent decoder.

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { DeviceStatus } from '../../server/contract/events.js';
import { decodeJob, inkIn, toPbm } from '../helpers/escpos-decoder.js';
import { HEALTHY, LoopbackPrinter, PAPER_OUT } from '../helpers/loopback-printer.js';
import { ocrVietnamese } from '../helpers/ocr.js';
import { api, RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let epson: LoopbackPrinter;
let star: LoopbackPrinter;
let deadPort: number;
const clients: RecordingClient[] = [];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function hallFile(dataDir: string): string {
  const file = join(dataDir, 'hall.yaml');
  writeFileSync(
    file,
    stringify({
      hall: { name: 'Bộ phận Một cửa phường Thử Nghiệm', agencyCode: '000.00.14.H56', hours: null, publicUrl: 'http://10.1.2.3:8080' },
      services: [
        { id: 'HT', name: { vi: 'Tư pháp - Hộ tịch', en: 'Civil status' }, numbering: { prefix: 'A' } },
        { id: 'DD', name: { vi: 'Đất đai', en: 'Land' }, numbering: { prefix: 'B' }, dailyMax: 1 },
        { id: 'XD', name: { vi: 'Xây dựng', en: 'Construction' }, numbering: { prefix: 'C' }, active: false },
      ],
      counters: [{ id: 1, services: ['HT', 'DD', 'XD'] }],
      kiosks: [
        { id: 'K1', token: 'token-of-kiosk-one', ticketsPerMinute: 3, printer: { type: 'epson', address: epson.address, paper: 80 } },
        { id: 'K2', token: 'token-of-kiosk-two', printer: { type: 'star', address: star.address, paper: 58 } },
        { id: 'K3', token: 'token-of-kiosk-three' },
        { id: 'K4', token: 'token-of-kiosk-four', printer: { type: 'epson', address: `tcp://127.0.0.1:${deadPort}` } },
        { id: 'K5', token: 'token-of-kiosk-five', printer: { type: 'epson', address: join(dataDir, 'lp0'), paper: 58 } },
      ],
    }),
  );
  return file;
}

async function kiosk<T = any>(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(hub.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeEach(async () => {
  epson = await new LoopbackPrinter().start();
  star = await new LoopbackPrinter().start();
  deadPort = await closedPort();
  const dataDir = tempDataDir();
  hub = await startTestHub({ dataDir, hallFile: hallFile(dataDir) });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await hub.stop(true);
  await epson.stop();
  await star.stop();
});

describe('kiosk tokens and limits', () => {
  it('refuses a missing or wrong token with a message a person understands', async () => {
    const none = await api(hub.url, 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(none.status).toBe(401);
    expect(none.body.message).toContain('chưa được đăng ký');
    const wrong = await kiosk('not-the-token', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(wrong.status).toBe(401);
    const tickets = await api<any[]>(hub.url, 'GET', '/api/tickets');
    expect(tickets.body).toHaveLength(0);
    const info = await kiosk('token-of-kiosk-three', 'GET', '/api/kiosk');
    expect(info.body).toMatchObject({ id: 'K3', ticketsPerMinute: 6, paperWidth: 80, phoneBaseUrl: 'http://10.1.2.3:8080' });
  });

  it('caps tickets per kiosk per minute, politely, without touching other kiosks', async () => {
    for (let i = 0; i < 3; i++) expect((await kiosk('token-of-kiosk-one', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' })).status).toBe(201);
    const fourth = await kiosk('token-of-kiosk-one', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(fourth.status).toBe(429);
    expect(fourth.body.error).toBe('kiosk_rate_limited');
    expect(fourth.body.message).toMatch(/vui lòng chờ khoảng \d+ giây/);
    expect(fourth.body.messageEn).toContain('Please wait');
    const other = await kiosk('token-of-kiosk-three', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(other.status).toBe(201);
    const tickets = await api<any[]>(hub.url, 'GET', '/api/tickets');
    expect(tickets.body.map((t) => t.number)).toEqual(['A001', 'A002', 'A003', 'A004']);
  });

  it('refuses a paused service and one past its daily maximum, with the reason', async () => {
    const paused = await kiosk('token-of-kiosk-three', 'POST', '/api/kiosk/tickets', { serviceId: 'XD' });
    expect(paused.status).toBe(409);
    expect(paused.body.message).toContain('tạm ngừng nhận số');
    expect((await kiosk('token-of-kiosk-three', 'POST', '/api/kiosk/tickets', { serviceId: 'DD' })).status).toBe(201);
    const full = await kiosk('token-of-kiosk-three', 'POST', '/api/kiosk/tickets', { serviceId: 'DD' });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ error: 'service_daily_max' });
    expect(full.body.message).toContain('hết số trong ngày');
    const services = await api<any[]>(hub.url, 'GET', '/api/services');
    expect(services.body.find((s) => s.id === 'DD')).toMatchObject({ open: false, closedReason: 'daily_max' });
  });

  it('keeps the generic ticket route from posing as a kiosk', async () => {
    const posing = await api(hub.url, 'POST', '/api/tickets', { serviceId: 'HT', source: 'kiosk' });
    expect(posing.status).toBe(400);
  });
});

describe('printing', () => {
  it('prints on an EPSON network printer: one raster 576 dots wide, then a cut', async () => {
    const issued = await kiosk('token-of-kiosk-one', 'POST', '/api/kiosk/tickets', { serviceId: 'HT', priority: 'nguoi_cao_tuoi' });
    expect(issued.status).toBe(201);
    expect(issued.body.print).toEqual({ ok: true, code: null, message: null, messageEn: null });
    expect(issued.body.phoneUrl).toBe(`http://10.1.2.3:8080/t/${issued.body.ticket.ticket.id}`);
    const [bytes] = await epson.waitForJobs(1);
    const job = decodeJob(bytes!, 'escpos');
    expect(job.rasters).toHaveLength(1);
    const raster = job.rasters[0]!;
    expect(raster.width).toBe(576);
    expect(raster.height).toBeGreaterThan(700);
    expect(raster.height).toBeLessThan(1600);
    expect(job.cuts).toBe(1);
    // Text at the top, the large number below it, and white margins at both sides.
    expect(inkIn(raster, 0, 80)).toBeGreaterThan(0.02);
    expect(inkIn(raster, 0, raster.height)).toBeLessThan(0.5);
    const leftMargin = raster.dots.filter((d, i) => d === 1 && i % raster.width < 8).length;
    expect(leftMargin).toBe(0);
  });

  it('prints on a STAR printer with 58 mm paper: a raster 384 dots wide', async () => {
    const issued = await kiosk('token-of-kiosk-two', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(issued.body.print.ok).toBe(true);
    const [bytes] = await star.waitForJobs(1);
    const job = decodeJob(bytes!, 'star');
    expect(job.rasters).toHaveLength(1);
    expect(job.rasters[0]!.width).toBe(384);
    expect(job.rasters[0]!.height).toBeGreaterThan(500);
    expect(job.cuts).toBe(1);
  });

  it('what reaches the paper reads back as the right Vietnamese, on 80 and 58 mm', async () => {
    await kiosk('token-of-kiosk-three', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    const first = await kiosk('token-of-kiosk-one', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    const second = await kiosk('token-of-kiosk-two', 'POST', '/api/kiosk/tickets', { serviceId: 'DD' });
    const wide = await ocrVietnamese(toPbm(decodeJob((await epson.waitForJobs(1))[0]!, 'escpos').rasters[0]!), 'pbm');
    expect(wide).toContain('Bộ phận Một cửa phường Thử Nghiệm');
    expect(wide).toContain('Tư pháp - Hộ tịch');
    expect(wide).toContain('SỐ THỨ TỰ / YOUR NUMBER');
    expect(wide).toContain(first.body.ticket.ticket.number);
    expect(wide).toContain('Phía trước còn 1 người');
    expect(wide).toContain('Quét mã để theo dõi lượt trên điện thoại');
    const narrow = await ocrVietnamese(toPbm(decodeJob((await star.waitForJobs(1))[0]!, 'star').rasters[0]!), 'pbm');
    expect(narrow).toContain('Đất đai');
    expect(narrow).toContain(second.body.ticket.ticket.number);
    expect(narrow).toContain('Công dân là người tiếp theo');
  });

  it('a printer out of paper: the ticket exists, an alert is raised, and the print can be retried', async () => {
    const client = new RecordingClient(hub.url);
    clients.push(client);
    const statuses: DeviceStatus[] = [];
    client.socket.on('device:status', (s) => statuses.push(s));
    await client.until(() => client.snapshots.length > 0, 'snapshot');
    epson.state = { ...PAPER_OUT };

    const issued = await kiosk('token-of-kiosk-one', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(issued.status).toBe(201);
    expect(issued.body.print).toMatchObject({ ok: false, code: 'paper_out', message: 'Máy in hết giấy.' });
    expect(issued.body.ticket.ticket).toMatchObject({ number: 'A001', status: 'waiting', source: 'kiosk' });
    expect(epson.jobs).toHaveLength(0);

    const health = await api(hub.url, 'GET', '/api/health');
    expect(health.body.devices.find((d: DeviceStatus) => d.id === 'printer:K1')).toMatchObject({ ok: false, code: 'paper_out' });
    await client.until(() => statuses.some((s) => s.id === 'printer:K1' && s.code === 'paper_out'), 'device alert event');
    const info = await kiosk('token-of-kiosk-one', 'GET', '/api/kiosk');
    expect(info.body.printer).toMatchObject({ ok: false, code: 'paper_out' });

    epson.state = { ...HEALTHY };
    const retried = await kiosk('token-of-kiosk-one', 'POST', `/api/kiosk/tickets/${issued.body.ticket.ticket.id}/print`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.print, JSON.stringify(retried.body.print)).toMatchObject({ ok: true });
    expect(retried.body.print.ok).toBe(true);
    expect(decodeJob((await epson.waitForJobs(1))[0]!, 'escpos').rasters[0]!.width).toBe(576);
    await client.until(() => statuses.some((s) => s.id === 'printer:K1' && s.ok), 'device recovered event');
    const after = await api(hub.url, 'GET', '/api/health');
    expect(after.body.devices.find((d: DeviceStatus) => d.id === 'printer:K1')).toMatchObject({ ok: true, code: null });
    // Kiosk K4's printer is unreachable all along, so the hall as a whole is not healthy.
    expect(after.body.ok).toBe(false);
  });

  it('prints to a device file, and reports it missing when unplugged', async () => {
    const device = join(hub.dataDir, 'lp0');
    writeFileSync(device, '');
    const issued = await kiosk('token-of-kiosk-five', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(issued.body.print.ok).toBe(true);
    const job = decodeJob(readFileSync(device), 'escpos');
    expect(job.rasters[0]!.width).toBe(384);
    expect(job.cuts).toBe(1);

    rmSync(device);
    const unplugged = await kiosk('token-of-kiosk-five', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(unplugged.status).toBe(201);
    expect(unplugged.body.print).toMatchObject({ ok: false, code: 'unreachable' });
    // Nothing was created in the device's place.
    expect(existsSync(device)).toBe(false);
  });

  it('a printer that cannot be reached: reported, the ticket kept', async () => {
    const issued = await kiosk('token-of-kiosk-four', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(issued.status).toBe(201);
    expect(issued.body.print).toMatchObject({ ok: false, code: 'unreachable' });
    const tickets = await api<any[]>(hub.url, 'GET', '/api/tickets');
    expect(tickets.body.map((t) => t.id)).toEqual([issued.body.ticket.ticket.id]);
  });

  it('a printer that never answers status queries still prints', async () => {
    epson.state = { ...HEALTHY, answers: false };
    const issued = await kiosk('token-of-kiosk-one', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(issued.body.print.ok).toBe(true);
    expect(decodeJob((await epson.waitForJobs(1))[0]!, 'escpos').rasters).toHaveLength(1);
    // Once known to be silent, it is not asked again before every ticket (each ask waits for a timeout).
    const asked = epson.statusConversations;
    const second = await kiosk('token-of-kiosk-one', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(second.body.print.ok).toBe(true);
    await epson.waitForJobs(2);
    expect(epson.statusConversations).toBe(asked);
  });

  it('the simulated printer files each ticket as PNG and ESC/POS bytes, listed on /api/prints', async () => {
    const issued = await kiosk('token-of-kiosk-three', 'POST', '/api/kiosk/tickets', { serviceId: 'HT' });
    expect(issued.body.print.ok).toBe(true);
    const prints = await api<any[]>(hub.url, 'GET', '/api/prints');
    expect(prints.body).toHaveLength(1);
    expect(prints.body[0].name.startsWith(`${issued.body.ticket.ticket.id}_K3_`)).toBe(true);
    const image = await fetch(hub.url + prints.body[0].image);
    expect(image.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await image.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(576);
    const bin = join(hub.dataDir, 'prints', `${prints.body[0].name}.bin`);
    expect(existsSync(bin)).toBe(true);
    const job = decodeJob(readFileSync(bin), 'escpos');
    expect(job.rasters[0]!.width).toBe(576);
    expect(job.rasters[0]!.height).toBe(png.readUInt32BE(20));
    expect((await api(hub.url, 'GET', '/api/prints/..%2Fluot.sqlite')).status).toBe(404);
  });
});
