#!/usr/bin/env bash
# The service figures of docs/performance.md: sitrep-bench starts sitrep-server pinned to CPU 0
# and runs itself on CPU 1. Needs 2 CPUs, taskset, and ../shared/eval/dev beside the repository.
#
#   scripts/bench-service.sh              # five runs of DURATION seconds (default 15)
#   LONG=1 scripts/bench-service.sh       # and a 5-minute run that prints the server's RSS
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --bin sitrep-server --bin sitrep-bench
bench="$target/release/sitrep-bench"
duration="${DURATION:-15}"

run() {
    echo "## $* ($(uptime | sed 's/.*load/load/'))"
    taskset -c 1 "$bench" --server-cpus 0 --warmup 3 --duration "$duration" "$@"
    echo
}

run --connections 4 --in-flight 16                       # 500 B, 64 in flight, Extract
run --connections 4 --in-flight 16 --mode stream         # 500 B, 64 in flight, ExtractStream
run --connections 1 --in-flight 1                        # 500 B, one call at a time
run --connections 1 --in-flight 1 --mode stream          # the same over one stream
run --connections 1 --in-flight 1 --article-bytes 100000 # 100 KB, time to first event
if [ "${LONG:-0}" = 1 ]; then
    duration=300
    run --connections 4 --in-flight 16 --rss-every 30    # memory over 5 minutes
fi
