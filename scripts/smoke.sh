#!/usr/bin/env bash
# Starts the built server as `npm start` does, with no DATABASE_URL, NODE_ENV or JWT_SECRET
# (embedded PGlite, demo data, production-like masking), logs in as the demo owner, lists clients,
# checks the error edges, then stops it with SIGTERM and checks it exits cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

# a second start with nothing changed must not compile again
node scripts/build.js --if-stale >/dev/null
npm run prestart --silent | grep -q 'dist/ is up to date' || { echo "prestart rebuilt an up-to-date dist/"; exit 1; }
# the job queue on the embedded database (one connection), in memory, by the app's own code path
node dist/scripts/queue-check.js
data_dir=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
log="$data_dir/server.log"
env -u DATABASE_URL -u NODE_ENV -u JWT_SECRET DATA_DIR="$data_dir" PORT="$port" node dist/src/index.js >"$log" 2>&1 &
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

# documents: an invoice of the demo rendered on the worker pool, stored on the embedded database,
# opened through its signed link without a bearer token
invoice_id=$(gql -H "authorization: Bearer $token" -d '{"query":"{ invoices { edges { node { id status } } } }"}' \
  | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);console.log(r.data.invoices.edges.find(e=>e.node.status!=='DRAFT').node.id)})")
link=$(gql -H "authorization: Bearer $token" -d "{\"query\":\"mutation { generateDocument(input: {kind: INVOICE, sourceId: \\\"$invoice_id\\\"}) { __typename ... on GeneratedDocument { pageCount documentUrl } } }\"}" \
  | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);const g=r.data&&r.data.generateDocument;if(!g||!g.documentUrl)throw new Error(s);console.log(g.documentUrl)})")
curl -fs "http://127.0.0.1:$port$link" -o "$data_dir/invoice.pdf"
head -c 5 "$data_dir/invoice.pdf" | grep -q '%PDF-' || { echo "the invoice download is not a PDF"; exit 1; }
if command -v pdftotext >/dev/null; then pdftotext "$data_dir/invoice.pdf" - | grep 'Счёт на оплату' >/dev/null || { echo "the invoice PDF lacks its title"; exit 1; }; fi
echo "documents ok: invoice rendered on the pool, stored, downloaded through its signed link"

# jobs in the server process: an invitation email is queued and, with no SMTP_URL, KEPT in the outbox
client_id=$(gql -H "authorization: Bearer $token" -d '{"query":"{ clients(first: 1) { edges { node { id } } } }"}' \
  | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{console.log(JSON.parse(s).data.clients.edges[0].node.id)})")
gql -H "authorization: Bearer $token" -d "{\"query\":\"mutation { inviteClientUser(input: {clientId: \\\"$client_id\\\", email: \\\"smoke-portal@example.test\\\"}) { user { id } } }\"}" >/dev/null
kept=""
for _ in $(seq 1 40); do
  kept=$(gql -H "authorization: Bearer $token" -d '{"query":"{ outbox(first: 5) { edges { node { to status } } } }"}')
  echo "$kept" | grep -q '"to":"smoke-portal@example.test","status":"KEPT"' && break
  sleep 0.5
done
echo "$kept" | grep -q '"to":"smoke-portal@example.test","status":"KEPT"' || { echo "the invitation email was not KEPT by the job: $kept"; exit 1; }
echo "jobs ok: the invitation email job ran in the server process and kept the email in the outbox"

# the newcomer path: GraphiQL is served; errors are masked (production-like default)
curl -fs "http://127.0.0.1:$port/graphql" -H 'accept: text/html' | grep -q GraphiQL || { echo "GraphiQL not served"; exit 1; }
test -s "$data_dir/jwt-secret" || { echo "no JWT secret kept under DATA_DIR"; exit 1; }
edge() { curl -s -o "$data_dir/edge.json" -w '%{http_code}' "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' "$@"; }
check_edge() { # status code, expected code in the JSON body
  grep -q "\"code\":\"$2\"" "$data_dir/edge.json" && [ "$1" = "$3" ] || { echo "expected $3 $2, got $1: $(cat "$data_dir/edge.json")"; exit 1; }
  if grep -Eqi 'stacktrace|node_modules|/dist/|\.js:[0-9]' "$data_dir/edge.json"; then echo "internals leaked: $(cat "$data_dir/edge.json")"; exit 1; fi
}
check_edge "$(edge -d '{"query": ')" BAD_REQUEST 400
check_edge "$(head -c 1200000 /dev/zero | tr '\0' 'a' | sed 's/^/{"query":"{ __typename }","x":"/; s/$/"}/' | edge --data-binary @-)" PAYLOAD_TOO_LARGE 413
check_edge "$(edge -d '{"query":"{ __schema { queryType { name } } }"}')" GRAPHQL_VALIDATION_FAILED 400
echo "edges ok: JSON errors without internals, introspection off, GraphiQL on"

kill -TERM $pid
for _ in $(seq 1 40); do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
if kill -0 $pid 2>/dev/null; then echo "server did not stop on SIGTERM"; exit 1; fi
wait $pid || { echo "server exited non-zero on SIGTERM"; cat "$log"; exit 1; }
grep -q 'shutdown complete' "$log"
echo "smoke ok: embedded start (production-like default), demo login, clients listed, a document, a job, error edges, graceful shutdown"
