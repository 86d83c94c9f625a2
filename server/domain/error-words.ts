// The words of a refusal: a function of its parameters per language, Vietnamese first.

export type ErrorParams = Record<string, string | number>;

export interface ErrorWords {
  vi: (p: ErrorParams) => string;
  en: (p: ErrorParams) => string;
}
