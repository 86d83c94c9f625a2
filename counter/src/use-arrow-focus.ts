// Arrow keys move the focus between the buttons of a list or grid, so a clerk reaches every
// choice without the mouse; Enter then presses the focused button (the browser does that).

import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

const STEPS: Record<string, 'back' | 'forward' | 'up' | 'down'> = { ArrowLeft: 'back', ArrowRight: 'forward', ArrowUp: 'up', ArrowDown: 'down' };

export function useArrowFocus(container: RefObject<HTMLElement>, selector = 'button:not([disabled])', focusFirst = false): void {
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    if (focusFirst) element.querySelector<HTMLElement>(selector)?.focus();
    const onKey = (event: KeyboardEvent) => {
      const step = STEPS[event.key];
      if (!step) return;
      const buttons = [...element.querySelectorAll<HTMLElement>(selector)];
      const at = buttons.indexOf(document.activeElement as HTMLElement);
      if (at === -1) return;
      event.preventDefault();
      buttons[nextIndex(buttons, at, step)]?.focus();
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [container.current, selector, focusFirst]);
}

/** Left/right go to the previous/next button; up/down to the nearest one in the row above/below. */
function nextIndex(buttons: HTMLElement[], at: number, step: 'back' | 'forward' | 'up' | 'down'): number {
  if (step === 'back') return Math.max(0, at - 1);
  if (step === 'forward') return Math.min(buttons.length - 1, at + 1);
  const here = buttons[at]!.getBoundingClientRect();
  const rows = buttons.map((b, i) => ({ i, r: b.getBoundingClientRect() })).filter(({ r }) => (step === 'down' ? r.top > here.top + 2 : r.top < here.top - 2));
  if (rows.length === 0) return at;
  const rowTop = step === 'down' ? Math.min(...rows.map(({ r }) => r.top)) : Math.max(...rows.map(({ r }) => r.top));
  const row = rows.filter(({ r }) => Math.abs(r.top - rowTop) < 2);
  return row.reduce((best, c) => (Math.abs(c.r.left - here.left) < Math.abs(best.r.left - here.left) ? c : best)).i;
}
