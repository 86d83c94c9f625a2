// The manager console's calls to the hub.

import type { RouteBody, RouteQuery } from '../../server/contract/routes.js';
import { callHub, callHubForFile, HubRequestError } from '../../web-shared/hub-client.js';

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
export const moveClerk = (token: string, fromCounterId: number, toCounterId: number) => callHub('POST /api/manager/move-clerk', { token, body: { fromCounterId, toCounterId } });

export const listUsers = (token: string) => callHub('GET /api/users', { token });
export const addUser = (token: string, body: RouteBody<'POST /api/users'>) => callHub('POST /api/users', { token, body });
export const changeUser = (token: string, user: string, body: RouteBody<'POST /api/users/:user'>) => callHub('POST /api/users/:user', { token, params: { user }, body });
export const resetPassword = (token: string, user: string, password: string) => callHub('POST /api/users/:user/password', { token, params: { user }, body: { password } });

export type { DossierFiguresReply, DossierReply, FigureList, FigureRow } from '../../server/contract/dossiers.js';
export const dossierFigures = (token: string) => callHub('GET /api/dossiers/figures', { token });
/** The list behind a figure: one of the desk's lists, of one procedure or clerk when the figure is a row's. */
export const dossierList = (token: string, query: RouteQuery<'GET /api/dossiers'>) => callHub('GET /api/dossiers', { token, query });
export const readConfig = (token: string) => callHub('GET /api/config', { token });
export const changeHallConfig = (token: string, body: RouteBody<'PUT /api/config/hall'>) => callHub('PUT /api/config/hall', { token, body });
export const addConfigService = (token: string, body: RouteBody<'POST /api/config/services'>) => callHub('POST /api/config/services', { token, body });
export const changeConfigService = (token: string, serviceId: string, body: RouteBody<'POST /api/config/services/:serviceId'>) =>
  callHub('POST /api/config/services/:serviceId', { token, params: { serviceId }, body });
export const removeConfigService = (token: string, serviceId: string) => callHub('DELETE /api/config/services/:serviceId', { token, params: { serviceId } });
export const addConfigCounter = (token: string, body: RouteBody<'POST /api/config/counters'>) => callHub('POST /api/config/counters', { token, body });
export const changeConfigCounter = (token: string, counterId: number, body: RouteBody<'POST /api/config/counters/:counterId'>) =>
  callHub('POST /api/config/counters/:counterId', { token, params: { counterId }, body });
export const removeConfigCounter = (token: string, counterId: number) => callHub('DELETE /api/config/counters/:counterId', { token, params: { counterId } });
export const readCalendar = (token: string) => callHub('GET /api/calendar', { token });
export const addHallDay = (token: string, body: RouteBody<'POST /api/calendar/days'>) => callHub('POST /api/calendar/days', { token, body });
export const removeHallDay = (token: string, id: number) => callHub('DELETE /api/calendar/days/:id', { token, params: { id } });
export const exportHallFile = (token: string) => callHubForFile('GET /api/config/hall-file', { token });
export const previewHallFile = (token: string, text: string) => callHub('POST /api/config/hall-file/preview', { token, body: { text } });
export const applyHallFile = (token: string, previewId: string) => callHub('POST /api/config/hall-file/:previewId/apply', { token, params: { previewId } });
export const previewCatalogue = (token: string, body: RouteBody<'POST /api/procedures/import/preview'>) => callHub('POST /api/procedures/import/preview', { token, body });
export const applyCatalogue = (token: string, previewId: string) => callHub('POST /api/procedures/import/:previewId/apply', { token, params: { previewId } });
export const exportCatalogue = (token: string, format: 'csv' | 'xlsx') => callHubForFile('GET /api/procedures/export', { token, query: { format } });

export const voiceSettings = (token: string) => callHub('GET /api/voice/settings', { token });
export const setVoiceSettings = (token: string, body: RouteBody<'PUT /api/voice/settings'>) => callHub('PUT /api/voice/settings', { token, body });
export const playVoiceSample = (token: string, body: RouteBody<'POST /api/voice/sample'>) => callHub('POST /api/voice/sample', { token, body });
export const listDevices = (token: string) => callHub('GET /api/devices', { token });
export const addDevice = (token: string, body: RouteBody<'POST /api/devices'>) => callHub('POST /api/devices', { token, body });
export const startPairing = (token: string, kind: 'kiosk' | 'ratingTablet' | 'display', deviceId: string) =>
  callHub('POST /api/devices/:kind/:deviceId/pairing', { token, params: { kind, deviceId } });
export const unpairDevice = (token: string, kind: 'kiosk' | 'ratingTablet' | 'display', deviceId: string) =>
  callHub('POST /api/devices/:kind/:deviceId/unpair', { token, params: { kind, deviceId } });
export const testPrinter = (token: string, deviceId: string) => callHub('POST /api/devices/printers/:deviceId/test', { token, params: { deviceId } });
export const testBoard = (token: string, busId: string, address: number) => callHub('POST /api/devices/boards/:busId/:address/test', { token, params: { busId, address } });
export const changeKiosk = (token: string, deviceId: string, body: RouteBody<'PUT /api/devices/kiosks/:deviceId'>) =>
  callHub('PUT /api/devices/kiosks/:deviceId', { token, params: { deviceId }, body });
export const addBus = (token: string, body: RouteBody<'POST /api/devices/buses'>) => callHub('POST /api/devices/buses', { token, body });
export const changeBus = (token: string, busId: string, body: RouteBody<'PUT /api/devices/buses/:busId'>) => callHub('PUT /api/devices/buses/:busId', { token, params: { busId }, body });
export const removeBus = (token: string, busId: string) => callHub('DELETE /api/devices/buses/:busId', { token, params: { busId } });
