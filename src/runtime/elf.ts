// Pure ELF header parsing (class, byte order, e_machine, PT_INTERP) and the platform ->
// expected architecture table. A host-arch binary inside a foreign-arch image runs fine
// under emulation, so only the header tells that it will fail on real hardware.

export type ElfClass = 32 | 64;
export type ByteOrder = 'little' | 'big';

export interface ElfInfo {
  class: ElfClass;
  byteOrder: ByteOrder;
  /** e_machine. */
  machine: number;
  /** e_type (2 executable, 3 shared object / PIE). */
  type: number;
  /** PT_INTERP: the program interpreter (dynamic loader), absent for static binaries. */
  interpreter?: string;
  /** The program headers (or the PT_INTERP string) lie beyond the bytes given: `interpreter` is unknown. */
  incomplete: boolean;
}

export interface ArchSpec {
  /** Normalised platform: linux/amd64, linux/arm64, linux/arm… */
  platform: string;
  /** Docker's short name: amd64, arm64, arm… */
  short: string;
  class: ElfClass;
  byteOrder: ByteOrder;
  machine: number;
}

export const EM = { I386: 3, ARM: 40, PPC64: 21, S390: 22, X86_64: 62, AARCH64: 183, RISCV: 243, PPC: 20, MIPS: 8 } as const;

const ARCHES: ArchSpec[] = [
  { platform: 'linux/amd64', short: 'amd64', class: 64, byteOrder: 'little', machine: EM.X86_64 },
  { platform: 'linux/arm64', short: 'arm64', class: 64, byteOrder: 'little', machine: EM.AARCH64 },
  { platform: 'linux/arm', short: 'arm', class: 32, byteOrder: 'little', machine: EM.ARM },
  { platform: 'linux/386', short: '386', class: 32, byteOrder: 'little', machine: EM.I386 },
  { platform: 'linux/ppc64le', short: 'ppc64le', class: 64, byteOrder: 'little', machine: EM.PPC64 },
  { platform: 'linux/s390x', short: 's390x', class: 64, byteOrder: 'big', machine: EM.S390 },
  { platform: 'linux/riscv64', short: 'riscv64', class: 64, byteOrder: 'little', machine: EM.RISCV },
];

/** Expected ELF identity for a platform (`linux/arm64`, `linux/arm64/v8`, `linux/arm/v7`…); undefined when unknown. */
export function platformArch(platform: string): ArchSpec | undefined {
  const [os = '', arch = ''] = platform.toLowerCase().split('/');
  if (os !== 'linux') return undefined;
  const alias: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', i386: '386', armhf: 'arm', armel: 'arm' };
  const short = alias[arch] ?? arch;
  return ARCHES.find((a) => a.short === short);
}

/** The ELF identity of the machine running this process (what runs natively, without QEMU). */
export function hostArch(): ArchSpec | undefined {
  const map: Partial<Record<NodeJS.Architecture, string>> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  const short = map[process.arch];
  return short ? ARCHES.find((a) => a.short === short) : undefined;
}

/** People's name for an ELF machine: "x86-64", "AArch64", "32-bit ARM"… */
export function machineName(machine: number, cls?: ElfClass, byteOrder?: ByteOrder): string {
  switch (machine) {
    case EM.X86_64: return cls === 32 ? 'x32' : 'x86-64';
    case EM.AARCH64: return cls === 32 ? 'ILP32 AArch64' : 'AArch64';
    case EM.ARM: return '32-bit ARM';
    case EM.I386: return '32-bit x86';
    case EM.PPC64: return byteOrder === 'big' ? 'big-endian PowerPC64' : 'PowerPC64';
    case EM.PPC: return '32-bit PowerPC';
    case EM.S390: return cls === 32 ? '31-bit s390' : 's390x';
    case EM.RISCV: return cls === 32 ? 'RISC-V 32' : 'RISC-V 64';
    case EM.MIPS: return 'MIPS';
    default: return `e_machine ${machine}`;
  }
}

/** "x86-64", "32-bit ARM", "big-endian AArch64"… */
export function describeElf(elf: ElfInfo): string {
  const name = machineName(elf.machine, elf.class, elf.byteOrder);
  const usual = ARCHES.find((a) => a.machine === elf.machine);
  return usual && usual.byteOrder !== elf.byteOrder && !name.startsWith('big-endian') ? `${elf.byteOrder}-endian ${name}` : name;
}

export function matchesArch(elf: ElfInfo, arch: ArchSpec): boolean {
  return elf.class === arch.class && elf.byteOrder === arch.byteOrder && elf.machine === arch.machine;
}

/** The platform whose binaries look like this ELF, if it is one of the known ones. */
export function archOfElf(elf: ElfInfo): ArchSpec | undefined {
  return ARCHES.find((a) => matchesArch(elf, a));
}

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

const PT_INTERP = 3;

/**
 * Parse the ELF header and the PT_INTERP program header from the first bytes of a file.
 * Undefined when it is not an ELF file or the 52/64-byte header itself is cut short.
 */
export function parseElf(input: Uint8Array): ElfInfo | undefined {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isElf(buf) || buf.length < 52) return undefined;
  const cls = buf[4] === 1 ? 32 : buf[4] === 2 ? 64 : undefined;
  const byteOrder = buf[5] === 1 ? 'little' : buf[5] === 2 ? 'big' : undefined;
  if (!cls || !byteOrder) return undefined;
  if (cls === 64 && buf.length < 64) return undefined;
  const le = byteOrder === 'little';
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const u64 = (o: number) => {
    const v = le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  };
  const info: ElfInfo = { class: cls, byteOrder, type: u16(16), machine: u16(18), incomplete: false };

  const phoff = cls === 64 ? u64(32) : u32(28);
  const phentsize = u16(cls === 64 ? 54 : 42);
  const phnum = u16(cls === 64 ? 56 : 44);
  const minEnt = cls === 64 ? 56 : 32;
  if (phnum === 0 || phoff === 0) return info;
  if (phentsize < minEnt || phnum === 0xffff) return info; // malformed or PN_XNUM: no claim about PT_INTERP
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + minEnt > buf.length) {
      info.incomplete = true;
      return info;
    }
    if (u32(at) !== PT_INTERP) continue;
    const offset = cls === 64 ? u64(at + 8) : u32(at + 4);
    const size = cls === 64 ? u64(at + 32) : u32(at + 16);
    if (size === 0 || size > 4096) return info;
    if (offset + size > buf.length) {
      info.incomplete = true;
      return info;
    }
    const raw = buf.subarray(offset, offset + size);
    const nul = raw.indexOf(0);
    const text = raw.subarray(0, nul >= 0 ? nul : raw.length).toString('latin1');
    if (text.length > 0) info.interpreter = text;
    return info;
  }
  return info;
}
