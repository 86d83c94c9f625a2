// Short-lived tokens for the /boards page on the hub machine, so that its simulated keys
// work without a password while no one else on the network can press them. Kept in memory:
// after a restart the page simply asks for a new one.

import { createHash, randomBytes } from 'node:crypto';

const LIFETIME_MS = 60 * 60_000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export class SimulatorTokens {
  private readonly expiry = new Map<string, number>();

  constructor(private readonly clock: () => number) {}

  issue(): { token: string; expiresAt: number } {
    const now = this.clock();
    for (const [hash, until] of this.expiry) if (until <= now) this.expiry.delete(hash);
    const token = randomBytes(24).toString('base64url');
    const expiresAt = now + LIFETIME_MS;
    this.expiry.set(digest(token), expiresAt);
    return { token, expiresAt };
  }

  valid(token: string): boolean {
    return (this.expiry.get(digest(token)) ?? 0) > this.clock();
  }
}
