// Turns schema validation failures into sentences a person understands, Vietnamese first.

export interface SchemaProblem {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const TYPE_WORDS: Record<string, { vi: string; en: string }> = {
  string: { vi: 'một chuỗi ký tự', en: 'text' },
  integer: { vi: 'một số nguyên', en: 'a whole number' },
  number: { vi: 'một số', en: 'a number' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  object: { vi: 'một đối tượng JSON', en: 'a JSON object' },
  array: { vi: 'một danh sách', en: 'a list' },
  null: { vi: 'null', en: 'null' },
};

const PLACES: Record<string, { vi: string; en: string }> = {
  body: { vi: 'nội dung yêu cầu', en: 'request body' },
  params: { vi: 'đường dẫn', en: 'URL path' },
  querystring: { vi: 'tham số truy vấn', en: 'query string' },
  headers: { vi: 'tiêu đề', en: 'headers' },
};

/** What a device's address should look like, said instead of the pattern (the console's Devices screen). */
const FORMAT_HINTS: Record<string, { vi: string; en: string }> = {
  'printer.address': {
    vi: 'phải là tcp://máy:cổng (máy in mạng) hoặc tệp thiết bị như /dev/usb/lp0',
    en: 'must be tcp://host:port (a network printer) or a device file such as /dev/usb/lp0',
  },
  port: { vi: 'phải là cổng nối tiếp như /dev/ttyUSB0 (hoặc simulated)', en: 'must be a serial port such as /dev/ttyUSB0 (or simulated)' },
};

function field(problem: SchemaProblem, lang: 'vi' | 'en'): string {
  const path = problem.instancePath.replace(/^\//, '').replaceAll('/', '.');
  return path || (lang === 'vi' ? 'toàn bộ nội dung' : 'the whole body');
}

export function describeProblem(problem: SchemaProblem): { vi: string; en: string } {
  const fv = field(problem, 'vi');
  const fe = field(problem, 'en');
  const p = problem.params;
  switch (problem.keyword) {
    case 'required':
      return { vi: `thiếu trường "${String(p.missingProperty)}"`, en: `"${String(p.missingProperty)}" is missing` };
    case 'additionalProperties':
      return {
        vi: `trường "${String(p.additionalProperty)}" không được hỗ trợ`,
        en: `"${String(p.additionalProperty)}" is not a known field`,
      };
    case 'type': {
      const t = TYPE_WORDS[String(p.type)] ?? { vi: String(p.type), en: String(p.type) };
      return { vi: `"${fv}" phải là ${t.vi}`, en: `"${fe}" must be ${t.en}` };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return { vi: `"${fv}" phải từ ${String(p.limit)} trở lên`, en: `"${fe}" must be at least ${String(p.limit)}` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { vi: `"${fv}" không được lớn hơn ${String(p.limit)}`, en: `"${fe}" must be at most ${String(p.limit)}` };
    case 'minLength':
      return { vi: `"${fv}" không được để trống`, en: `"${fe}" must not be empty` };
    case 'maxLength':
      return { vi: `"${fv}" dài quá ${String(p.limit)} ký tự`, en: `"${fe}" is longer than ${String(p.limit)} characters` };
    case 'pattern':
      if (p.pattern === '\\S') return { vi: `"${fv}" không được để trống`, en: `"${fe}" must not be blank` };
      if (FORMAT_HINTS[fe]) return { vi: `"${fv}" ${FORMAT_HINTS[fe].vi}`, en: `"${fe}" ${FORMAT_HINTS[fe].en}` };
      return { vi: `"${fv}" không đúng định dạng`, en: `"${fe}" is not in the expected format` };
    case 'format':
      if (p.format === 'date') return { vi: `"${fv}" phải là một ngày có thật, dạng YYYY-MM-DD`, en: `"${fe}" must be a real date, YYYY-MM-DD` };
      return { vi: `"${fv}" không đúng định dạng`, en: `"${fe}" is not in the expected format` };
    default:
      return { vi: `"${fv}" không phải giá trị được chấp nhận`, en: `"${fe}" is not an accepted value` };
  }
}

export function describeValidation(problems: SchemaProblem[], context: string | undefined): { vi: string; en: string } {
  const place = PLACES[context ?? 'body'] ?? PLACES.body!;
  // A union (e.g. "a notice or null") fails in every branch: say only the deepest failure, once.
  const deepest = problems.filter((p) => p.keyword !== 'anyOf' && !problems.some((q) => q.instancePath.length > p.instancePath.length && q.instancePath.startsWith(`${p.instancePath}/`)));
  const lines = [...new Map((deepest.length > 0 ? deepest : problems).map((p) => describeProblem(p)).map((d) => [d.vi, d])).values()].slice(0, 5);
  return {
    vi: `Yêu cầu không hợp lệ (${place.vi}): ${lines.map((l) => l.vi).join('; ')}.`,
    en: `Invalid request (${place.en}): ${lines.map((l) => l.en).join('; ')}.`,
  };
}
