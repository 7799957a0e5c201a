// Which family an image reference belongs to, from its name and tag alone.
import type { BaseFamily, BaseImage } from './types.js';

const PLAIN_OS = new Set([
  'alpine', 'debian', 'ubuntu', 'busybox', 'centos', 'fedora', 'rockylinux', 'almalinux',
  'oraclelinux', 'amazonlinux', 'archlinux', 'opensuse/leap', 'opensuse/tumbleweed', 'photon',
  'clearlinux', 'ubi8/ubi', 'ubi8/ubi-minimal', 'ubi9/ubi', 'ubi9/ubi-minimal', 'ubi8', 'ubi9',
  'chainguard/wolfi-base', 'chainguard/static', 'wolfi-base', 'distroless/static',
  'distroless/static-debian11', 'distroless/static-debian12', 'distroless/base',
  'distroless/base-debian11', 'distroless/base-debian12', 'distroless/base-nossl-debian12',
  'distroless/cc', 'distroless/cc-debian11', 'distroless/cc-debian12', 'buildpack-deps',
]);

const RHEL_NAMES = /^(centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|amazoncorretto|(redhat\/)?ubi\d*([-/].*)?|ubi\d+.*|rhel\d*.*|(centos|fedora|rockylinux|almalinux)\/(centos|fedora|rockylinux|almalinux))$/;
const DEBIAN_CODENAMES = /(^|[-_.])(bookworm|bullseye|buster|stretch|jessie|trixie|forky|sid|slim)([-_.]|$)/;
const UBUNTU_CODENAMES = /(^|[-_.])(noble|jammy|focal|bionic|xenial|oracular|plucky|questing)([-_.]|$)/;
// Official images whose default tags are Debian-based (the docker-library convention).
const DEBIAN_DEFAULT = new Set([
  'node', 'python', 'golang', 'ruby', 'php', 'perl', 'rust', 'openjdk', 'maven', 'gradle', 'nginx',
  'httpd', 'postgres', 'redis', 'elixir', 'erlang', 'haskell', 'julia', 'r-base', 'buildpack-deps',
  'memcached', 'ghost', 'wordpress', 'drupal', 'joomla', 'nextcloud', 'odoo', 'python-alpine',
  'pypy', 'clojure', 'swift', 'gcc', 'bash', 'rakudo-star', 'debian', 'django',
]);
const UBUNTU_DEFAULT = new Set(['ubuntu', 'eclipse-temurin', 'rabbitmq', 'mongo', 'mariadb', 'tomcat', 'ibmjava', 'sapmachine', 'mono', 'neo4j']);

/** Split `registry/path/name:tag@digest` and drop the registry and `library/`. */
export function splitImageRef(ref: string): { name: string; tag?: string } {
  let rest = ref.trim();
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const parts = rest.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift();
  let last = parts.pop() ?? '';
  let tag: string | undefined;
  const colon = last.indexOf(':');
  if (colon >= 0) {
    tag = last.slice(colon + 1);
    last = last.slice(0, colon);
  }
  parts.push(last);
  let name = parts.join('/').toLowerCase();
  if (name.startsWith('library/')) name = name.slice('library/'.length);
  return { name, tag: tag?.toLowerCase() };
}

export function classifyImage(ref: string): BaseImage {
  const { name, tag } = splitImageRef(ref);
  const t = tag ?? '';
  const last = name.split('/').pop() ?? name;
  const scratch = name === 'scratch';
  let family: BaseFamily = 'unknown';
  let debugVariant = false;

  if (scratch) family = 'scratch';
  else if (/(^|\/)(windows|servercore|nanoserver)(\/|$)/.test(name) || /windowsservercore|nanoserver|ltsc20\d\d/.test(t) || name.startsWith('windows/') || name.startsWith('powershell') && /windows|nanoserver/.test(t))
    family = 'windows';
  else if (name.startsWith('distroless/') || name.includes('/distroless/')) {
    family = 'distroless';
    debugVariant = /(^|-)debug(-|$)/.test(t);
  } else if (name.startsWith('chainguard/') || name === 'wolfi-base' || name.startsWith('wolfi/')) {
    family = 'wolfi';
    debugVariant = /(^|-)dev(-|$)/.test(t);
  } else if (last === 'alpine' || /(^|[-_.])alpine/.test(t) || /(^|[-_.])alpine([-_.]|$)/.test(last)) family = 'alpine';
  else if (last === 'busybox') family = 'busybox';
  else if (last === 'ubuntu' || UBUNTU_CODENAMES.test(t) || /(^|[-_.])ubuntu([-_.]|$)/.test(last)) family = 'ubuntu';
  // A RHEL-family name decides before a tag word like `slim` (`oraclelinux:9-slim`).
  else if (RHEL_NAMES.test(name)) family = 'rhel';
  else if (last === 'debian' || DEBIAN_CODENAMES.test(t) || /(^|[-_.])debian([-_.]|$)/.test(last)) family = 'debian';
  else if (/(^|[-_.])(ubi\d*|centos\d*|rockylinux|oraclelinux\d*|al2\d*|amazonlinux\d*|fedora)/.test(t)) family = 'rhel';
  else if (UBUNTU_DEFAULT.has(name)) family = 'ubuntu';
  else if (DEBIAN_DEFAULT.has(name)) family = 'debian';

  return {
    ref,
    name,
    tag,
    family,
    plainOs: scratch || PLAIN_OS.has(name),
    debugVariant,
    scratch,
  };
}

/** Families known to ship no shell at all (unless a debug variant). */
export function lacksShell(base: BaseImage): boolean {
  return (base.family === 'scratch' || base.family === 'distroless') && !base.debugVariant;
}

/** Families known to ship no bash. */
export function lacksBash(base: BaseImage): boolean {
  return lacksShell(base) || base.family === 'alpine' || base.family === 'busybox' ||
    (base.family === 'distroless' && base.debugVariant);
}

/**
 * Official images known to set no STOPSIGNAL of their own (the language runtimes), unlike nginx
 * (SIGQUIT), httpd (SIGWINCH), php-fpm (SIGQUIT) or postgres (SIGINT).
 */
const NO_STOPSIGNAL = new Set(['python', 'pypy', 'ruby', 'node', 'golang', 'perl', 'rust', 'openjdk', 'eclipse-temurin', 'elixir', 'erlang']);

/** The stop signal a container of this base gets when the Dockerfile sets none: SIGTERM where the base is known to set none, else undefined. */
export function inheritedStopSignal(base: BaseImage): string | undefined {
  return base.plainOs || base.scratch || NO_STOPSIGNAL.has(base.name) ? 'SIGTERM' : undefined;
}
