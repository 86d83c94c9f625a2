// Every refusal, the framework's own included, comes in luot's format with Vietnamese and
// English text; input is taken only in its documented form, and a refusal changes nothing.

import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject, LAN_ADDRESS, prepareCallers, type TestCaller } from '../helpers/callers.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let manager: TestCaller;
beforeAll(async () => {
  hub = await startTestHub();
  manager = (await prepareCallers(hub)).api;
});
afterAll(async () => {
  await hub.stop(true);
});

const LUOT_ERROR = { statusCode: expect.any(Number), error: expect.any(String), message: expect.any(String), messageEn: expect.any(String) };

/** A raw HTTP exchange, for what a client library would refuse to send. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe("the framework's refusals", () => {
  it('a path part over 100 characters, a bad % escape, an unknown route', async () => {
    const long = await inject(hub, manager, 'GET', `/api/tickets/${'9'.repeat(120)}`);
    expect(long.status).toBe(414);
    expect(long.body).toMatchObject({ ...LUOT_ERROR, error: 'url_part_too_long', message: 'Một phần của địa chỉ quá dài (tối đa 100 ký tự).' });
    const bad = await inject(hub, manager, 'GET', '/api/tickets/%ff');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ...LUOT_ERROR, error: 'bad_url' });
    const unknown = await inject(hub, manager, 'DELETE', '/api/tickets');
    expect(unknown.body).toMatchObject({ ...LUOT_ERROR, statusCode: 404 });
  });

  it('headers over 16 kB, answered by the HTTP parser itself', async () => {
    const port = (hub.app.server.address() as { port: number }).port;
    const answer = await rawRequest(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ statusCode: 431, error: 'headers_too_large', message: 'Phần tiêu đề (header) của yêu cầu quá lớn.' });
  });

  it('bodies in another media type, compressed, not JSON, or too large', async () => {
    const text = await inject(hub, manager, 'POST', '/api/tickets', 'serviceId=HT', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject(LUOT_ERROR);
    const gzip = await inject(hub, manager, 'POST', '/api/tickets', { serviceId: 'HT' }, { 'content-encoding': 'gzip' });
    expect(gzip.status).toBe(415);
    expect(gzip.body).toMatchObject({ ...LUOT_ERROR, error: 'unsupported_encoding' });
    const broken = await inject(hub, manager, 'POST', '/api/tickets', '{"serviceId":');
    expect(broken.body).toMatchObject({ ...LUOT_ERROR, statusCode: 400, error: 'invalid_json' });
    const huge = await inject(hub, manager, 'POST', '/api/tickets', JSON.stringify({ serviceId: 'HT', pad: 'x'.repeat(2_000_000) }));
    expect(huge.body).toMatchObject({ ...LUOT_ERROR, statusCode: 413 });
    // Nothing of the above gave a number.
    expect((await inject(hub, manager, 'GET', '/api/tickets')).body).toEqual([]);
  });
});

/**
 * A real upload over the network, sent in 64 kB pieces with a pause now and then, as a browser on
 * the hall's Wi-Fi sends it. A browser gives up on a connection reset while it is still sending,
 * even when the answer had arrived: so any error on the connection counts as broken.
 */
function upload(url: string, token: string, bytes: number, chunked: boolean): Promise<{ status: number; body: string; sent: number } | { broken: string }> {
  return new Promise((resolve) => {
    const target = new URL('/api/tickets', url);
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = bytes;
    const req = httpRequest(target, { method: 'POST', headers, agent: false });
    let answer: { status: number; body: string } | null = null;
    let broken: string | null = null;
    let sent = 0;
    let finished = false;
    const settle = () => {
      if (broken) return resolve({ broken });
      if (answer && finished) resolve({ ...answer, sent });
    };
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d.toString('utf8')));
      res.on('end', () => {
        answer = { status: res.statusCode!, body };
        // Give a reset that follows the answer the time to arrive.
        setTimeout(settle, 100);
      });
    });
    req.on('error', (e) => {
      broken ??= `${(e as NodeJS.ErrnoException).code ?? e.message} after ${sent} bytes`;
      settle();
    });
    const piece = Buffer.alloc(64 * 1024, 0x20);
    let pieces = 0;
    const pump = () => {
      if (broken) return;
      while (sent < bytes) {
        const n = Math.min(piece.length, bytes - sent);
        sent += n;
        pieces++;
        const more = req.write(n === piece.length ? piece : piece.subarray(0, n));
        if (!more) return void req.once('drain', pump);
        if (pieces % 8 === 0) return void setTimeout(pump, 2);
      }
      req.end(() => {
        finished = true;
        settle();
      });
    };
    pump();
  });
}

describe('uploads over the limit', () => {
  it('always get a 413 with a clear message, never a reset connection', async () => {
    const token = manager.token!;
    const outcomes: string[] = [];
    for (const bytes of [1_100_000, 4_000_000, 16_000_000]) {
      for (const chunked of [false, true]) {
        for (let i = 0; i < 3; i++) {
          const answer = await upload(hub.url, token, bytes, chunked);
          const what = `${bytes} bytes${chunked ? ' chunked' : ''} #${i + 1}`;
          if ('broken' in answer) {
            outcomes.push(`${what}: connection ${answer.broken}`);
            continue;
          }
          outcomes.push(`${what}: ${answer.status}`);
          expect(answer.sent, what).toBe(bytes);
          expect(JSON.parse(answer.body), what).toEqual({
            statusCode: 413,
            error: 'body_too_large',
            message: 'Nội dung gửi lên quá lớn (tối đa 1 MB). Hãy gửi tệp nhỏ hơn.',
            messageEn: 'The request body is too large (at most 1 MB). Send a smaller file.',
          });
        }
      }
    }
    expect(outcomes.filter((o) => !o.endsWith(': 413'))).toEqual([]);
    // The hub still answers on a new connection, and no number was given.
    expect((await inject(hub, manager, 'GET', '/api/tickets')).status).toBe(200);
  });
});

describe('strict input', () => {
  it('counter numbers and sequence numbers are plain decimals within range', async () => {
    await inject(hub, manager, 'POST', '/api/tickets', { serviceId: 'HT' });
    for (const url of ['/api/counters/0x2/call-next', '/api/counters/1e0/call-next', '/api/counters/+2/call-next', '/api/counters/02/call-next']) {
      const reply = await inject(hub, manager, 'POST', url, {});
      expect(reply.status, url).toBe(400);
      expect(reply.body.message).toBe('Yêu cầu không hợp lệ (đường dẫn): "counterId" phải là một số nguyên.');
    }
    expect(hub.hub.live.counterState(2)!.currentTicketId).toBeNull();
    for (const query of ['after=1e400', 'after=0x10', 'after=99999999999999999999', 'limit=1.5']) {
      expect((await inject(hub, manager, 'GET', `/api/events?${query}`)).status, query).toBe(400);
    }
    expect((await inject(hub, manager, 'GET', '/api/events?after=0&limit=5')).status).toBe(200);
  });

  it('dates are real dates', async () => {
    for (const day of ['9999-99-99', '2026-02-30', '2026-13-01', '26-11-27']) {
      const reply = await inject(hub, manager, 'GET', `/api/reports/day?day=${day}`);
      expect(reply.status, day).toBe(400);
      expect(reply.body.message).toContain('"day" phải là một ngày có thật');
    }
    expect((await inject(hub, manager, 'GET', '/api/reports/day?day=2028-02-29')).status).toBe(200);
  });

  it('a blank notice is refused and the notice stays as it was', async () => {
    const set = await inject(hub, manager, 'PUT', '/api/hall/notice', { notice: { vi: 'Chiều nay làm việc đến 16 giờ.' } });
    expect(set.status).toBe(200);
    for (const vi of ['   ', '\n\t']) {
      const blank = await inject(hub, manager, 'PUT', '/api/hall/notice', { notice: { vi } });
      expect(blank.status).toBe(400);
      expect(blank.body.message).toBe('Yêu cầu không hợp lệ (nội dung yêu cầu): "notice.vi" không được để trống.');
    }
    const hall = await inject(hub, { address: LAN_ADDRESS, token: null }, 'GET', '/api/hall');
    expect(hall.body.hall.displayNotice.vi).toBe('Chiều nay làm việc đến 16 giờ.');
  });
});
