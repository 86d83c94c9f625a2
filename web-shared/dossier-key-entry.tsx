// What a citizen holds to find their dossier, entered on a touch screen or by a QR scanner: the
// dossier's code (whole, or its short form, e.g. 261203-0007) and the slip's check code. A
// scanner types the slip's QR address into the code field and presses Enter: both codes are in
// it. On the on-screen keyboard the short form takes ten digits (the dash comes by itself), the
// check code field takes over when the code is complete, and the check code is six letters:
// 17 taps with the last one.

import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { CHECK_CODE_LENGTH, checkCodeIn, citizenEntryIn, type CitizenEntry } from '../server/contract/dossiers.js';
import './dossier-key-entry.css';
import { COMPLETE_CODE, typeIntoCode } from './dossier-key-typing.js';
import { OnScreenKeyboard } from './on-screen-keyboard.js';

export interface KeyEntryValue {
  code: string;
  check: string;
}

export interface KeyEntryWords {
  codeLabel: string;
  codeHint: string;
  checkLabel: string;
  checkHint: string;
  submit: string;
  backspace: string;
  badCode: string;
  badCheck: string;
}

export function DossierKeyEntry(props: {
  value: KeyEntryValue;
  onChange: (value: KeyEntryValue) => void;
  onSubmit: (entry: CitizenEntry & { check: string }) => void;
  words: KeyEntryWords;
  ids: { code: string; check: string };
  /** Shown between the fields and the on-screen keyboard. */
  children?: ComponentChildren;
  keyboard?: boolean;
}) {
  const { value, words } = props;
  const [active, setActive] = useState<'code' | 'check'>('code');
  const [wrong, setWrong] = useState<'code' | 'check' | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const checkInput = useRef<HTMLInputElement>(null);
  const focus = (field: 'code' | 'check') => {
    setActive(field);
    (field === 'code' ? codeInput : checkInput).current?.focus({ preventScroll: true });
  };

  const submit = (v = value) => {
    // A scanner reads into whichever field has the focus.
    const scanned = citizenEntryIn(v.check);
    const entry = scanned?.check ? scanned : citizenEntryIn(v.code);
    if (!entry) {
      setWrong('code');
      return focus('code');
    }
    // A scanned QR address holds the check code; a typed one comes from its own field.
    const check = scanned?.check ?? checkCodeIn(v.check) ?? (v.check.trim() === '' ? entry.check : null);
    if (!check) {
      setWrong('check');
      return focus('check');
    }
    setWrong(null);
    props.onSubmit({ code: entry.code, check });
  };

  const key = (k: string) => {
    setWrong(null);
    if (k === '⏎') return submit();
    if (active === 'code') {
      if (k === '⌫') return props.onChange({ ...value, code: value.code.slice(0, -1) });
      const code = typeIntoCode(value.code, k);
      props.onChange({ ...value, code });
      if (COMPLETE_CODE.test(code)) focus('check');
      return;
    }
    if (k === '⌫') {
      // Deleting past the check code's start goes back into the code.
      if (value.check === '') return focus('code');
      return props.onChange({ ...value, check: value.check.slice(0, -1) });
    }
    props.onChange({ ...value, check: (value.check + k).slice(0, CHECK_CODE_LENGTH) });
  };

  return (
    <>
      <form
        class="key-entry"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div class={`key-field code-field${active === 'code' ? ' active' : ''}`}>
          <label for={props.ids.code}>{words.codeLabel}</label>
          <input
            id={props.ids.code}
            ref={codeInput}
            value={value.code}
            autoFocus
            autoComplete="off"
            spellcheck={false}
            aria-describedby={`${props.ids.code}-hint`}
            aria-invalid={wrong === 'code'}
            onFocus={() => setActive('code')}
            onInput={(e) => props.onChange({ ...value, code: (e.target as HTMLInputElement).value.toUpperCase() })}
          />
          <small id={`${props.ids.code}-hint`}>{words.codeHint}</small>
        </div>
        <div class={`key-field check-field${active === 'check' ? ' active' : ''}`}>
          <label for={props.ids.check}>{words.checkLabel}</label>
          <input
            id={props.ids.check}
            ref={checkInput}
            value={value.check}
            autoComplete="off"
            spellcheck={false}
            aria-describedby={`${props.ids.check}-hint`}
            aria-invalid={wrong === 'check'}
            onFocus={() => setActive('check')}
            onInput={(e) => props.onChange({ ...value, check: (e.target as HTMLInputElement).value.toUpperCase() })}
          />
          <small id={`${props.ids.check}-hint`}>{words.checkHint}</small>
        </div>
        <button type="submit" class="primary key-submit">
          {words.submit}
        </button>
      </form>
      {wrong && (
        <p class="error key-error" role="alert">
          {wrong === 'code' ? words.badCode : words.badCheck}
        </p>
      )}
      {props.children}
      {props.keyboard !== false && <OnScreenKeyboard layout="code" onKey={key} labels={{ backspace: words.backspace, enter: words.submit }} />}
    </>
  );
}
