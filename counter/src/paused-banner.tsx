// Across the whole desk while the counter is paused: why, and the way back to work.

import { TEXT, type Lang } from './i18n.js';

export function PausedBanner(props: { lang: Lang; reason: string | null; busy: boolean; onResume: () => void }) {
  const t = TEXT[props.lang];
  return (
    <div class="paused-banner" role="alert">
      <div>
        <strong>{t.pausedBanner(props.reason)}</strong>
        <span>{t.pausedNote}</span>
      </div>
      <button type="button" class="resume-button" disabled={props.busy} onClick={props.onResume}>
        {t.resume}
      </button>
    </div>
  );
}
