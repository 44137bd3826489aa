#!/usr/bin/env bash
# Times one start of the packaged development server (docs/benchmarks/startup.md): from the
# `server start` command to "application started" (CWWKZ0001I for claribi) and to "server ready"
# (CWWKF0011I) in messages.log, and how long /health/ready takes to answer UP after the command.
#
#   docs/benchmarks/startup-measure.sh <server name> <http port> cold|warm [db schema for PostgreSQL]
#
# cold: a fresh database (Derby's files removed, or the PostgreSQL schema dropped and created);
# warm: the database of the previous run. Package the server first (liberty module, same name and
# ports, -Ppostgresql -Ddb.schema=... for PostgreSQL); the server must be stopped.
set -euo pipefail
server=$1 port=$2 mode=$3 schema=${4:-}
here=$(cd "$(dirname "$0")/../.." && pwd)
wlp=$here/liberty/target/liberty/wlp
dir=$wlp/usr/servers/$server
if [ "$mode" = cold ]; then
  if [ -n "$schema" ]; then
    psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"
  else
    rm -rf "$dir/data"
  fi
fi
rm -rf "$dir/logs"
t0=$(date +%s%3N)
"$wlp/bin/server" start "$server" >/dev/null
ready=
for _ in $(seq 1 1200); do
  if curl -fsS -o /dev/null "http://localhost:$port/health/ready" 2>/dev/null; then
    ready=$(( $(date +%s%3N) - t0 )); break
  fi
  sleep 0.1
done
# messages.log stamps look like [12/5/26, 15:10:01:123 UTC]
stamp() {
  local line
  line=$(grep -m1 "$1" "$dir/logs/messages.log" | sed -E 's/^\[([^]]*) UTC\].*/\1/')
  [ -n "$line" ] || { echo "-"; return; }
  local d=${line%%,*} t=${line#*, }
  local ms=${t##*:} hms=${t%:*}
  local s
  s=$(date -u -d "$(echo "$d" | awk -F/ '{printf "20%02d-%02d-%02d", $3, $1, $2}') $hms" +%s)
  echo $(( s * 1000 + 10#$ms - t0 ))
}
app=$(stamp 'CWWKZ0001I.*claribi ')
srv=$(stamp 'CWWKF0011I')
# CPU seconds the server process had used when it answered ready: less dependent on what else
# runs on the machine than the wall clock.
pid=$(cat "$wlp/usr/servers/.pid/$server.pid")
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
printf '%s\t%s\tapp=%s ms\tserver=%s ms\tready=%s ms\tcpu=%s s\tload=%s\n' "${schema:-derby}" "$mode" \
  "$app" "$srv" "${ready:--}" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
"$wlp/bin/server" stop "$server" >/dev/null
