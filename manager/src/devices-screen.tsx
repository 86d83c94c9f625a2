// Devices (admins only): the hall's kiosks, rating tablets and displays, paired or waiting; add
// one and show its pairing QR code (and the short address) for its browser to open once; give a
// new code; unpair; change a kiosk's printer and services; add, change or remove a serial bus
// with its keypads and LED boards; print a test ticket on a kiosk's printer; light an LED board.
// Changes apply at once. The hub checks every field and names the one it refuses; a printer's
// real trouble is the test's answer.

import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import type { RouteBody } from '../../server/contract/routes.js';
import type { RouteReply } from '../../web-shared/hub-client.js';
import { clock, messageOf } from './manager-app.js';
import type { Lang, Words } from './i18n.js';
import { addBus, addDevice, changeBus, changeKiosk, listDevices, removeBus, startPairing, testBoard, testPrinter, unpairDevice } from './manager-api.js';

type Devices = RouteReply<'GET /api/devices'>;
type Device = Devices['devices'][number];
type Kind = Device['kind'];
type Pairing = RouteReply<'POST /api/devices/:kind/:deviceId/pairing'>;
type PrinterKind = NonNullable<RouteBody<'POST /api/devices'>['printer']>['kind'];

const KINDS: Kind[] = ['kiosk', 'ratingTablet', 'display'];
const PRINTER_KINDS: PrinterKind[] = ['simulated', 'epson', 'star', 'agent'];
type Bus = Devices['buses'][number];
type BusBody = RouteBody<'PUT /api/devices/buses/:busId'>;

/** "1:1, 2:2" → keypads; null when an item is not address:counter. */
function keypadList(text: string): BusBody['keypads'] | string {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const keypads: NonNullable<BusBody['keypads']> = [];
  for (const item of items) {
    const m = /^(\d+)\s*:\s*(\d+)$/.exec(item);
    if (!m) return item;
    keypads.push({ address: Number(m[1]), counterId: Number(m[2]) });
  }
  return keypads;
}

/** "31:1, 90:hall" → LED boards (a hall board may say how many calls: 90:hall:4); the item not understood otherwise. */
function boardList(text: string): BusBody['ledBoards'] | string {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const boards: NonNullable<BusBody['ledBoards']> = [];
  for (const item of items) {
    const counter = /^(\d+)\s*:\s*(\d+)$/.exec(item);
    const hall = /^(\d+)\s*:\s*(hall|sanh|sảnh)(?:\s*:\s*(\d+))?$/i.exec(item);
    if (counter) boards.push({ address: Number(counter[1]), kind: 'counter', counterId: Number(counter[2]) });
    else if (hall) boards.push({ address: Number(hall[1]), kind: 'hall', ...(hall[3] ? { calls: Number(hall[3]) } : {}) });
    else return item;
  }
  return boards;
}

const keypadText = (bus: Bus) => bus.keypads.map((k) => `${k.address}:${k.counterId}`).join(', ');
const boardText = (bus: Bus, hallWord: string) =>
  bus.ledBoards.map((b) => (b.kind === 'counter' ? `${b.address}:${b.counterId}` : `${b.address}:${hallWord}${b.calls === 6 ? '' : `:${b.calls}`}`)).join(', ');

interface KioskForm {
  id: string;
  kind: PrinterKind;
  model: 'epson' | 'star';
  address: string;
  paperWidth: 58 | 80;
  services: string;
}

interface BusForm {
  /** null: a new bus. */
  editing: string | null;
  id: string;
  port: string;
  baudRate: string;
  protocol: 'luot' | 'modbus-text';
  keypads: string;
  boards: string;
}

const NEW_BUS: BusForm = { editing: null, id: '', port: '', baudRate: '9600', protocol: 'luot', keypads: '', boards: '' };

/** The pairing code's QR drawn as SVG in the page (no network, no image request). */
function PairingQr({ url, label }: { url: string; label: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [url]);
  return <div class="pairing-qr" role="img" aria-label={label} data-qr={url} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** "HT, DD" → ['HT', 'DD']. */
const serviceList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');

export function DevicesScreen(props: { t: Words; lang: Lang; token: string }) {
  const { t, lang, token } = props;
  const [devices, setDevices] = useState<Devices | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pairing, setPairing] = useState<{ device: Device; pairing: Pairing } | null>(null);
  const [form, setForm] = useState({
    kind: 'kiosk' as Kind,
    name: '',
    nameEn: '',
    printerKind: 'simulated' as PrinterKind,
    address: '',
    paperWidth: 80 as 58 | 80,
    services: '',
    counterId: '',
  });
  const [busy, setBusy] = useState(false);
  const [kioskForm, setKioskForm] = useState<KioskForm | null>(null);
  const [busForm, setBusForm] = useState<BusForm>(NEW_BUS);
  const hallWord = lang === 'vi' ? 'sanh' : 'hall';

  const editKiosk = (d: Device) => {
    const p = d.printer!;
    setKioskForm({
      id: d.id,
      kind: p.kind as PrinterKind,
      model: p.model ?? 'epson',
      address: p.address ?? '',
      paperWidth: p.paperWidth,
      services: d.services.join(', '),
    });
  };

  const saveKiosk = async (event: Event) => {
    event.preventDefault();
    if (!kioskForm) return;
    const f = kioskForm;
    const printer: RouteBody<'PUT /api/devices/kiosks/:deviceId'>['printer'] = {
      kind: f.kind,
      paperWidth: f.paperWidth,
      ...(f.kind === 'epson' || f.kind === 'star' ? { address: f.address.trim() } : {}),
      ...(f.kind === 'agent' ? { model: f.model } : {}),
    };
    const saved = await run(
      () => changeKiosk(token, f.id, { printer, services: serviceList(f.services) }),
      () => t.kioskChanged(f.id),
    );
    if (saved) setKioskForm(null);
  };

  const editBus = (bus: Bus) =>
    setBusForm({ editing: bus.id, id: bus.id, port: bus.port, baudRate: String(bus.baudRate), protocol: bus.protocol, keypads: keypadText(bus), boards: boardText(bus, hallWord) });

  const saveBus = async (event: Event) => {
    event.preventDefault();
    const f = busForm;
    const keypads = keypadList(f.keypads);
    const ledBoards = boardList(f.boards);
    if (typeof keypads === 'string') return setMessage({ kind: 'error', text: t.busListUnreadable(t.busKeypads, keypads) });
    if (typeof ledBoards === 'string') return setMessage({ kind: 'error', text: t.busListUnreadable(t.busBoards, ledBoards) });
    // What is not a number is sent as it is, for the hub to name.
    const baudRate = (/^\d+$/.test(f.baudRate.trim()) ? Number(f.baudRate) : f.baudRate) as number;
    const body: BusBody = { port: f.port.trim(), baudRate, protocol: f.protocol, keypads, ledBoards };
    const saved =
      f.editing === null
        ? await run(
            () => addBus(token, { id: f.id.trim(), ...body }),
            (r) => t.busAdded(r.id),
          )
        : await run(
            () => changeBus(token, f.editing!, body),
            (r) => t.busSaved(r.id),
          );
    if (saved) setBusForm(NEW_BUS);
  };

  const reload = () => listDevices(token).then(setDevices, (e: unknown) => setMessage({ kind: 'error', text: messageOf(lang, e) }));
  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), 5000);
    return () => clearInterval(timer);
  }, [token]);

  const run = async <T,>(action: () => Promise<T>, done: (result: T) => { kind: 'ok' | 'error'; text: string } | string) => {
    setMessage(null);
    setBusy(true);
    try {
      const result = await action();
      const said = done(result);
      setMessage(typeof said === 'string' ? { kind: 'ok', text: said } : said);
      await reload();
      return result;
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(lang, e) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const body: RouteBody<'POST /api/devices'> = {
      kind: form.kind,
      name: form.name,
      ...(form.nameEn.trim() ? { nameEn: form.nameEn } : {}),
      ...(form.kind === 'kiosk'
        ? {
            printer: { kind: form.printerKind, paperWidth: form.paperWidth, ...(form.printerKind === 'simulated' ? {} : { address: form.address.trim() }) },
            ...(serviceList(form.services).length ? { services: serviceList(form.services) } : {}),
          }
        : {}),
      // What is not a number is sent as it is, for the hub to name.
      ...(form.kind === 'ratingTablet' ? { counterId: (/^\d+$/.test(form.counterId.trim()) ? Number(form.counterId) : form.counterId) as number } : {}),
    };
    const added = await run(
      () => addDevice(token, body),
      (r) => t.deviceAdded(r.device.id),
    );
    if (added) {
      setPairing(added);
      setForm({ ...form, name: '', nameEn: '', services: '', counterId: '', address: '' });
    }
  };

  const pairAgain = async (device: Device) => {
    const code = await run(
      () => startPairing(token, device.kind, device.id),
      () => t.pairingShown(device.id),
    );
    if (code) setPairing({ device, pairing: code });
  };

  const nameOf = (d: { name: { vi: string; en: string } }) => (lang === 'vi' ? d.name.vi : d.name.en);
  const statusText = (status: Device['status']) => (status ? (status.ok && !status.code ? t.deviceOk : ((lang === 'vi' ? status.message : status.messageEn) ?? status.code ?? '')) : '—');

  return (
    <div class="devices">
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div class="columns">
        <section aria-labelledby="add-device">
          <h2 id="add-device">{t.addDevice}</h2>
          <form class="add-device" onSubmit={add}>
            <label>
              {t.deviceKind}
              <select name="device-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as Kind })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t.deviceKinds[k]}
                  </option>
                ))}
              </select>
            </label>
            {form.kind === 'ratingTablet' ? (
              <label>
                {t.deviceCounter}
                <input name="device-counter" inputMode="numeric" required value={form.counterId} onInput={(e) => setForm({ ...form, counterId: e.currentTarget.value })} />
              </label>
            ) : (
              <>
                <label>
                  {t.deviceName}
                  <input name="device-name" autocomplete="off" required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
                </label>
                <label>
                  {t.deviceNameEn}
                  <input name="device-name-en" autocomplete="off" value={form.nameEn} onInput={(e) => setForm({ ...form, nameEn: e.currentTarget.value })} />
                </label>
              </>
            )}
            {form.kind === 'kiosk' && (
              <>
                <label>
                  {t.printerKind}
                  <select name="printer-kind" value={form.printerKind} onChange={(e) => setForm({ ...form, printerKind: e.currentTarget.value as PrinterKind })}>
                    {PRINTER_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t.printerKinds[k]}
                      </option>
                    ))}
                  </select>
                </label>
                {form.printerKind !== 'simulated' && (
                  <label>
                    {t.printerAddress}
                    <input name="printer-address" placeholder="tcp://192.168.1.50:9100" required value={form.address} onInput={(e) => setForm({ ...form, address: e.currentTarget.value })} />
                  </label>
                )}
                <label>
                  {t.paperWidth}
                  <select name="paper-width" value={String(form.paperWidth)} onChange={(e) => setForm({ ...form, paperWidth: e.currentTarget.value === '58' ? 58 : 80 })}>
                    <option value="80">80 mm</option>
                    <option value="58">58 mm</option>
                  </select>
                </label>
                <label>
                  {t.kioskServices}
                  <input name="kiosk-services" placeholder={t.kioskServicesHint} value={form.services} onInput={(e) => setForm({ ...form, services: e.currentTarget.value })} />
                </label>
              </>
            )}
            <button type="submit" class="primary" disabled={busy}>
              {t.addAndPair}
            </button>
          </form>
        </section>
        <section aria-labelledby="pairing-title" class="pairing-panel">
          <h2 id="pairing-title">{t.pairingTitle}</h2>
          {pairing ? (
            <div class="pairing" data-device={pairing.device.id}>
              <PairingQr url={pairing.pairing.url} label={t.pairingQrLabel(pairing.device.id)} />
              <div class="pairing-facts">
                <p class="pairing-for">
                  {t.deviceKinds[pairing.device.kind]} {pairing.device.id}: {nameOf(pairing.device)}
                </p>
                <p>{t.pairingHelp}</p>
                <p class="pairing-url">
                  <a href={pairing.pairing.url} target="_blank" rel="noreferrer">
                    {pairing.pairing.url}
                  </a>
                </p>
                <p class="pairing-code">
                  {t.pairingCode}: <strong>{pairing.pairing.code}</strong>
                </p>
                <p class="hint">{t.pairingExpires(clock(pairing.pairing.expiresAt))}</p>
                <button type="button" onClick={() => setPairing(null)}>
                  {t.pairingDone}
                </button>
              </div>
            </div>
          ) : (
            <p class="hint">{t.pairingNone}</p>
          )}
        </section>
      </div>
      {kioskForm && (
        <section aria-labelledby="edit-kiosk" class="device-edit">
          <h2 id="edit-kiosk">{t.editKioskTitle(kioskForm.id)}</h2>
          <form class="edit-kiosk" data-kiosk={kioskForm.id} onSubmit={saveKiosk}>
            <label>
              {t.printerKind}
              <select name="edit-printer-kind" value={kioskForm.kind} onChange={(e) => setKioskForm({ ...kioskForm, kind: e.currentTarget.value as PrinterKind })}>
                {PRINTER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t.printerKinds[k]}
                  </option>
                ))}
              </select>
            </label>
            {(kioskForm.kind === 'epson' || kioskForm.kind === 'star') && (
              <label>
                {t.printerAddress}
                <input
                  name="edit-printer-address"
                  placeholder="tcp://192.168.1.50:9100"
                  required
                  value={kioskForm.address}
                  onInput={(e) => setKioskForm({ ...kioskForm, address: e.currentTarget.value })}
                />
              </label>
            )}
            {kioskForm.kind === 'agent' && (
              <label>
                {t.printerModel}
                <select name="edit-printer-model" value={kioskForm.model} onChange={(e) => setKioskForm({ ...kioskForm, model: e.currentTarget.value === 'star' ? 'star' : 'epson' })}>
                  <option value="epson">EPSON (ESC/POS)</option>
                  <option value="star">STAR</option>
                </select>
              </label>
            )}
            <label>
              {t.paperWidth}
              <select name="edit-paper-width" value={String(kioskForm.paperWidth)} onChange={(e) => setKioskForm({ ...kioskForm, paperWidth: e.currentTarget.value === '58' ? 58 : 80 })}>
                <option value="80">80 mm</option>
                <option value="58">58 mm</option>
              </select>
            </label>
            <label>
              {t.kioskServices}
              <input
                name="edit-kiosk-services"
                placeholder={t.kioskServicesHint}
                value={kioskForm.services}
                onInput={(e) => setKioskForm({ ...kioskForm, services: e.currentTarget.value })}
              />
            </label>
            <div class="row-actions">
              <button type="submit" class="primary" disabled={busy}>
                {t.saveAndApply}
              </button>
              <button type="button" onClick={() => setKioskForm(null)}>
                {t.cancelEdit}
              </button>
            </div>
          </form>
        </section>
      )}
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">{t.deviceList}</h2>
        <table class="device-table">
          <thead>
            <tr>
              <th scope="col">{t.deviceId}</th>
              <th scope="col">{t.deviceKind}</th>
              <th scope="col">{t.deviceName}</th>
              <th scope="col">{t.deviceDetails}</th>
              <th scope="col">{t.pairedState}</th>
              <th scope="col">{t.deviceActions}</th>
            </tr>
          </thead>
          <tbody>
            {(devices?.devices ?? []).map((d) => (
              <tr key={`${d.kind}:${d.id}`} data-device={d.id} class={d.paired ? '' : 'waiting'}>
                <th scope="row">{d.id}</th>
                <td>{t.deviceKinds[d.kind]}</td>
                <td>{nameOf(d)}</td>
                <td>
                  {d.printer && (
                    <span class="printer-facts">
                      {t.printerKinds[d.printer.kind as PrinterKind] ?? d.printer.kind}
                      {d.printer.model ? ` ${d.printer.model.toUpperCase()}` : ''}
                      {d.printer.address ? ` ${d.printer.address}` : ''} · {d.printer.paperWidth} mm · {statusText(d.status)}
                    </span>
                  )}
                  {d.kind === 'kiosk' && <span class="services">{d.services.length ? `${t.kioskServices}: ${d.services.join(', ')}` : t.allServices}</span>}
                  {d.counterId !== null && <span>{t.counterN(d.counterId)}</span>}
                </td>
                <td>
                  <span class={`state ${d.paired ? 'paired' : 'waiting'}`}>{d.paired ? t.paired : t.waitingPairing}</span>
                  <span class="device-id">{d.source === 'file' ? t.fromFile : t.fromConsole}</span>
                </td>
                <td>
                  <div class="row-actions">
                    <button type="button" disabled={busy} onClick={() => pairAgain(d)}>
                      {d.paired ? t.pairAgain : t.showPairing}
                    </button>
                    {d.paired && (
                      <button
                        type="button"
                        class="danger"
                        disabled={busy}
                        onClick={() => {
                          if (confirm(t.confirmUnpair(d.id)))
                            void run(
                              () => unpairDevice(token, d.kind, d.id),
                              () => t.unpaired(d.id),
                            );
                        }}
                      >
                        {t.unpair}
                      </button>
                    )}
                    {d.kind === 'kiosk' && (
                      <button type="button" disabled={busy} onClick={() => editKiosk(d)}>
                        {t.editDevice}
                      </button>
                    )}
                    {d.kind === 'kiosk' && (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() =>
                          run(
                            () => testPrinter(token, d.id),
                            (r) => (r.ok ? t.testPrinted(d.id) : { kind: 'error', text: `${t.testNotPrinted(d.id)}: ${(lang === 'vi' ? r.message : r.messageEn) ?? r.code}` }),
                          )
                        }
                      >
                        {t.testPrint}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="boards-title">
        <h2 id="boards-title">{t.boardList}</h2>
        {devices && devices.boards.length === 0 ? (
          <p class="hint">{t.noBoards}</p>
        ) : (
          <table class="board-table">
            <thead>
              <tr>
                <th scope="col">{t.bus}</th>
                <th scope="col">{t.boardAddress}</th>
                <th scope="col">{t.boardShows}</th>
                <th scope="col">{t.deviceState}</th>
                <th scope="col">{t.deviceActions}</th>
              </tr>
            </thead>
            <tbody>
              {(devices?.boards ?? []).map((b) => (
                <tr key={`${b.busId}:${b.address}`} data-board={`${b.busId}:${b.address}`}>
                  <th scope="row">{b.busId}</th>
                  <td>{b.address}</td>
                  <td>{b.kind === 'counter' && b.counterId !== null ? t.counterN(b.counterId) : t.hallBoard}</td>
                  <td>{statusText(b.status)}</td>
                  <td>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        run(
                          () => testBoard(token, b.busId, b.address),
                          (r) => (r.sent ? t.boardLit(b.busId, b.address) : { kind: 'error', text: t.boardNotSent(b.busId) }),
                        )
                      }
                    >
                      {t.lightBoard}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="buses-title">
        <h2 id="buses-title">{t.busList}</h2>
        {devices && devices.buses.length === 0 ? (
          <p class="hint">{t.noBuses}</p>
        ) : (
          <table class="bus-table">
            <thead>
              <tr>
                <th scope="col">{t.bus}</th>
                <th scope="col">{t.busPort}</th>
                <th scope="col">{t.deviceDetails}</th>
                <th scope="col">{t.deviceState}</th>
                <th scope="col">{t.deviceActions}</th>
              </tr>
            </thead>
            <tbody>
              {(devices?.buses ?? []).map((b) => (
                <tr key={b.id} data-bus={b.id}>
                  <th scope="row">{b.id}</th>
                  <td>
                    {b.port} · {b.baudRate} · {b.protocol}
                  </td>
                  <td>
                    <span>{t.busSummary(b.keypads.length, b.ledBoards.length)}</span>
                    <span class="device-id">{b.source === 'file' ? t.busFromFile : t.busFromConsole}</span>
                  </td>
                  <td>{statusText(b.status)}</td>
                  <td>
                    <div class="row-actions">
                      <button type="button" disabled={busy} onClick={() => editBus(b)}>
                        {t.editDevice}
                      </button>
                      <button
                        type="button"
                        class="danger"
                        disabled={busy}
                        onClick={() => {
                          if (confirm(t.confirmRemoveBus(b.id)))
                            void run(
                              () => removeBus(token, b.id),
                              () => t.busRemoved(b.id),
                            );
                        }}
                      >
                        {t.removeBus}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 id="bus-form-title">{busForm.editing === null ? t.addBus : t.editBusTitle(busForm.editing)}</h3>
        <form class="bus-form" aria-labelledby="bus-form-title" onSubmit={saveBus}>
          {busForm.editing === null && (
            <label>
              {t.busId}
              <input name="bus-id" autocomplete="off" required placeholder="B2" value={busForm.id} onInput={(e) => setBusForm({ ...busForm, id: e.currentTarget.value })} />
            </label>
          )}
          <label>
            {t.busPort}
            <input name="bus-port" autocomplete="off" required placeholder="/dev/ttyUSB0" value={busForm.port} onInput={(e) => setBusForm({ ...busForm, port: e.currentTarget.value })} />
          </label>
          <label>
            {t.busBaud}
            <input name="bus-baud" inputMode="numeric" value={busForm.baudRate} onInput={(e) => setBusForm({ ...busForm, baudRate: e.currentTarget.value })} />
          </label>
          <label>
            {t.busProtocol}
            <select name="bus-protocol" value={busForm.protocol} onChange={(e) => setBusForm({ ...busForm, protocol: e.currentTarget.value === 'modbus-text' ? 'modbus-text' : 'luot' })}>
              <option value="luot">luot</option>
              <option value="modbus-text">modbus-text</option>
            </select>
          </label>
          <label>
            {t.busKeypads}
            <input name="bus-keypads" autocomplete="off" placeholder={t.busKeypadsHint} value={busForm.keypads} onInput={(e) => setBusForm({ ...busForm, keypads: e.currentTarget.value })} />
          </label>
          <label>
            {t.busBoards}
            <input name="bus-boards" autocomplete="off" placeholder={t.busBoardsHint} value={busForm.boards} onInput={(e) => setBusForm({ ...busForm, boards: e.currentTarget.value })} />
          </label>
          <div class="row-actions">
            <button type="submit" class="primary" disabled={busy}>
              {busForm.editing === null ? t.addBus : t.saveAndApply}
            </button>
            {busForm.editing !== null && (
              <button type="button" onClick={() => setBusForm(NEW_BUS)}>
                {t.cancelEdit}
              </button>
            )}
          </div>
        </form>
      </section>
    </div>
  );
}
