// A small tar reader for `docker cp <id>:<path> -` output: ustar/GNU/PAX headers, mode
// bits, types and symlink targets. Tolerates a stream cut short (we stop reading large
// files early): the last entry's data is then marked truncated.

export type TarEntryType = 'file' | 'hardlink' | 'symlink' | 'dir' | 'other';

export interface TarEntry {
  name: string;
  type: TarEntryType;
  /** Raw typeflag character ('0', '2', '5'…). */
  typeflag: string;
  /** Permission bits (0o7777). */
  mode: number;
  uid: number;
  gid: number;
  /** Size announced by the header. */
  size: number;
  /** Symlink or hardlink target. */
  linkname: string;
  /** File data (possibly fewer than `size` bytes when truncated). */
  data: Buffer;
  truncated: boolean;
}

const BLOCK = 512;

function cString(buf: Buffer, start: number, length: number): string {
  const field = buf.subarray(start, start + length);
  const nul = field.indexOf(0);
  return field.subarray(0, nul >= 0 ? nul : field.length).toString('utf8');
}

/** Octal ASCII (NUL/space terminated) or GNU base-256 (high bit of the first byte set). */
export function parseNumeric(buf: Buffer, start: number, length: number): number {
  const field = buf.subarray(start, start + length);
  if (field.length > 0 && (field[0]! & 0x80) !== 0) {
    let value = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return NaN;
  return parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  const stored = parseNumeric(header, 148, 8);
  if (Number.isNaN(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : header[i]!;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

function typeOf(flag: string): TarEntryType {
  switch (flag) {
    case '0': case '\0': case '7': return 'file';
    case '1': return 'hardlink';
    case '2': return 'symlink';
    case '5': return 'dir';
    default: return 'other';
  }
}

/** PAX extended header records: "<len> <key>=<value>\n". */
export function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const len = parseInt(data.subarray(pos, space).toString('latin1'), 10);
    if (!Number.isFinite(len) || len <= space - pos || pos + len > data.length) break;
    const record = data.subarray(space + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}

/**
 * Parse a tar stream. Stops at the end-of-archive marker, at a header that fails its
 * checksum, or where the bytes run out (the entry being read is then `truncated`).
 */
export function parseTar(input: Buffer, maxEntries = 10_000): TarEntry[] {
  const entries: TarEntry[] = [];
  let pos = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (pos + BLOCK <= input.length && entries.length < maxEntries) {
    const header = input.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) break;
    const typeflag = String.fromCharCode(header[156]!);
    let size = parseNumeric(header, 124, 12);
    if (Number.isNaN(size)) break;
    if (pax.size !== undefined && /^\d+$/.test(pax.size)) size = Number(pax.size);
    const dataStart = pos + BLOCK;
    const available = Math.max(0, Math.min(size, input.length - dataStart));
    const data = input.subarray(dataStart, dataStart + available);
    const truncated = available < size;
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    // Meta entries describe the next one.
    if (typeflag === 'x' || typeflag === 'L' || typeflag === 'K' || typeflag === 'g') {
      if (truncated) break;
      if (typeflag === 'x') pax = { ...pax, ...parsePax(data) };
      else if (typeflag === 'L') longName = cString(data, 0, data.length);
      else if (typeflag === 'K') longLink = cString(data, 0, data.length);
      continue;
    }

    let name = cString(header, 0, 100);
    const magic = header.subarray(257, 262).toString('latin1');
    if (magic === 'ustar') {
      const prefix = cString(header, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    name = pax.path ?? longName ?? name;
    const linkname = pax.linkpath ?? longLink ?? cString(header, 157, 100);
    const uid = pax.uid !== undefined ? Number(pax.uid) : parseNumeric(header, 108, 8);
    const gid = pax.gid !== undefined ? Number(pax.gid) : parseNumeric(header, 116, 8);
    entries.push({
      name,
      type: typeOf(typeflag),
      typeflag,
      mode: parseNumeric(header, 100, 8) & 0o7777,
      uid: Number.isNaN(uid) ? 0 : uid,
      gid: Number.isNaN(gid) ? 0 : gid,
      size,
      linkname,
      data,
      truncated,
    });
    pax = {};
    longName = undefined;
    longLink = undefined;
    if (truncated) break;
  }
  return entries;
}
