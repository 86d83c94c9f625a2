import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../server/http/access/access-control.js';
import { actorOf, admit, type Caller } from '../../server/http/access/access-rules.js';
import type { DomainError } from '../../server/domain/domain-error.js';

const code = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};
const lan = (principal: Caller['principal']): Caller => ({ principal, hubMachine: false });
const clerk = { user: 'canbo1', name: 'Nguyễn Thị Lan', role: 'clerk' as const, counterId: 1, tokenHash: 'h' };
const manager = { user: 'quanly', name: 'Trần Thị Thu', role: 'manager' as const, counterId: null, tokenHash: 'm' };

describe('the hub machine', () => {
  it('is any loopback address, however written', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true);
    for (const a of ['192.168.1.10', '::ffff:192.168.1.10', '10.127.0.1', '1127.0.0.1', '', undefined]) expect(isLoopback(a), String(a)).toBe(false);
  });
});

describe('rules', () => {
  it('say "sign in again" to a session that ran out, and "not for you" to a known caller', () => {
    expect(code(() => admit('staff', lan({ kind: 'unknown', expired: true })))).toBe('session_expired');
    expect(code(() => admit('staff', lan({ kind: 'none' })))).toBe('not_signed_in');
    expect(code(() => admit('manager', lan({ kind: 'staff', staff: clerk })))).toBe('manager_only');
    expect(code(() => admit('staff', lan({ kind: 'kiosk', kiosk: { id: 'K1' } as never })))).toBe('not_allowed');
    expect(code(() => admit('kiosk', lan({ kind: 'staff', staff: manager })))).toBe('kiosk_unregistered');
    expect(code(() => admit('hubMachine', { principal: { kind: 'none' }, hubMachine: true }))).toBeNull();
    expect(code(() => admit('hubMachine', lan({ kind: 'none' })))).toBe('hub_machine_only');
  });

  it('name the actor in the log: a clerk at their counter, a manager anywhere and on behalf of a clerk', () => {
    expect(actorOf(lan({ kind: 'staff', staff: clerk }), 'Someone else')).toEqual({ name: 'Nguyễn Thị Lan', counterId: 1 });
    expect(actorOf(lan({ kind: 'staff', staff: manager }), 'Trần Văn Minh')).toEqual({ name: 'Trần Văn Minh (Trần Thị Thu)', counterId: null });
    expect(actorOf(lan({ kind: 'staff', staff: manager }))).toEqual({ name: 'Trần Thị Thu', counterId: null });
  });
});
