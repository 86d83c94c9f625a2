// "Collect a result": the citizen scans the QR code of the appointment slip (the scanner types
// into the field and presses Enter) or types the dossier's code, and takes a number.

import { useState } from 'preact/hooks';
import { dossierCodeIn } from '../../server/contract/dossiers.js';
import { OnScreenKeyboard } from '../../web-shared/on-screen-keyboard.js';
import { DICTIONARY, type Lang } from './i18n.js';

export function ReturnEntry(props: { lang: Lang; onTake: (code: string) => void; onBack: () => void }) {
  const t = DICTIONARY[props.lang];
  const [text, setText] = useState('');
  const [wrong, setWrong] = useState(false);
  const take = () => {
    const code = dossierCodeIn(text);
    setWrong(!code);
    if (code) props.onTake(code);
  };
  const key = (k: string) => {
    setWrong(false);
    if (k === '⌫') setText((v) => v.slice(0, -1));
    else if (k === '⏎') take();
    else setText((v) => (v + k).slice(0, 40));
  };
  return (
    <section class="return-entry">
      <h1>{t.returnTitle}</h1>
      <label for="dossier-code" class="return-prompt">
        {t.returnPrompt}
      </label>
      <form
        class="return-form"
        onSubmit={(e) => {
          e.preventDefault();
          take();
        }}
      >
        <input id="dossier-code" value={text} autoFocus autoComplete="off" spellcheck={false} onInput={(e) => setText((e.target as HTMLInputElement).value.toUpperCase())} />
      </form>
      {wrong && (
        <p class="return-error" role="alert">
          {t.returnBadCode}
        </p>
      )}
      <OnScreenKeyboard layout="code" onKey={key} labels={{ backspace: t.deleteKey, enter: t.returnTake }} />
      <button type="button" class="secondary big" onClick={props.onBack}>
        {t.back}
      </button>
    </section>
  );
}
