// Sending the held ticket to another service, or to one counter by name.

import { useEffect, useState } from 'preact/hooks';
import type { ServiceSummary } from '../../server/contract/events.js';
import type { CounterDef } from '../../server/contract/events.js';
import { allCounters, allServices } from './counter-api.js';
import { TEXT, type Lang } from './i18n.js';
import { Modal } from './modal.js';

export function TransferDialog(props: {
  lang: Lang;
  number: string;
  counterId: number;
  currentServiceId: string;
  onCancel: () => void;
  onTransfer: (target: { toServiceId: string } | { toCounterId: number }) => void;
}) {
  const t = TEXT[props.lang];
  const [services, setServices] = useState<ServiceSummary[]>([]);
  const [counters, setCounters] = useState<CounterDef[]>([]);
  useEffect(() => {
    allServices().then((list) => setServices(list.filter((s) => s.active && s.id !== props.currentServiceId)), () => undefined);
    allCounters().then((list) => setCounters(list.map((c) => c.def).filter((c) => c.id !== props.counterId)), () => undefined);
  }, []);
  return (
    <Modal title={t.transferTitle(props.number)} onClose={props.onCancel} closeLabel={t.cancel}>
      <h3>{t.toService}</h3>
      <div class="choice-grid">
        {services.map((s) => (
          <button key={s.id} class="choice" data-service={s.id} onClick={() => props.onTransfer({ toServiceId: s.id })}>
            {s.name[props.lang]}
          </button>
        ))}
      </div>
      <h3>{t.toCounter}</h3>
      <div class="choice-grid counters">
        {counters.map((c) => (
          <button key={c.id} class="choice" data-counter={c.id} onClick={() => props.onTransfer({ toCounterId: c.id })}>
            {c.name[props.lang]}
          </button>
        ))}
      </div>
    </Modal>
  );
}
