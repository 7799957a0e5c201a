#!/usr/bin/env bash
# Prepare a Docker engine for entrypoint-guard's integration tests on a
# Debian 12 (bookworm) machine, as root, without Docker Hub:
#   - Debian's docker.io (engine 20.10) + docker-buildx from trixie
#   - qemu-user-static + binfmt_misc for linux/arm64 emulation
#   - Debian's docker-registry on 127.0.0.1:5000
#   - a multi-arch base image 127.0.0.1:5000/eg-busybox:latest (amd64+arm64),
#     built from busybox-static, also tagged locally eg-busybox:{amd64,arm64}
#   - multi-arch Debian bookworm bases with real runtimes (eg-debian, eg-node,
#     eg-python, eg-web), built by .ci/build-bases.sh
# Idempotent: when everything already answers, it exits 0 in well under a
# second. See .ci/README.md.
#
# Environment knobs (all optional):
#   EG_STORAGE_DRIVER   dockerd storage drivers to try in order, space
#                       separated; "auto" = dockerd's own choice
#                       (default: "auto vfs")
#   EG_STATE_DIR        where busybox binaries/registry config live
#                       (default /var/lib/eg-ci)
#   EG_DOCKERD_TIMEOUT  seconds to wait for dockerd (default 60)
#   EG_FORCE_REBUILD=1  rebuild and re-push the base images (busybox and
#                       the Debian bases of build-bases.sh)
#   EG_SKIP_BASES=1     do not build the Debian bases (build-bases.sh)
set -Eeuo pipefail

CI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$CI_DIR/lib.sh"
REPO=eg-busybox
IMAGE="$REGISTRY/$REPO"
STATE_DIR=${EG_STATE_DIR:-/var/lib/eg-ci}
REGISTRY_DATA=/var/lib/docker-registry
DOCKERD_LOG=/var/log/dockerd.log
REGISTRY_LOG=/var/log/eg-registry.log
DOCKERD_TIMEOUT=${EG_DOCKERD_TIMEOUT:-60}
PLATFORMS=(amd64 arm64)
APT_PACKAGES=(docker.io qemu-user-static binfmt-support busybox-static docker-registry shellcheck curl pre-commit)
TRIXIE_SOURCES=/etc/apt/sources.list.d/eg-trixie.sources
TRIXIE_PIN=/etc/apt/preferences.d/eg-trixie
export DEBIAN_FRONTEND=noninteractive

START=$(date +%s)
log() { printf '[setup-engine +%ss] %s\n' "$(($(date +%s) - START))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR

[ "$(id -u)" = 0 ] || die "must run as root"

# ---------------------------------------------------------------- checks ---
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
docker_ok() { timeout 15 docker info >/dev/null 2>&1; }
buildx_ok() { timeout 15 docker buildx version >/dev/null 2>&1; }
registry_ok() { curl -fsS -m 5 -o /dev/null "http://$REGISTRY/v2/" 2>/dev/null; }
binfmt_ok() { [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && grep -qx enabled /proc/sys/fs/binfmt_misc/qemu-aarch64; }
local_images_ok() {
  local a
  for a in "${PLATFORMS[@]}"; do
    [ "$(docker image inspect -f '{{.Architecture}}' "$REPO:$a" 2>/dev/null)" = "$a" ] || return 1
  done
}
images_ok() { registry_has_list "$REPO" && local_images_ok; }
bases_wanted() { [ "${EG_SKIP_BASES:-0}" != 1 ]; }
bases_ok() { ! bases_wanted || bash "$CI_DIR/build-bases.sh" --check; }

# Fast path: everything is up already.
if [ "${EG_FORCE_REBUILD:-0}" != 1 ] && docker_ok && buildx_ok && registry_ok && binfmt_ok && images_ok && bases_ok; then
  log "engine, buildx, binfmt, registry and base images already in place"
  exit 0
fi

# -------------------------------------------------------------- packages ---
APT_SOURCES_CHANGED=0
ensure_apt_sources() {
  local line uri key arch
  arch=$(dpkg --print-architecture)
  if [ ! -f "$TRIXIE_SOURCES" ]; then
    line=$(debian_uri_and_keyring) || die "cannot find this machine's Debian apt source"
    uri=${line%%$'\t'*}
    key=${line#*$'\t'}
    [ -n "$key" ] || key=/usr/share/keyrings/debian-archive-keyring.gpg
    log "adding trixie apt source (same URI as the machine's Debian source), pinned at 100"
    {
      echo "# Added by entrypoint-guard .ci/setup-engine.sh for docker-buildx only."
      echo "Types: deb"
      echo "URIs: $uri"
      echo "Suites: trixie"
      echo "Components: main"
      echo "Architectures: $arch"
      echo "Signed-By: $key"
    } >"$TRIXIE_SOURCES"
    APT_SOURCES_CHANGED=1
  fi
  if [ ! -f "$TRIXIE_PIN" ]; then
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' >"$TRIXIE_PIN"
    APT_SOURCES_CHANGED=1
  fi
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    log "dpkg --add-architecture arm64"
    dpkg --add-architecture arm64
    APT_SOURCES_CHANGED=1
  fi
}

buildx_plugin_present() {
  [ -x /usr/libexec/docker/cli-plugins/docker-buildx ] || [ -x /usr/lib/docker/cli-plugins/docker-buildx ]
}

ensure_packages() {
  local missing=() p need_update=0 own_policy=0
  for p in "${APT_PACKAGES[@]}"; do have_pkg "$p" || missing+=("$p"); done
  have_pkg docker-buildx || missing+=("docker-buildx/trixie")
  [ -x "$STATE_DIR/busybox-arm64" ] || need_update=1
  ensure_apt_sources
  [ "$APT_SOURCES_CHANGED" = 0 ] || need_update=1
  if [ ${#missing[@]} -eq 0 ] && [ $need_update = 0 ]; then
    log "packages already installed"
    return 0
  fi
  if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
    log "apt-get update"
    apt-get update -q >/tmp/eg-apt-update.log 2>&1 || { cat /tmp/eg-apt-update.log >&2; die "apt-get update failed"; }
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    # Keep package maintainer scripts from starting dockerd/registry through
    # init scripts; this script starts both itself with its own settings.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
      chmod 755 /usr/sbin/policy-rc.d
      own_policy=1
    fi
    log "apt-get install ${missing[*]}"
    if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/eg-apt-install.log 2>&1; then
      [ $own_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
      tail -40 /tmp/eg-apt-install.log >&2
      die "apt-get install failed"
    fi
    [ $own_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  fi
  buildx_plugin_present || die "docker-buildx installed but no plugin in /usr/libexec/docker/cli-plugins or /usr/lib/docker/cli-plugins"
}

# ---------------------------------------------------------------- binfmt ---
ensure_binfmt() {
  if ! mountpoint -q /proc/sys/fs/binfmt_misc; then
    log "mounting binfmt_misc"
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  fi
  if ! binfmt_ok; then
    log "update-binfmts --enable"
    update-binfmts --enable >/dev/null 2>&1 || update-binfmts --enable qemu-aarch64
  fi
  binfmt_ok || die "qemu-aarch64 binfmt handler is not enabled"
}

# --------------------------------------------------------------- busybox ---
ensure_busybox() {
  local tmp
  mkdir -p "$STATE_DIR"
  if [ ! -x "$STATE_DIR/busybox-amd64" ] || ! cmp -s /bin/busybox "$STATE_DIR/busybox-amd64"; then
    install -m 755 /bin/busybox "$STATE_DIR/busybox-amd64"
  fi
  if [ ! -x "$STATE_DIR/busybox-arm64" ]; then
    log "apt-get download busybox-static:arm64"
    tmp=$(mktemp -d)
    chown _apt "$tmp" 2>/dev/null || true
    (cd "$tmp" && apt-get download -q busybox-static:arm64 >/dev/null 2>&1) ||
      (cd "$tmp" && apt-get download busybox-static:arm64) || die "apt-get download busybox-static:arm64 failed"
    dpkg-deb -x "$tmp"/busybox-static_*_arm64.deb "$tmp/x"
    install -m 755 "$tmp/x/bin/busybox" "$STATE_DIR/busybox-arm64"
    rm -rf "$tmp"
  fi
  # Runs through qemu-aarch64 via binfmt_misc: proves emulation works.
  "$STATE_DIR/busybox-arm64" true || die "arm64 busybox does not run: binfmt/qemu emulation is broken"
  [ "$("$STATE_DIR/busybox-arm64" uname -m)" = aarch64 ] || die "arm64 busybox did not report aarch64"
}

# --------------------------------------------------------------- dockerd ---
dockerd_pids() { pgrep -x dockerd || true; }

stop_our_dockerd() {
  local pid _
  for pid in $(dockerd_pids); do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 30); do
    [ -z "$(dockerd_pids)" ] && break
    sleep 1
  done
  for pid in $(dockerd_pids); do kill -9 "$pid" 2>/dev/null || true; done
  sleep 1
}

clear_stale_pidfiles() {
  local f pid
  for f in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f" 2>/dev/null || true)
    # /run is not a tmpfs here: after a hard stop the pid file survives and
    # its pid may since belong to an unrelated process.
    case "$(cat "/proc/$pid/comm" 2>/dev/null || true)" in
      dockerd | containerd) ;;
      *) rm -f "$f" ;;
    esac
  done
}

# start_dockerd EXTRA-ARGS...: returns 0 once `docker info` answers.
start_dockerd() {
  local _
  clear_stale_pidfiles
  log "starting dockerd $* (log: $DOCKERD_LOG)"
  echo "=== $(date -u +%FT%TZ) setup-engine.sh: dockerd $*" >>"$DOCKERD_LOG"
  setsid nohup dockerd "$@" >>"$DOCKERD_LOG" 2>&1 </dev/null &
  for _ in $(seq 1 "$DOCKERD_TIMEOUT"); do
    docker_ok && return 0
    [ -n "$(dockerd_pids)" ] || break # died
    sleep 1
  done
  log "dockerd $* did not come up; last errors in $DOCKERD_LOG:"
  grep -E 'level=(error|fatal)|^failed' "$DOCKERD_LOG" | tail -5 >&2 || true
  stop_our_dockerd
  return 1
}

# Import a one-file image and run it: exercises the storage driver, runc and
# the default bridge network.
engine_smoke() {
  local out
  out=$(tar -C "$STATE_DIR" --transform 's,^busybox-amd64$,busybox,' -cf - busybox-amd64 |
    docker import - eg-smoke:tmp 2>&1) || { echo "docker import: $out" >&2; return 1; }
  out=$(timeout 60 docker run --rm eg-smoke:tmp /busybox echo ok 2>&1) || { echo "$out" >&2; docker rmi -f eg-smoke:tmp >/dev/null 2>&1; return 1; }
  docker rmi -f eg-smoke:tmp >/dev/null 2>&1 || true
  [ "$out" = ok ]
}

# BuildKit's cache (/var/lib/docker/buildkit) is shared by all storage
# drivers but points at layers of the driver that made it: after a switch
# (e.g. overlay2 -> vfs) builds fail with "layer does not exist" until it
# is pruned.
note_storage_driver() {
  local now before=""
  now=$(docker info -f '{{.Driver}}')
  [ -f "$STATE_DIR/storage-driver" ] && before=$(cat "$STATE_DIR/storage-driver")
  if [ -n "$before" ] && [ "$before" != "$now" ]; then
    log "storage driver changed ($before -> $now): pruning the BuildKit cache"
    docker builder prune -af >/dev/null
  fi
  echo "$now" >"$STATE_DIR/storage-driver"
}

ensure_dockerd() {
  if docker_ok; then
    log "dockerd already answers ($(docker info -f '{{.ServerVersion}}, storage {{.Driver}}' 2>/dev/null))"
    return 0
  fi
  [ -z "$(dockerd_pids)" ] || { log "a dockerd is running but does not answer; restarting it"; stop_our_dockerd; }
  # "auto" = dockerd's own choice (overlay2 on ext4 here); vfs always works
  # but is slow and disk-hungry, so it is only the fallback.
  local d flag
  for d in ${EG_STORAGE_DRIVER:-auto vfs}; do
    flag=()
    [ "$d" = auto ] || flag=("--storage-driver=$d")
    if start_dockerd "${flag[@]}"; then
      if engine_smoke; then
        log "dockerd up: $(docker info -f '{{.ServerVersion}}, storage {{.Driver}}, cgroup v{{.CgroupVersion}}')"
        note_storage_driver
        return 0
      fi
      log "dockerd started (storage: $d) but could not run a container; trying the next setting"
      stop_our_dockerd
    fi
  done
  die "could not start a working dockerd (see $DOCKERD_LOG)"
}

# -------------------------------------------------------------- registry ---
ensure_registry() {
  local cfg="$STATE_DIR/registry.yml" _
  if registry_ok; then
    log "registry already answers on $REGISTRY"
    return 0
  fi
  mkdir -p "$STATE_DIR" "$REGISTRY_DATA"
  cat >"$cfg" <<EOF
# Written by entrypoint-guard .ci/setup-engine.sh (no auth, loopback only).
version: 0.1
log:
  level: warn
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: $REGISTRY_DATA
  delete:
    enabled: true
http:
  addr: $REGISTRY
  headers:
    X-Content-Type-Options: [nosniff]
EOF
  log "starting docker-registry on $REGISTRY (log: $REGISTRY_LOG)"
  setsid nohup docker-registry serve "$cfg" >>"$REGISTRY_LOG" 2>&1 </dev/null &
  for _ in $(seq 1 30); do
    registry_ok && return 0
    sleep 0.5
  done
  tail -15 "$REGISTRY_LOG" >&2
  die "registry did not answer on $REGISTRY"
}

# ---------------------------------------------------------------- images ---
build_base_images() {
  local ctx a
  ctx=$(mktemp -d)
  cp "$STATE_DIR/busybox-amd64" "$STATE_DIR/busybox-arm64" "$ctx/"
  cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
ARG TARGETARCH
COPY busybox-${TARGETARCH} /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /tmp /root /etc /usr/bin /usr/sbin /sbin /var /home && chmod 1777 /tmp && \
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > /etc/passwd && \
    printf 'root:x:0:\nnogroup:x:65534:\n' > /etc/group
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["sh"]
EOF
  for a in "${PLATFORMS[@]}"; do
    log "building $REPO:$a (buildx, docker driver, --platform linux/$a --load)"
    docker buildx build -q --platform "linux/$a" --load -t "$REPO:$a" -t "$IMAGE:$a" "$ctx" >/dev/null
    [ "$(docker run --rm --platform "linux/$a" "$REPO:$a" uname -m)" = "$( [ "$a" = arm64 ] && echo aarch64 || echo x86_64)" ] ||
      die "$REPO:$a does not run as linux/$a"
    docker push -q "$IMAGE:$a" >/dev/null
  done
  rm -rf "$ctx"
  push_manifest_list "$REPO"
}

ensure_images() {
  local a
  if [ "${EG_FORCE_REBUILD:-0}" != 1 ] && registry_has_list "$REPO" && local_images_ok; then
    log "base images already present"
    return 0
  fi
  if [ "${EG_FORCE_REBUILD:-0}" != 1 ] && registry_has_list "$REPO"; then
    # Registry data survived (e.g. a new session on the same machine) but
    # the local tags did not: pull each platform and tag it.
    for a in "${PLATFORMS[@]}"; do
      if docker pull -q --platform "linux/$a" "$IMAGE:$a" >/dev/null 2>&1; then
        docker tag "$IMAGE:$a" "$REPO:$a"
      fi
    done
    local_images_ok && { log "base images restored from the registry"; return 0; }
  fi
  build_base_images
}

# ---------------------------------------------------------------- verify ---
verify() {
  local ctx a want got
  ctx=$(mktemp -d)
  printf 'FROM %s:latest\nRUN uname -m > /arch\nCMD ["cat", "/arch"]\n' "$IMAGE" >"$ctx/Dockerfile"
  for a in "${PLATFORMS[@]}"; do
    want=x86_64
    [ "$a" = arm64 ] && want=aarch64
    docker buildx build -q --platform "linux/$a" --load -t "eg-verify:$a" "$ctx" >/dev/null ||
      die "buildx build FROM $IMAGE:latest for linux/$a failed"
    got=$(docker run --rm --platform "linux/$a" "eg-verify:$a")
    [ "$got" = "$want" ] || die "linux/$a build ran uname -m = '$got', wanted $want"
    got=$(docker run --rm --platform "linux/$a" "eg-verify:$a" uname -m)
    [ "$got" = "$want" ] || die "linux/$a image run: uname -m = '$got', wanted $want"
    docker rmi -f "eg-verify:$a" >/dev/null
  done
  rm -rf "$ctx"
  log "verified: buildx FROM $IMAGE:latest builds and runs for ${PLATFORMS[*]/#/linux/}"
}

summary() {
  echo "---- setup-engine summary ($(($(date +%s) - START))s) ----"
  echo "docker client : $(command -v docker) $(docker version -f '{{.Client.Version}} (API {{.Client.APIVersion}})' 2>/dev/null)"
  echo "docker engine : $(docker version -f '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null), storage $(docker info -f '{{.Driver}}' 2>/dev/null)"
  echo "buildx        : $(docker buildx version 2>/dev/null)"
  echo "containerd    : $(containerd --version 2>/dev/null | awk '{print $3}')  runc: $(runc --version 2>/dev/null | awk 'NR==1{print $3}')"
  echo "qemu-aarch64  : $(/usr/bin/qemu-aarch64-static --version 2>/dev/null | head -1)"
  echo "busybox       : $("$STATE_DIR/busybox-amd64" 2>&1 | head -1 | awk '{print $2}') (amd64, arm64 from busybox-static:arm64)"
  echo "registry      : http://$REGISTRY ($(docker-registry --version 2>/dev/null | awk '{print $NF}'))"
  echo "base image    : $IMAGE:latest (linux/amd64, linux/arm64); local $REPO:amd64, $REPO:arm64"
  bases_wanted && echo "debian bases  : $REGISTRY/{eg-debian,eg-node,eg-python,eg-web}:latest (linux/amd64, linux/arm64); local eg-*:{amd64,arm64}"
  echo "logs          : $DOCKERD_LOG $REGISTRY_LOG"
}

ensure_packages
ensure_binfmt
ensure_busybox
ensure_dockerd
buildx_ok || die "docker buildx version fails with $(command -v docker)"
ensure_registry
ensure_images
verify
if bases_wanted; then bash "$CI_DIR/build-bases.sh"; else log "EG_SKIP_BASES=1: not building the Debian bases"; fi
summary
