// The hall's calendar over HTTP, on the demo hall with its real hours (07:30-11:30 and
// 13:30-17:00 on weekdays, civil status also on Saturday morning) and a clock the test sets:
// services closed with the reason and the next opening, numbers refused with it, a manager's
// closures added and removed while the hub runs (in the event log with who), a year's official
// schedule loaded, and dossier deadlines through the receiving route around Tết. Every expected
// figure is worked out by hand in the comments.

import { afterEach, describe, expect, it } from 'vitest';
import { localInstant } from '../../server/domain/calendar/working-time.js';
import { inject, LAN_ADDRESS, prepareCallers, type TestCaller } from '../helpers/callers.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const TZ = 'Asia/Ho_Chi_Minh';
const anyone = { address: LAN_ADDRESS, token: null };

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

/** The demo hall with its real week, on a clock the test moves. */
async function realHoursHall(day: string, minutes: number) {
  const clock = { now: localInstant(day, minutes, TZ) };
  const dataDir = tempDataDir();
  const file = demoHallWith(dataDir, (hall) => {
    hall.hall.hours = { 'mon-fri': ['07:30-11:30', '13:30-17:00'] };
    hall.services.find((s: { id: string }) => s.id === 'HT').hours = { 'mon-fri': ['07:30-11:30', '13:30-17:00'], sat: ['07:30-11:30'] };
  });
  hub = await startTestHub({ dataDir, hallFile: file, clock: () => clock.now });
  const c = await prepareCallers(hub);
  return { clock, c, dataDir, file };
}

const service = async (id: string) => (await inject(hub!, anyone, 'GET', `/api/services/${id}`)).body;
const takeNumber = (c: Record<string, TestCaller>, serviceId: string) => inject(hub!, c.api!, 'POST', '/api/tickets', { serviceId });

describe('services follow the calendar', () => {
  it('closes for Tết with its name and the next opening, and refuses a number with the same words', async () => {
    // Tuesday 17/2/2026, mùng 1 Tết Bính Ngọ: the official days off run to Friday 20/2, the
    // weekend after it too; the hall opens again Monday 23/2 at 07:30.
    const { c } = await realHoursHall('2026-02-17', 9 * 60);
    const ht = await service('HT');
    expect(ht).toMatchObject({ open: false, closedReason: 'holiday', closedWords: { vi: 'Nghỉ Tết Nguyên đán' }, opensAt: localInstant('2026-02-23', 7 * 60 + 30, TZ) });
    const refused = await takeNumber(c, 'HT');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('Dịch vụ Tư pháp - Hộ tịch - Chứng thực không cấp số lúc này: Nghỉ Tết Nguyên đán, mở lại thứ Hai 23/02 lúc 07:30.');
    expect(refused.body.messageEn).toBe('Service Tư pháp - Hộ tịch - Chứng thực is not giving numbers now: Lunar New Year (Tết) holiday, reopens Monday 23/02 at 07:30.');
  });

  it('closes for the lunch break until 13:30, and on Saturday keeps only civil status open', async () => {
    const { c, clock } = await realHoursHall('2026-11-24', 12 * 60);
    expect(await service('DD')).toMatchObject({ open: false, closedReason: 'break', closedWords: null, opensAt: localInstant('2026-11-24', 13 * 60 + 30, TZ) });
    expect((await takeNumber(c, 'DD')).body.message).toBe('Dịch vụ Đất đai không cấp số lúc này: Đang giờ nghỉ, mở lại lúc 13:30.');
    clock.now = localInstant('2026-11-24', 13 * 60 + 30, TZ);
    expect((await takeNumber(c, 'DD')).status).toBe(201);
    // Saturday 28/11 at 09:00: civil status works the morning, land waits for Monday 30/11.
    clock.now = localInstant('2026-11-28', 9 * 60, TZ);
    expect((await takeNumber(c, 'HT')).status).toBe(201);
    expect(await service('DD')).toMatchObject({ open: false, closedReason: 'hours', opensAt: localInstant('2026-11-30', 7 * 60 + 30, TZ) });
    // At 11:30 civil status closes too, until Monday.
    clock.now = localInstant('2026-11-28', 11 * 60 + 30, TZ);
    expect(await service('HT')).toMatchObject({ open: false, closedReason: 'hours', opensAt: localInstant('2026-11-30', 7 * 60 + 30, TZ) });
  });
});

describe("the hall's own days", () => {
  it('adds and removes a closure while the hub runs, for managers only, each in the event log with who', async () => {
    const { c, dataDir, file, clock } = await realHoursHall('2026-11-24', 9 * 60);
    const storm = { day: '2026-11-24', kind: 'closed', from: '13:30', reason: { vi: 'Nghỉ tránh bão số 15', en: 'Closed for typhoon no. 15' } };
    expect((await inject(hub!, c.clerk1!, 'POST', '/api/calendar/days', storm)).status).toBe(403);
    expect((await inject(hub!, anyone, 'POST', '/api/calendar/days', storm)).status).toBe(401);
    const added = await inject(hub!, c.manager!, 'POST', '/api/calendar/days', storm);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 1, day: '2026-11-24', kind: 'closed', from: '13:30', reason: storm.reason });
    // The morning is untouched; from 13:30 the afternoon is closed, until Wednesday 07:30.
    expect((await takeNumber(c, 'DD')).status).toBe(201);
    clock.now = localInstant('2026-11-24', 14 * 60, TZ);
    expect(await service('DD')).toMatchObject({ open: false, closedReason: 'closure', closedWords: storm.reason, opensAt: localInstant('2026-11-25', 7 * 60 + 30, TZ) });
    expect((await takeNumber(c, 'DD')).body.message).toBe('Dịch vụ Đất đai không cấp số lúc này: Nghỉ tránh bão số 15, mở lại thứ Tư 25/11 lúc 07:30.');

    const logged = hub!.hub.events.read({ limit: 1000 }).filter((e) => e.type === 'calendar:changed');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actor: 'Trần Thị Thu', data: { action: 'dayAdded', hallDay: { id: 1, day: '2026-11-24', from: '13:30' } } });
    expect((await inject(hub!, anyone, 'GET', '/api/calendar')).body.hallDays).toEqual([{ id: 1, day: '2026-11-24', kind: 'closed', from: '13:30', reason: storm.reason }]);

    // Kept across a restart.
    await hub!.stop();
    hub = await startTestHub({ dataDir, hallFile: file, clock: () => clock.now });
    const again = await prepareCallers(hub);
    expect(await service('DD')).toMatchObject({ closedReason: 'closure' });
    expect((await inject(hub!, again.manager!, 'DELETE', '/api/calendar/days/7', undefined)).status).toBe(404);
    const removed = await inject(hub!, again.manager!, 'DELETE', '/api/calendar/days/1', undefined);
    expect(removed.body).toMatchObject({ removed: { id: 1, day: '2026-11-24' } });
    expect((await takeNumber(again, 'DD')).status).toBe(201);
    const log = hub!.hub.events.read({ limit: 1000 }).filter((e) => e.type === 'calendar:changed');
    expect(log.map((e) => [e.actor, (e.data as { action: string }).action])).toEqual([
      ['Trần Thị Thu', 'dayAdded'],
      ['Trần Thị Thu', 'dayRemoved'],
    ]);
    expect((await inject(hub!, anyone, 'GET', '/api/calendar')).body.hallDays).toEqual([]);
  });

  it('refuses a day that cannot be, and an extra working day on a working day', async () => {
    const { c } = await realHoursHall('2026-11-24', 9 * 60);
    const add = (body: object) => inject(hub!, c.manager!, 'POST', '/api/calendar/days', body);
    const reason = { vi: 'Lý do' };
    expect((await add({ day: '2026-02-30', kind: 'closed', reason })).body).toMatchObject({
      error: 'calendar_day_invalid',
      messageEn: 'The day 2026-02-30 cannot be added to the calendar: there is no such date.',
    });
    expect((await add({ day: '2026-11-25', kind: 'closed', from: '15:00', to: '09:00', reason })).status).toBe(422);
    expect((await add({ day: '2026-11-25', kind: 'open', reason })).body.messageEn).toBe('The day 2026-11-25 cannot be added to the calendar: it is a working day already.');
    // Saturday 5/12 worked in full for a campaign: open with the weekday hours.
    expect((await add({ day: '2026-12-05', kind: 'open', reason: { vi: 'Làm việc thứ Bảy đợt cao điểm cấp giấy chứng nhận' } })).status).toBe(201);
    expect((await add({ day: '2026-11-25', kind: 'closed', reason: { vi: '   ' } })).status).toBe(400);
  });
});

describe("a year's official schedule", () => {
  it('says in /api/health which years are computed, and one call makes a year official', async () => {
    const { c } = await realHoursHall('2026-11-24', 9 * 60);
    const health = (await inject(hub!, anyone, 'GET', '/api/health')).body;
    expect(health.calendar).toEqual([
      { year: 2026, official: true, message: null, messageEn: null },
      expect.objectContaining({ year: 2027, official: false, messageEn: expect.stringMatching(/^No official schedule of 2027 yet/) }),
    ]);
    // Tết Đinh Mùi is Saturday 6/2/2027 (computed: 5/2 and 8-11/2 off); the schedule announced
    // says otherwise, and it is the rule once loaded.
    const year = { daysOff: ['2027-01-01', '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'], workingDays: [], source: 'Thông báo mẫu' };
    expect((await inject(hub!, c.clerk1!, 'PUT', '/api/calendar/years/2027', year)).status).toBe(403);
    expect((await inject(hub!, c.manager!, 'PUT', '/api/calendar/years/2027', { ...year, daysOff: ['2027-02-06'] })).body.error).toBe('calendar_year_invalid');
    expect((await inject(hub!, c.manager!, 'PUT', '/api/calendar/years/2027', year)).body).toMatchObject({ year: 2027, official: true });
    expect((await inject(hub!, anyone, 'GET', '/api/health')).body.calendar[1]).toEqual({ year: 2027, official: true, message: null, messageEn: null });
    // Thursday 11/2/2027 is a working day by the loaded schedule (computed, it would be off).
    const due = await inject(hub!, anyone, 'GET', `/api/procedures/CA.02/due?at=${localInstant('2027-02-03', 9 * 60, TZ)}`);
    // Received Wednesday 3/2: working days after it are 11/2, 12/2 and 15/2.
    expect(due.body).toMatchObject({ dueDay: '2027-02-15', dueTime: null });
  });
});

describe('deadlines through the receiving route', () => {
  it('counts working days per the Civil Code across Tết', async () => {
    // Friday 13/2/2026 at 10:00, the last working day before Tết.
    const { c } = await realHoursHall('2026-02-13', 10 * 60);
    await takeNumber(c, 'HT');
    const called = await inject(hub!, c.clerk1!, 'POST', '/api/counters/1/call-next', {});
    const ticketId = called.body.ticket.id as string;
    const applicant = { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Số 5 đường Hoa Sữa, phường Hòa An' };
    const receive = (procedureCode: string) => inject(hub!, c.clerk1!, 'POST', '/api/dossiers', { counterId: 1, ticketId, procedureCode, applicant, papers: [], outcome: 'complete' });
    // HT.04, 3 working days: 13/2 does not count; 14-22/2 are Tết and weekends; 23, 24 and 25/2
    // count, and the limit runs to the end of Wednesday 25/2.
    expect((await receive('HT.04')).body.dueAt).toBe(localInstant('2026-02-26', 0, TZ));
    // CT.02, the same day when received by 15:00: the end of Friday 13/2.
    expect((await receive('CT.02')).body.dueAt).toBe(localInstant('2026-02-14', 0, TZ));
    // CT.03, 2 working days: 23 and 24/2, to the end of Tuesday 24/2.
    expect((await receive('CT.03')).body.dueAt).toBe(localInstant('2026-02-25', 0, TZ));
  });
});
