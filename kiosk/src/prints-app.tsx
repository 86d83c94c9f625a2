// The simulated printer's output: the latest tickets as they would come out on paper.

import { useEffect, useState } from 'preact/hooks';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { hallTimeZone } from '../../web-shared/hall-time.js';
import { callHub, HubRequestError, type RouteReply } from '../../web-shared/hub-client.js';
import { DICTIONARY, type Lang } from './i18n.js';

type PrintRecord = RouteReply<'GET /api/prints'>[number];

/** Paper width from the picture's width in dots (203 dpi heads). */
function paperOf(dots: number): number {
  return dots <= 384 ? 58 : 80;
}

export function PrintsApp() {
  const [lang, setLang] = useState<Lang>('vi');
  const [prints, setPrints] = useState<PrintRecord[] | null>(null);
  // Why the hub gives no prints (another PC than the hub's): said, not a blank page.
  const [refusal, setRefusal] = useState<HubRequestError | null>(null);
  const t = DICTIONARY[lang];
  const timeZone = hallTimeZone(useHallFeed().snapshot?.hall);
  useEffect(() => {
    const load = () =>
      callHub('GET /api/prints')
        .then((list) => {
          setRefusal(null);
          setPrints(list);
        })
        .catch((e: unknown) => setRefusal(e instanceof HubRequestError ? e : null));
    void load();
    const timer = setInterval(load, 3000);
    return () => clearInterval(timer);
  }, []);
  return (
    <main class="prints" lang={lang}>
      <header>
        <h1>{t.printsTitle}</h1>
        <button type="button" class="lang-toggle" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.langToggle}
        </button>
      </header>
      {refusal && (
        <p class="prints-refused" role="alert">
          {refusal.failure.status === 403 ? t.printsHubOnly : lang === 'vi' ? refusal.failure.message : refusal.failure.messageEn}
        </p>
      )}
      {prints?.length === 0 && <p>{t.printsEmpty}</p>}
      <div class="print-list">
        {prints?.map((p) => (
          <figure key={p.name} class="print">
            {/* One screen pixel per printer dot: the 1-bit picture the head gets, 58 mm
                paper two thirds as wide as 80 mm. */}
            <img src={p.image} alt={p.name} loading="lazy" onLoad={(e) => (e.currentTarget.dataset.paper = String(paperOf(e.currentTarget.naturalWidth)))} />
            <figcaption>
              {new Date(p.at).toLocaleString('vi-VN', { timeZone })} · {p.name.split('_')[0]} · {p.name.split('_')[1]}
              <br />
              <a href={p.bytes} download>
                {t.printsBytes}
              </a>
            </figcaption>
          </figure>
        ))}
      </div>
    </main>
  );
}
