// Refusals of the voice settings an admin sets in the console.

import type { ErrorWords } from '../error-words.js';

export const VOICE_ERRORS = {
  voice_pack_unknown: {
    vi: (p) => `Trường packDir: không có bộ giọng đọc "${p.packDir}" trên máy chủ. Chọn một bộ trong danh sách (thư mục con của data/voice).`,
    en: (p) => `Field packDir: there is no voice pack "${p.packDir}" on the hub. Choose one of the list (a folder in data/voice).`,
  },
  voice_words_missing: {
    vi: (p) => `Trường ${p.field}: bộ giọng đọc thiếu các từ ${p.words}. Thêm tệp <từ>.wav vào thư mục của bộ, hoặc chọn bộ khác.`,
    en: (p) => `Field ${p.field}: the voice pack lacks the words ${p.words}. Add <word>.wav files to the pack's folder, or choose another pack.`,
  },
} satisfies Record<string, ErrorWords>;
