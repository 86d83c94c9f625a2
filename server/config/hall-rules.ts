// Rules a hall description must keep beyond its schema: references that resolve, series
// that cannot print the same number, hours that make sense. The hall file at start and the
// manager console's live changes both pass them (server/use-cases/config/configure-hall.ts):
// each problem names its field and says why in Vietnamese and English.

import { LED_DRIVERS } from '../../hardware/led/led-drivers.js';
import type { HallDefinition } from '../domain/hall/hall-definition.js';
import type { FieldProblem } from '../domain/hall/hall-errors.js';
import { seriesOverlap } from '../domain/queue/numbering.js';

function duplicates<T>(values: T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

function validTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** One thing wrong with a hall description: where (a dotted path such as services.DD.numbering), and why. */
export type HallProblem = FieldProblem;

const problem = (field: string, vi: string, en: string): HallProblem => ({ field, vi, en });

/** Every problem found, in words a hall manager can act on; empty when the hall is sound. */
export function checkHallDefinition(hall: HallDefinition): string[] {
  return [...new Set(hallProblems(hall).map((p) => p.en))];
}

/** The same problems, each with its field and its Vietnamese words. */
export function hallProblems(hall: HallDefinition): HallProblem[] {
  const problems: HallProblem[] = [];

  const { settings, services, counters, kiosks, serialBuses, staff } = hall;
  const add = (field: string, vi: string, en: string) => problems.push(problem(field, vi, en));

  if (!validTimeZone(settings.timeZone)) add('hall.timeZone', `"${settings.timeZone}" không phải múi giờ đã biết`, `hall.timeZone: "${settings.timeZone}" is not a known time zone`);
  for (const code of duplicates(settings.priorityCategories.map((c) => c.code))) {
    add('hall.priority.categories', `nhóm ưu tiên "${code}" được khai hai lần`, `priority category "${code}" is listed twice`);
  }

  for (const id of duplicates(services.map((s) => s.id))) add(`services.${id}.id`, `mã dịch vụ "${id}" được dùng hai lần`, `service id "${id}" is used twice`);
  for (const t of hall.ratingTablets) {
    if (!counters.some((c) => c.id === t.counterId)) {
      add(
        `ratingTablets.${t.id}.counter`,
        `máy đánh giá "${t.id}" gắn với quầy ${t.counterId}, quầy này không có`,
        `ratingTablets: "${t.id}" names counter ${t.counterId}, which the hall does not have`,
      );
    }
  }
  const source = settings.statusSource;
  if (source) {
    // Said at start, not found on every lookup: an address fetch cannot use, or two ways of signing in.
    let address: URL | null = null;
    try {
      address = new URL(source.url.replace('{code}', '0'));
    } catch {
      add('hall.statusSource.url', 'không phải địa chỉ hệ thống đọc được', 'hall.statusSource.url: is not an address the hub can read from');
    }
    for (const name of Object.keys(source.headers ?? {})) {
      if (!/^[A-Za-z0-9-]{1,64}$/.test(name)) {
        add('hall.statusSource.headers', `"${name}" không phải tên tiêu đề (chữ, số và -)`, `hall.statusSource.headers: "${name}" is not a header name (letters, digits and -)`);
      }
    }
    const signsIn = Object.keys(source.headers ?? {}).some((name) => name.toLowerCase() === 'authorization');
    if (address && (address.username || address.password) && signsIn) {
      add(
        'hall.statusSource',
        'chỉ dùng một cách đăng nhập: user:password trong địa chỉ hoặc tiêu đề Authorization',
        'hall.statusSource: give either user:password in the url or an Authorization header, not both',
      );
    }
  }
  if (settings.returnService && !services.some((s) => s.id === settings.returnService)) {
    add('hall.returnService', `"${settings.returnService}" không phải dịch vụ của điểm phục vụ`, `hall.returnService: "${settings.returnService}" is not a service of the hall`);
  }
  services.forEach((s, i) => {
    if (s.numbering.kind === 'block' && s.numbering.from > s.numbering.to) {
      const { from, to } = s.numbering;
      add(`services.${s.id}.numbering`, `dải số ${from}-${to} trống (số đầu lớn hơn số cuối)`, `services[${i}] (${s.id}): number block ${from}-${to} is empty`);
    }
    for (const other of services.slice(i + 1)) {
      if (seriesOverlap(s.numbering, other.numbering)) {
        // Said of both services: either may be the one to change.
        for (const id of [s.id, other.id]) {
          add(
            `services.${id}.numbering`,
            `dịch vụ ${s.id} và ${other.id} có thể in trùng số: hãy cho mỗi dịch vụ một chữ đầu số hoặc một dải số riêng`,
            `services ${s.id} and ${other.id} could print the same ticket number: give them different prefixes or blocks`,
          );
        }
      }
    }
  });

  const serviceIds = new Set(services.map((s) => s.id));
  for (const id of duplicates(counters.map((c) => c.id))) add(`counters.${id}.id`, `quầy ${id} được khai hai lần`, `counter ${id} is listed twice`);
  for (const c of counters) {
    for (const link of c.services) {
      if (!serviceIds.has(link.serviceId))
        add(`counters.${c.id}.services`, `quầy ${c.id} phục vụ "${link.serviceId}", không có dịch vụ này`, `counter ${c.id} serves "${link.serviceId}", which is not a service`);
    }
    for (const id of duplicates(c.services.map((l) => l.serviceId)))
      add(`counters.${c.id}.services`, `quầy ${c.id} khai dịch vụ "${id}" hai lần`, `counter ${c.id} lists service "${id}" twice`);
  }

  const groupIds = new Set(settings.serviceGroups.map((g) => g.id));
  for (const id of duplicates(settings.serviceGroups.map((g) => g.id))) add('hall.serviceGroups', `nhóm dịch vụ "${id}" được khai hai lần`, `service group "${id}" is listed twice`);
  if (groupIds.size > 0) {
    for (const s of services) {
      if (s.group !== null && !groupIds.has(s.group)) {
        add(
          `services.${s.id}.group`,
          `dịch vụ ${s.id} thuộc nhóm "${s.group}", hall.serviceGroups không có nhóm này`,
          `service ${s.id} is in group "${s.group}", which hall.serviceGroups does not list`,
        );
      }
    }
  }
  for (const id of duplicates(kiosks.map((k) => k.id))) add(`kiosks.${id}.id`, `máy lấy số "${id}" được khai hai lần`, `kiosk "${id}" is listed twice`);
  // An empty token is a kiosk paired in the console (or waiting for it): it has no token of its own here.
  for (const token of duplicates(kiosks.map((k) => k.token).filter((t) => t !== ''))) {
    add('kiosks', `hai máy lấy số dùng chung mã "${token.slice(0, 4)}…": hãy cho mỗi máy một mã riêng`, `two kiosks share the token "${token.slice(0, 4)}…": give each its own`);
  }
  for (const k of kiosks) {
    for (const serviceId of k.services ?? []) {
      if (!services.some((svc) => svc.id === serviceId)) {
        add(
          `kiosks.${k.id}.services`,
          `máy lấy số ${k.id} mời dịch vụ "${serviceId}" mà hội trường không có`,
          `kiosk ${k.id} offers the service "${serviceId}", which the hall does not have`,
        );
      }
    }
    if (k.printer.kind !== 'simulated' && k.printer.kind !== 'agent' && !k.printer.address) {
      const kind = k.printer.kind.toUpperCase();
      add(
        `kiosks.${k.id}.printer.address`,
        `máy in ${kind} của máy lấy số ${k.id} cần địa chỉ (tcp://host:9100 hoặc /dev/usb/lp0)`,
        `kiosk ${k.id}: its ${kind} printer needs an address (tcp://host:9100 or /dev/usb/lp0)`,
      );
    }
    if (k.printer.kind === 'agent' && k.printer.address) {
      add(
        `kiosks.${k.id}.printer.address`,
        `máy in của máy lấy số ${k.id} do phần mềm trên máy lấy số điều khiển nên không có địa chỉ ở đây: đặt thiết bị in trong /etc/luot-agent/agent.conf (PRINTER=)`,
        `kiosk ${k.id}: an agent's printer takes no address: its device is set on the kiosk PC, in /etc/luot-agent/agent.conf (PRINTER=)`,
      );
    }
    if (k.printer.kind !== 'agent' && k.printer.model) {
      add(
        `kiosks.${k.id}.printer.model`,
        `máy lấy số ${k.id}: "model" chỉ dùng cho máy in kiểu agent; kiểu của các máy in khác đã nói điều này (epson hoặc star)`,
        `kiosk ${k.id}: "model" is for printers of type agent; for the others the type says it (epson or star)`,
      );
    }
  }
  const counterIds = new Set(counters.map((c) => c.id));
  for (const id of duplicates(serialBuses.map((b) => b.id))) add(`serialBuses.${id}.id`, `đường truyền nối tiếp "${id}" được khai hai lần`, `serial bus "${id}" is listed twice`);
  for (const port of duplicates(serialBuses.map((b) => b.port).filter((p) => p !== 'simulated'))) {
    add('serialBuses', `hai đường truyền nối tiếp dùng chung cổng ${port}`, `two serial buses use the port ${port}`);
  }
  for (const bus of serialBuses) {
    const addresses = [...bus.keypads.map((k) => k.address), ...bus.ledBoards.map((b) => b.address)];
    for (const a of duplicates(addresses))
      add(`serialBuses.${bus.id}`, `đường truyền ${bus.id}: địa chỉ ${a} được hai thiết bị dùng`, `serial bus ${bus.id}: address ${a} is used by two devices`);
    if (!LED_DRIVERS[bus.protocol].carriesKeypads && bus.keypads.length > 0) {
      add(
        `serialBuses.${bus.id}.protocol`,
        `đường truyền ${bus.id}: bàn phím quầy nói giao thức luot, không dùng chung đường ${bus.protocol} được; hãy đặt chúng trên một đường riêng`,
        `serial bus ${bus.id}: keypads speak the luot protocol and cannot share a ${bus.protocol} bus; put them on a bus of their own`,
      );
    }
    for (const k of bus.keypads) {
      if (!counterIds.has(k.counterId)) {
        add(
          `serialBuses.${bus.id}.keypads`,
          `đường truyền ${bus.id}: bàn phím ${k.address} làm việc cho quầy ${k.counterId}, không có quầy này`,
          `serial bus ${bus.id}: keypad ${k.address} works for counter ${k.counterId}, which is not a counter`,
        );
      }
    }
    for (const b of bus.ledBoards) {
      if (b.kind === 'counter' && !counterIds.has(b.counterId)) {
        add(
          `serialBuses.${bus.id}.ledBoards`,
          `đường truyền ${bus.id}: bảng ${b.address} hiện quầy ${b.counterId}, không có quầy này`,
          `serial bus ${bus.id}: board ${b.address} shows counter ${b.counterId}, which is not a counter`,
        );
      }
    }
  }
  for (const user of duplicates(staff.map((s) => s.user))) add(`staff.${user}.user`, `tài khoản "${user}" được khai hai lần`, `staff user "${user}" is listed twice`);
  for (const s of staff) {
    for (const id of s.counters) {
      if (!counterIds.has(id)) add(`staff.${s.user}.counters`, `cán bộ ${s.user} được nhận quầy ${id}, không có quầy này`, `staff ${s.user} may take counter ${id}, which is not a counter`);
    }
    for (const id of s.services ?? []) {
      if (!serviceIds.has(id))
        add(
          `staff.${s.user}.services`,
          `cán bộ ${s.user} xử lý hồ sơ của dịch vụ ${id}, không có dịch vụ này`,
          `staff ${s.user} handles the dossiers of service ${id}, which is not a service`,
        );
    }
    if (s.role === 'back_office' && (s.fields ?? []).length + (s.services ?? []).length === 0) {
      add(
        `staff.${s.user}.fields`,
        `cán bộ ${s.user} thuộc bộ phận chuyên môn nhưng không xử lý lĩnh vực hay dịch vụ nào: hãy khai lĩnh vực hoặc dịch vụ`,
        `staff ${s.user} is back office but handles no field or service: list its fields or services`,
      );
    }
    if (s.role === 'back_office' && s.counters.length > 0) {
      add(
        `staff.${s.user}.counters`,
        `cán bộ ${s.user} thuộc bộ phận chuyên môn, không nhận quầy: hãy bỏ các quầy`,
        `staff ${s.user} is back office, which takes no counter: remove its counters`,
      );
    }
  }
  const keys = Object.values(settings.counterKeys).flat();
  for (const key of duplicates(keys)) add('hall.counterKeys', `phím ${key} được gán cho hai thao tác`, `hall.counterKeys: the key ${key} is given to two actions`);
  return problems;
}
