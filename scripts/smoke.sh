#!/usr/bin/env bash
# Starts the built server with no DATABASE_URL (embedded PGlite, demo data), logs in as the demo
# owner, lists clients, then stops it with SIGTERM and checks it exits cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
log="$data_dir/server.log"
env -u DATABASE_URL DATA_DIR="$data_dir" PORT="$port" NODE_ENV=development node dist/src/index.js >"$log" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$data_dir"' EXIT

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "server died"; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/ready"; echo

gql() { curl -fs "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' "$@"; }
token=$(gql -d '{"query":"mutation { login(input: {email: \"owner@demo.agency\", password: \"demo-owner-2026\"}) { token } }"}' \
  | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);if(!r.data)throw new Error(s);console.log(r.data.login.token)})")
answer=$(gql -H "authorization: Bearer $token" -d '{"query":"{ clients(first: 10) { totalCount edges { node { name contacts { fullName } } } } }"}')
echo "$answer"
echo "$answer" | grep -q '"totalCount":4' || { echo "expected the 4 demo clients"; exit 1; }
money=$(gql -H "authorization: Bearer $token" -d '{"query":"{ invoices { totalCount edges { node { number status balanceDue } } } proposals { totalCount } controlPoints(filter: {overdue: true}) { totalCount } }"}')
echo "$money"
echo "$money" | grep -q '"PARTIALLY_PAID"' || { echo "expected the demo pipeline and money flow"; exit 1; }

kill -TERM $pid
for _ in $(seq 1 40); do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
if kill -0 $pid 2>/dev/null; then echo "server did not stop on SIGTERM"; exit 1; fi
wait $pid || { echo "server exited non-zero on SIGTERM"; cat "$log"; exit 1; }
grep -q 'shutdown complete' "$log"
echo "smoke ok: embedded start, demo login, clients listed, graceful shutdown"
