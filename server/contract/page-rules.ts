// The rules pages apply exactly as the hub does, shared rather than written twice: how a wait
// is shown in minutes, which key does which counter action, the order of announcements.
// Pages import these from here (with server/contract/events.ts), never from server/domain.

export { waitMinutesToShow } from '../domain/estimate/wait-estimate.js';
export { dueShown } from '../domain/calendar/closed-words.js';
export { actionForKey, keyLabel } from '../domain/hall/counter-keys.js';
export { AnnouncementQueue, type Announcement } from '../domain/announcement/announcement-queue.js';
export { COUNTER_ACTIONS, type CounterAction, type CounterKeyMap } from '../domain/hall/counter-keys.js';
export { dossierActionsFrom } from '../domain/dossier/dossier-steps.js';
export { slipFormsOf } from '../domain/dossier/dossier.js';
