// The priority path: the hall's legal categories as large buttons.

import type { PriorityCategory } from '../../server/contract/events.js';
import { DICTIONARY, pick, type Lang } from './i18n.js';

export function PriorityPicker({ categories, lang, onPick, onBack }: { categories: PriorityCategory[]; lang: Lang; onPick(code: string): void; onBack(): void }) {
  const t = DICTIONARY[lang];
  return (
    <div class="priority-screen">
      <h2 class="screen-title">{t.priorityTitle}</h2>
      <div class="priority-list">
        {categories.map((c) => (
          <button type="button" class="priority-option" key={c.code} data-priority={c.code} onClick={() => onPick(c.code)}>
            {pick(c.name, lang)}
          </button>
        ))}
      </div>
      <p class="note">{t.priorityNote}</p>
      <button type="button" class="secondary big" onClick={onBack}>
        {t.back}
      </button>
    </div>
  );
}
