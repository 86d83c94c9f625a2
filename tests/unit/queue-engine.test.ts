import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/domain-error.js';
import { ERROR_STATUSES } from '../../server/http/error-statuses.js';
import type { Command } from '../../server/domain/queue/queue-engine.js';
import { HallFixture, hanoi, smallHall } from '../helpers/hall-fixture.js';

function refusal(fixture: HallFixture, command: Command): DomainError {
  const before = fixture.state();
  const nowBefore = fixture.now;
  let caught: unknown;
  try {
    fixture.run(command);
  } catch (error) {
    caught = error;
  }
  fixture.now = nowBefore;
  expect(caught, `${command.type} should have been refused`).toBeInstanceOf(DomainError);
  // A refused command changes nothing at all.
  expect(fixture.state()).toEqual(before);
  return caught as DomainError;
}

describe('issuing tickets', () => {
  it('numbers each service in its own daily series, prefix or block', () => {
    const hall = new HallFixture();
    expect(hall.issue('HT').number).toBe('A001');
    expect(hall.issue('HT').number).toBe('A002');
    expect(hall.issue('DD').number).toBe('B001');
    const police = hall.issue('CA');
    expect(police.number).toBe('1001');
    expect(police.id).toBe('20261123-CA-1');
    expect(police.day).toBe('2026-11-23');
  });

  it('restarts the series at local midnight, not at midnight UTC', () => {
    const hall = new HallFixture(smallHall(), hanoi(6, 59));
    expect(hall.issue('HT').number).toBe('A001');
    hall.now = hanoi(7, 1); // 00:01 UTC: still the same day in the hall
    expect(hall.issue('HT').number).toBe('A002');
    hall.now = hanoi(23, 59);
    expect(hall.issue('HT').number).toBe('A003');
    hall.now = hanoi(0, 1, 24);
    const tomorrow = hall.issue('HT');
    expect(tomorrow.number).toBe('A001');
    expect(tomorrow.day).toBe('2026-11-24');
    expect(tomorrow.id).not.toBe('20261123-HT-1');
  });

  it('refuses past the daily maximum and when a number block is used up', () => {
    const capped = new HallFixture(
      smallHall({
        services: [
          { id: 'HT', name: 'Hộ tịch', numbering: { prefix: 'A' }, dailyMax: 2 },
          { id: 'CA', name: 'Công an', numbering: { from: 1001, to: 1003 } },
        ],
        counters: [{ id: 1, services: ['HT', 'CA'] }],
      }),
    );
    capped.issue('HT');
    capped.issue('HT');
    expect(refusal(capped, { type: 'issue', serviceId: 'HT' }).code).toBe('service_daily_max');
    capped.issue('CA');
    capped.issue('CA');
    expect(capped.issue('CA').number).toBe('1003');
    const error = refusal(capped, { type: 'issue', serviceId: 'CA' });
    expect(error.code).toBe('service_daily_max');
    expect(error.message).toContain('Công an');
  });

  it('refuses an inactive service, outside opening hours, and unknown priorities', () => {
    const hall = new HallFixture(
      smallHall({
        hall: { hours: { open: '07:00', close: '17:00' } },
        services: [
          { id: 'HT', name: 'Hộ tịch', numbering: { prefix: 'A' } },
          { id: 'OLD', name: 'Dịch vụ cũ', numbering: { prefix: 'Z' }, active: false },
          { id: 'AM', name: 'Buổi sáng', numbering: { prefix: 'M' }, hours: { open: '07:30', close: '11:00' } },
        ],
        counters: [{ id: 1, services: ['HT', 'AM'] }],
      }),
      hanoi(6, 30),
    );
    expect(refusal(hall, { type: 'issue', serviceId: 'HT' }).code).toBe('service_closed_hours');
    hall.now = hanoi(12);
    expect(hall.issue('HT').number).toBe('A001');
    expect(refusal(hall, { type: 'issue', serviceId: 'AM' }).code).toBe('service_closed_hours');
    expect(refusal(hall, { type: 'issue', serviceId: 'OLD' }).code).toBe('service_inactive');
    expect(refusal(hall, { type: 'issue', serviceId: 'NOPE' }).code).toBe('service_not_found');
    expect(refusal(hall, { type: 'issue', serviceId: 'HT', priority: 'vip' }).code).toBe('priority_unknown');
  });
});

describe('calling the next ticket', () => {
  it('calls the longest-waiting ticket among the services a counter serves', () => {
    const hall = new HallFixture();
    const land = hall.issue('DD');
    const civil = hall.issue('HT');
    expect(hall.callNext(2).id).toBe(land.id);
    hall.run({ type: 'finish', counterId: 2 });
    expect(hall.callNext(2).id).toBe(civil.id);
  });

  it('calls priority tickets first, several of them in their own number order', () => {
    const hall = new HallFixture();
    const regular = hall.issue('HT');
    const elderly = hall.issue('HT', 'nguoi_cao_tuoi');
    const invalid = hall.issue('HT', 'thuong_binh');
    expect(hall.callNext(1).id).toBe(elderly.id);
    hall.run({ type: 'finish', counterId: 1 });
    expect(hall.callNext(1).id).toBe(invalid.id);
    hall.run({ type: 'finish', counterId: 1 });
    expect(hall.callNext(1).id).toBe(regular.id);
  });

  it('interleaves one priority ticket after every N regular ones when the hall says so', () => {
    const hall = new HallFixture(smallHall({ hall: { priority: { policy: 'interleaved', regularPerPriority: 2 } } }));
    for (let i = 0; i < 4; i++) hall.issue('HT');
    hall.issue('HT', 'phu_nu_mang_thai');
    hall.issue('HT', 'nguoi_khuyet_tat');
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      order.push(hall.callNext(1).number);
      hall.run({ type: 'finish', counterId: 1 });
    }
    expect(order).toEqual(['A001', 'A002', 'A005', 'A003', 'A004', 'A006']);
  });

  it('weights waiting time per counter, or follows the counter service order', () => {
    const weighted = new HallFixture(smallHall({ counters: [{ id: 1, services: ['HT', { service: 'DD', weight: 3 }] }] }));
    weighted.issue('HT');
    weighted.now += 60_000;
    weighted.issue('DD'); // waited 1/3 as long, but weighs 3 times: still behind by a second
    weighted.now += 60_000;
    expect(weighted.callNext(1).number).toBe('B001');

    const ordered = new HallFixture(smallHall({ counters: [{ id: 1, services: ['DD', 'HT'], selection: 'in_order' }] }));
    ordered.issue('HT');
    ordered.now += 600_000;
    ordered.issue('DD');
    expect(ordered.callNext(1).number).toBe('B001');
    ordered.run({ type: 'finish', counterId: 1 });
    expect(ordered.callNext(1).number).toBe('A001');
  });

  it('says the queue is empty, and can finish the current ticket in the same key press', () => {
    const hall = new HallFixture();
    expect(refusal(hall, { type: 'callNext', counterId: 1 }).code).toBe('queue_empty');
    const first = hall.issue('HT');
    const second = hall.issue('HT');
    hall.callNext(1);
    expect(refusal(hall, { type: 'callNext', counterId: 1 }).code).toBe('counter_busy');
    const change = hall.run({ type: 'callNext', counterId: 1, finishCurrent: true });
    expect(change.events.map((e) => e.type)).toEqual(['ticket:finished', 'ticket:called']);
    expect(hall.ticket(first.id).status).toBe('done');
    expect(hall.ticket(second.id).status).toBe('called');
    expect(hall.live.counterState(1)!.currentTicketId).toBe(second.id);
  });

  it('"next" with nobody waiting still finishes the citizen at the counter, at that moment', () => {
    const hall = new HallFixture();
    const only = hall.issue('HT');
    hall.callNext(1);
    hall.run({ type: 'start', counterId: 1, ticketId: only.id });
    hall.now += 5 * 60_000;
    const pressedAt = hall.now;
    const change = hall.run({ type: 'callNext', counterId: 1, finishCurrent: true });
    expect(change.events.map((e) => e.type)).toEqual(['ticket:finished']);
    expect(hall.ticket(only.id).status).toBe('done');
    expect(hall.ticket(only.id).endedAt! - pressedAt).toBeLessThan(1000);
    expect(hall.live.counterState(1)!.currentTicketId).toBeNull();
    // Pressed again with nothing held and nobody waiting: nothing to do, as before.
    expect(refusal(hall, { type: 'callNext', counterId: 1, finishCurrent: true }).code).toBe('queue_empty');
  });

  it('with a maximum wait, any counter serving the service calls an overdue ticket first', () => {
    const guarded = (maxWaitMinutes: number | null) =>
      new HallFixture(
        smallHall({
          hall: { maxWaitMinutes },
          counters: [{ id: 1, services: ['HT', { service: 'DD', weight: 0.1 }] }],
        }),
      );
    for (const [minutes, expected] of [
      [null, 'A001'],
      [60, 'B001'],
    ] as const) {
      const hall = guarded(minutes);
      hall.issue('DD');
      hall.now += 51 * 60_000;
      hall.issue('HT');
      hall.now += 10 * 60_000;
      // DD weighs a tenth of HT: without the guard, 61 minutes of DD lose to 10 of HT.
      expect(hall.callNext(1).number).toBe(expected);
    }
  });

  it('calls a particular ticket out of order only where it may be served', () => {
    const hall = new HallFixture();
    hall.issue('HT');
    const third = [hall.issue('HT'), hall.issue('HT')][1]!;
    const police = hall.issue('CA');
    const change = hall.run({ type: 'callTicket', counterId: 1, ticketId: third.id });
    expect(change.events[0]).toMatchObject({ type: 'ticket:called', data: { outOfOrder: true } });
    hall.run({ type: 'finish', counterId: 1 });
    expect(refusal(hall, { type: 'callTicket', counterId: 1, ticketId: police.id }).code).toBe('counter_not_serving_service');
    expect(refusal(hall, { type: 'callTicket', counterId: 1, ticketId: third.id }).code).toBe('ticket_wrong_status');
  });
});

describe('serving a ticket', () => {
  it('goes through recall, start and finish at the counter that holds it', () => {
    const hall = new HallFixture();
    const t = hall.issue('HT');
    hall.callNext(1);
    hall.run({ type: 'recall', counterId: 1 });
    expect(hall.ticket(t.id).recallCount).toBe(1);
    hall.run({ type: 'start', counterId: 1, ticketId: t.id });
    expect(hall.ticket(t.id).status).toBe('serving');
    hall.run({ type: 'finish', counterId: 1 });
    const done = hall.ticket(t.id);
    expect(done.status).toBe('done');
    expect(done.endedAt).toBeGreaterThan(done.servingAt!);
    expect(hall.live.counterState(1)!.currentTicketId).toBeNull();
  });

  it('refuses every transition the rules forbid, changing nothing', () => {
    const hall = new HallFixture();
    const t = hall.issue('HT');
    hall.issue('DD');
    expect(refusal(hall, { type: 'recall', counterId: 1 }).code).toBe('counter_idle');
    hall.callNext(1);
    // Finishing, from counter 2, a ticket counter 1 holds.
    const held = refusal(hall, { type: 'finish', counterId: 2, ticketId: t.id });
    expect(held.code).toBe('ticket_held_elsewhere');
    expect(held.message).toBe('Số A001 đang do quầy số 1 phục vụ, không phải quầy số 2.');
    expect(held.messageEn).toBe('Ticket A001 is held by counter 1, not counter 2.');
    hall.run({ type: 'start', counterId: 1 });
    expect(refusal(hall, { type: 'start', counterId: 1 }).code).toBe('ticket_wrong_status');
    expect(refusal(hall, { type: 'recall', counterId: 1 }).code).toBe('ticket_wrong_status');
    expect(refusal(hall, { type: 'noShow', counterId: 1 }).code).toBe('ticket_wrong_status');
    expect(refusal(hall, { type: 'cancel', ticketId: t.id }).code).toBe('ticket_wrong_status');
    hall.run({ type: 'finish', counterId: 1 });
    // Calling a finished ticket.
    const finished = refusal(hall, { type: 'callTicket', counterId: 1, ticketId: t.id });
    expect(finished.code).toBe('ticket_wrong_status');
    expect(finished.message).toBe('Số A001 đang ở trạng thái "đã xong", không thể gọi.');
    expect(refusal(hall, { type: 'finish', counterId: 1, ticketId: t.id }).code).toBe('ticket_wrong_status');
    expect(refusal(hall, { type: 'callNext', counterId: 99 }).code).toBe('counter_not_found');
    expect(refusal(hall, { type: 'restore', ticketId: 'nope' }).code).toBe('ticket_not_found');
  });

  it('refuses to call from a paused or closed counter, and resumes', () => {
    const hall = new HallFixture();
    hall.issue('HT');
    hall.run({ type: 'pause', counterId: 1, reason: 'Họp giao ban' });
    expect(hall.live.counterState(1)).toMatchObject({ mode: 'paused', pauseReason: 'Họp giao ban' });
    const paused = refusal(hall, { type: 'callNext', counterId: 1 });
    expect(paused.code).toBe('counter_paused');
    expect(ERROR_STATUSES[paused.code]).toBe(409);
    expect(refusal(hall, { type: 'pause', counterId: 1 }).code).toBe('counter_paused');
    hall.run({ type: 'resume', counterId: 1 });
    expect(refusal(hall, { type: 'resume', counterId: 1 }).code).toBe('counter_not_paused');
    hall.run({ type: 'closeCounter', counterId: 1 });
    expect(refusal(hall, { type: 'callNext', counterId: 1 }).code).toBe('counter_closed');
    hall.run({ type: 'openCounter', counterId: 1, clerk: 'Nguyễn Thị Lan' });
    expect(hall.live.counterState(1)!.clerk).toBe('Nguyễn Thị Lan');
    expect(refusal(hall, { type: 'openCounter', counterId: 1 }).code).toBe('counter_already_open');
    hall.callNext(1);
    expect(refusal(hall, { type: 'closeCounter', counterId: 1 }).code).toBe('counter_busy');
  });
});

describe('no-shows', () => {
  it('skips a no-show and puts it back, in its old place, within the allowed time', () => {
    const hall = new HallFixture();
    const absent = hall.issue('HT');
    const next = hall.issue('HT');
    hall.callNext(1);
    hall.run({ type: 'noShow', counterId: 1 });
    expect(hall.ticket(absent.id).status).toBe('no_show');
    hall.now += 10 * 60_000;
    hall.run({ type: 'restore', ticketId: absent.id });
    expect(hall.ticket(absent.id).status).toBe('waiting');
    expect(hall.callNext(1).id).toBe(absent.id);
    hall.run({ type: 'noShow', counterId: 1 });
    hall.now += 16 * 60_000;
    const late = refusal(hall, { type: 'restore', ticketId: absent.id });
    expect(late.code).toBe('restore_expired');
    expect(late.message).toContain('15 phút');
    expect(hall.callNext(1).id).toBe(next.id);
  });
});

describe('transfers', () => {
  it('moves a ticket to another service keeping its arrival time, or to the front', () => {
    const hall = new HallFixture();
    const moved = hall.issue('HT');
    hall.now += 60_000;
    const land1 = hall.issue('DD');
    hall.callNext(1);
    hall.run({ type: 'transfer', counterId: 1, toServiceId: 'DD' });
    const after = hall.ticket(moved.id);
    expect(after).toMatchObject({ status: 'waiting', serviceId: 'DD', number: 'A001', queueAt: moved.queueAt, transferCount: 1 });
    // It arrived before B001, so it is called first.
    expect(hall.callNext(2).id).toBe(moved.id);
    hall.run({ type: 'transfer', counterId: 2, toServiceId: 'HT', position: 'front' });
    hall.issue('HT');
    expect(hall.ticket(moved.id).front).toBe(true);
    expect(hall.callNext(1).id).toBe(moved.id);
    expect(hall.live.ticket(land1.id)!.status).toBe('waiting');
  });

  it('sends a ticket to one counter by name: only that counter calls it', () => {
    const hall = new HallFixture();
    const t = hall.issue('HT');
    hall.issue('HT');
    hall.callNext(1);
    hall.run({ type: 'transfer', counterId: 1, toCounterId: 2 });
    expect(hall.ticket(t.id).targetCounterId).toBe(2);
    expect(refusal(hall, { type: 'callTicket', counterId: 1, ticketId: t.id }).code).toBe('ticket_for_other_counter');
    expect(hall.callNext(1).number).toBe('A002');
    expect(hall.callNext(2).id).toBe(t.id);
  });

  it('refuses a transfer with no destination or to where the ticket already is', () => {
    const hall = new HallFixture();
    hall.issue('HT');
    hall.callNext(1);
    expect(refusal(hall, { type: 'transfer', counterId: 1 }).code).toBe('transfer_target_missing');
    expect(refusal(hall, { type: 'transfer', counterId: 1, toServiceId: 'HT' }).code).toBe('transfer_same_place');
    expect(refusal(hall, { type: 'transfer', counterId: 1, toServiceId: 'XX' }).code).toBe('service_not_found');
  });
});

describe('priority, cancel and closing', () => {
  it('lets a clerk mark a waiting ticket as priority, and cancel one', () => {
    const hall = new HallFixture();
    hall.issue('HT');
    const later = hall.issue('HT');
    hall.run({ type: 'setPriority', ticketId: later.id, priority: 'nguoi_cao_tuoi' });
    expect(hall.callNext(1).id).toBe(later.id);
    const third = hall.issue('HT');
    hall.run({ type: 'cancel', ticketId: third.id, reason: 'Công dân về trước' });
    expect(hall.ticket(third.id)).toMatchObject({ status: 'cancelled', endReason: 'Công dân về trước' });
  });

  it('closes waiting tickets as not served at closing time, and leftovers of earlier days', () => {
    const hall = new HallFixture(smallHall({ hall: { hours: { open: '07:00', close: '17:00' } } }), hanoi(16, 50));
    const served = hall.issue('HT');
    const waiting = hall.issue('HT');
    const other = hall.issue('DD');
    hall.callNext(1);
    hall.now = hanoi(16, 59);
    expect(hall.run({ type: 'closeDay', includeToday: false }).events).toEqual([]);
    hall.now = hanoi(17, 0);
    const change = hall.run({ type: 'closeDay', includeToday: false });
    expect(change.events.map((e) => e.type)).toEqual(['day:closed']);
    expect(hall.ticket(waiting.id)).toMatchObject({ status: 'not_served', endReason: 'closing' });
    expect(hall.ticket(other.id).status).toBe('not_served');
    // The citizen at the counter is still being served.
    expect(hall.ticket(served.id).status).toBe('called');
    hall.now = hanoi(7, 30, 24);
    hall.run({ type: 'closeDay', includeToday: false });
    expect(hall.ticket(served.id).status).toBe('not_served');
    expect(hall.live.counterState(1)!.currentTicketId).toBeNull();
  });

  it('never calls a ticket of an earlier day', () => {
    const hall = new HallFixture(smallHall(), hanoi(16));
    const old = hall.issue('HT');
    hall.now = hanoi(8, 0, 24);
    expect(refusal(hall, { type: 'callNext', counterId: 1 }).code).toBe('queue_empty');
    expect(refusal(hall, { type: 'callTicket', counterId: 1, ticketId: old.id }).code).toBe('ticket_other_day');
  });
});
