#!/usr/bin/env bash
# The API contract test: runs schemathesis (all checks) against the OpenAPI document the server
# serves at /api/openapi.json, on a throw-away demo database, once per account (inspector, then
# office). Fails on any schemathesis failure, any 5xx, any error the server logs, or a server
# that dies on the way.
#
#   scripts/api-contract.sh            full run (default: 100 examples per operation)
#   scripts/api-contract.sh --short    the CI run: 25 examples per operation, about 2 minutes plus the build
#   scripts/api-contract.sh [--short] -- <extra schemathesis run options>
#
# What it does: `swift build --product dudao` (incremental), starts .build/debug/dudao with
# DUDAO_DEMO=1 and DATA_DIR in a temporary directory on a free 127.0.0.1 port, waits for /healthz,
# fetches a bearer token for each account from POST /api/v1/auth/token (first, before anything
# fuzzes that endpoint and trips the login throttle), validates the served document with
# openapi-spec-validator, and runs schemathesis with the check settings in
# scripts/api-contract.toml: every operation as inspector (who may write), then the reads as
# office (who sees the whole district). At the end it lists, per pass, the statuses each operation
# answered (scripts/api-contract-report.py). The server is stopped and the temporary directory is
# deleted on exit, whatever happens.
#
# Knobs (all optional):
#   API_CONTRACT_SKIP_BUILD=1   use the existing .build/debug/dudao as it is
#   API_CONTRACT_ROLES          accounts to test as, in order (default "inspector office")
#   API_CONTRACT_EXAMPLES       examples per operation (default 100, --short 25)
#   API_CONTRACT_TIMEOUT        seconds one pass may take before it counts as failed (3600, --short 600)
#   API_CONTRACT_SEED           schemathesis seed (default: random; the run prints the one used)
#   API_CONTRACT_VENV           virtualenv for schemathesis (default ~/.cache/dudao/api-contract-venv)
#   API_CONTRACT_KEEP=1         keep the temporary directory (server log, reports) for a look
#   API_CONTRACT_DATABASE_URL   run the server on this (empty) PostgreSQL database instead of SQLite
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)

SCHEMATHESIS_VERSION=4.32.5
VALIDATOR_VERSION=0.9.0
DEMO_PASSWORD=dudao2026 # the demo accounts' published password (README), for a throw-away database only

short=0
extra=()
while (($#)); do
    case $1 in
        --short) short=1 ;;
        --) shift; extra=("$@"); break ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "api-contract: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if ((short)); then
    examples=${API_CONTRACT_EXAMPLES:-25}
    pass_limit=${API_CONTRACT_TIMEOUT:-600}
else
    examples=${API_CONTRACT_EXAMPLES:-100}
    pass_limit=${API_CONTRACT_TIMEOUT:-3600}
fi
read -r -a roles <<<"${API_CONTRACT_ROLES:-inspector office}"

log() { printf '=== api-contract: %s\n' "$*"; }

TMP=""
SERVER_PID=""
RUN_PID=""
# Stops a process (or, given "-PID", a process group): TERM, up to 5 s, then KILL.
stop() {
    kill -0 -- "$1" 2>/dev/null || return 0
    kill -TERM -- "$1" 2>/dev/null
    for _ in $(seq 50); do kill -0 -- "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "$1" 2>/dev/null
}
cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM HUP
    # schemathesis runs under `timeout`, which leads a process group of its own.
    if [[ -n $RUN_PID ]]; then
        stop "-$RUN_PID"
        wait "$RUN_PID" 2>/dev/null
    fi
    if [[ -n $SERVER_PID ]]; then
        stop "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null
    fi
    if [[ -n $TMP && -d $TMP ]]; then
        if ((rc != 0)) && [[ -f $TMP/server.log ]]; then
            echo "=== api-contract: last 40 lines of the server log:"
            tail -n 40 -- "$TMP/server.log"
        fi
        if [[ ${API_CONTRACT_KEEP:-0} == 1 ]]; then
            log "kept $TMP"
        else
            rm -rf -- "$TMP"
        fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

started=$SECONDS

# --- 1. the server binary ------------------------------------------------------
if [[ ${API_CONTRACT_SKIP_BUILD:-0} != 1 ]]; then
    log "swift build --product dudao"
    swift build --product dudao
fi
BIN=$ROOT/.build/debug/dudao
[[ -x $BIN ]] || { echo "api-contract: $BIN is missing (build it with: swift build --product dudao)" >&2; exit 1; }

# --- 2. schemathesis, in its own virtualenv ------------------------------------------
VENV=${API_CONTRACT_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/dudao/api-contract-venv}
if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        log "installing python3 and python3-venv"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
    else
        echo "api-contract: python3 with the venv module is needed" >&2
        exit 1
    fi
fi
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -qF "$SCHEMATHESIS_VERSION" \
    || ! "$VENV/bin/python" -c 'import openapi_spec_validator' 2>/dev/null; then
    log "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
    rm -rf -- "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check \
        "schemathesis==$SCHEMATHESIS_VERSION" "openapi-spec-validator==$VALIDATOR_VERSION"
fi
PY=$VENV/bin/python

# --- 3. the server, on a throw-away demo database ---------------------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dudao-api-contract.XXXXXX")
mkdir -p "$TMP/data" "$TMP/work"

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_server() {
    PORT=$(free_port)
    BASE=http://127.0.0.1:$PORT
    DATA_DIR=$TMP/data DATABASE_URL=${API_CONTRACT_DATABASE_URL:-} DUDAO_DEMO=1 HOST=127.0.0.1 PORT=$PORT \
        "$BIN" serve >>"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
    local deadline=$((SECONDS + 120))
    until "$PY" - "$BASE/healthz" <<'EOF' 2>/dev/null; do
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            wait "$SERVER_PID" 2>/dev/null || true
            SERVER_PID=""
            return 1
        fi
        if ((SECONDS > deadline)); then
            echo "api-contract: the server did not answer /healthz within 120 s" >&2
            exit 1
        fi
        sleep 0.3
    done
}

attempt=1
until start_server; do
    # Lost a race for the port? Try another a few times.
    if ((attempt < 3)) && grep -qi "address already in use" "$TMP/server.log"; then
        attempt=$((attempt + 1))
        log "port $PORT taken meanwhile; retrying"
    else
        echo "api-contract: the server stopped while starting" >&2
        exit 1
    fi
done
log "server up on $BASE (pid $SERVER_PID, data in $TMP/data)"

# --- 4. tokens first: fuzzing /auth/token later trips the login throttle for this address ---------
declare -A tokens
for role in "${roles[@]}"; do
    tokens[$role]=$("$PY" - "$BASE/api/v1/auth/token" "$role" "$DEMO_PASSWORD" <<'EOF'
import json, sys, urllib.request
url, username, password = sys.argv[1:4]
body = json.dumps({"username": username, "password": password}).encode()
req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
with urllib.request.urlopen(req, timeout=30) as r:
    print(json.load(r)["token"])
EOF
    ) || { echo "api-contract: could not get a token for $role" >&2; exit 1; }
done

# --- 5. the document itself -----------------------------------------------------------
"$PY" - "$BASE/api/openapi.json" "$TMP/operations.json" <<'EOF'
import json, sys, urllib.request
from openapi_spec_validator import validate
with urllib.request.urlopen(sys.argv[1], timeout=30) as r:
    doc = json.load(r)
validate(doc)
methods = ("get", "put", "post", "delete", "patch")
operations = {path: [m for m in item if m in methods] for path, item in doc["paths"].items()}
with open(sys.argv[2], "w") as f:
    json.dump(operations, f)
count = sum(len(m) for m in operations.values())
print(f"=== api-contract: /api/openapi.json is a valid OpenAPI {doc['openapi']} document, {count} operations")
EOF

# --- 6. schemathesis, once per account ---------------------------------------------------------
failed=()
summaries=()
pass=0
for role in "${roles[@]}"; do
    pass=$((pass + 1))
    reports=$TMP/work/report-$role
    args=(
        run "$BASE/api/openapi.json"
        --checks all
        --header "Authorization: Bearer ${tokens[$role]}"
        --max-examples "$examples"
        --generation-database none
        --request-timeout 30
        --report json,har --report-dir "$reports"
        --no-color
    )
    # Writes (and the token endpoint) in the first pass; the reads of every later account.
    ((pass > 1)) && args+=(--include-method GET)
    [[ -n ${API_CONTRACT_SEED:-} ]] && args+=(--seed "$API_CONTRACT_SEED")
    args+=(${extra[@]+"${extra[@]}"})
    log "schemathesis as $role: $( ((pass > 1)) && echo "read operations" || echo "all operations"), $examples examples each"
    t0=$SECONDS
    rc=0
    # In the background and `wait`ed for, so that a signal stops it at once (see cleanup).
    (cd "$TMP/work" && exec timeout -k 30s "$pass_limit" \
        "$VENV/bin/schemathesis" --config-file "$ROOT/scripts/api-contract.toml" "${args[@]}") &
    RUN_PID=$!
    wait "$RUN_PID" || rc=$?
    RUN_PID=""
    took=$((SECONDS - t0))
    case $rc in
        0) summaries+=("$role: passed (${took}s)") ;;
        124) summaries+=("$role: FAILED, timed out after ${pass_limit}s") ;;
        *) summaries+=("$role: FAILED, schemathesis exit $rc (${took}s)") ;;
    esac
    "$PY" "$ROOT/scripts/api-contract-report.py" "$reports" "$role" "$TMP/operations.json" \
        >>"$TMP/statuses.txt" || true
    if ((rc != 0)); then failed+=("$role"); fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "api-contract: the server died during the $role pass" >&2
        failed+=("server died")
        break
    fi
done

# --- 7. the server's own view: no error logged (a 5xx is logged with its cause) --------------------
if grep -nE '\[ (ERROR|CRITICAL) \]' "$TMP/server.log" >"$TMP/errors.txt"; then
    echo "=== api-contract: the server logged errors:"
    head -n 40 "$TMP/errors.txt"
    failed+=("server errors")
fi

echo
for s in "${summaries[@]}"; do log "$s"; done
cat "$TMP/statuses.txt" 2>/dev/null || true
if ((${#failed[@]})); then
    log "FAILED (${failed[*]}) after $((SECONDS - started))s"
    exit 1
fi
log "passed after $((SECONDS - started))s"
