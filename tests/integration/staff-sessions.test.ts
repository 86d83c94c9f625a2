// Clerks sign in to one counter each; counter commands need that session (or a manager's);
// sessions run out; a manager changes the display notice while the hall runs.

import { afterEach, describe, expect, it } from 'vitest';
import type { PublicHallSettings } from '../../server/contract/events.js';
import { demoHallWith } from '../helpers/hall-files.js';
import { api, RecordingClient, startTestHub, tempDataDir, type TestHub } from '../helpers/test-hub.js';

const DEMO_PASSWORD = 'luot-demo';
let hub: TestHub | null = null;

afterEach(async () => {
  await hub?.stop(true);
  hub = null;
});

async function signIn(user: string, counterId: number | null, password = DEMO_PASSWORD) {
  return api(hub!.url, 'POST', '/api/staff/sign-in', { user, password, counterId }, { authorization: null });
}

const as = (token: string) => ({ authorization: `Bearer ${token}` });

describe('staff sign-in', () => {
  it('a counter command needs a signed-in clerk of that counter', async () => {
    hub = await startTestHub();
    await api(hub.url, 'POST', '/api/tickets', { serviceId: 'DD' });

    const anonymous = await api(hub.url, 'POST', '/api/counters/3/call-next', {}, { authorization: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toBe('Vui lòng đăng nhập để làm việc tại quầy.');

    const lan = await signIn('canbo1', 3);
    expect(lan.status).toBe(200);
    expect(lan.body.session).toMatchObject({ user: 'canbo1', name: 'Nguyễn Thị Lan', role: 'clerk', counterId: 3 });
    const called = await api(hub.url, 'POST', '/api/counters/3/call-next', {}, as(lan.body.token));
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe('B001');
    // The event log names the clerk who signed in, whatever the body claims.
    const log = await api(hub.url, 'GET', `/api/tickets/${called.body.ticket.id}/events`);
    expect(log.body.at(-1).actor).toBe('Nguyễn Thị Lan');

    const elsewhere = await api(hub.url, 'POST', '/api/counters/4/call-next', {}, as(lan.body.token));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.message).toBe('Bạn đang đăng nhập ở quầy số 3, không phải quầy số 4.');
    const forged = await api(hub.url, 'POST', '/api/counters/3/recall', {}, { authorization: 'Bearer not-a-token' });
    expect(forged.status).toBe(401);
  });

  it('two clerks cannot hold one counter; one clerk holds one counter', async () => {
    hub = await startTestHub();
    const lan = await signIn('canbo1', 5);
    const minh = await signIn('canbo2', 5);
    expect(minh.status).toBe(409);
    expect(minh.body.message).toBe('Quầy số 5 đang do cán bộ Nguyễn Thị Lan làm việc. Mỗi quầy chỉ một người đăng nhập.');

    const counters = await api(hub.url, 'GET', '/api/staff/counters', undefined, { authorization: null });
    expect(counters.body.find((c: any) => c.id === 5).holder).toBe('Nguyễn Thị Lan');
    expect(counters.body.find((c: any) => c.id === 6).holder).toBeNull();

    // Lan moves to counter 6: her session at 5 ends, so counter 5 is free again.
    const moved = await signIn('canbo1', 6);
    expect(moved.status).toBe(200);
    expect((await api(hub.url, 'GET', '/api/staff/session', undefined, as(lan.body.token))).status).toBe(401);
    expect((await signIn('canbo2', 5)).status).toBe(200);
  });

  it('refuses wrong passwords with one message, then slows guessing down', async () => {
    hub = await startTestHub();
    const wrong = await signIn('canbo1', 1, 'wrong-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    const unknown = await signIn('nobody', 1);
    expect(unknown.body.message).toBe(wrong.body.message);
    const noCounter = await signIn('canbo1', null);
    expect(noCounter.status).toBe(422);
    for (let i = 0; i < 4; i++) await signIn('canbo1', 1, `wrong-${i}`);
    const locked = await signIn('canbo1', 1);
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/^Đã nhập sai nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/);
  });

  it('stores only scrypt hashes of passwords and hashes of tokens', async () => {
    hub = await startTestHub();
    const { body } = await signIn('canbo3', 2);
    const staff = hub.hub.db.prepare("SELECT def FROM staff WHERE user = 'canbo3'").get() as { def: string };
    expect(JSON.parse(staff.def).passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const rows = hub.hub.db.prepare('SELECT token_hash FROM staff_sessions').all() as { token_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(body.token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a session runs out after an idle hour, and at the latest after the day', async () => {
    const clock = { now: Date.UTC(2026, 10, 23, 1, 0) };
    hub = await startTestHub({ clock: () => clock.now });
    const lan = await signIn('canbo1', 1);
    expect(lan.body.session.expiresAt).toBe(clock.now + 60 * 60_000);
    clock.now += 59 * 60_000;
    expect((await api(hub.url, 'POST', '/api/counters/1/pause', { reason: 'Họp' }, as(lan.body.token))).status).toBe(200);
    clock.now += 59 * 60_000; // used 59 minutes ago: still good
    expect((await api(hub.url, 'POST', '/api/counters/1/resume', {}, as(lan.body.token))).status).toBe(200);
    clock.now += 61 * 60_000;
    const expired = await api(hub.url, 'POST', '/api/counters/1/call-next', {}, as(lan.body.token));
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
    // An expired session no longer holds the counter.
    expect((await signIn('canbo2', 1)).status).toBe(200);

    const tuan = await signIn('canbo10', 2);
    // Busy all day (an action every 50 minutes): still signed out 12 hours after signing in.
    for (let k = 0; k < 14; k++) {
      clock.now += 50 * 60_000;
      const command = k % 2 === 0 ? 'pause' : 'resume';
      expect((await api(hub.url, 'POST', `/api/counters/2/${command}`, {}, as(tuan.body.token))).status).toBe(200);
    }
    clock.now += 50 * 60_000;
    expect((await api(hub.url, 'POST', '/api/counters/2/pause', {}, as(tuan.body.token))).status).toBe(401);

    // Asking whether one is still signed in is not activity: it does not keep a session alive.
    const yen = await signIn('canbo11', 5);
    clock.now += 40 * 60_000;
    expect((await api(hub.url, 'GET', '/api/staff/session', undefined, as(yen.body.token))).status).toBe(200);
    clock.now += 21 * 60_000;
    expect((await api(hub.url, 'GET', '/api/staff/session', undefined, as(yen.body.token))).status).toBe(401);
  });

  it('signing in opens a closed counter; signing out closes it when it holds no ticket', async () => {
    hub = await startTestHub();
    await api(hub.url, 'POST', '/api/counters/9/close', {});
    const yen = await signIn('canbo11', 9);
    const counter = await api(hub.url, 'GET', '/api/counters/9');
    expect(counter.body.state).toMatchObject({ mode: 'open', clerk: 'Dương Thị Yến' });
    const out = await api(hub.url, 'POST', '/api/staff/sign-out', {}, as(yen.body.token));
    expect(out.body.closedCounter).toBe(true);
    expect((await api(hub.url, 'GET', '/api/counters/9')).body.state.mode).toBe('closed');
    expect((await api(hub.url, 'POST', '/api/counters/9/open', {}, as(yen.body.token))).status).toBe(401);
  });
});

describe('display notice', () => {
  it('a manager changes it at run time; pages hear it; it survives a restart until the hall file changes it', async () => {
    const dataDir = tempDataDir();
    hub = await startTestHub({ dataDir });
    const clerk = await signIn('canbo1', 1);
    const refused = await api(hub.url, 'PUT', '/api/hall/notice', { notice: { vi: 'Thử' } }, as(clerk.body.token));
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Chỉ cán bộ quản lý được thực hiện thao tác này.');

    const page = new RecordingClient(hub.url);
    await page.until(() => page.snapshots[0], 'snapshot');
    const heard: PublicHallSettings[] = [];
    page.socket.on('hall:settings', (s) => heard.push(s));
    const manager = await signIn('quanly', null);
    const notice = { vi: 'Chiều nay bộ phận Một cửa làm việc đến 16 giờ 30.', en: 'Open until 16:30 this afternoon.' };
    const changed = await api(hub.url, 'PUT', '/api/hall/notice', { notice }, as(manager.body.token));
    expect(changed.status).toBe(200);
    await page.until(() => heard[0], 'hall:settings');
    expect(heard[0]!.displayNotice).toEqual(notice);
    page.close();

    await hub.stop();
    hub = await startTestHub({ dataDir });
    expect((await api(hub.url, 'GET', '/api/hall')).body.hall.displayNotice).toEqual(notice);

    // A hall file that says something new about the notice wins over the manager's change.
    await hub.stop();
    const file = demoHallWith(dataDir, (hall) => (hall.hall.displayNotice = { vi: 'Thông báo mới từ tệp cấu hình.', en: 'New notice from the hall file.' }));
    hub = await startTestHub({ dataDir, hallFile: file });
    expect((await api(hub.url, 'GET', '/api/hall')).body.hall.displayNotice.vi).toBe('Thông báo mới từ tệp cấu hình.');

    const bad = await api(hub.url, 'PUT', '/api/hall/notice', { notice: { vi: '' } });
    expect(bad.status).toBe(400);
  });
});
