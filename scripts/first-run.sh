#!/usr/bin/env bash
# What a newcomer does, timed: a clean clone, `npm install`, then `npm start` until it serves the
# example archive (/api/health answers), then a second `npm start` (archive and web app reused).
# Prints wall time, the load average, and CPU time (GNU time for the install; /proc for npm start:
# npm + khabar + the web build khabar waited for). Everything happens in a temp dir, removed after.
#
#   bash scripts/first-run.sh [REPO]      REPO: what to clone (default: this checkout's repository)
#   PORT=18080 by default, so a server on 8080 does not get in the way.
set -euo pipefail
repo="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
port="${PORT:-18080}"
tmp="$(mktemp -d)"
npm_pid=""
# A process and all its descendants (npm runs the script through sh, which runs node).
tree() { echo "$1"; for c in $(pgrep -P "$1"); do tree "$c"; done; }
stop() {
  if [ -n "$npm_pid" ]; then
    for p in $(tree "$npm_pid" | tac); do kill "$p" 2>/dev/null || true; done
    wait "$npm_pid" 2>/dev/null || true
    npm_pid=""
  fi
}
trap 'stop; rm -rf "$tmp"' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
# CPU seconds of a process and of the children it has waited for.
cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 + $16 + $17) / t }' "/proc/$1/stat"; }

git clone -q "$repo" "$tmp/khabar"
cd "$tmp/khabar"
export XDG_DATA_HOME="$tmp/data" PORT="$port"

/usr/bin/time -f '%e %U %S' -o "$tmp/install.time" npm install --no-audit --no-fund --loglevel=error \
  >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; exit 1; }
read -r wall user sys <"$tmp/install.time"
echo "npm install: ${wall} s wall, $(echo "$user + $sys" | bc) s CPU, load $(load)"

for run in first later; do
  if curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then
    echo "something already answers on port $port: stop it or set PORT" >&2
    exit 1
  fi
  t0=$(date +%s.%N)
  npm start >"$tmp/start-$run.log" 2>&1 &
  npm_pid=$!
  until curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do
    kill -0 "$npm_pid" 2>/dev/null || { cat "$tmp/start-$run.log"; exit 1; }
    sleep 0.2
  done
  t1=$(date +%s.%N)
  total=0
  for p in $(tree "$npm_pid"); do total="$(echo "$total + $(cpu "$p")" | bc)"; done
  articles="$(curl -s "http://127.0.0.1:$port/api/articles?limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/')"
  echo "npm start ($run run): serving $articles articles after $(echo "$t1 - $t0" | bc) s wall, ${total} s CPU, load $(load)"
  stop
done
