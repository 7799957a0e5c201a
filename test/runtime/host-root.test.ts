// The mount table that decides whether a running container's files may be read from the host
// (host-root.ts); the reads themselves are tested on a real engine in smoke.test.ts.
import { describe, expect, it } from 'vitest';
import { isIdentityIdMap, parseMountinfo } from '../../src/runtime/host-root.js';

// Lines of /proc/<pid>/mountinfo of a probe-like container (`--read-only --tmpfs /tmp`, a bind
// mount with a space in its path), as this machine's kernel wrote them.
const MOUNTINFO = `78 53 0:40 / / ro,relatime master:2 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/HUN5:/var/lib/docker/overlay2/l/NJB6,upperdir=/var/lib/docker/overlay2/482a/diff,workdir=/var/lib/docker/overlay2/482a/work
79 78 0:43 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
80 78 0:44 / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755
95 78 0:49 / /tmp rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw
96 78 254:0 /tmp/tr /mnt/with\\040space ro,relatime - ext4 /dev/vda rw,discard
99 78 254:0 /var/lib/docker/containers/8cf9/hosts /etc/hosts ro,relatime - ext4 /dev/vda rw,discard
`;

describe('parseMountinfo', () => {
  it('gives each mount point, octal escapes undone, with its per-mount options (not the superblock\'s)', () => {
    const mounts = parseMountinfo(MOUNTINFO);
    expect(mounts.map((m) => m.point)).toEqual(['/', '/proc', '/dev', '/tmp', '/mnt/with space', '/etc/hosts']);
    // The overlay's superblock is rw; the root mount itself is read-only.
    expect(mounts[0]!.options).toContain('ro');
    expect(mounts[3]!.options).toContain('rw');
  });

  it('reads a writable root as writable', () => {
    const [root] = parseMountinfo('78 53 0:40 / / rw,relatime - overlay overlay rw,lowerdir=/a');
    expect(root).toEqual({ point: '/', options: ['rw', 'relatime'] });
  });
});

describe('isIdentityIdMap', () => {
  it('is true only for the initial user namespace, where the image\'s owners are the host\'s', () => {
    expect(isIdentityIdMap('         0          0 4294967295\n')).toBe(true);
    // userns-remap (dockremap's subordinate range) and rootless Docker shift every owner.
    expect(isIdentityIdMap('         0     100000      65536\n')).toBe(false);
    expect(isIdentityIdMap('         0       1000          1\n         1     100000      65536\n')).toBe(false);
  });
});
