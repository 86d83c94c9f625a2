// The manager console's calls to the hub.

import type { RouteBody } from '../../server/contract/routes.js';
import { callHub, HubRequestError } from '../../web-shared/hub-client.js';

export { HubRequestError };
export type { HallConsoleView, ConsoleCounter, ConsoleService, AlertRecord, AlertThresholds } from '../../server/contract/manager-console.js';

export const hallConsole = (token: string) => callHub('GET /api/manager/hall', { token });
export const acknowledgeAlert = (token: string, alertId: number) => callHub('POST /api/alerts/:alertId/acknowledge', { token, params: { alertId } });
export const setThresholds = (token: string, body: RouteBody<'PUT /api/alerts/thresholds'>) => callHub('PUT /api/alerts/thresholds', { token, body });

export const openCounter = (token: string, counterId: number) => callHub('POST /api/counters/:counterId/open', { token, params: { counterId }, body: {} });
export const closeCounter = (token: string, counterId: number) => callHub('POST /api/counters/:counterId/close', { token, params: { counterId }, body: {} });
export const resumeCounter = (token: string, counterId: number) => callHub('POST /api/counters/:counterId/resume', { token, params: { counterId }, body: {} });
export const pauseCounter = (token: string, counterId: number, reason: string) =>
  callHub('POST /api/counters/:counterId/pause', { token, params: { counterId }, body: reason.trim() ? { reason: reason.trim() } : {} });
export const setNotice = (token: string, vi: string | null) => callHub('PUT /api/hall/notice', { token, body: { notice: vi?.trim() ? { vi: vi.trim() } : null } });
export const closeDay = (token: string) => callHub('POST /api/day/close', { token, body: {} });

export const listUsers = (token: string) => callHub('GET /api/users', { token });
export const addUser = (token: string, body: RouteBody<'POST /api/users'>) => callHub('POST /api/users', { token, body });
export const changeUser = (token: string, user: string, body: RouteBody<'POST /api/users/:user'>) => callHub('POST /api/users/:user', { token, params: { user }, body });
export const resetPassword = (token: string, user: string, password: string) => callHub('POST /api/users/:user/password', { token, params: { user }, body: { password } });

export const listDevices = (token: string) => callHub('GET /api/devices', { token });
export const addDevice = (token: string, body: RouteBody<'POST /api/devices'>) => callHub('POST /api/devices', { token, body });
export const startPairing = (token: string, kind: 'kiosk' | 'ratingTablet' | 'display', deviceId: string) =>
  callHub('POST /api/devices/:kind/:deviceId/pairing', { token, params: { kind, deviceId } });
export const unpairDevice = (token: string, kind: 'kiosk' | 'ratingTablet' | 'display', deviceId: string) =>
  callHub('POST /api/devices/:kind/:deviceId/unpair', { token, params: { kind, deviceId } });
export const testPrinter = (token: string, deviceId: string) => callHub('POST /api/devices/printers/:deviceId/test', { token, params: { deviceId } });
export const testBoard = (token: string, busId: string, address: number) => callHub('POST /api/devices/boards/:busId/:address/test', { token, params: { busId, address } });
