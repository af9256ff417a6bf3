#!/usr/bin/env bash
# Refreshes per server CPU-second: Keycloak 26 against Baton, one after the other on this machine,
# with the same load generator (RefreshLoad), the same clients and the same JDK, each server on an
# embedded H2 file database (Keycloak's start-dev, Baton's demo on Open Liberty).
#
# Keycloak gets a realm in which every refresh rotates, as in Baton: revokeRefreshToken=true,
# refreshTokenMaxReuse=0. Its clients sign in with the password grant of a public client and then
# refresh with the refresh-token grant, always with the newest refresh token.
#
# Usage: bench/keycloak-compare.sh [seconds-per-round] [clients]
# Needs: mvn -DskipTests package liberty:create (Keycloak comes from Maven Central on first use).
# Starts both servers on localhost (8180, 9080), sends load for bounded rounds, stops them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
clients=${2:-16}
kc_version=26.7.3
kc_home=target/keycloak/keycloak-$kc_version
kc_url=http://localhost:8180
baton_url=http://localhost:9080
wlp=target/liberty/wlp

# Keycloak 26 needs Java 21 or newer; both servers run on the same one.
jdk=${BENCH_JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)}
[ -x "$jdk/bin/java" ] || { echo "needs a JDK 21+ (BENCH_JAVA_HOME)" >&2; exit 1; }
[ -f target/baton.war ] && [ -d "$wlp" ] || { echo "run: mvn -DskipTests package liberty:create" >&2; exit 1; }

if [ ! -x "$kc_home/bin/kc.sh" ]; then
  mvn -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" \
    -DoutputDirectory=target/keycloak
  unzip -q -o "target/keycloak/keycloak-quarkus-dist-$kc_version.zip" -d target/keycloak
fi

mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
classpath="target/test-classes:$(cat target/test-classpath.txt)"
# load <url> [java -D options...]: one round of RefreshLoad against one server.
load() { local url=$1; shift; java -XX:+UseSerialGC -cp "$classpath" "$@" dev.baton.bench.RefreshLoad "$seconds" "$clients" "$url"; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }
wait_for() { for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 never answered" >&2; return 1; }

# One measured round with the server's CPU read before and after: round <name> <pid> <url> [-D...]
round() {
  local name=$1 pid=$2 url=$3; shift 3
  local before after out count
  before=$(cpu "$pid")
  out=$(load "$url" "$@")
  after=$(cpu "$pid")
  count=$(echo "$out" | awk '/refreshes:/ {print $2}')
  echo "$out" | sed "s/^/$name: /"
  python3 -c "print(f'$name: server CPU {$after - $before:.1f} s for $count refreshes = {$count / ($after - $before):.0f} per CPU-second, {1000 * ($after - $before) / $count:.2f} ms of CPU per refresh')"
  echo "$name $count $before $after" >> target/keycloak/compare.txt
}
rm -f target/keycloak/compare.txt

# --- Keycloak: start-dev (its embedded H2 file database), a realm where every refresh rotates ---
rm -rf "$kc_home/data"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_HOME=$jdk \
  "$kc_home/bin/kc.sh" start-dev --http-port=8180 > target/keycloak/keycloak.log 2>&1 &
server=baton-keycloak-compare
trap 'pkill -f -- "-Dkc.home.dir" || true; JAVA_HOME=$jdk $wlp/bin/server stop $server >/dev/null 2>&1 || true' EXIT
wait_for "$kc_url/realms/master"
kc_pid=$(pgrep -f -- "-Dkc.home.dir" | head -1)
admin_token=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
  "$kc_url/realms/master/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
python3 - "$clients" > target/keycloak/realm.json <<'PY'
import json, sys
users = [{"username": f"load-{i}", "enabled": True, "email": f"load-{i}@bench.test",
          "emailVerified": True, "firstName": "Load", "lastName": str(i),
          "credentials": [{"type": "password", "value": "bench", "temporary": False}]}
         for i in range(int(sys.argv[1]))]
print(json.dumps({
    "realm": "bench", "enabled": True,
    # Every refresh rotates: a refresh token works once.
    "revokeRefreshToken": True, "refreshTokenMaxReuse": 0,
    "clients": [{"clientId": "bench", "publicClient": True, "directAccessGrantsEnabled": True,
                 "standardFlowEnabled": False}],
    "users": users}))
PY
curl -sf -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
  -d @target/keycloak/realm.json "$kc_url/admin/realms"
# Check that the realm rotates: a refresh token that was used once is refused the second time.
token_url=$kc_url/realms/bench/protocol/openid-connect/token
refresh_token() { python3 -c 'import json,sys; print(json.load(sys.stdin)["refresh_token"])'; }
first=$(curl -sf -d grant_type=password -d client_id=bench -d username=load-0 -d password=bench "$token_url" | refresh_token)
curl -sf -d grant_type=refresh_token -d client_id=bench -d refresh_token="$first" "$token_url" >/dev/null
reuse=$(curl -s -o /dev/null -w '%{http_code}' -d grant_type=refresh_token -d client_id=bench -d refresh_token="$first" "$token_url")
[ "$reuse" = 400 ] || { echo "Keycloak accepted a used refresh token ($reuse): the realm does not rotate" >&2; exit 1; }
echo "keycloak: a used refresh token is refused (400): every refresh rotates"

# --- Baton: the demo on Open Liberty with its default settings, on its H2 file database ----------
dir=$wlp/usr/servers/$server
rm -rf "$dir"
mkdir -p "$dir/apps" "$dir/jdbc"
cp liberty/server.xml liberty/server.env "$dir/"
cp target/baton.war "$dir/apps/"
cp -r "$wlp/usr/servers/defaultServer/jdbc/h2" "$dir/jdbc/"
JAVA_HOME=$jdk "$wlp/bin/server" start "$server" >/dev/null
wait_for "$baton_url/health/ready"
baton_pid=$(pgrep -f "ws-server.jar $server" | head -1)

# Both servers run; the rounds alternate, so that drift on this VM hits both alike. An idle server
# costs the other almost nothing, and each is charged only its own CPU.
for warm in 1 2; do
  echo "warm-up $warm: keycloak $(load "$kc_url" -Dbench.keycloak=bench | head -1)"
  echo "warm-up $warm: baton $(load "$baton_url" | head -1)"
done
for n in 1 2 3; do
  round keycloak "$kc_pid" "$kc_url" -Dbench.keycloak=bench
  round baton "$baton_pid" "$baton_url"
done

python3 - <<'PY'
per = {}
for line in open("target/keycloak/compare.txt"):
    name, count, before, after = line.split()
    per.setdefault(name, []).append(int(count) / (float(after) - float(before)))
for i, (k, b) in enumerate(zip(per["keycloak"], per["baton"]), 1):
    print(f"round {i}: Baton {b:.0f}, Keycloak {k:.0f} refreshes per CPU-second, ratio {b / k:.2f}x")
k, b = sum(per["keycloak"]) / 3, sum(per["baton"]) / 3
print(f"mean: Baton {b:.0f}, Keycloak {k:.0f} refreshes per server CPU-second, ratio {b / k:.2f}x")
PY
