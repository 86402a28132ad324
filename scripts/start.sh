#!/usr/bin/env bash
# Starts the whole hub on this machine with demo data: api (:3000), worker, simulator.
# Uses DATABASE_URL / REDIS_URL when set, the local PostgreSQL and Redis otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
npm run build
npm run hub -- seed

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait; }
trap stop INT TERM EXIT

npm run start:simulator & pids+=($!)
npm run start:worker & pids+=($!)
npm run start:api & pids+=($!)

echo "社区数据中台已启动: API http://localhost:${PORT:-3000}/api  文档 http://localhost:${PORT:-3000}/api/docs  (Ctrl-C 停止)"
# If any of the three stops, stop the others too: a half-running hub hides problems.
wait -n
