#!/usr/bin/env bash
# One tenant's hanging vendor must not take the node down for the others (issue 17).
#
#   docs/benchmarks/hanging-vendor.sh            (from the repository root)
#
# Needs: the development server running (README's run command) at BASE (default
# http://localhost:9080) with the demo vendor, `wrk` (Debian package wrk), python3, and
# liberty/dev-token. Loopback only, bounded in time (about 2 x DURATION + 15 s).
#
# Three organizations on ENTERPRISE:
#   hang-a   connected to "acme-hang", the demo vendor behind its /faults/hang/mcp path, which
#            answers nothing (the development server gives up on a vendor after 5 s); HANGING
#            callers (default 150) call it without pause, each honouring Retry-After after a 429;
#   bench-b  calls retrieve_balance on acme-payments with VICTIMS callers (default 8), measured;
#   bench-c  reads GET /api/v1/organization with 2 callers, measured.
# First the two measured loads run alone (baseline), then again while hang-a's load runs.
# Targets: bench-b keeps >= 80 % of its baseline throughput with no error; bench-c's p99 < 100 ms.
set -euo pipefail
BASE=${BASE:-http://localhost:9080}
SECONDS_RUN=${DURATION:-15}
HANGING=${HANGING:-150}
VICTIMS=${VICTIMS:-8}
DEMO_MCP=$BASE/demo-vendor/mcp
HANG_MCP=$BASE/demo-vendor/faults/hang/mcp
W=$(mktemp -d)
HANG_PID=
cleanup() { [ -n "$HANG_PID" ] && kill "$HANG_PID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 2; }
tok() { liberty/dev-token "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
OP=$(tok platform platform-operator)
api() { # api METHOD PATH TOKEN [BODY] -> body; fails on a status >= 400
  curl -sf -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} "$BASE$2"
}

# The hanging vendor: registered at the demo vendor's real address so that the OAuth connect and
# the tool discovery succeed, then moved to the path that hangs (as VendorMessagesIT does).
vendor_json() {
  echo "{${1:+\"id\":\"$1\",}\"displayName\":\"Acme that hangs\",\"kind\":\"MCP\",\"serverUrl\":\"$2\",\
\"readScopes\":[\"openid\",\"payments:read\"],\"dataDomains\":[\"payments\"],\"reason\":\"hanging-vendor benchmark\"}"
}
api POST /api/v1/catalog/vendors "$OP" "$(vendor_json acme-hang "$DEMO_MCP")" >/dev/null 2>&1 \
  || api PUT /api/v1/catalog/vendors/acme-hang "$OP" "$(vendor_json "" "$DEMO_MCP")" >/dev/null

connect() { # connect ORG VENDOR -> connection id (a fresh one: the demo AS forgets grants on restart)
  local adm; adm=$(tok "$1" org-admin)
  api PUT "/api/v1/organizations/$1" "$OP" "{\"name\":\"$1\",\"plan\":\"ENTERPRISE\"}" >/dev/null
  for id in $(api GET /api/v1/connections "$adm" | python3 -c \
      "import json,sys; [print(c['id']) for c in json.load(sys.stdin) if c.get('vendor')=='$2']"); do
    api DELETE "/api/v1/connections/$id" "$adm" >/dev/null
  done
  local url; url=$(api POST /api/v1/connections "$adm" "{\"vendor\":\"$2\",\"returnTo\":\"$BASE/\"}" \
    | json "['authorizationUrl']")
  curl -s -L -o /dev/null "$url"
  api GET /api/v1/connections "$adm" | python3 -c \
    "import json,sys; print([c['id'] for c in json.load(sys.stdin) if c.get('vendor')=='$2' and c.get('state')=='ACTIVE'][0])"
}
allow() {
  api PUT "/api/v1/catalog/vendors/$1/tools/$2" "$OP" \
    '{"decision":"ALLOW","reason":"hanging-vendor benchmark"}' >/dev/null
}
HANG_CONNECTION=$(connect hang-a acme-hang)
allow acme-hang list_customers
api PUT /api/v1/catalog/vendors/acme-hang "$OP" "$(vendor_json "" "$HANG_MCP")" >/dev/null
connect bench-b acme-payments >/dev/null
allow acme-payments retrieve_balance

A=$(tok hang-a integrator); B=$(tok bench-b integrator); C=$(tok bench-c org-admin)
api PUT /api/v1/organizations/bench-c "$OP" '{"name":"bench-c","plan":"ENTERPRISE"}' >/dev/null
cat > "$W/calls.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $B"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"vendor":"acme-payments","tool":"retrieve_balance","arguments":{}}'
LUA
cat > "$W/organization.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $C"
LUA

measure() { # measure LABEL: both loads at once, one line each
  wrk -t1 -c"$VICTIMS" -d"${SECONDS_RUN}s" --latency --timeout 10s -s "$W/calls.lua" \
    "$BASE/api/v1/tools/call" > "$W/$1.calls" 2>&1 &
  local calls=$!
  wrk -t1 -c2 -d"${SECONDS_RUN}s" --latency --timeout 10s -s "$W/organization.lua" \
    "$BASE/api/v1/organization" > "$W/$1.organization" 2>&1
  wait "$calls"
}

# hang-a's callers: each sends, waits for the answer (up to the vendor time-out), and after a 429
# waits as Retry-After says, as a well-behaved client does. Counts the answers by status.
cat > "$W/hang.py" <<'PY'
import http.client, json, sys, threading, time, collections, urllib.parse
base, token, connection, callers, stop_file = sys.argv[1:6]
u = urllib.parse.urlparse(base)
body = json.dumps({"connectionId": connection, "tool": "list_customers", "arguments": {}})
seen = collections.Counter(); lock = threading.Lock(); stop = threading.Event()
def caller():
    while not stop.is_set():
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        try:
            c.request("POST", "/api/v1/tools/call", body,
                      {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            r = c.getresponse(); r.read()
            with lock: seen[r.status] += 1
            if r.status in (429, 503):
                stop.wait(float(r.getheader("Retry-After") or 1))
        except Exception as e:
            with lock: seen[type(e).__name__] += 1
            stop.wait(1)
        finally:
            c.close()
threads = [threading.Thread(target=caller, daemon=True) for _ in range(int(callers))]
for t in threads: t.start()
while not stop.is_set():
    time.sleep(0.2)
    try: open(stop_file).close(); stop.set()
    except FileNotFoundError: pass
print(json.dumps(dict(seen)))
PY

echo "baseline: bench-b's calls and bench-c's reads, alone"
measure baseline
echo "with hang-a: $HANGING callers on a vendor that hangs"
python3 "$W/hang.py" "$BASE" "$A" "$HANG_CONNECTION" "$HANGING" "$W/stop" > "$W/hang.out" &
HANG_PID=$!
sleep 7 # past one vendor time-out: the hanging calls hold their slots, the rest are refused
measure hanging
touch "$W/stop"; wait "$HANG_PID"; HANG_PID=

python3 - "$W" "$(cat "$W/hang.out")" <<'PY'
import re, sys, json
w, hang = sys.argv[1], json.loads(sys.argv[2])
def read(name):
    out = open(f"{w}/{name}").read()
    def ms(label):
        m = re.search(r'^\s*' + label + r'\s+([\d.]+)(us|ms|s)\s*$', out, re.M)
        v, u = float(m.group(1)), m.group(2)
        return v / 1000 if u == 'us' else v * 1000 if u == 's' else v
    bad = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', out)
    err = re.search(r'Socket errors:.*', out)
    return dict(rps=float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1)), p50=ms('50%'),
                p99=ms('99%'), errors=int(bad.group(1)) if bad else 0, socket=err.group(0) if err else '')
rows = {(p, k): read(f"{p}.{k}") for p in ('baseline', 'hanging') for k in ('calls', 'organization')}
print("| phase | bench-b tools/call | bench-c GET /organization |")
print("|---|---|---|")
for p in ('baseline', 'hanging'):
    c, o = rows[(p, 'calls')], rows[(p, 'organization')]
    print(f"| {p} | {c['rps']:.0f} calls/s, p50 {c['p50']:.1f} ms, p99 {c['p99']:.1f} ms, errors {c['errors']} {c['socket']}"
          f"| {o['rps']:.0f} reads/s, p50 {o['p50']:.1f} ms, p99 {o['p99']:.1f} ms, errors {o['errors']} {o['socket']} |")
share = rows[('hanging', 'calls')]['rps'] / rows[('baseline', 'calls')]['rps']
print(f"\nhang-a's answers by status: {hang}")
print(f"bench-b keeps {share:.0%} of its throughput (target >= 80 %), errors "
      f"{rows[('hanging', 'calls')]['errors']} (target 0); bench-c p99 "
      f"{rows[('hanging', 'organization')]['p99']:.1f} ms (target < 100 ms)")
PY
