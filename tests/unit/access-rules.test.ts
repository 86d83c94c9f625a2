import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../server/http/access/access-control.js';
import { actorOf, admit, admitCounter, dossierCallerOf, type Caller } from '../../server/http/access/access-rules.js';
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
const clerk = { user: 'canbo1', name: 'Nguyễn Thị Lan', role: 'clerk' as const, counterId: 1, tokenHash: 'h', fields: [], services: [] };
const manager = { user: 'quanly', name: 'Trần Thị Thu', role: 'manager' as const, counterId: null, tokenHash: 'm', fields: [], services: [] };
const backOffice = { user: 'xuly1', name: 'Nguyễn Văn Bình', role: 'back_office' as const, counterId: null, tokenHash: 'b', fields: ['Hộ tịch'], services: [] };

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

  it('let back-office staff read dossiers of their fields, never act at a counter or on the queue', () => {
    const b = lan({ kind: 'staff', staff: backOffice });
    expect(code(() => admit('signedIn', b))).toBeNull();
    for (const rule of ['staff', 'counter', 'ticket', 'manager'] as const)
      expect(
        code(() => admit(rule, b)),
        rule,
      ).toBe(rule === 'manager' ? 'manager_only' : 'not_allowed');
    expect(code(() => admitCounter(b, 1))).toBe('counter_not_held');
    expect(code(() => actorOf(b))).toBe('back_office_no_queue');
    expect(dossierCallerOf(b)).toEqual({
      user: 'xuly1',
      name: 'Nguyễn Văn Bình',
      scope: { all: false, counterId: null, fields: ['Hộ tịch'], services: [] },
      actor: { name: 'Nguyễn Văn Bình', counterId: null },
    });
    expect(dossierCallerOf(lan({ kind: 'staff', staff: clerk })).scope).toEqual({ all: false, counterId: 1, fields: [], services: [] });
    expect(dossierCallerOf(lan({ kind: 'staff', staff: manager })).scope).toEqual({ all: true });
  });
});
