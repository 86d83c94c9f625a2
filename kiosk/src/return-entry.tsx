// "Collect a result", the kiosk's one way to take a number for a dossier's result: the citizen
// scans the QR code of the slip (the scanner types its address into the field and presses
// Enter: the dossier code and check code are in it) or types the code's short form and the
// check code. The hub says whether the result is ready (if not, when it is due); only a ready
// result gets a number, linked to its dossier.

import type { CitizenEntry } from '../../server/contract/dossiers.js';
import { DossierKeyEntry, type KeyEntryValue } from '../../web-shared/dossier-key-entry.js';
import { DICTIONARY, type Lang } from './i18n.js';

/** `value` is kept by the kiosk, so that a refusal (not ready yet, a mistyped letter) leaves what was typed. */
export function ReturnEntry(props: {
  lang: Lang;
  value: KeyEntryValue;
  onChange: (value: KeyEntryValue) => void;
  onTake: (entry: CitizenEntry & { check: string }) => void;
  onBack: () => void;
}) {
  const t = DICTIONARY[props.lang];
  return (
    <section class="return-entry">
      <h1>{t.returnTitle}</h1>
      <p class="return-prompt">{t.returnPrompt}</p>
      <DossierKeyEntry
        value={props.value}
        onChange={props.onChange}
        onSubmit={props.onTake}
        ids={{ code: 'dossier-code', check: 'dossier-check' }}
        words={{
          codeLabel: t.returnCodeLabel,
          codeHint: t.returnCodeHint,
          checkLabel: t.returnCheckLabel,
          checkHint: t.returnCheckHint,
          submit: t.returnTake,
          backspace: t.deleteKey,
          badCode: t.returnBadCode,
          badCheck: t.returnBadCheck,
        }}
      />
      <button type="button" class="secondary big" onClick={props.onBack}>
        {t.back}
      </button>
    </section>
  );
}
