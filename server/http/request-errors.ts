// Refusals of a request's form, made before any rule of the hall is asked: the words a person
// reads, as for the hall's own refusals (server/domain/domain-error.ts).

import type { ErrorParams, ErrorWords } from '../domain/error-words.js';

const REQUEST_ERRORS = {
  unsupported_encoding: {
    vi: (p) => `Không nhận nội dung nén (Content-Encoding: ${p.encoding}). Hãy gửi JSON thường.`,
    en: (p) => `Compressed bodies are not accepted (Content-Encoding: ${p.encoding}). Send plain JSON.`,
  },
} satisfies Record<string, ErrorWords>;

export type RequestErrorCode = keyof typeof REQUEST_ERRORS;

export class RequestError extends Error {
  readonly code: RequestErrorCode;
  readonly messageEn: string;

  constructor(code: RequestErrorCode, params: ErrorParams = {}) {
    const words: ErrorWords = REQUEST_ERRORS[code];
    super(words.vi(params));
    this.name = 'RequestError';
    this.code = code;
    this.messageEn = words.en(params);
  }
}
