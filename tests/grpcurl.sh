#!/usr/bin/env bash
# Runs the real sitrep-server on a free port and checks it with grpcurl (which speaks server
# reflection v1alpha only, in 1.8.6): list, describe, Extract on the reference article, errors,
# Health/Check, and a clean exit on SIGTERM.
#
# Usage: tests/grpcurl.sh  (GRPCURL and SITREP_SERVER override the binaries; scripts/test.sh
# installs grpcurl into .tools/ and builds the server first.)
set -euo pipefail
cd "$(dirname "$0")/.."

GRPCURL=${GRPCURL:-grpcurl}
SERVER=${SITREP_SERVER:-${CARGO_TARGET_DIR:-target}/debug/sitrep-server}
ARTICLE=../shared/fixtures/ukraine-talks-2025-03-23.txt

fail() { echo "grpcurl.sh: FAIL: $*" >&2; exit 1; }
command -v "$GRPCURL" >/dev/null || fail "grpcurl not found (GRPCURL=$GRPCURL); run scripts/test.sh"
[ -x "$SERVER" ] || cargo build --quiet --bin sitrep-server
[ -f "$ARTICLE" ] || fail "$ARTICLE not found: ../shared must sit beside the repository"

log=$(mktemp)
RUST_LOG=info "$SERVER" --listen 127.0.0.1:0 --shutdown-grace 5s --log-format text 2>"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT

# The server logs the address it bound: wait for it (up to 30 s).
addr=
for _ in $(seq 300); do
  addr=$(sed -n 's/.*serving sitrep.v1.EventExtractor addr=\([0-9.:]*\).*/\1/p' "$log")
  [ -n "$addr" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "sitrep-server exited"; }
  sleep 0.1
done
[ -n "$addr" ] || { cat "$log" >&2; fail "sitrep-server did not start"; }
echo "sitrep-server on $addr"
call() { "$GRPCURL" -plaintext "$@"; }

echo "--- list"
services=$(call "$addr" list)
echo "$services"
for s in sitrep.v1.EventExtractor grpc.health.v1.Health grpc.reflection.v1.ServerReflection grpc.reflection.v1alpha.ServerReflection; do
  grep -qx "$s" <<<"$services" || fail "list lacks $s"
done

echo "--- describe sitrep.v1.EventExtractor"
described=$(call "$addr" describe sitrep.v1.EventExtractor)
for rpc in "rpc Extract (" "rpc ExtractStream ( stream" "rpc DescribeSchema ("; do
  grep -qF "$rpc" <<<"$described" || fail "describe lacks '$rpc'"
done
echo "ok"

echo "--- Extract $ARTICLE"
request=$(python3 - "$ARTICLE" <<'PY'
import json, re, sys
raw = open(sys.argv[1], encoding="utf-8").read()
m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s*", raw)
print(json.dumps({"article": {"id": "ukraine-talks-2025-03-23", "published_date": m.group(1), "text": raw[m.end():]}}))
PY
)
responses=$(call -d @ "$addr" sitrep.v1.EventExtractor/Extract <<<"$request")
python3 - "$responses" <<'PY' || fail "Extract answered wrongly"
import json, sys
text, decoder, pos, answers = sys.argv[1], json.JSONDecoder(), 0, []
while pos < len(text.rstrip()):
    obj, pos = decoder.raw_decode(text, pos)
    answers.append(obj)
    while pos < len(text) and text[pos].isspace():
        pos += 1
assert all(a["articleId"] == "ukraine-talks-2025-03-23" for a in answers), "every response names the article"
events = [a["event"] for a in answers[:-1]]
summary = answers[-1]["summary"]
assert summary.get("eventCount", 0) == len(events), (summary, len(events))
assert summary["charCount"] > 0 and summary["engineVersion"], summary
starts = [e["trigger"].get("start", 0) for e in events]
assert starts == sorted(starts), starts
print(f"ok: {len(events)} events, then the summary {json.dumps(summary)}")
PY

echo "--- Extract with a bad date"
if out=$(call -d '{"article": {"id": "x", "text": "Talks.", "published_date": "2025-02-30"}}' "$addr" sitrep.v1.EventExtractor/Extract 2>&1); then
  fail "a bad date was accepted"
fi
grep -q 'InvalidArgument' <<<"$out" && grep -qF 'article.published_date "2025-02-30" is not a calendar date' <<<"$out" \
  || fail "unexpected error: $out"
echo "ok"

echo "--- grpc.health.v1.Health/Check"
health=$(call "$addr" grpc.health.v1.Health/Check)
echo "$health"
grep -q '"status": "SERVING"' <<<"$health" || fail "not SERVING"
health=$(call -d '{"service": "sitrep.v1.EventExtractor"}' "$addr" grpc.health.v1.Health/Check)
grep -q '"status": "SERVING"' <<<"$health" || fail "sitrep.v1.EventExtractor not SERVING"

echo "--- SIGTERM"
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
[ "$status" -eq 0 ] || { cat "$log" >&2; fail "sitrep-server exited with $status after SIGTERM"; }
echo "ok: exited 0"
echo "grpcurl.sh: all checks passed"
