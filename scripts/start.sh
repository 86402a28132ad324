#!/usr/bin/env bash
# Starts the whole hub on this machine with demo data: api (:3000), worker, simulator.
# Uses DATABASE_URL / REDIS_URL when set, the local PostgreSQL and Redis otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
npm run build
# The console the api serves at /: built once (Vite), again only when apps/web/dist is removed.
[ -f apps/web/dist/index.html ] || npm run build:web
npm run hub -- seed

# A small synthetic city (deterministic) for the simulated departments: their records overlap,
# disagree and repeat as real ones do. It lives in the demo users' street (青龙街道, five
# communities with their grid cells), so the demo worker finds the people the hub imports below.
DEMO_CITY="${DEMO_CITY:-.demo/city}"
DEMO_COMMUNITIES=320402002001,320402002002,320402002003,320402002004,320402002005
[ -f "$DEMO_CITY/manifest.json" ] ||
  npm run hub -- generate --people="${DEMO_PEOPLE:-3000}" --seed=2026 --communities="$DEMO_COMMUNITIES" --out="$DEMO_CITY"

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait; }
trap stop INT TERM EXIT

SIM_SEED_DIR="$DEMO_CITY" npm run start:simulator & pids+=($!)
control="http://127.0.0.1:${SIMULATOR_PORT:-4000}/control"
for _ in $(seq 1 300); do curl -fs "$control" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$control" >/dev/null || { echo "模拟部门系统未能启动" >&2; exit 1; }
# Go-live: import every department's records, resolve them into one record per person and
# promote those into the unified record, linked to each department's own records (the review
# queue and the worklist are then in the console).
npm run hub -- import-all

npm run start:worker & pids+=($!)
npm run start:api & pids+=($!)

# The banner once the api answers, not while it is still starting.
api="http://127.0.0.1:${PORT:-3000}/api/health"
for _ in $(seq 1 120); do curl -fs "$api" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$api" >/dev/null || { echo "API 未能启动" >&2; exit 1; }
echo "社区数据中台已启动: 控制台 http://localhost:${PORT:-3000}/  API http://localhost:${PORT:-3000}/api  文档 http://localhost:${PORT:-3000}/api/docs  (Ctrl-C 停止)"
# If any of the three stops, stop the others too: a half-running hub hides problems.
wait -n
