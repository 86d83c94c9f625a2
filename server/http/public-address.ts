// The address printed in a ticket's QR code: it must work from a citizen's phone on the
// hall's Wi-Fi, so "localhost" is never good enough.

import { networkInterfaces } from 'node:os';

/** The machine's first IPv4 address on a real network, or null when it has none. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.family === 'IPv4' && !a.internal) return a.address;
    }
  }
  return null;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/**
 * In order: the hall's configured address, LUOT_PUBLIC_URL, the address the kiosk itself
 * used (when it is not loopback), else this machine's network address on the same port.
 */
export function phoneBaseUrl(configured: string | null, env: string | undefined, hostHeader: string | undefined, lan: string | null): string {
  if (configured) return configured;
  if (env) return env.replace(/\/$/, '');
  const host = hostHeader ?? 'localhost';
  if (!LOOPBACK.test(host) || !lan) return `http://${host}`;
  const port = /:(\d+)$/.exec(host)?.[1];
  return `http://${lan}${port && port !== '80' ? `:${port}` : ''}`;
}

export function phoneUrl(base: string, ticketId: string): string {
  return `${base}/t/${encodeURIComponent(ticketId)}`;
}
