// Resolves the bearer token a request or page presents into who it is: a staff member (or the
// hub's API token), a registered kiosk, or the /boards page. The rules that decide what each
// may do are in server/http/access/.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../http/access/access-rules.js';
import type { LiveState } from './live-state.js';
import type { SimulatorTokens } from './simulator-tokens.js';
import type { StaffService } from './staff-service.js';

const digest = (token: string) => createHash('sha256').update(token).digest();

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
    // Compared in constant time so that a token cannot be guessed letter by letter.
    const kiosk = this.live.kiosks.find((k) => timingSafeEqual(digest(k.token), presented));
    if (kiosk?.active) return { kind: 'kiosk', kiosk };
    const tablet = this.live.ratingTablets.find((t) => timingSafeEqual(digest(t.token), presented));
    if (tablet?.active) return { kind: 'ratingTablet', tablet };
    if (this.simulator.valid(token)) return { kind: 'simulator' };
    return { kind: 'unknown', expired: false };
  }
}
