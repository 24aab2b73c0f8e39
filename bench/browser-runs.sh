#!/usr/bin/env bash
# The browser tests over and over under load, to count flaky failures (flake, 1 Dec 2026):
# each round runs test/web/browser.test.ts twice at once with BUSY busy loops (nice 5) beside
# them, and logs each run's exit status, GNU time (user, sys CPU seconds; wall), the load
# average at the round's start and end, and the names of failed tests. A failed run's output
# is kept as LOG.fail-ROUND-COPY.
#
#   bash bench/browser-runs.sh [ROUNDS=8] [LOG=/tmp/browser-runs.log] [BUSY=2]
#
# Build web/dist first (`npm run build:web`): both copies find it fresh.
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-8}
log=${2:-/tmp/browser-runs.log}
busy=${3:-2}
case "$rounds$busy" in *[!0-9]*) echo "browser-runs: ROUNDS and BUSY must be whole numbers: $rounds $busy" >&2; exit 2;; esac
tmp=$(mktemp -d)
: > "$log"
for r in $(seq 1 "$rounds"); do
  l0=$(cut -d' ' -f1 /proc/loadavg)
  loops=""
  for _ in $(seq 1 "$busy"); do
    nice -n 5 timeout 600 bash -c 'while :; do :; done' >/dev/null 2>&1 &
    loops="$loops $!"
  done
  runs=""
  for c in a b; do
    ( /usr/bin/time -f "%U %S %e" -o "$tmp/t-$c" node scripts/test.mjs test/web/browser.test.ts \
        > "$tmp/out-$c" 2>&1; echo $? > "$tmp/rc-$c" ) &
    runs="$runs $!"
  done
  wait $runs
  [ -n "$loops" ] && kill $loops 2>/dev/null
  for c in a b; do
    rc=$(cat "$tmp/rc-$c")
    fails=$(grep -E '^\s*not ok' "$tmp/out-$c" | sed 's/^ *//' | tr '\n' ' ')
    echo "round $r $c rc=$rc cpu_user_sys_wall=[$(tail -1 "$tmp/t-$c")] load_start=$l0 load_end=$(cut -d' ' -f1 /proc/loadavg) $fails" >> "$log"
    [ "$rc" != 0 ] && cp "$tmp/out-$c" "$log.fail-$r-$c"
  done
done
rm -rf "$tmp"
echo done >> "$log"
