#!/usr/bin/env bash
# The multi-arch test bases the tests build FROM, pushed to the registry on 127.0.0.1:5000,
# the same names and tags on every machine:
#   127.0.0.1:5000/eg-<base>:latest   manifest list linux/amd64 + linux/arm64
#   127.0.0.1:5000/eg-<base>:{amd64,arm64}, and local tags eg-<base>:{amd64,arm64}
# for <base> in busybox (FROM scratch + static busybox, as .ci/setup-engine.sh builds it),
# debian (bookworm-slim: dash and bash), node (+ nodejs, npm), python (+ python3, gunicorn).
#
# EG_BASE_SOURCE=hub (default; GitHub's runners, see .github/workflows/ci.yml): builds them
#   from Docker Hub's busybox and debian:bookworm-slim with the active buildx builder and
#   pushes them. The workflow provides the registry (`services: registry: image: registry:2`),
#   QEMU (docker/setup-qemu-action) and a builder that reaches the registry
#   (docker/setup-buildx-action with `driver-opts: network=host`).
# EG_BASE_SOURCE=local (this project's offline Debian CI, run by .ci/run): Docker Hub is not
#   reachable; it takes the local eg-<base>:{amd64,arm64} images that .ci/setup-engine.sh
#   (busybox) and .ci/build-bases.sh (the Debian bases) built, pushes them and joins them into
#   the manifest list. busybox must be there; a Debian base that is not is skipped, saying so.
#
# EG_BUSYBOX_IMAGE / EG_DEBIAN_IMAGE replace the Docker Hub images (.ci/run points the
# busybox one at the loopback registry to run the hub path here). Other knobs: EG_BASES
# (default "busybox debian node python"), EG_REGISTRY (default 127.0.0.1:5000),
# EG_BASE_NAMESPACE (default empty; "selfcheck/" puts everything under
# 127.0.0.1:5000/selfcheck/eg-<base> and local selfcheck/eg-<base>, so .ci/run can exercise
# this script without touching the images the tests use).
set -Eeuo pipefail

# The manifest-list push and check shared with setup-engine.sh (lib.sh's REGISTRY is replaced below).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SOURCE=${EG_BASE_SOURCE:-hub}
REGISTRY=${EG_REGISTRY:-127.0.0.1:5000}
NS=${EG_BASE_NAMESPACE:-}
read -r -a BASES <<<"${EG_BASES:-busybox debian node python}"
ARCHS=(amd64 arm64)
BUSYBOX_HUB_IMAGE=${EG_BUSYBOX_IMAGE:-busybox:1.37-musl} # static, multi-arch
DEBIAN_HUB_IMAGE=${EG_DEBIAN_IMAGE:-debian:bookworm-slim}

START=$(date +%s)
log() { printf '[github-bases +%ss] %s\n' "$(($(date +%s) - START))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR

case "$SOURCE" in hub | local) ;; *) die "EG_BASE_SOURCE must be hub or local, not '$SOURCE'" ;; esac
curl -fsS -m 10 -o /dev/null "http://$REGISTRY/v2/" || die "no registry answers on http://$REGISTRY/v2/"

uname_of() { [ "$1" = arm64 ] && echo aarch64 || echo x86_64; }

packages_of() {
  case "$1" in
    debian) echo "dash bash tini gosu" ;;
    node) echo "dash bash tini gosu nodejs npm" ;;
    python) echo "dash bash tini gosu python3 gunicorn" ;;
    *) die "unknown base '$1' (known: busybox debian node python)" ;;
  esac
}

# dockerfile_of BASE: the Dockerfile that builds BASE from Docker Hub images.
dockerfile_of() {
  if [ "$1" = busybox ]; then
    # The layout of .ci/setup-engine.sh's base, with Docker Hub's static busybox binary.
    cat <<DOCKERFILE
FROM $BUSYBOX_HUB_IMAGE AS busybox
FROM scratch
COPY --from=busybox /bin/busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /tmp /root /etc /usr/bin /usr/sbin /sbin /var /home && chmod 1777 /tmp && \\
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > /etc/passwd && \\
    printf 'root:x:0:\nnogroup:x:65534:\n' > /etc/group
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["sh"]
DOCKERFILE
  else
    cat <<DOCKERFILE
FROM $DEBIAN_HUB_IMAGE
RUN apt-get update && \\
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(packages_of "$1") && \\
    rm -rf /var/lib/apt/lists/*
CMD ["bash"]
DOCKERFILE
  fi
}

# Put REGISTRY/NSeg-BASE:ARCH in the registry for both arches; 1 = skipped.
push_arch_images() {
  local base=$1 a ctx
  local remote="$REGISTRY/${NS}eg-$base"
  if [ "$SOURCE" = hub ]; then
    ctx=$(mktemp -d)
    dockerfile_of "$base" >"$ctx/Dockerfile"
    for a in "${ARCHS[@]}"; do
      log "building $remote:$a from Docker Hub (linux/$a)"
      docker buildx build --quiet --platform "linux/$a" --provenance=false --push -t "$remote:$a" "$ctx" >/dev/null
    done
    rm -rf "$ctx"
    return 0
  fi
  for a in "${ARCHS[@]}"; do
    if ! docker image inspect "eg-$base:$a" >/dev/null 2>&1; then
      [ "$base" = busybox ] && die "local image eg-busybox:$a is missing: run .ci/setup-engine.sh first"
      log "skipping eg-$base: no local eg-$base:$a (built by .ci/build-bases.sh)"
      return 1
    fi
    [ "$(docker image inspect -f '{{.Architecture}}' "eg-$base:$a")" = "$a" ] || die "local eg-$base:$a is not a linux/$a image"
  done
  for a in "${ARCHS[@]}"; do
    log "pushing local eg-$base:$a as $remote:$a"
    docker tag "eg-$base:$a" "$remote:$a"
    docker push -q "$remote:$a" >/dev/null
  done
}

# Join the arch images into REGISTRY/NSeg-BASE:latest and tag them locally as NSeg-BASE:ARCH.
publish_base() {
  local base=$1 a got
  local remote="$REGISTRY/${NS}eg-$base"
  push_manifest_list "${NS}eg-$base"
  for a in "${ARCHS[@]}"; do
    if [ "$SOURCE" = hub ]; then
      docker pull -q --platform "linux/$a" "$remote:$a" >/dev/null
      docker tag "$remote:$a" "${NS}eg-$base:$a"
    elif [ -n "$NS" ]; then
      docker tag "eg-$base:$a" "${NS}eg-$base:$a"
    fi
    got=$(docker run --rm --network none --platform "linux/$a" "${NS}eg-$base:$a" uname -m)
    [ "$got" = "$(uname_of "$a")" ] || die "${NS}eg-$base:$a runs as '$got', wanted $(uname_of "$a")"
  done
}

done_bases=()
for base in "${BASES[@]}"; do
  if [ "$SOURCE" = hub ]; then dockerfile_of "$base" >/dev/null; fi
  if push_arch_images "$base"; then
    publish_base "$base"
    done_bases+=("${NS}eg-$base")
  fi
done
log "ready ($SOURCE): ${done_bases[*]/#/$REGISTRY/} (:latest = linux/amd64 + linux/arm64; local :amd64, :arm64)"
