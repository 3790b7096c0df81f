#!/usr/bin/env bash
# Private PostgreSQL cluster for running the tests locally, kept in ./.pgdata
# at the repository root (same setup as CI: trust auth, 127.0.0.1 only,
# role dudao/dudao owning database dudao_test).
#
#   scripts/pg-local.sh [start]   start it (initialising on first use) and print the URL
#   scripts/pg-local.sh stop      stop it
#   scripts/pg-local.sh status    say whether it is running
#   scripts/pg-local.sh destroy   stop it and delete ./.pgdata
#
# Then:  export TEST_DATABASE_URL=postgres://dudao:dudao@127.0.0.1:55432/dudao_test
#        swift test
# Port: 55432, or PG_PORT=... (remembered in .pgdata/port for later runs).
# As root the cluster is owned by the `postgres` OS user; otherwise by you.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=.ci/pg-lib.sh
source "$ROOT/.ci/pg-lib.sh"

BASE=$ROOT/.pgdata
DATA=$BASE/data
LOG=$BASE/postgres.log
PORT_FILE=$BASE/port
SOCK=$BASE/run
# Unix socket paths are limited to ~107 bytes; use a short /tmp dir for deep checkouts.
if (( ${#SOCK} + 20 > 107 )); then
    SOCK=${TMPDIR:-/tmp}/dudao-pg-$(id -u)-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
fi

saved_port() {
    local p=""
    [[ -f $PORT_FILE ]] && read -r p <"$PORT_FILE"
    printf '%s\n' "${PG_PORT:-${p:-$PG_DEFAULT_PORT}}"
}

print_url() {
    echo "export TEST_DATABASE_URL=$(pg_app_url "$1")"
}

cmd=${1:-start}
case "$cmd" in
start)
    pg_ensure_server
    port=$(saved_port)
    if pg_cluster_running "$DATA"; then
        pg_log "already running"
        print_url "$port"
        exit 0
    fi
    if pg_port_in_use "$port"; then
        pg_die "port $port is already in use; pick another, e.g. PG_PORT=55433 $0 start"
        exit 1
    fi
    pg_prepare_dir "$BASE"
    [[ -d $SOCK ]] || pg_as_owner mkdir -m 700 "$SOCK"
    pg_cluster_init "$DATA"
    pg_cluster_start "$DATA" "$SOCK" "$LOG" "$port"
    printf '%s\n' "$port" >"$PORT_FILE"
    pg_create_app_db "$port"
    print_url "$port"
    ;;
stop)
    if [[ -d $DATA ]] && pg_find_bindir; then
        pg_cluster_stop "$DATA"
    else
        pg_log "no cluster in $BASE"
    fi
    ;;
status)
    if [[ -d $DATA ]] && pg_find_bindir && pg_cluster_running "$DATA"; then
        pg_log "running on port $(saved_port)"
        print_url "$(saved_port)"
    else
        pg_log "not running"
        exit 3
    fi
    ;;
destroy)
    if [[ -d $DATA ]] && pg_find_bindir; then
        pg_cluster_stop "$DATA"
    fi
    rm -rf -- "$BASE"
    [[ $SOCK == "$BASE"/* ]] || rm -rf -- "$SOCK"
    pg_log "removed $BASE"
    ;;
*)
    echo "usage: $0 [start|stop|status|destroy]" >&2
    exit 2
    ;;
esac
