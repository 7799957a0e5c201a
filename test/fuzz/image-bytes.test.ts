// Fuzzing the parsers of bytes that come out of the (untrusted) image under test: the tar
// stream of `docker cp`, ELF headers, `#!` lines and `docker image inspect` JSON. A hostile
// image must not crash the runtime checks or stall them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseElf } from '../../src/runtime/elf.js';
import { imageConfigFromInspect } from '../../src/runtime/image-config.js';
import { parseShebang } from '../../src/shell/shebang.js';
import { parsePax, parseTar } from '../../src/runtime/tar.js';
import { fuzz, FUZZ_TIMEOUT, RUNS } from './harness.js';

/** A 512-byte tar header with the given fields (checksum computed), then its data padded to 512. */
function tarEntry(name: string, type: string, data: Buffer, size = data.length, linkname = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'latin1');
  h.write('0000755\0', 100, 'latin1');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write(type, 156, 'latin1');
  h.write(linkname.slice(0, 100), 157, 'latin1');
  h.write('ustar\0' + '00', 257, 'latin1');
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  const pad = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([h, data, pad]);
}

const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((b) => Buffer.from(b));

const tarStream = fc.oneof(
  bytes(3000),
  fc
    .array(
      fc.record({
        name: fc.oneof(fc.constantFrom('entrypoint.sh', 'usr/bin/env', './a/b', '../../etc/passwd', '', 'x'.repeat(150)), fc.string({ maxLength: 20 })),
        type: fc.constantFrom('0', '5', '2', '1', 'x', 'g', 'L', 'K', '\0', 'Z'),
        data: fc.oneof(bytes(700), fc.constantFrom(Buffer.from('30 path=a\n'), Buffer.from('99999999999 path=a\n'), Buffer.from('5 x\n'), Buffer.from('#!/bin/sh\n'))),
        size: fc.option(fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(8 ** 11 - 1))),
        link: fc.constantFrom('', '/bin/busybox', '../../../x'),
      }),
      { maxLength: 6 },
    )
    .chain((entries) =>
      fc.tuple(fc.constant(Buffer.concat(entries.map((e) => tarEntry(e.name, e.type, e.data, e.size ?? e.data.length, e.link)))), fc.nat(), fc.nat({ max: 40 }), bytes(8)),
    )
    .map(([tar, at, cut, junk]) => {
      // Corrupt a few bytes somewhere, or truncate.
      if (tar.length === 0) return tar;
      const i = at % tar.length;
      return cut % 3 === 0 ? tar.subarray(0, i) : Buffer.concat([tar.subarray(0, i), junk, tar.subarray(i + junk.length)]);
    }),
);

function elfHeader(cls: number, order: number, machine: number, phoff: number, phnum: number, phentsize: number, tail: Buffer): Buffer {
  const b = Buffer.alloc(64);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = cls;
  b[5] = order;
  b[6] = 1;
  const le = order !== 2;
  const w16 = (v: number, o: number) => (le ? b.writeUInt16LE(v & 0xffff, o) : b.writeUInt16BE(v & 0xffff, o));
  w16(2, 16);
  w16(machine, 18);
  if (cls === 2) {
    le ? b.writeBigUInt64LE(BigInt(phoff), 32) : b.writeBigUInt64BE(BigInt(phoff), 32);
    w16(phentsize, 54);
    w16(phnum, 56);
  } else {
    le ? b.writeUInt32LE(phoff >>> 0, 28) : b.writeUInt32BE(phoff >>> 0, 28);
    w16(phentsize, 42);
    w16(phnum, 44);
  }
  return Buffer.concat([b, tail]);
}

const elf = fc.oneof(
  bytes(200),
  fc
    .tuple(fc.constantFrom(0, 1, 2, 3), fc.constantFrom(0, 1, 2, 3), fc.constantFrom(3, 40, 62, 183, 243, 0, 0xffff), fc.oneof(fc.nat({ max: 300 }), fc.constant(2 ** 32 - 1), fc.constant(Number.MAX_SAFE_INTEGER)), fc.nat({ max: 0xffff }), fc.constantFrom(0, 1, 32, 56, 0xffff), bytes(600))
    .map(([cls, order, machine, phoff, phnum, phentsize, tail]) => elfHeader(cls, order, machine, phoff, phnum, phentsize, tail)),
);

const shebang = fc.oneof(
  bytes(300),
  fc.tuple(fc.constantFrom('#!', '#! ', '#!\t'), fc.constantFrom('/bin/sh', '/usr/bin/env', '', '/x\r'), fc.constantFrom(' ', '\t', 'x', ' -S bash'), fc.integer({ min: 0, max: 64 * 1024 }), fc.constantFrom('\n', '\r\n', '', 'y\n'))
    .map(([start, interp, blank, n, end]) => Buffer.from(`${start}${interp}${blank.repeat(n)}${end}`, 'latin1').subarray(0, 64 * 1024)),
);

describe('fuzz: bytes from the image under test', () => {
  it(`parses ${RUNS} hostile tar streams without crashing`, () => {
    fuzz('tar', tarStream, (buf) => {
      for (const e of parseTar(buf, 100)) {
        expect(typeof e.name).toBe('string');
        expect(e.data.length).toBeLessThanOrEqual(buf.length);
      }
      parsePax(buf);
    }, { describeInput: (b) => b.toString('base64') });
  }, FUZZ_TIMEOUT);

  it('parses hostile ELF headers without crashing', () => {
    fuzz('elf', elf, (buf) => {
      const info = parseElf(buf);
      if (info) expect(typeof info.machine).toBe('number');
    }, { describeInput: (b) => b.toString('base64') });
  }, FUZZ_TIMEOUT);

  it('parses `#!` lines up to 64 KB (long blank runs) in bounded time', () => {
    fuzz('shebang', shebang, (buf) => {
      const s = parseShebang(buf);
      if (s) expect(typeof s.interpreter).toBe('string');
    }, { runs: Math.max(50, Math.round(RUNS / 4)), describeInput: (b) => b.toString('latin1') });
  }, FUZZ_TIMEOUT);

  it('reads odd `docker image inspect` answers without crashing', () => {
    const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), fc.integer(), fc.constant({}));
    const inspect = fc.record(
      { Config: fc.option(fc.record({ Entrypoint: value, Cmd: value, Env: fc.oneof(value, fc.array(fc.constantFrom('PATH=/x:/y', 'PATH', '=', 'A=b=c', ''), { maxLength: 4 })), WorkingDir: value, User: value, StopSignal: value }, { requiredKeys: [] })), Architecture: value, Os: value },
      { requiredKeys: [] },
    );
    fuzz('image-config', inspect, (raw) => {
      try {
        imageConfigFromInspect(raw as Parameters<typeof imageConfigFromInspect>[0]);
      } catch (err) {
        // A clear Error about the answer is fine; a TypeError from poking at undefined is not.
        expect(err).not.toBeInstanceOf(TypeError);
      }
    });
  }, FUZZ_TIMEOUT);
});
