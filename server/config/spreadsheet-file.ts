// The first sheet of an .xlsx workbook as rows of text, and rows of text as an .xlsx workbook:
// as much of the format as a catalogue needs (cells of text and numbers), with Node's own zlib.
// An .xlsx file is a zip of XML parts (ECMA-376): the sheet's cells, and a table of the texts
// they share.

import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export class SpreadsheetError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'SpreadsheetError';
  }
}

const unreadable = (en: string) => new SpreadsheetError(`Tệp không phải bảng tính .xlsx đọc được (${en}).`, `The file is not a readable .xlsx workbook (${en}).`);

/** No part of a catalogue's workbook comes near this once unpacked; a bigger one is refused, not read. */
const MAX_PART_BYTES = 32 * 1024 * 1024;

/** The files of a zip archive by name, read from its central directory. */
function unzip(bytes: Buffer): Map<string, () => Buffer> {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable('no zip directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map<string, () => Buffer>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw unreadable('a damaged zip directory');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    files.set(name, () => {
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw unreadable(`a damaged part ${name}`);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + size);
      if (method === 0) return data;
      if (method !== 8) throw unreadable(`the part ${name} is packed in an unknown way`);
      try {
        return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
      } catch {
        throw unreadable(`the part ${name} cannot be unpacked`);
      }
    });
  }
  return files;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** Every <t> of a piece of XML joined: a shared or inline string, rich text runs included. */
function joinedText(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += xmlText(m[1]!);
  return text;
}

/** "C12" → 2 (the column, from 0). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '').toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The first sheet of a workbook as rows of cell texts (empty cells as ""). */
export function readFirstSheet(bytes: Buffer): string[][] {
  const files = unzip(bytes);
  const part = (name: string) => {
    const read = files.get(name);
    return read ? read().toString('utf8') : null;
  };
  const workbook = part('xl/workbook.xml');
  if (workbook === null) throw unreadable('no workbook in it');
  const firstSheet = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const rels = part('xl/_rels/workbook.xml.rels') ?? '';
  const target = firstSheet ? new RegExp(`<Relationship\\b[^>]*\\bId="${firstSheet}"[^>]*\\bTarget="([^"]+)"`).exec(rels)?.[1] : undefined;
  const targetReversed = firstSheet ? new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]+)"[^>]*\\bId="${firstSheet}"`).exec(rels)?.[1] : undefined;
  const path = (target ?? targetReversed ?? 'worksheets/sheet1.xml').replace(/^\/?xl\//, '').replace(/^\//, '');
  const sheet = part(`xl/${path}`);
  if (sheet === null) throw unreadable('no sheet in it');
  const shared = [...(part('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => joinedText(m[1]!));

  const rows: string[][] = [];
  for (const rowMatch of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = /\br="(\d+)"/.exec(rowMatch[1]!)?.[1];
    const index = rowNumber ? Number(rowNumber) - 1 : rows.length;
    const cells: string[] = [];
    for (const cell of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1]!;
      const ref = /\br="([A-Z]+\d*)"/.exec(attributes)?.[1];
      const column = ref ? columnOf(ref) : cells.length;
      const type = /\bt="([a-zA-Z]+)"/.exec(attributes)?.[1] ?? 'n';
      const inner = cell[2] ?? '';
      const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let text = '';
      if (type === 's') text = value !== undefined ? (shared[Number(value)] ?? '') : '';
      else if (type === 'inlineStr') text = joinedText(inner);
      else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
      else text = value !== undefined ? xmlText(value) : '';
      while (cells.length < column) cells.push('');
      cells[column] = text;
    }
    while (rows.length < index) rows.push([]);
    rows[index] = cells;
  }
  return rows;
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters XML 1.0 cannot carry at all (tab, line feed and carriage return it can).
    .replace(/[\s\S]/g, (ch) => (ch.charCodeAt(0) < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r' ? '' : ch));

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A zip archive of the given files, each packed with deflate (also how tests build a workbook as other programs write it). */
export function zipParts(files: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directorySize = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

/** Rows of text as a one-sheet workbook; every cell is text (a spreadsheet computes nothing in it). */
export function writeWorkbook(sheetName: string, rows: readonly (readonly string[])[]): Buffer {
  const sheetRows = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`).join('')}</row>`)
    .join('');
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const relations = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipParts([
    [
      '[Content_Types].xml',
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relations}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    ['xl/workbook.xml', `${xml}<workbook xmlns="${main}" xmlns:r="${relations}"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relations}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relations}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${xml}<styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>`,
    ],
    ['xl/worksheets/sheet1.xml', `${xml}<worksheet xmlns="${main}"><sheetData>${sheetRows}</sheetData></worksheet>`],
  ]);
}
