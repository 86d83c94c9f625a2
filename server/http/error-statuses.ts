// The HTTP status of every refusal, by its code: given here once, at the edge, so the domain
// speaks only of what was refused and why. A code without a status here does not type-check.

import type { DomainErrorCode } from '../domain/domain-error.js';
import type { RequestErrorCode } from './request-errors.js';

export type RefusalStatus = 401 | 403 | 404 | 409 | 415 | 422 | 429 | 507;

export const ERROR_STATUSES: Record<DomainErrorCode | RequestErrorCode, RefusalStatus> = {
  // Who may do what (server/domain/access/access-errors.ts)
  kiosk_unregistered: 401,
  kiosk_rate_limited: 429,
  not_signed_in: 401,
  session_expired: 401,
  sign_in_failed: 401,
  sign_in_rate_limited: 429,
  counter_taken: 409,
  counter_not_allowed: 403,
  counter_not_held: 403,
  counter_required: 422,
  manager_only: 403,
  not_allowed: 403,
  ticket_not_in_scope: 403,
  service_not_in_scope: 403,
  simulator_credential_required: 401,
  simulator_off: 403,
  hub_machine_only: 403,
  sign_in_address_limited: 429,
  reprint_limit: 429,
  rating_tablet_unregistered: 401,
  // The hall's own calendar (server/domain/calendar/calendar-errors.ts)
  calendar_day_not_found: 404,
  calendar_day_invalid: 422,
  calendar_year_invalid: 422,
  // The queue (server/domain/queue/queue-errors.ts)
  kiosk_not_found: 404,
  ticket_not_from_today: 409,
  service_not_found: 404,
  counter_not_found: 404,
  ticket_not_found: 404,
  priority_unknown: 422,
  service_inactive: 409,
  service_closed_hours: 409,
  service_daily_max: 409,
  counter_closed: 409,
  counter_paused: 409,
  counter_not_paused: 409,
  counter_already_open: 409,
  counter_busy: 409,
  counter_idle: 409,
  counter_not_serving_service: 409,
  queue_empty: 409,
  ticket_held_elsewhere: 409,
  ticket_wrong_status: 409,
  ticket_other_day: 409,
  ticket_for_other_counter: 409,
  restore_expired: 409,
  transfer_target_missing: 422,
  transfer_same_place: 409,
  // Dossiers and procedures (server/domain/dossier/dossier-errors.ts)
  procedure_not_found: 404,
  catalog_unknown_service: 422,
  catalog_invalid: 422,
  dossier_not_found: 404,
  dossier_ticket_not_held: 409,
  citizen_id_invalid: 422,
  dossier_missing_list_required: 422,
  dossier_reason_required: 422,
  dossier_series_full: 409,
  dossier_code_taken: 409,
  dossier_wrong_status: 409,
  dossier_papers_asked_once: 409,
  dossier_apology_too_late: 409,
  dossier_apology_date: 422,
  dossier_no_return_service: 409,
  slip_not_applicable: 409,
  dossier_closed: 409,
  dossier_result_not_ready: 409,
  dossier_result_not_ready_undated: 409,
  dossier_return_ticket_open: 409,
  // Ratings (server/domain/rating/rating-errors.ts)
  rating_nothing_to_rate: 409,
  rating_given: 409,
  rating_not_last_finished: 409,
  // Disk space (server/domain/storage/storage-errors.ts)
  disk_full: 507,
  // A request's form (request-errors.ts)
  unsupported_encoding: 415,
};
