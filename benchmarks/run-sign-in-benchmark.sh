#!/usr/bin/env bash
# Sign-in load benchmark: builds what it needs, starts vneid-sandbox and the portal WAR on Payara Micro (both on
# loopback, on their own ports and with a fresh H2 database under benchmarks/target/bench-run), runs the driver
# (warm-up, then measurement), prints its report and stops everything it started. Never part of the test suite.
#
#   benchmarks/run-sign-in-benchmark.sh [--no-build] [--threads N] [--duration S] [--warmup S]
#                                       [--portal-port P] [--sandbox-port P] [--portal-heap SIZE] [-- driver args]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/benchmarks/target/bench-run"
RUNTIME_DIR="$ROOT/benchmarks/target/bench-runtime"
DRIVER_JAR="$ROOT/benchmarks/target/sign-in-benchmark.jar"
SANDBOX_JAR="$ROOT/vneid-sandbox/target/vneid-sandbox.jar"

BUILD=1
THREADS=16
DURATION=60
WARMUP=20
PORTAL_PORT=38080
SANDBOX_PORT=39090
# The same heap ceiling ./portal run gives Payara Server; the report shows how much of it the portal needs.
PORTAL_HEAP=1g
DRIVER_EXTRA=()

die() { printf 'run-sign-in-benchmark: %s\n' "$*" >&2; exit 1; }
say() { printf '==> %s\n' "$*"; }

while (( $# )); do
    case "$1" in
        --no-build) BUILD='' ;;
        --threads) THREADS="${2:?--threads needs a value}"; shift ;;
        --duration) DURATION="${2:?--duration needs a value}"; shift ;;
        --warmup) WARMUP="${2:?--warmup needs a value}"; shift ;;
        --portal-port) PORTAL_PORT="${2:?--portal-port needs a value}"; shift ;;
        --sandbox-port) SANDBOX_PORT="${2:?--sandbox-port needs a value}"; shift ;;
        --portal-heap) PORTAL_HEAP="${2:?--portal-heap needs a value}"; shift ;;
        --) shift; DRIVER_EXTRA=("$@"); break ;;
        -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done

PORTAL_URL="http://localhost:$PORTAL_PORT"
SANDBOX_URL="http://localhost:$SANDBOX_PORT"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_status() { # port path -> status code, 000 when nothing answers (no curl needed)
    local code
    code="$( (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
              printf 'GET %s HTTP/1.1\r\nHost: localhost:%s\r\nConnection: close\r\n\r\n' "$2" "$1" >&3
              IFS=' ' read -r -t 30 _ status _ <&3 && printf '%s' "$status") 2>/dev/null || true)"
    [[ "$code" =~ ^[0-9]{3}$ ]] && printf '%s' "$code" || printf '000'
}

wait_for() { # name pid port path seconds log
    local i
    for (( i = 0; i < $5 * 2; i++ )); do
        [[ "$(http_status "$3" "$4")" == 200 ]] && return 0
        kill -0 "$2" 2>/dev/null || { tail -n 40 "$6" >&2; die "$1 exited during start-up (log: $6)"; }
        sleep 0.5
    done
    tail -n 40 "$6" >&2
    die "$1 did not answer http://localhost:$3$4 within $5 s (log: $6)"
}

stop_pid() { # pid name
    [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 0
    kill -TERM "$1" 2>/dev/null || true
    local i
    for (( i = 0; i < 60; i++ )); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
    printf '    %s (pid %s) did not stop in 30 s; killing it\n' "$2" "$1"
    kill -KILL "$1" 2>/dev/null || true
}

PORTAL_PID=''
SANDBOX_PID=''
cleanup() {
    trap '' INT TERM
    say "Stopping the portal and the sandbox"
    stop_pid "$PORTAL_PID" "Payara Micro"
    stop_pid "$SANDBOX_PID" "vneid-sandbox"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v java >/dev/null || die "java not found (JDK 17+ needed)"
command -v mvn >/dev/null || die "mvn not found"
for port in "$PORTAL_PORT" "$SANDBOX_PORT"; do
    if port_in_use "$port"; then die "port $port is in use; choose others with --portal-port/--sandbox-port"; fi
done

MICRO_VERSION="$(sed -n 's:.*<payara.micro.version>\(.*\)</payara.micro.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
PROJECT_VERSION="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
[[ -n "$MICRO_VERSION" && -n "$PROJECT_VERSION" ]] || die "cannot read versions from $ROOT/pom.xml"

if [[ -n "$BUILD" ]]; then
    say "Building the sandbox, the portal WAR and the driver (mvn -B -q -DskipTests install)"
    (cd "$ROOT" && mvn -B -q -DskipTests install -pl vneid-sandbox,portal-web,benchmarks -am) || die "the build failed"
fi
[[ -f "$SANDBOX_JAR" ]] || die "$SANDBOX_JAR is missing: run without --no-build"
[[ -f "$DRIVER_JAR" ]] || die "$DRIVER_JAR is missing: run without --no-build"

say "Fetching Payara Micro $MICRO_VERSION and the installed portal WAR through Maven"
mkdir -p "$RUNTIME_DIR"
(cd "$ROOT" && mvn -B -q -N dependency:copy -Dartifact="fish.payara.extras:payara-micro:$MICRO_VERSION" \
    -DoutputDirectory="$RUNTIME_DIR" -Dmdep.stripVersion=true \
 && mvn -B -q -N dependency:copy -Dartifact="vn.portal:portal-web:$PROJECT_VERSION:war" \
    -DoutputDirectory="$RUNTIME_DIR" -Dmdep.stripVersion=true -Dmdep.overWriteSnapshots=true) \
    || die "could not copy payara-micro and portal-web from the local Maven repository"
# A private copy: a rebuild of vneid-sandbox during the run must not swap classes under the running provider.
cp "$SANDBOX_JAR" "$RUNTIME_DIR/vneid-sandbox.jar"

rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR/sandbox" "$RUN_DIR/db"
CLIENT_SECRET="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)"
# Loopback only, and no data grid: Payara Micro 6 would otherwise listen on every interface for cluster members.
printf '%s\n' \
    'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1' \
    'set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false' \
    >"$RUN_DIR/micro-preboot.asadmin"

say "Starting vneid-sandbox on $SANDBOX_URL"
SANDBOX_PORT="$SANDBOX_PORT" SANDBOX_BIND=127.0.0.1 SANDBOX_ISSUER="$SANDBOX_URL" \
SANDBOX_DATA_DIR="$RUN_DIR/sandbox" SANDBOX_CLIENT_ID=vneid-portal SANDBOX_CLIENT_SECRET="$CLIENT_SECRET" \
SANDBOX_REDIRECT_URIS="$PORTAL_URL/callback" SANDBOX_POST_LOGOUT_REDIRECT_URIS="$PORTAL_URL/" \
SANDBOX_BACKCHANNEL_LOGOUT_URI="$PORTAL_URL/backchannel-logout" \
    java -Dfile.encoding=UTF-8 -jar "$RUNTIME_DIR/vneid-sandbox.jar" >"$RUN_DIR/sandbox.log" 2>&1 &
SANDBOX_PID=$!
wait_for vneid-sandbox "$SANDBOX_PID" "$SANDBOX_PORT" /health 60 "$RUN_DIR/sandbox.log"

say "Starting the portal WAR on Payara Micro on $PORTAL_URL (heap ceiling $PORTAL_HEAP)"
PORTAL_BASE_URL="$PORTAL_URL" \
PORTAL_OIDC_DISCOVERY_URI="$SANDBOX_URL/.well-known/openid-configuration" \
PORTAL_OIDC_CLIENT_ID=vneid-portal PORTAL_OIDC_CLIENT_SECRET="$CLIENT_SECRET" \
PORTAL_DB_URL="jdbc:h2:file:$RUN_DIR/db/portal;MODE=Oracle;AUTO_SERVER=TRUE" PORTAL_DB_USER=portal PORTAL_DB_PASSWORD=portal \
PORTAL_DEMO_DATA=true \
    java "-Xmx$PORTAL_HEAP" -Dfile.encoding=UTF-8 -jar "$RUNTIME_DIR/payara-micro.jar" \
        --deploy "$RUNTIME_DIR/portal-web.war" --contextroot / --port "$PORTAL_PORT" --nocluster \
        --interfaces 127.0.0.1 --clustername portal-bench --prebootcommandfile "$RUN_DIR/micro-preboot.asadmin" \
        >"$RUN_DIR/portal.log" 2>&1 &
PORTAL_PID=$!
wait_for "the portal" "$PORTAL_PID" "$PORTAL_PORT" / 300 "$RUN_DIR/portal.log"

say "Running the driver ($THREADS threads, warm-up $WARMUP s, $DURATION s measured); portal pid $PORTAL_PID, sandbox pid $SANDBOX_PID"
# Other programs competing for the two cores change the figures: say how busy the machine was.
printf '    load before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
set +e
java -Dfile.encoding=UTF-8 -jar "$DRIVER_JAR" --portal "$PORTAL_URL" --threads "$THREADS" --duration "$DURATION" \
    --warmup "$WARMUP" --portal-pid "$PORTAL_PID" --sandbox-pid "$SANDBOX_PID" "${DRIVER_EXTRA[@]}" | tee "$RUN_DIR/result.txt"
status=${PIPESTATUS[0]}
set -e
printf '    load after (1, 5, 15 min): %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '\nReport saved to %s; server logs in %s\n' "$RUN_DIR/result.txt" "$RUN_DIR"
exit "$status"
