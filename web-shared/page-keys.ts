/// <reference lib="dom" />
// When a page's own shortcut keys may act. Typing into a field, or any open dialog, owns the
// keyboard: a citizen ID typed on the numeric keypad must never also mean "call next".

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/** True when the key press belongs to a field or a dialog, not to the page's shortcuts. */
export function keysBelongElsewhere(event: KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(EDITABLE)) return true;
  const focused = document.activeElement;
  if (focused instanceof Element && focused.closest(EDITABLE)) return true;
  return document.querySelector('[role="dialog"][aria-modal="true"], dialog[open]') !== null;
}
