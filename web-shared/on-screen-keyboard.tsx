// A large on-screen keyboard for a touch screen with no keyboard: digits, capitals and the
// code's punctuation for dossier codes, or letters and a space for searching procedures.

import './on-screen-keyboard.css';

const CODE_ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL.', 'ZXCVBNM-'];
const TEXT_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

export function OnScreenKeyboard(props: { layout: 'code' | 'text'; onKey: (key: string) => void; labels: { backspace: string; enter: string } }) {
  const rows = props.layout === 'code' ? CODE_ROWS : TEXT_ROWS;
  return (
    <div class="keyboard" aria-hidden="false">
      {rows.map((row) => (
        <div class="key-row" key={row}>
          {[...row].map((k) => (
            <button type="button" class="key" key={k} data-key={k} onClick={() => props.onKey(k)}>
              {k}
            </button>
          ))}
        </div>
      ))}
      <div class="key-row">
        {props.layout === 'text' && (
          <button type="button" class="key wide" data-key="space" onClick={() => props.onKey(' ')}>
            ␣
          </button>
        )}
        <button type="button" class="key wide" data-key="backspace" aria-label={props.labels.backspace} onClick={() => props.onKey('⌫')}>
          ⌫ {props.labels.backspace}
        </button>
        {props.layout === 'code' && (
          <button type="button" class="key wide primary" data-key="enter" onClick={() => props.onKey('⏎')}>
            {props.labels.enter}
          </button>
        )}
      </div>
    </div>
  );
}
