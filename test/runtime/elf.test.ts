import { describe, expect, it } from 'vitest';
import { archOfElf, describeElf, EM, matchesArch, parseElf, platformArch } from '../../src/runtime/elf.js';

/**
 * A minimal ELF by hand: the ELF header (64 bytes for ELFCLASS64, 52 for ELFCLASS32), then
 * one program header (PT_INTERP when `interp` is given, else PT_LOAD), then the interpreter string.
 */
function elf(opts: { cls: 32 | 64; le: boolean; machine: number; interp?: string; phnum?: number; type?: number }): Buffer {
  const ehsize = opts.cls === 64 ? 64 : 52;
  const phentsize = opts.cls === 64 ? 56 : 32;
  const interpOff = ehsize + phentsize;
  const interpBytes = opts.interp !== undefined ? Buffer.from(`${opts.interp}\0`, 'latin1') : Buffer.alloc(0);
  const buf = Buffer.alloc(interpOff + interpBytes.length);
  buf.set([0x7f, 0x45, 0x4c, 0x46, opts.cls === 64 ? 2 : 1, opts.le ? 1 : 2, 1], 0);
  const w16 = (v: number, o: number) => (opts.le ? buf.writeUInt16LE(v, o) : buf.writeUInt16BE(v, o));
  const w32 = (v: number, o: number) => (opts.le ? buf.writeUInt32LE(v, o) : buf.writeUInt32BE(v, o));
  const w64 = (v: number, o: number) => (opts.le ? buf.writeBigUInt64LE(BigInt(v), o) : buf.writeBigUInt64BE(BigInt(v), o));
  w16(opts.type ?? 2, 16);
  w16(opts.machine, 18);
  const phType = opts.interp !== undefined ? 3 : 1;
  if (opts.cls === 64) {
    w64(ehsize, 32); // e_phoff
    w16(ehsize, 52);
    w16(phentsize, 54);
    w16(opts.phnum ?? 1, 56);
    w32(phType, ehsize);
    w64(interpOff, ehsize + 8); // p_offset
    w64(interpBytes.length, ehsize + 32); // p_filesz
  } else {
    w32(ehsize, 28);
    w16(ehsize, 40);
    w16(phentsize, 42);
    w16(opts.phnum ?? 1, 44);
    w32(phType, ehsize);
    w32(interpOff, ehsize + 4);
    w32(interpBytes.length, ehsize + 16);
  }
  interpBytes.copy(buf, interpOff);
  return buf;
}

describe('parseElf', () => {
  it('reads class, byte order, machine and the PT_INTERP loader of a 64-bit little-endian binary', () => {
    const info = parseElf(elf({ cls: 64, le: true, machine: EM.X86_64, interp: '/lib64/ld-linux-x86-64.so.2' }));
    expect(info).toMatchObject({ class: 64, byteOrder: 'little', machine: 62, type: 2, interpreter: '/lib64/ld-linux-x86-64.so.2', incomplete: false });
    expect(describeElf(info!)).toBe('x86-64');
  });

  it('reads a 32-bit ARM and a big-endian s390x header', () => {
    const arm = parseElf(elf({ cls: 32, le: true, machine: EM.ARM, interp: '/lib/ld-linux-armhf.so.3' }))!;
    expect(arm).toMatchObject({ class: 32, byteOrder: 'little', machine: 40, interpreter: '/lib/ld-linux-armhf.so.3' });
    expect(describeElf(arm)).toBe('32-bit ARM');
    const s390 = parseElf(elf({ cls: 64, le: false, machine: EM.S390, interp: '/lib/ld64.so.1' }))!;
    expect(s390).toMatchObject({ class: 64, byteOrder: 'big', machine: 22, interpreter: '/lib/ld64.so.1' });
    expect(archOfElf(s390)?.platform).toBe('linux/s390x');
  });

  it('has no interpreter for a static binary (PT_LOAD only)', () => {
    const info = parseElf(elf({ cls: 64, le: true, machine: EM.AARCH64 }))!;
    expect(info.interpreter).toBeUndefined();
    expect(info.incomplete).toBe(false);
    expect(archOfElf(info)?.platform).toBe('linux/arm64');
  });

  it('marks the interpreter unknown when the program headers are cut off, and rejects non-ELF input', () => {
    const full = elf({ cls: 64, le: true, machine: EM.X86_64, interp: '/lib/ld-musl-x86_64.so.1' });
    const cut = parseElf(full.subarray(0, 80))!;
    expect(cut.machine).toBe(62);
    expect(cut.interpreter).toBeUndefined();
    expect(cut.incomplete).toBe(true);
    expect(parseElf(full.subarray(0, 40))).toBeUndefined();
    expect(parseElf(Buffer.from('#!/bin/sh\necho hi\n'))).toBeUndefined();
    const badClass = Buffer.from(full);
    badClass[4] = 7;
    expect(parseElf(badClass)).toBeUndefined();
  });

  it('survives absurd program header offsets and counts', () => {
    const b = elf({ cls: 64, le: true, machine: EM.X86_64, interp: '/x', phnum: 0xffff });
    expect(parseElf(b)?.interpreter).toBeUndefined();
    const far = elf({ cls: 64, le: true, machine: EM.X86_64, interp: '/x' });
    far.writeBigUInt64LE(0xffffffffffffn, 32);
    expect(parseElf(far)).toMatchObject({ machine: 62, incomplete: true });
  });
});

describe('platform table', () => {
  it.each([
    ['linux/amd64', 64, 'little', 62],
    ['linux/arm64', 64, 'little', 183],
    ['linux/arm64/v8', 64, 'little', 183],
    ['linux/arm/v7', 32, 'little', 40],
    ['linux/386', 32, 'little', 3],
    ['linux/ppc64le', 64, 'little', 21],
    ['linux/s390x', 64, 'big', 22],
    ['linux/riscv64', 64, 'little', 243],
  ])('%s expects class %i, %s-endian, e_machine %i', (platform, cls, order, machine) => {
    expect(platformArch(platform)).toMatchObject({ class: cls, byteOrder: order, machine });
  });

  it('tells an amd64 binary from the arm64 platform by machine, class and byte order', () => {
    const arm64 = platformArch('linux/arm64')!;
    expect(matchesArch(parseElf(elf({ cls: 64, le: true, machine: EM.AARCH64 }))!, arm64)).toBe(true);
    expect(matchesArch(parseElf(elf({ cls: 64, le: true, machine: EM.X86_64 }))!, arm64)).toBe(false);
    expect(matchesArch(parseElf(elf({ cls: 32, le: true, machine: EM.AARCH64 }))!, arm64)).toBe(false);
    expect(matchesArch(parseElf(elf({ cls: 64, le: false, machine: EM.AARCH64 }))!, arm64)).toBe(false);
    expect(platformArch('windows/amd64')).toBeUndefined();
    expect(platformArch('linux/mips64le')).toBeUndefined();
  });
});
