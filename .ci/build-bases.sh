#!/usr/bin/env bash
# Build small multi-arch (linux/amd64 + linux/arm64) Debian bookworm bases
# with real runtimes for entrypoint-guard's runtime tests, from Debian's own
# archive (the machine's apt source, read at run time):
#   eg-debian  dash as /bin/sh, bash, coreutils, grep, sed, findutils, tini, gosu
#   eg-node    eg-debian + Debian's nodejs and npm
#   eg-python  eg-debian + Debian's python3 and gunicorn
#   eg-web     eg-debian + Debian's nginx-light and php8.2-fpm (daemons whose
#              graceful stop signal is SIGQUIT)
# Each is pushed as the manifest list 127.0.0.1:5000/eg-<name>:latest, with
# 127.0.0.1:5000/eg-<name>:{amd64,arm64} and local tags eg-<name>:{amd64,arm64}.
#
# Nothing runs a maintainer script: apt resolves and downloads the packages,
# dpkg-deb unpacks them into a merged-/usr tree natively for both
# architectures, and fixup_rootfs does what the scripts would have done that
# matters for a container (passwd/group, alternatives, base-files defaults,
# ld.so.cache, Python byte code). That keeps the arm64 side out of QEMU: a full
# mmdebstrap with maintainer scripts took 26 minutes for the three bases on
# two cores. See .ci/README.md.
#
# Usage: build-bases.sh [--check]
#   --check   exit 0 when all bases are in place (registry lists and local
#             per-arch tags built by this version of the script), 1 otherwise
# Environment: EG_STATE_DIR (default /var/lib/eg-ci), EG_FORCE_REBUILD=1 or
# EG_FORCE_REBUILD_BASES=1 to rebuild.
set -Eeuo pipefail

CI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$CI_DIR/lib.sh"

STATE_DIR=${EG_STATE_DIR:-/var/lib/eg-ci}
WORK=$STATE_DIR/bases
SUITE=bookworm
PLATFORMS=(amd64 arm64)
BASES=(eg-debian eg-node eg-python eg-web)
COMMON_PACKAGES=(base-files base-passwd libc-bin dash bash coreutils grep sed findutils tini gosu)
# php8.2-fpm depends on systemd | systemd-tmpfiles: the standalone tmpfiles keeps systemd out.
declare -A EXTRA_PACKAGES=([eg-debian]="" [eg-node]="nodejs npm" [eg-python]="python3 gunicorn" [eg-web]="nginx-light php8.2-fpm systemd-standalone-tmpfiles")
IMAGE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
RECIPE_LABEL=org.entrypoint-guard.base-recipe
# Images carry a hash of this script without its comment lines: a changed
# recipe rebuilds them, a reworded comment does not.
RECIPE=$(grep -v '^[[:space:]]*#' "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)
FORCE=0
if [ "${EG_FORCE_REBUILD:-0}" = 1 ] || [ "${EG_FORCE_REBUILD_BASES:-0}" = 1 ]; then FORCE=1; fi

START=$(date +%s)
log() { printf '[build-bases +%ss] %s\n' "$(($(date +%s) - START))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- checks ---
local_bases_ok() {
  # One docker call for all six tags: arch and recipe of each.
  local refs=() want="" b a
  for b in "${BASES[@]}"; do
    for a in "${PLATFORMS[@]}"; do
      refs+=("$b:$a")
      want+="$a $RECIPE"$'\n'
    done
  done
  [ "$(docker image inspect -f "{{.Architecture}} {{index .Config.Labels \"$RECIPE_LABEL\"}}" "${refs[@]}" 2>/dev/null)"$'\n' = "$want" ]
}
registry_bases_ok() {
  local b
  for b in "${BASES[@]}"; do registry_has_list "$b" || return 1; done
}
bases_ok() { registry_bases_ok && local_bases_ok; }

if [ "${1:-}" = --check ]; then
  [ $FORCE = 0 ] && bases_ok
  exit
fi
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR
[ "$(id -u)" = 0 ] || die "must run as root"

if [ $FORCE = 0 ] && bases_ok; then
  log "Debian bases already present"
  exit 0
fi
if [ $FORCE = 0 ] && registry_bases_ok; then
  # Registry data survived (a new session on the same machine) but the local
  # tags did not: pull each platform and tag it; rebuild if the recipe changed.
  for b in "${BASES[@]}"; do
    for a in "${PLATFORMS[@]}"; do
      docker pull -q --platform "linux/$a" "$REGISTRY/$b:$a" >/dev/null 2>&1 && docker tag "$REGISTRY/$b:$a" "$b:$a"
    done
  done
  local_bases_ok && { log "Debian bases restored from the registry"; exit 0; }
fi

# ------------------------------------------------------------------- apt ---
APT_DIR=$WORK/apt
# apt with its own sources, lists, cache and an empty dpkg status: resolves
# each base's full dependency closure for either architecture.
apt_for() {
  local arch=$1
  shift
  apt-get -q \
    -o Dir::Etc::SourceList="$APT_DIR/sources.list" -o Dir::Etc::SourceParts="$APT_DIR/empty" \
    -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts="$APT_DIR/empty" \
    -o Dir::State="$APT_DIR/state" -o Dir::State::status="$APT_DIR/status" \
    -o Dir::Cache="$APT_DIR/cache" \
    -o Dir::Cache::pkgcache="$APT_DIR/pkgcache-$arch.bin" -o Dir::Cache::srcpkgcache="$APT_DIR/srcpkgcache-$arch.bin" \
    -o APT::Architecture="$arch" -o APT::Architectures="$arch" \
    -o APT::Install-Recommends=0 -o APT::Install-Suggests=0 \
    -o Acquire::Languages=none -o Debug::NoLocking=1 "$@"
}

apt_update() {
  local line uri key
  line=$(debian_uri_and_keyring) || die "cannot find this machine's Debian apt source"
  uri=${line%%$'\t'*}
  key=${line#*$'\t'}
  [ -n "$key" ] || key=/usr/share/keyrings/debian-archive-keyring.gpg
  mkdir -p "$APT_DIR/state/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/empty"
  : >"$APT_DIR/status"
  echo "deb [arch=$(
    IFS=,
    echo "${PLATFORMS[*]}"
  ) signed-by=$key] $uri $SUITE main" >"$APT_DIR/sources.list"
  rm -f "$APT_DIR"/*pkgcache-*.bin
  log "apt-get update ($SUITE main, ${PLATFORMS[*]}; the machine's Debian source)"
  apt_for "${PLATFORMS[0]}" -o APT::Architectures="$(
    IFS=,
    echo "${PLATFORMS[*]}"
  )" update >"$WORK/apt-update.log" 2>&1 || {
    tail -20 "$WORK/apt-update.log" >&2
    die "apt-get update failed"
  }
}

# resolve ARCH BASE: writes the .deb file names of BASE's closure, one a line.
resolve() {
  local arch=$1 base=$2 empty
  empty=$(mktemp -d)
  # With an empty archives dir --print-uris lists every package of the set.
  # shellcheck disable=SC2086
  apt_for "$arch" -o Dir::Cache::archives="$empty" -qq --print-uris install \
    "${COMMON_PACKAGES[@]}" ${EXTRA_PACKAGES[$base]} >"$WORK/$base-$arch.uris" 2>"$WORK/resolve.log" || {
    cat "$WORK/resolve.log" >&2
    die "apt cannot resolve $base for $arch"
  }
  rmdir "$empty"
  awk '{ print $2 }' "$WORK/$base-$arch.uris" | sort >"$WORK/$base-$arch.debs"
  [ -s "$WORK/$base-$arch.debs" ] || die "empty package set for $base/$arch"
}

download() {
  local arch=$1 b pkgs=("${COMMON_PACKAGES[@]}")
  # shellcheck disable=SC2206
  for b in "${BASES[@]}"; do pkgs+=(${EXTRA_PACKAGES[$b]}); done
  apt_for "$arch" -y --download-only install "${pkgs[@]}" >"$WORK/download-$arch.log" 2>&1 || {
    tail -20 "$WORK/download-$arch.log" >&2
    die "apt-get download for $arch failed"
  }
}

# ---------------------------------------------------------------- rootfs ---
# extract ROOT LIST: unpack the listed .debs natively (dpkg-deb + tar, two at a
# time); directories already turned into merged-/usr links stay links.
extract() {
  local root=$1 list=$2
  # shellcheck disable=SC2016 # expanded by the inner sh
  (cd "$APT_DIR/cache/archives" && xargs -a "$list" -n 25 -P 2 sh -c '
    for deb; do
      dpkg-deb --fsys-tarfile "$deb" | tar -C "$0" --keep-directory-symlink -xf - \
        --exclude=./usr/share/man --exclude=./usr/share/info --exclude=./usr/share/locale \
        --exclude=./usr/share/lintian --exclude=./usr/share/linda || exit 1
    done' "$root")
}

new_root() {
  local root=$1 arch=$2 d
  rm -rf "$root"
  mkdir -p "$root/usr" "$root/tmp"
  # merged /usr, as mmdebstrap's merged-usr hook lays it out
  for d in bin sbin lib $([ "$arch" = amd64 ] && echo lib32 lib64 libx32); do
    mkdir -p "$root/usr/$d"
    ln -s "usr/$d" "$root/$d"
  done
}

# scan_alternatives LIST: "link name path priority" of every
# `update-alternatives --install` in the postinst of the listed packages.
scan_alternatives() {
  # shellcheck disable=SC2016 # expanded by the inner sh
  (cd "$APT_DIR/cache/archives" && xargs -a "$1" -n 50 sh -c '
    for deb; do dpkg-deb --ctrl-tarfile "$deb" | tar -xOf - ./postinst 2>/dev/null; done; exit 0' _) |
    sed -n 's/^[[:space:]]*update-alternatives[[:space:]]\{1,\}--install[[:space:]]\{1,\}\(\/[^[:space:]]*\)[[:space:]]\{1,\}\([^[:space:]$]*\)[[:space:]]\{1,\}\(\/[^[:space:]]*\)[[:space:]]\{1,\}\([0-9]\{1,\}\).*/\1 \2 \3 \4/p'
}

# fixup_rootfs ROOT ALTERNATIVES: what the skipped maintainer scripts would
# have done that a container needs. ALTERNATIVES is scan_alternatives' output
# for all packages of the architecture; those whose target is not in ROOT
# belong to another base and are left out.
fixup_rootfs() {
  local root=$1 alternatives=$2 f link name path d
  # base-passwd: /etc/passwd and /etc/group from the masters
  cp -p "$root/usr/share/base-passwd/passwd.master" "$root/etc/passwd"
  cp -p "$root/usr/share/base-passwd/group.master" "$root/etc/group"
  # base-files: defaults, directories, /var/run -> /run
  [ -f "$root/etc/profile" ] || cp -p "$root/usr/share/base-files/profile" "$root/etc/profile"
  mkdir -p "$root/root" && chmod 700 "$root/root"
  cp -p "$root/usr/share/base-files/dot.profile" "$root/root/.profile"
  cp -p "$root/usr/share/base-files/dot.bashrc" "$root/root/.bashrc"
  for d in mnt srv opt media home etc/opt var/opt var/mail run/lock usr/local/bin usr/local/sbin usr/local/lib usr/local/share; do
    mkdir -p "$root/$d"
  done
  chmod 1777 "$root/tmp" "$root/run/lock"
  mkdir -p "$root/var/tmp" && chmod 1777 "$root/var/tmp"
  rm -rf "$root/var/run" "$root/var/lock"
  ln -s /run "$root/var/run"
  ln -s /run/lock "$root/var/lock"
  [ -e "$root/etc/dpkg/origins/debian" ] && ln -sfn debian "$root/etc/dpkg/origins/default"
  # libc-bin: nsswitch.conf; debianutils/add-shell: /etc/shells
  [ -f "$root/etc/nsswitch.conf" ] || cp -p "$root/usr/share/libc-bin/nsswitch.conf" "$root/etc/nsswitch.conf"
  printf '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/dash\n/usr/bin/dash\n/bin/bash\n/usr/bin/bash\n' >"$root/etc/shells"
  # update-alternatives --install: the highest priority of each name wins
  mkdir -p "$root/etc/alternatives"
  while read -r link name path _; do
    [ -e "$root$path" ] || continue
    ln -sfn "$path" "$root/etc/alternatives/$name"
    ln -sfn "/etc/alternatives/$name" "$root$link"
  done < <(sort -k2,2 -k4,4n "$alternatives")
  # docs: keep only the copyright files, like debian:bookworm-slim
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete 2>/dev/null || true
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  # ld.so.cache (for arm64 ldconfig runs through binfmt_misc + qemu)
  chroot "$root" /sbin/ldconfig
  # /bin/sh must be dash (dash ships the link; check it)
  [ "$(readlink "$root/bin/sh")" = dash ] || die "$root/bin/sh is not dash"
  for f in /etc/machine-id /var/cache/ldconfig/aux-cache; do rm -f "$root$f"; done
}

# dpkg_status ROOT LIST: /var/lib/dpkg/status with the listed packages as
# "install ok unpacked" (true: unpacked, never configured), so `dpkg -l`
# answers in the image.
dpkg_status() {
  local root=$1 list=$2
  mkdir -p "$root/var/lib/dpkg"
  # shellcheck disable=SC2016 # expanded by the inner sh
  (cd "$APT_DIR/cache/archives" && xargs -a "$list" -n 50 sh -c '
    for deb; do dpkg-deb -f "$deb" | sed "1a Status: install ok unpacked"; echo; done' _) >"$root/var/lib/dpkg/status"
}

# precompile_python ROOT ARCH: byte-compile the standard library and
# dist-packages, as py3compile in the python packages' postinst does. Byte
# code does not depend on the architecture and the sources are the same
# files (same mtimes) for both, so amd64's python compiles its tree natively
# and the other trees get a copy of its __pycache__ files (stale ones would
# only be recompiled at import; amd64-only modules are left out).
PY_DIRS=(usr/lib/python3.11 usr/lib/python3/dist-packages)
precompile_python() {
  local root=$1 arch=$2 native=$WORK/root-eg-python-amd64
  [ -x "$root/usr/bin/python3" ] || return 0
  if [ "$arch" = amd64 ]; then
    chroot "$root" /usr/bin/python3 -m compileall -q -j 1 "${PY_DIRS[@]/#//}" >/dev/null || true
  else
    (cd "$native" && find "${PY_DIRS[@]}" -name '*.pyc' ! -name '*x86_64*' -print0 | tar --null -T - -cf -) |
      tar -C "$root" --keep-directory-symlink -xf -
  fi
}

# load_image ROOT BASE ARCH: the tree as a one-layer image with the right
# platform. `docker import --platform` cannot do that with engine 20.10 (it
# keeps the host's architecture), so this writes what `docker save` would
# (manifest.json, the image config, the layer tar) and `docker load`s it.
load_image() {
  local root=$1 base=$2 arch=$3 dir diff created old variant=""
  old=$(docker image inspect -f '{{.Id}}' "$base:$arch" 2>/dev/null || true)
  dir=$WORK/image-$base-$arch
  rm -rf "$dir"
  mkdir -p "$dir"
  diff=$(tar -C "$root" --numeric-owner -cf - . | tee "$dir/layer.tar" | sha256sum | cut -d' ' -f1)
  created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  [ "$arch" = arm64 ] && variant='"variant":"v8",'
  cat >"$dir/config.json" <<EOF
{"architecture":"$arch",$variant"os":"linux","created":"$created",
 "config":{"Env":["PATH=$IMAGE_PATH"],"Cmd":["bash"],"Labels":{"$RECIPE_LABEL":"$RECIPE"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff"]},
 "history":[{"created":"$created","created_by":".ci/build-bases.sh: Debian $SUITE, $(wc -l <"$WORK/$base-$arch.debs") packages unpacked without maintainer scripts"}]}
EOF
  printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer.tar"]}]\n' "$REGISTRY/$base:$arch" >"$dir/manifest.json"
  tar -C "$dir" -cf - manifest.json config.json layer.tar | docker load -q >/dev/null
  rm -rf "$dir"
  docker tag "$REGISTRY/$base:$arch" "$base:$arch"
  # the image this one replaces (a rebuild), unless a container still uses it
  if [ -n "$old" ] && [ "$old" != "$(docker image inspect -f '{{.Id}}' "$base:$arch")" ]; then
    docker rmi "$old" >/dev/null 2>&1 || true
  fi
}

check_image() {
  local base=$1 arch=$2 want=x86_64 got
  [ "$arch" = arm64 ] && want=aarch64
  got=$(docker run --rm --platform "linux/$arch" --network none "$base:$arch" sh -c 'uname -m; readlink /bin/sh')
  [ "$got" = "$want"$'\n'dash ] || die "$base:$arch: uname -m + readlink /bin/sh gave '$got', wanted $want and dash"
}

# ------------------------------------------------------------------ main ---
mkdir -p "$WORK"
apt_update
for a in "${PLATFORMS[@]}"; do
  for b in "${BASES[@]}"; do resolve "$a" "$b"; done
  sort -u "$WORK"/eg-*-"$a".debs >"$WORK/all-$a.debs"
  log "downloading $(wc -l <"$WORK/all-$a.debs") packages for $a (shared arch:all files once)"
  download "$a"
done

for a in "${PLATFORMS[@]}"; do
  common=$WORK/root-eg-debian-$a
  log "unpacking eg-debian for $a ($(wc -l <"$WORK/eg-debian-$a.debs") packages)"
  new_root "$common" "$a"
  extract "$common" "$WORK/eg-debian-$a.debs"
  for b in "${BASES[@]}"; do
    root=$WORK/root-$b-$a
    if [ "$b" != eg-debian ]; then
      comm -13 "$WORK/eg-debian-$a.debs" "$WORK/$b-$a.debs" >"$WORK/$b-$a.extra"
      log "unpacking $b for $a (+$(wc -l <"$WORK/$b-$a.extra") packages)"
      rm -rf "$root"
      cp -a "$common" "$root"
      extract "$root" "$WORK/$b-$a.extra"
    fi
  done
  log "scanning maintainer scripts for alternatives ($a)"
  scan_alternatives "$WORK/all-$a.debs" >"$WORK/alternatives-$a"
  for b in "${BASES[@]}"; do
    root=$WORK/root-$b-$a
    log "fixing up $b for $a"
    fixup_rootfs "$root" "$WORK/alternatives-$a"
    dpkg_status "$root" "$WORK/$b-$a.debs"
    precompile_python "$root" "$a"
    log "loading $b:$a ($(du -sm "$root" | cut -f1) MB)"
    load_image "$root" "$b" "$a"
    check_image "$b" "$a"
    # the native python tree stays until the others have its byte code
    [ "$b-$a" = eg-python-amd64 ] || rm -rf "$root"
  done
done
rm -rf "$WORK"/root-* "$APT_DIR"/*pkgcache-*.bin

for b in "${BASES[@]}"; do
  # both platforms at once: each push compresses its layer on one core
  log "pushing $REGISTRY/$b:{$(IFS=,; echo "${PLATFORMS[*]}")}"
  pids=()
  for a in "${PLATFORMS[@]}"; do
    docker push -q "$REGISTRY/$b:$a" >/dev/null &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || die "docker push $REGISTRY/$b failed"; done
  push_manifest_list "$b"
done
bases_ok || die "the bases are not in place after building them"
log "Debian bases ready: ${BASES[*]} (linux/${PLATFORMS[*]// / + linux/})"
