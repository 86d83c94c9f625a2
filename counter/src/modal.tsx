// A dialog over the desk; Escape or the cancel button closes it.

import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

export function Modal(props: { title: string; closeLabel: string; onClose: () => void; children: ComponentChildren }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.onClose]);
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div class="modal" role="dialog" aria-modal="true" aria-label={props.title}>
        <h2>{props.title}</h2>
        {props.children}
        <button class="modal-cancel" onClick={props.onClose}>
          {props.closeLabel}
        </button>
      </div>
    </div>
  );
}
