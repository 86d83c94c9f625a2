// Resolves the bearer token a request or page presents into who it is: a staff member (or the
// hub's API token), a registered kiosk, or the /boards page. The rules that decide what each
// may do are in server/http/access/.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../http/access/access-rules.js';
import type { LiveState } from './live-state.js';
import type { SimulatorTokens } from './simulator-tokens.js';
import type { StaffService } from './staff-service.js';

const digest = (token: string) => createHash('sha256').update(token).digest();

/** How a paired device's token is kept (hex SHA-256): a stolen database gives no token. */
export const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A device's token: the hall file's, given in clear, or one pairing gave, kept as its hash. */
function holds(device: { token: string; tokenHash?: string | null }, presented: Buffer): boolean {
  // Compared in constant time so that a token cannot be guessed letter by letter.
  if (device.tokenHash !== undefined) return device.tokenHash !== null && timingSafeEqual(Buffer.from(device.tokenHash, 'hex'), presented);
  return device.token !== '' && timingSafeEqual(digest(device.token), presented);
}

export function bearerToken(header: string | undefined): string | null {
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim() || null;
}

export class Credentials {
  constructor(
    private readonly staff: StaffService,
    private readonly live: LiveState,
    private readonly simulator: SimulatorTokens,
  ) {}

  /** `touch`: a staff session counts this as activity. */
  identify(authorization: string | undefined, touch = true): Principal {
    const token = bearerToken(authorization);
    if (!token) return { kind: 'none' };
    const staff = this.staff.identify(token, touch);
    if (staff === 'expired') return { kind: 'unknown', expired: true };
    if (staff && 'movedTo' in staff) return { kind: 'unknown', expired: true, movedTo: staff.movedTo };
    if (staff) return { kind: 'staff', staff };
    const presented = digest(token);
    const kiosk = this.live.kiosks.find((k) => holds(k, presented));
    if (kiosk?.active) return { kind: 'kiosk', kiosk };
    const tablet = this.live.ratingTablets.find((t) => holds(t, presented));
    if (tablet?.active) return { kind: 'ratingTablet', tablet };
    const display = this.live.displays.find((d) => holds({ token: '', tokenHash: d.tokenHash }, presented));
    if (display?.active) return { kind: 'display', display };
    if (this.simulator.valid(token)) return { kind: 'simulator' };
    return { kind: 'unknown', expired: false };
  }
}
