#!/usr/bin/env bash
# Refreshes per second and latency with two Open Liberty servers on one PostgreSQL database,
# requests spread over both at random, then one server alone as the baseline of the same run.
# Usage: bench/two-servers.sh [seconds]   (after: mvn -DskipTests package liberty:create)
# Creates servers baton-bench-a/b (ports 9481/9482) and database baton_bench; removes the
# database at the end. Sends traffic to localhost only, for a bounded time, then stops.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
. bench/liberty-on-postgres.sh

psql_admin "DROP DATABASE IF EXISTS baton_bench"
psql_admin "CREATE DATABASE baton_bench"
servers=(baton-bench-a baton-bench-b)
ports=(9481 9482)
for i in 0 1; do create_server "${servers[$i]}" "${ports[$i]}" baton_bench; done
stop() {
  for s in "${servers[@]}"; do "$wlp/bin/server" stop "$s" >/dev/null 2>&1 || true; done
  psql_admin "DROP DATABASE IF EXISTS baton_bench" || true
}
trap stop EXIT
for s in "${servers[@]}"; do "$wlp/bin/server" start "$s" >/dev/null & done
wait
for p in "${ports[@]}"; do
  until curl -sf "http://localhost:$p/health/ready" >/dev/null; do sleep 1; done
done
a=http://localhost:${ports[0]}
b=http://localhost:${ports[1]}

pids=("$(server_pid "${servers[0]}")" "$(server_pid "${servers[1]}")")

# CPU seconds used by the whole machine (all cores, user + system).
busy() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {print ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat; }

measure() {
  local label=$1; shift
  local a0 b0 m0 a1 b1 m1
  a0=$(cpu "${pids[0]}"); b0=$(cpu "${pids[1]}"); m0=$(busy)
  echo "== $label"
  load "$seconds" 8 "$@"
  a1=$(cpu "${pids[0]}"); b1=$(cpu "${pids[1]}"); m1=$(busy)
  echo "cpu seconds of $((2 * seconds)) on 2 cores: server A $(echo "$a1 - $a0" | bc)," \
    "server B $(echo "$b1 - $b0" | bc), everything else (PostgreSQL, load generator)" \
    "$(echo "($m1 - $m0) - ($a1 - $a0) - ($b1 - $b0)" | bc)"
}

# Liberty, Weld, RESTEasy and Hibernate are a lot of code for two JITs to compile on two cores:
# throughput keeps climbing for about two minutes, so those are warm-up (printed, not kept).
for round in 1 2 3 4 5 6 7 8; do
  echo "warm-up $round: $(load 15 8 "$a" "$b" | head -1)"
done
measure "two servers, requests spread over both" "$a" "$b"
measure "server A alone (baseline, same run)" "$a"
measure "two servers again" "$a" "$b"
