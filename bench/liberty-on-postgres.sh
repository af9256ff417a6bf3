# Shared by the refresh benchmarks: sourced, not run. Creates Liberty servers of the demo WAR on a
# PostgreSQL database of their own, and offers the load generator and CPU accounting.
# Needs: mvn -DskipTests package liberty:create
wlp=target/liberty/wlp
psql_admin() { psql -h 127.0.0.1 -U postgres -d test -qAt -c "$1"; }
[ -f target/baton.war ] && [ -d "$wlp" ] || { echo "run: mvn -DskipTests package liberty:create" >&2; exit 1; }

mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
classpath="target/test-classes:$(cat target/test-classpath.txt)"
# Refreshes, or logins, from RefreshLoad: load <seconds> <clients> <url>...
load() { java -XX:+UseSerialGC -cp "$classpath" dev.baton.bench.RefreshLoad "$@"; }
login_load() { java -XX:+UseSerialGC -Dbench.operation=login -cp "$classpath" dev.baton.bench.RefreshLoad "$@"; }

# A server of the demo WAR on the given database: create_server <name> <port> <database>.
create_server() {
  local dir=$wlp/usr/servers/$1
  mkdir -p "$dir/apps" "$dir/jdbc"
  cp liberty/server.xml "$dir/"
  cp target/baton.war "$dir/apps/"
  cp -r "$wlp/usr/servers/defaultServer/jdbc/postgresql" "$dir/jdbc/"
  printf '%s\n' "HTTP_PORT=$2" DB_KIND=postgresql SESSION_DEMO_ALLOW_ANY_DATABASE=true \
    DB_URL="jdbc:postgresql://127.0.0.1:5432/$3" DB_USER=postgres DB_PASSWORD=trust-auth \
    > "$dir/server.env"
  [ -z "${BENCH_JVM_OPTIONS:-}" ] || printf '%s\n' $BENCH_JVM_OPTIONS > "$dir/jvm.options"
}

# The process id of a running server.
server_pid() { pgrep -f "ws-server.jar $1" | head -1; }

# CPU seconds (user + system) used by a process since it started.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }
