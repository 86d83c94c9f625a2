// The kiosk touchscreen: home (services), the priority path, the issued ticket, and the
// first-start registration. Returns to home after 30 s without a touch.

import { useEffect, useState } from 'preact/hooks';
import { printerDeviceId, type ServiceSummary } from '../../server/contract/events.js';
import { useHallFeed } from '../../web-shared/hall-feed.js';
import { hallTimeZone } from '../../web-shared/hall-time.js';
import { DICTIONARY, pick, type Lang } from './i18n.js';
import {
  kioskApi,
  KioskApiError,
  loadCredentials,
  pairKiosk,
  saveCredentials,
  takePairingCode,
  type ApiFailure,
  type IssuedTicket,
  type KioskCredentials,
  type KioskInfo,
} from './kiosk-api.js';
import { KioskSetup } from './kiosk-setup.js';
import { PriorityPicker } from './priority-picker.js';
import { ReturnEntry } from './return-entry.js';
import { closedText } from './closed-text.js';
import { ServiceGrid } from './service-grid.js';
import { TicketResult } from './ticket-result.js';
import { useIdle } from './use-idle.js';

const IDLE_MS = 30_000;
/** A printed ticket is in the citizen's hand: the next person should not wait 30 s. */
const RESULT_PRINTED_MS = 15_000;

type Screen = { kind: 'home' } | { kind: 'priority' } | { kind: 'return' } | { kind: 'issuing' } | { kind: 'result'; issued: IssuedTicket; priority: string | null };

/**
 * The services citizens take a number for. The hall's return service is not one of them: a
 * number to collect a result is taken with "Nhận kết quả hồ sơ", by the slip's codes, and stays
 * linked to its dossier.
 */
export function tilesOf(snapshot: { services: ServiceSummary[]; hall: { returnService?: string | null } }): ServiceSummary[] {
  const returnService = snapshot.hall.returnService;
  return returnService ? snapshot.services.filter((s) => s.id !== returnService) : snapshot.services;
}

function useOrientation(): boolean {
  const query = '(orientation: portrait)';
  const [portrait, setPortrait] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const media = matchMedia(query);
    const update = () => setPortrait(media.matches);
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return portrait;
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A kiosk set up in the console for some services shows only those. */
function offeredBy(info: KioskInfo | null, services: ServiceSummary[]): ServiceSummary[] {
  const offered = info?.services ?? [];
  return offered.length === 0 ? services : services.filter((s) => offered.includes(s.id));
}

export function KioskApp() {
  const [credentials, setCredentials] = useState<KioskCredentials | null>(() => loadCredentials());
  const [info, setInfo] = useState<KioskInfo | null>(null);
  const [setupError, setSetupError] = useState<string | null>(null);
  const [lang, setLang] = useState<Lang>('vi');
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [priority, setPriority] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [reprinting, setReprinting] = useState(false);
  const [returnCodes, setReturnCodes] = useState({ code: '', check: '' });
  const feed = useHallFeed();
  const portrait = useOrientation();
  const now = useClock();
  const t = DICTIONARY[lang];

  // Opened from the console's QR code: the code is given once, the kiosk keeps its own token.
  useEffect(() => {
    const code = takePairingCode();
    if (!code) return;
    pairKiosk(code).then(
      (paired) => {
        setSetupError(null);
        setCredentials(paired);
      },
      (error: unknown) => {
        const f = error instanceof KioskApiError ? error.failure : null;
        setSetupError(f ? (lang === 'vi' ? f.message : f.messageEn) : t.networkError);
      },
    );
  }, []);

  // Unpaired in the console: the token stops working and the kiosk waits for pairing again.
  const forget = () => {
    saveCredentials(null);
    setCredentials(null);
    setInfo(null);
    setScreen({ kind: 'home' });
  };
  useEffect(() => {
    if (!credentials) return;
    const timer = setInterval(() => {
      kioskApi.info(credentials).catch((error: unknown) => {
        if (error instanceof KioskApiError && error.failure.status === 401) forget();
      });
    }, 30_000);
    return () => clearInterval(timer);
  }, [credentials]);

  useEffect(() => {
    if (!credentials) return;
    kioskApi
      .info(credentials)
      .then((i) => {
        setInfo(i);
        setSetupError(null);
      })
      .catch((error: unknown) => {
        const f = error instanceof KioskApiError ? error.failure : null;
        if (f?.status === 401) {
          saveCredentials(null);
          setCredentials(null);
          setSetupError(lang === 'vi' ? f.message : f.messageEn);
        } else {
          setTimeout(() => setCredentials({ ...credentials }), 5000);
        }
      });
  }, [credentials]);

  const goHome = () => {
    setScreen({ kind: 'home' });
    setPriority(null);
    setFailure(null);
    setLang('vi');
    setReturnCodes({ code: '', check: '' });
  };
  const atHome = screen.kind === 'home' && priority === null && failure === null && lang === 'vi' && returnCodes.code === '' && returnCodes.check === '';
  const printedResult = screen.kind === 'result' && screen.issued.print.ok;
  const idleMs = atHome ? null : printedResult ? RESULT_PRINTED_MS : IDLE_MS;
  const idleDeadline = useIdle(idleMs, goHome, screen);

  if (!credentials || (!info && setupError)) {
    return (
      <KioskSetup
        lang={lang}
        error={setupError}
        onSave={(c) => {
          saveCredentials(c);
          setCredentials(c);
        }}
      />
    );
  }

  const snapshot = feed.snapshot;
  // The hall's own clock, whatever time zone the kiosk's computer was set to.
  const timeZone = hallTimeZone(snapshot?.hall);
  const printer = info ? (feed.devices[printerDeviceId(info.id)] ?? info.printer) : null;
  const printerProblem = printer?.code ? printer : null;

  const take = async (issue: () => Promise<IssuedTicket>, back: Screen) => {
    setScreen({ kind: 'issuing' });
    try {
      const issued = await issue();
      setReturnCodes({ code: '', check: '' });
      setScreen({ kind: 'result', issued, priority });
    } catch (error) {
      if (error instanceof KioskApiError && error.failure.status === 401) return forget();
      setScreen(back);
      setFailure(error instanceof KioskApiError ? error.failure : { status: 0, error: 'unknown', message: t.networkError, messageEn: t.networkError });
    }
  };
  const issue = (service: ServiceSummary) => take(() => kioskApi.issue(credentials, service.id, priority), { kind: 'home' });
  const collect = (entry: { code: string; check: string }) => take(() => kioskApi.returnTicket(credentials, entry.code, entry.check), { kind: 'return' });

  const reprint = async () => {
    if (screen.kind !== 'result') return;
    setReprinting(true);
    try {
      const issued = await kioskApi.reprint(credentials, screen.issued.ticket.ticket.id);
      setScreen({ ...screen, issued });
    } catch (error) {
      if (error instanceof KioskApiError) setFailure(error.failure);
    } finally {
      setReprinting(false);
    }
  };

  // Collecting a result is a number of the return service: closed with it, saying why.
  const returnService = snapshot?.services.find((s) => s.id === snapshot.hall.returnService);
  const returnClosed = returnService && !returnService.open ? closedText(returnService, lang, timeZone) : null;

  const categoryName = (code: string | null) => {
    const category = snapshot?.hall.priorityCategories.find((c) => c.code === code);
    return category ? pick(category.name, lang) : null;
  };
  // The clock ticks once a second, so the deadline can lie a little more than idleMs ahead.
  const secondsLeft = idleMs === null || idleDeadline === null ? 0 : Math.min(idleMs / 1000, Math.max(0, Math.ceil((idleDeadline - now.getTime()) / 1000)));

  return (
    <div class={`kiosk ${portrait ? 'portrait' : 'landscape'}${feed.connected ? '' : ' is-offline'}`} lang={lang}>
      <header class="kiosk-header">
        <div class="hall-name">{snapshot ? (lang === 'vi' ? snapshot.hall.name : snapshot.hall.nameEn) : ''}</div>
        <div class="clock">
          {now.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone })}
          <span class="date">{now.toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone })}</span>
        </div>
        <button type="button" class="lang-toggle" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.langToggle}
        </button>
      </header>

      {!feed.connected && (
        <div class="banner offline" role="alert" data-offline>
          <strong>{t.offline}</strong> <span>{t.offlineTaps}</span>
        </div>
      )}
      {printerProblem && screen.kind !== 'result' && (
        <div class={`banner ${printerProblem.ok ? 'warning' : 'printer-down'}`} role="alert" data-printer-code={printerProblem.code}>
          <strong>{t.printer[printerProblem.code!] ?? t.printer.print_failed}</strong>
          {!printerProblem.ok && <span> — {t.printerDownNote}</span>}
        </div>
      )}

      <main class="kiosk-main">
        {screen.kind === 'result' ? (
          <TicketResult
            issued={screen.issued}
            priorityName={categoryName(screen.priority)}
            lang={lang}
            reprinting={reprinting}
            secondsLeft={secondsLeft}
            onReprint={reprint}
            onDone={goHome}
          />
        ) : screen.kind === 'return' ? (
          <ReturnEntry
            lang={lang}
            value={returnCodes}
            onChange={setReturnCodes}
            onTake={collect}
            onBack={() => {
              setReturnCodes({ code: '', check: '' });
              setScreen({ kind: 'home' });
            }}
          />
        ) : screen.kind === 'priority' ? (
          <PriorityPicker
            categories={snapshot?.hall.priorityCategories ?? []}
            lang={lang}
            onBack={() => setScreen({ kind: 'home' })}
            onPick={(code) => {
              setPriority(code);
              setScreen({ kind: 'home' });
            }}
          />
        ) : (
          <>
            <div class="home-title">
              <h1>{priority ? t.priorityChosen(categoryName(priority) ?? '') : t.title}</h1>
              {!priority && <p>{t.subtitle}</p>}
            </div>
            {snapshot && (
              <ServiceGrid
                services={offeredBy(info, tilesOf(snapshot))}
                groups={snapshot.hall.serviceGroups ?? []}
                portrait={portrait}
                lang={lang}
                timeZone={timeZone}
                enabled={feed.connected}
                onPick={issue}
                actions={
                  priority ? (
                    <button type="button" class="secondary big" onClick={() => setPriority(null)}>
                      {t.cancelPriority}
                    </button>
                  ) : (
                    <>
                      <button type="button" class="priority-button big" disabled={!feed.connected} onClick={() => setScreen({ kind: 'priority' })}>
                        <span>★ {t.priorityButton}</span>
                        <small>{t.priorityHint}</small>
                      </button>
                      <button type="button" class="return-button big" disabled={!feed.connected || returnClosed !== null} onClick={() => setScreen({ kind: 'return' })}>
                        <span>{t.returnButton}</span>
                        <small>{returnClosed ?? t.returnHint}</small>
                      </button>
                    </>
                  )
                }
              />
            )}
          </>
        )}
      </main>

      {screen.kind === 'issuing' && (
        <div class="overlay" role="status">
          <p>{t.issuing}</p>
        </div>
      )}
      {failure && (
        <div class="overlay" role="alertdialog" aria-modal="true" aria-labelledby="error-title" aria-describedby="error-text">
          <div class="dialog">
            <h2 id="error-title">{t.errorTitle}</h2>
            <p class="error-text" id="error-text">
              {lang === 'vi' ? failure.message : failure.messageEn}
            </p>
            <button type="button" class="primary big" onClick={() => setFailure(null)}>
              {t.ok}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
