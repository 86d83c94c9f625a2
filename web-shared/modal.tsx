// A dialog over a page (the counter desk, the dossier desk); Escape or the cancel button closes it. The keyboard stays inside:
// Tab and Shift+Tab go round the dialog's own controls, never to the page behind. On opening,
// the first control takes the focus unless the dialog has put it somewhere already; on
// closing, it goes back where it was.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './modal.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** The controls Tab reaches inside `root`, in order (hidden ones, e.g. in a closed disclosure, left out). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0);
}

export function Modal(props: { title: string; closeLabel: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(props.onClose);
  close.current = props.onClose;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = box.current!;
    // The dialog's own content runs its effects first (a search field focusing itself, say).
    if (!dialog.contains(document.activeElement)) (focusables(dialog)[0] ?? dialog).focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') return close.current();
      if (e.key !== 'Tab') return;
      const list = focusables(dialog);
      if (list.length === 0) return e.preventDefault();
      const at = list.indexOf(document.activeElement as HTMLElement);
      const first = list[0]!;
      const last = list[list.length - 1]!;
      if (e.shiftKey && (at <= 0 || !dialog.contains(document.activeElement))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (at === -1 || at === list.length - 1)) {
        e.preventDefault();
        first.focus();
      }
    };
    // A click on the dialog's background must not leave the focus on the page behind.
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof Node && !dialog.contains(e.target)) (focusables(dialog)[0] ?? dialog).focus();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    // A click on the dimmed background closes the dialog for a mouse user; the keyboard closes it with
    // Escape (above) or the cancel button, so the backdrop itself takes no keys and no focus.
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop is no control, only a mouse shortcut for Escape
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard's way out is Escape and the cancel button
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div class={`modal ${props.wide ? 'modal-wide' : ''}`} role="dialog" aria-modal="true" aria-label={props.title} ref={box} tabIndex={-1}>
        <h2>{props.title}</h2>
        {props.children}
        <button type="button" class="modal-cancel" onClick={props.onClose}>
          {props.closeLabel}
        </button>
      </div>
    </div>
  );
}
