#!/usr/bin/env bash
# HTTP benchmark against the running Open Liberty demo (H2): GET /demo/me with a valid token
# against its unprotected twin GET /demo/public in the same run, then refreshes per second.
# With the demo started as EXTRA_CONFIG=bench-bridge.xml mvn -DskipTests package liberty:run, it
# also measures GET /bridged/demo/me, the same endpoint with the Jakarta Security mechanism on.
# Usage: bench/http.sh [seconds-per-round]   (the demo must be running: see README)
# Sends traffic to localhost only, for a bounded time, then stops.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
url=${BATON_URL:-http://localhost:9080}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 1; }

token=$(curl -s -D - -o /dev/null -X POST "$url/demo/login" -H 'Content-Type: application/json' \
  -H 'st-auth-mode: header' -d '{"userId":"bench","accessTokenPayload":{"role":"bench"}}' \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="st-access-token" {print $2}')
# Confirm the token once so that every measured request is the stateless path.
curl -s -o /dev/null -H "Authorization: Bearer $token" "$url/demo/me"

run() { wrk -t2 -c16 -d"${seconds}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
echo "warm-up"
for _ in 1 2; do run "$url/demo/public" >/dev/null; run -H "Authorization: Bearer $token" "$url/demo/me" >/dev/null; done
declare -a pub me
# Alternate the two, so that drift (JIT, GC, the other process on the two cores) hits both alike.
for round in 1 2 3; do
  pub+=("$(run "$url/demo/public")")
  me+=("$(run -H "Authorization: Bearer $token" "$url/demo/me")")
  echo "round $round: public ${pub[-1]} req/s, me ${me[-1]} req/s"
done
python3 - "${pub[@]}" "${me[@]}" <<'PY'
import sys
v = list(map(float, sys.argv[1:])); n = len(v) // 2
pub, me = sum(v[:n]) / n, sum(v[n:]) / n
print(f"GET /demo/public: {pub:.0f} req/s, GET /demo/me: {me:.0f} req/s, ratio {me / pub:.1%}")
PY

if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url/bridged/demo/me")" = 200 ]; then
  echo "bridge warm-up"
  for _ in 1 2; do run -H "Authorization: Bearer $token" "$url/bridged/demo/me" >/dev/null; done
  declare -a plain bridged
  for round in 1 2 3; do
    plain+=("$(run -H "Authorization: Bearer $token" "$url/demo/me")")
    bridged+=("$(run -H "Authorization: Bearer $token" "$url/bridged/demo/me")")
    echo "round $round: @VerifySession ${plain[-1]} req/s, with the mechanism ${bridged[-1]} req/s"
  done
  python3 - "${plain[@]}" "${bridged[@]}" <<'PY'
import sys
v = list(map(float, sys.argv[1:])); n = len(v) // 2
plain, bridged = sum(v[:n]) / n, sum(v[n:]) / n
print(f"GET /demo/me: {plain:.0f} req/s, through the Jakarta Security mechanism: {bridged:.0f} req/s,"
      f" ratio {bridged / plain:.1%}")
PY
fi

mvn -q -B test-compile >/dev/null
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
classpath=$(cat target/test-classpath.txt)
echo "refresh warm-up"; java -cp "target/test-classes:$classpath" dev.baton.bench.RefreshLoad 10 8 "$url" >/dev/null
java -cp "target/test-classes:$classpath" dev.baton.bench.RefreshLoad "$seconds" 8 "$url"
