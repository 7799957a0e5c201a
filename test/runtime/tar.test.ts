import { describe, expect, it } from 'vitest';
import { parseNumeric, parsePax, parseTar } from '../../src/runtime/tar.js';

const BLOCK = 512;

function header(f: { name: string; mode?: number; size?: number; typeflag?: string; linkname?: string; uid?: number; prefix?: string }): Buffer {
  const h = Buffer.alloc(BLOCK);
  const octal = (n: number, len: number) => `${n.toString(8).padStart(len - 1, '0')}\0`;
  h.write(f.name, 0, 100, 'utf8');
  h.write(octal(f.mode ?? 0o644, 8), 100);
  h.write(octal(f.uid ?? 0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(f.size ?? 0, 12), 124);
  h.write(octal(0, 12), 136);
  h.write(f.typeflag ?? '0', 156);
  h.write(f.linkname ?? '', 157, 100, 'utf8');
  h.write('ustar\0', 257);
  h.write('00', 263);
  if (f.prefix) h.write(f.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

const pad = (data: Buffer) => Buffer.concat([data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK)]);
const entry = (f: Parameters<typeof header>[0], data = Buffer.alloc(0)) => Buffer.concat([header({ ...f, size: data.length }), pad(data)]);
const end = Buffer.alloc(2 * BLOCK);

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (`${len}${body}`.length !== len) len = `${len}${body}`.length;
  return `${len}${body}`;
}

describe('parseTar', () => {
  it('reads a regular file with its mode bits and data, and a symlink with its target', () => {
    const script = Buffer.from('#!/bin/sh\nexec "$@"\n');
    const tar = Buffer.concat([entry({ name: 'entrypoint.sh', mode: 0o755, uid: 1000 }, script), entry({ name: 'sh', typeflag: '2', linkname: '/bin/busybox', mode: 0o777 }), end]);
    const [file, link] = parseTar(tar);
    expect(file).toMatchObject({ name: 'entrypoint.sh', type: 'file', mode: 0o755, uid: 1000, size: script.length, truncated: false });
    expect(file!.data.toString()).toBe(script.toString());
    expect(link).toMatchObject({ name: 'sh', type: 'symlink', linkname: '/bin/busybox' });
  });

  it('marks the last entry truncated when the stream was cut short', () => {
    const big = Buffer.alloc(5000, 0x41);
    const tar = entry({ name: 'server', mode: 0o755 }, big).subarray(0, BLOCK + 1000);
    const [e] = parseTar(tar);
    expect(e).toMatchObject({ name: 'server', size: 5000, truncated: true });
    expect(e!.data.length).toBe(1000);
  });

  it('applies PAX path/linkpath records and GNU long names to the next entry', () => {
    const longTarget = `/opt/${'x'.repeat(150)}/bin/app`;
    const pax = Buffer.from(paxRecord('linkpath', longTarget) + paxRecord('path', 'app'));
    const longName = `${'d/'.repeat(60)}file`;
    const tar = Buffer.concat([
      entry({ name: 'PaxHeaders/app', typeflag: 'x' }, pax),
      entry({ name: 'app', typeflag: '2', linkname: 'short' }),
      entry({ name: '././@LongLink', typeflag: 'L' }, Buffer.from(`${longName}\0`)),
      entry({ name: 'truncated-name', mode: 0o600 }, Buffer.from('x')),
      end,
    ]);
    const entries = parseTar(tar);
    expect(entries.map((e) => [e.name, e.type, e.linkname])).toEqual([
      ['app', 'symlink', longTarget],
      [longName, 'file', ''],
    ]);
    expect(entries[1]!.mode).toBe(0o600);
  });

  it('joins the ustar prefix and stops at a header with a bad checksum', () => {
    const good = entry({ name: 'bin/sh', prefix: 'usr', mode: 0o755 });
    const bad = entry({ name: 'evil', mode: 0o755 });
    bad[0] = 0x45; // content changed after the checksum was computed
    const entries = parseTar(Buffer.concat([good, bad, end]));
    expect(entries.map((e) => e.name)).toEqual(['usr/bin/sh']);
    expect(entries[0]!.type).toBe('file');
  });

  it('reads directories and returns nothing for empty or garbage input', () => {
    expect(parseTar(Buffer.concat([entry({ name: 'app/', typeflag: '5', mode: 0o755 }), end]))[0]).toMatchObject({ type: 'dir', mode: 0o755 });
    expect(parseTar(Buffer.alloc(0))).toEqual([]);
    expect(parseTar(Buffer.from('Error response from daemon: Could not find the file /x'.padEnd(600)))).toEqual([]);
  });
});

describe('tar fields', () => {
  it('parses octal and GNU base-256 numbers', () => {
    expect(parseNumeric(Buffer.from('0000755\0'), 0, 8)).toBe(0o755);
    expect(parseNumeric(Buffer.from('   755 \0'), 0, 8)).toBe(0o755);
    const b256 = Buffer.alloc(12);
    b256[0] = 0x80;
    b256.writeUInt32BE(0x12345678, 8);
    expect(parseNumeric(b256, 0, 12)).toBe(0x12345678);
    expect(parseNumeric(Buffer.from('12x\0'), 0, 4)).toBeNaN();
  });

  it('parses PAX records and ignores a malformed tail', () => {
    expect(parsePax(Buffer.from(`${paxRecord('path', 'a b')}${paxRecord('size', '42')}99 broken`))).toEqual({ path: 'a b', size: '42' });
  });
});
