#!/usr/bin/env bash
# The curve from start (issue 13, item 5): one Open Liberty server on PostgreSQL, started cold,
# then 8 RefreshLoad clients from the moment /health/ready answers 200, with the refresh rate of
# every 5-second interval. Twice in one run: without the warm-up, and with it
# (SESSION_WARM_UP_URL, the server's own address). Prints the time from `server start` to ready,
# the rate of the first 30 seconds against the steady rate (the mean of the last 30 seconds), and
# the first interval that reaches 90% of it.
# Usage: [WARM_UP_MAX=PT1M] bench/warm-start.sh [seconds after ready, default 150]
#        (after: mvn -DskipTests package liberty:create)
# Creates server baton-warm (port 9484) and database baton_warm, and removes the database.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-150}
server=baton-warm
port=9484
. bench/liberty-on-postgres.sh
url=http://localhost:$port

stop() {
  "$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true
  psql_admin "DROP DATABASE IF EXISTS baton_warm" || true
}
trap stop EXIT

curve() {
  local label=$1 warm_up=$2 t0 t1
  psql_admin "DROP DATABASE IF EXISTS baton_warm"
  psql_admin "CREATE DATABASE baton_warm"
  rm -rf "$wlp/usr/servers/$server"
  create_server "$server" "$port" baton_warm
  if [ "$warm_up" = yes ]; then
    echo "SESSION_WARM_UP_URL=$url/auth" >> "$wlp/usr/servers/$server/server.env"
    # WARM_UP_MAX=PT1M bench/warm-start.sh tries a shorter warm-up than the default two minutes.
    [ -z "${WARM_UP_MAX:-}" ] ||
      echo "SESSION_WARM_UP_MAX_DURATION=$WARM_UP_MAX" >> "$wlp/usr/servers/$server/server.env"
  fi
  t0=$(date +%s.%N)
  "$wlp/bin/server" start "$server" >/dev/null
  until curl -sf "$url/health/ready" >/dev/null; do sleep 0.2; done
  t1=$(date +%s.%N)
  echo "== $label: ready $(echo "$t1 - $t0" | bc | xargs printf '%.1f') s after server start"
  # The load generator is a cold JVM too, on the same two cores: with the client compiler only it
  # is at its own full speed within seconds, so that its warm-up does not bend the server's curve.
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dbench.interval=5 -cp "$classpath" \
    dev.baton.bench.RefreshLoad \
    "$seconds" 8 "$url" | tee target/warm-start-$warm_up.txt
  awk -v n="$seconds" '
    /^interval/ { sub(/\/s/, "", $4); rate[$2] = $4; count++ }
    END {
      steady = 0; for (t = n - 25; t <= n; t += 5) steady += rate[t]; steady /= 6
      first = 0; for (t = 5; t <= 30; t += 5) first += rate[t]; first /= 6
      reach = "never"; for (t = 5; t <= n; t += 5) if (rate[t] >= 0.9 * steady) { reach = t " s"; break }
      printf "steady (last 30 s) %.0f/s; first 30 s %.0f/s = %.0f%%; 90%% of steady first reached in the interval ending at %s\n",
        steady, first, 100 * first / steady, reach
    }' target/warm-start-$warm_up.txt
  "$wlp/bin/server" stop "$server" >/dev/null
}

curve "without warm-up" no
curve "with warm-up (session.warm-up.url)" yes
