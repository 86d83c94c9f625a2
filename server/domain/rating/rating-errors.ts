// Refusals of a citizen's rating.

import type { ErrorWords } from '../error-words.js';

export const RATING_ERRORS = {
  rating_nothing_to_rate: {
    vi: (p) => `Quầy số ${p.counterId} không có lượt phục vụ nào vừa kết thúc để đánh giá.`,
    en: (p) => `Counter ${p.counterId} has no service just finished to rate.`,
  },
  rating_given: {
    vi: (p) => `Lượt phục vụ số ${p.number} đã được đánh giá. Xin cảm ơn!`,
    en: (p) => `The service of ticket ${p.number} was already rated. Thank you!`,
  },
  rating_not_last_finished: {
    vi: (p) => `Chỉ đánh giá được lượt phục vụ vừa kết thúc tại quầy số ${p.counterId}.`,
    en: (p) => `Only the service just finished at counter ${p.counterId} can be rated.`,
  },
} satisfies Record<string, ErrorWords>;

export type RatingErrorCode = keyof typeof RATING_ERRORS;
