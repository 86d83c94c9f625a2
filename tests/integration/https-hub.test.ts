// HTTPS with the hall's own certificate (docs/install.md): the hub serves its pages, API and
// socket.io over TLS; a bad certificate setting stops the start with the reason; and the staff
// sign-in warns when a password would cross the Wi-Fi unencrypted (plain HTTP to another machine).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { io } from 'socket.io-client';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeHub } from '../../server/composition-root.js';
import { ConfigError, runtimeConfig } from '../../server/config/runtime-config.js';
import { launchChromium } from '../helpers/browser.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

/** GET over HTTPS, trusting only `ca`: the status and the body. */
function get(url: string, ca: Buffer | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, ca ? { ca } : {}, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A certificate for hall.lan and 127.0.0.1, as docs/install.md makes one. */
function hallCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'hall.crt');
  const key = join(dir, 'hall.key');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=hall.lan', '-addext', 'subjectAltName=DNS:hall.lan,IP:127.0.0.1', '-keyout', key, '-out', cert],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

describe('the hub on HTTPS', () => {
  const dir = tempDataDir();
  const files = hallCertificate(dir);

  it('refuses a half or broken certificate setting at start, with the reason', () => {
    expect(() => runtimeConfig([], { LUOT_TLS_CERT: files.cert })).toThrow(
      new ConfigError('HTTPS needs both the certificate and its key: set LUOT_TLS_CERT and LUOT_TLS_KEY (or --cert and --key)'),
    );
    expect(() => runtimeConfig(['--cert', files.cert, '--key', join(dir, 'missing.key')], {})).toThrow(/certificate key .*missing\.key cannot be read \(ENOENT\)/);
    const other = hallCertificate(tempDataDir());
    expect(() => runtimeConfig(['--cert', files.cert, '--key', other.key], {})).toThrow(/cannot serve HTTPS: .*key values mismatch/);
    expect(runtimeConfig(['--cert', files.cert, '--key', files.key], {}).tls).toEqual({ cert: readFileSync(files.cert), key: readFileSync(files.key) });
  });

  it('serves the API, the pages and socket.io over TLS to a client that trusts the hall certificate', async () => {
    const tls = runtimeConfig(['--cert', files.cert, '--key', files.key, '--data', dir], {}).tls;
    const hub = await composeHub({ dataDir: dir, tls });
    try {
      await hub.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = hub.app.server.address() as { port: number };
      const url = `https://127.0.0.1:${port}`;
      const ca = readFileSync(files.cert);
      const health = await get(`${url}/api/health`, ca);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body).ok).toBe(true);
      expect((await get(`${url}/counter/`, ca)).status).toBe(200);
      // Without the hall's certificate, the connection is refused: nobody can pose as the hub.
      await expect(get(`${url}/api/health`, undefined)).rejects.toThrow(/self-signed certificate/);
      const socket = io(url, { ca: readFileSync(files.cert, 'utf8'), transports: ['websocket'], auth: {} });
      const snapshot = await new Promise<{ hall: { name: string } }>((resolve, reject) => {
        socket.on('hall:snapshot', resolve);
        socket.on('connect_error', reject);
      });
      socket.close();
      expect(snapshot.hall.name.length).toBeGreaterThan(0);
    } finally {
      await hub.close();
    }
  });
});

describe('the staff sign-in on plain HTTP', () => {
  let browser: Browser;
  let hub: TestHub;
  beforeAll(async () => {
    // hall.lan stands for the hub's address on the hall's network, as a clerk's PC reaches it.
    browser = await launchChromium(['--host-resolver-rules=MAP hall.lan 127.0.0.1']);
    hub = await startTestHub();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop(true);
  });

  const warningOn = async (url: string) => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('input[name=user]');
    const warning = await page
      .locator('.sign-in-card .insecure')
      .textContent({ timeout: 500 })
      .catch(() => null);
    await page.close();
    return warning;
  };

  it('warns on every staff page from another machine, and not on the hub PC itself', async () => {
    const port = new URL(hub.url).port;
    for (const path of ['/counter/', '/desk/', '/manager/']) {
      expect(await warningOn(`http://hall.lan:${port}${path}`), path).toBe(
        'Kết nối này không được mã hoá: người dùng chung mạng Wi-Fi có thể đọc được mật khẩu. Hãy mở trang bằng địa chỉ https:// của trung tâm.',
      );
      expect(await warningOn(`${hub.url}${path}`), path).toBeNull();
    }
  });
});
