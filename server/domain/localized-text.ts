/** Text shown to people: Vietnamese first, English for the language toggle. */
export interface LocalizedText {
  vi: string;
  en: string;
}
