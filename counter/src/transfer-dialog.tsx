// Sending the held ticket to another service, or to one counter by name.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { LocalizedText, PublicCounterView, ServiceSummary } from '../../server/contract/events.js';
import { allCounters, allServices } from './counter-api.js';
import { TEXT, type Lang } from './i18n.js';
import { Modal } from '../../web-shared/modal.js';
import { useArrowFocus } from './use-arrow-focus.js';

export function TransferDialog(props: {
  lang: Lang;
  number: string;
  counterId: number;
  currentServiceId: string;
  onCancel: () => void;
  /** `to`: the service's or counter's name, for the confirmation. */
  onTransfer: (target: { toServiceId: string } | { toCounterId: number }, to: LocalizedText) => void;
}) {
  const t = TEXT[props.lang];
  const [services, setServices] = useState<ServiceSummary[]>([]);
  const [counters, setCounters] = useState<PublicCounterView[]>([]);
  const choices = useRef<HTMLDivElement>(null);
  useEffect(() => {
    allServices().then(
      (list) => setServices(list.filter((s) => s.active && s.id !== props.currentServiceId)),
      () => undefined,
    );
    allCounters().then(
      (list) => setCounters(list.filter((c) => c.def.id !== props.counterId)),
      () => undefined,
    );
  }, []);
  // Every choice by keys: the arrows move between them (services, then counters), Enter picks.
  useArrowFocus(choices, 'button.choice', services.length > 0 && counters.length > 0);
  return (
    <Modal title={t.transferTitle(props.number)} onClose={props.onCancel} closeLabel={t.cancel}>
      <p class="muted">{t.transferKeys}</p>
      <div ref={choices}>
        <h3>{t.toService}</h3>
        <div class="choice-grid">
          {services.map((s) => (
            <button type="button" key={s.id} class="choice" data-service={s.id} onClick={() => props.onTransfer({ toServiceId: s.id }, s.name)}>
              {s.name[props.lang]}
            </button>
          ))}
        </div>
        <h3>{t.toCounter}</h3>
        <div class="choice-grid counters">
          {counters.map((c) => (
            <button
              type="button"
              key={c.def.id}
              class={`choice counter-choice ${c.state.mode}`}
              data-counter={c.def.id}
              data-mode={c.state.mode}
              onClick={() => props.onTransfer({ toCounterId: c.def.id }, c.def.name)}
            >
              <span>{c.def.name[props.lang]}</span>
              <small>
                {t.counterState[c.state.mode]}
                {c.current ? ` · ${t.servingNow(c.current.number)}` : ''}
              </small>
            </button>
          ))}
        </div>
      </div>
    </Modal>
  );
}
