# shellcheck shell=bash
# Shared by .ci/setup-engine.sh, .ci/build-bases.sh and .ci/github-bases.sh (sourced, not run).
# Expects the caller to define log() and die().

REGISTRY=127.0.0.1:5000
MANIFEST_LIST_ACCEPT='application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json'

# registry_has_list REPO [TAG]: the loopback registry serves REPO:TAG (default
# latest) as a manifest list that names both linux/amd64 and linux/arm64.
registry_has_list() {
  local out
  out=$(curl -fsS -m 5 -H "Accept: $MANIFEST_LIST_ACCEPT" \
    "http://$REGISTRY/v2/$1/manifests/${2:-latest}" 2>/dev/null) || return 1
  grep -q '"arm64"' <<<"$out" && grep -q '"amd64"' <<<"$out"
}

# push_manifest_list REPO: joins the pushed $REGISTRY/REPO:amd64 and :arm64
# into the manifest list $REGISTRY/REPO:latest (docker manifest works with
# engine 20.10 and the plain-HTTP loopback registry; buildx imagetools would
# need a builder with the registry configured as insecure).
push_manifest_list() {
  local image="$REGISTRY/$1"
  log "pushing manifest list $image:latest"
  docker manifest rm "$image:latest" >/dev/null 2>&1 || true
  docker manifest create --insecure "$image:latest" "$image:amd64" "$image:arm64" >/dev/null
  docker manifest annotate --variant v8 "$image:latest" "$image:arm64"
  docker manifest push --purge --insecure "$image:latest" >/dev/null
  registry_has_list "$1" || die "registry does not serve a manifest list for $image:latest"
}

debian_uri_and_keyring() {
  # Prints "URI<TAB>SIGNED-BY" of the machine's own Debian main source, read
  # at run time so no mirror host is ever written into the repository.
  local codename file
  # shellcheck disable=SC1091
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    awk -v want="$codename" '
      BEGIN { RS = ""; FS = "\n" }
      {
        uri = ""; suites = ""; key = ""; types = ""
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^[[:space:]]*#/) continue
          if (line ~ /^URIs:/)      { sub(/^URIs:[[:space:]]*/, "", line); split(line, u, /[[:space:]]+/); uri = u[1] }
          if (line ~ /^Suites:/)    { sub(/^Suites:/, "", line); suites = " " line " " }
          if (line ~ /^Signed-By:/) { sub(/^Signed-By:[[:space:]]*/, "", line); key = line }
          if (line ~ /^Types:/)     { types = line }
        }
        if (types ~ /(^|[[:space:]])deb([[:space:]]|$)/ && suites ~ ("[[:space:]]" want "[[:space:]]") && uri != "") {
          print uri "\t" key; exit
        }
      }' "$file" | grep . && return 0
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    awk -v want="$codename" '
      $1 == "deb" {
        key = ""; i = 2
        if ($2 ~ /^\[/) {
          for (; i <= NF; i++) {
            if ($i ~ /signed-by=/) { key = $i; sub(/.*signed-by=/, "", key); sub(/\]$/, "", key) }
            if ($i ~ /\]$/) { i++; break }
          }
        }
        if ($(i + 1) == want) { print $i "\t" key; exit }
      }' "$file" | grep . && return 0
  done
  return 1
}
