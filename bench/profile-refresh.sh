#!/usr/bin/env bash
# Where a refresh's CPU goes: one Open Liberty server on PostgreSQL under the refresh load
# (RefreshLoad, 8 clients), warmed up, then recorded with JFR's profiling settings; the samples
# are summed by what each stack was doing (bench/jfr-categories.py). Also a plain single-thread
# RSA-2048 Signature.sign loop in the same run, the unit issue 13 measures a refresh in, and the
# server CPU of logins over HTTP in the same units.
# Usage: bench/profile-refresh.sh [seconds]   (after: mvn -DskipTests package liberty:create)
# Creates server baton-profile (port 9483) and database baton_profile, removes the database at the
# end, and leaves the recording in target/refresh.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
server=baton-profile
port=9483
. bench/liberty-on-postgres.sh

psql_admin "DROP DATABASE IF EXISTS baton_profile"
psql_admin "CREATE DATABASE baton_profile"
create_server "$server" "$port" baton_profile
stop() {
  "$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true
  psql_admin "DROP DATABASE IF EXISTS baton_profile" || true
}
trap stop EXIT
"$wlp/bin/server" start "$server" >/dev/null
until curl -sf "http://localhost:$port/health/ready" >/dev/null; do sleep 1; done
url=http://localhost:$port
pid=$(server_pid "$server")

for round in 1 2 3 4 5 6 7 8; do
  echo "warm-up $round: $(load 15 8 "$url" | head -1)"
done
jcmd "$pid" JFR.start name=refresh settings=profile >/dev/null
c0=$(cpu "$pid")
load "$seconds" 8 "$url" | tee target/refresh-load.txt
c1=$(cpu "$pid")
jcmd "$pid" JFR.stop name=refresh filename="$PWD/target/refresh.jfr" >/dev/null
echo "server cpu seconds during the recording: $(echo "$c1 - $c0" | bc)"
java -cp "$classpath" dev.baton.bench.SignatureCost
# A login in the same units: one warm-up round, then the measured one.
echo "login warm-up: $(login_load 15 8 "$url" | head -1)"
c0=$(cpu "$pid")
login_load "$seconds" 8 "$url"
c1=$(cpu "$pid")
echo "server cpu seconds during the logins: $(echo "$c1 - $c0" | bc)"
jfr print --events jdk.ExecutionSample,jdk.ThreadCPULoad,jdk.GarbageCollection --stack-depth 64 target/refresh.jfr | python3 bench/jfr-categories.py
