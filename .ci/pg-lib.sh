# shellcheck shell=bash
# Shared helpers for running a private, throw-away PostgreSQL cluster.
# Sourced by .ci/run (CI) and scripts/pg-local.sh (developers). This file
# does not change shell options; callers are expected to use `set -euo pipefail`.
#
# The cluster is owned by the `postgres` OS user when we run as root (the
# server refuses to run as root), otherwise by the invoking user. It listens
# only on 127.0.0.1 and on a Unix socket in a private directory, with `trust`
# auth, and gets an application role/database for the tests:
#   role dudao / password dudao (LOGIN, CREATEDB), database dudao_test.

[[ -n ${__DUDAO_PG_LIB:-} ]] && return 0
__DUDAO_PG_LIB=1

: "${PG_APP_USER:=dudao}"
: "${PG_APP_PASSWORD:=dudao}"
: "${PG_APP_DB:=dudao_test}"
: "${PG_DEFAULT_PORT:=55432}"
: "${PG_LOCALE:=C.UTF-8}"      # initdb falls back to C if this locale is unavailable

PG_BIN=""                      # set by pg_find_bindir
if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
    PG_OS_USER=postgres
else
    PG_OS_USER=$(id -un)
fi

pg_log() { printf '[pg] %s\n' "$*" >&2; }
pg_die() { printf '[pg] ERROR: %s\n' "$*" >&2; return 1; }

# Sets PG_BIN to the bin dir of the highest installed server version.
pg_find_bindir() {
    local d best=""
    # `sort -V` orders 9.6 < 10 < 15 < 16 correctly.
    while IFS= read -r d; do
        [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]] && best=$d
    done < <(
        for d in /usr/lib/postgresql/*/bin; do
            [[ -d $d ]] && printf '%s\n' "$d"
        done | sort -V
    )
    [[ -n $best ]] || return 1
    PG_BIN=$best
}

# Installs the server from apt if no /usr/lib/postgresql/*/bin/initdb exists.
pg_ensure_server() {
    if ! pg_find_bindir; then
        [[ ${EUID:-$(id -u)} -eq 0 ]] ||
            { pg_die "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin and not root; install the 'postgresql' package"; return 1; }
        pg_log "no PostgreSQL server found; installing it with apt-get"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
        pg_find_bindir || { pg_die "postgresql installed but no initdb found under /usr/lib/postgresql/*/bin"; return 1; }
    fi
    id -u "$PG_OS_USER" >/dev/null 2>&1 ||
        { pg_die "OS user '$PG_OS_USER' does not exist (it is created by the postgresql package)"; return 1; }
    pg_log "using server binaries in $PG_BIN ($("$PG_BIN/postgres" --version))"
}

# Runs a command as the cluster's OS user (from / so an unreadable cwd is harmless).
pg_as_owner() {
    if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u "$PG_OS_USER" -- "$@")
        else
            local cmd
            printf -v cmd '%q ' "$@"
            (cd / && su -s /bin/sh "$PG_OS_USER" -c "$cmd")
        fi
    else
        "$@"
    fi
}

# Makes (or takes over) a directory for the cluster: owned by the OS user, mode 700.
pg_prepare_dir() {
    local dir=$1
    mkdir -p -- "$dir"
    if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
        chown "$PG_OS_USER": -- "$dir"
    fi
    chmod 700 -- "$dir"
    pg_as_owner test -w "$dir" -a -x "$dir" ||
        { pg_die "$PG_OS_USER cannot use $dir (is a parent directory not searchable by $PG_OS_USER?)"; return 1; }
}

# True if something accepts TCP connections on 127.0.0.1:PORT.
pg_port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        ss -Htln "sport = :$port" 2>/dev/null | grep -q . && return 0
    fi
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
}

# Prints the first free port at or after $1 (default PG_DEFAULT_PORT).
pg_pick_port() {
    local port=${1:-$PG_DEFAULT_PORT} last
    last=$((port + 200))
    while ((port <= last)); do
        if ! pg_port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
        port=$((port + 1))
    done
    pg_die "no free TCP port in ${1:-$PG_DEFAULT_PORT}..$last"
}

# initdb DATADIR (if not initialised yet). The parent must be writable by the OS user.
pg_cluster_init() {
    local data=$1
    if [[ -f $data/PG_VERSION ]]; then
        return 0
    fi
    local opts=(-D "$data" -U postgres --auth=trust -E UTF8)
    if ! pg_as_owner "$PG_BIN/initdb" "${opts[@]}" --locale="$PG_LOCALE" >"$data.initdb.log" 2>&1; then
        pg_log "initdb with --locale=$PG_LOCALE failed; retrying with --locale=C"
        sed 's/^/[initdb] /' "$data.initdb.log" >&2 || true
        rm -rf -- "$data"
        if ! pg_as_owner "$PG_BIN/initdb" "${opts[@]}" --locale=C >"$data.initdb.log" 2>&1; then
            sed 's/^/[initdb] /' "$data.initdb.log" >&2 || true
            pg_die "initdb failed"
            return 1
        fi
    fi
    rm -f -- "$data.initdb.log"
}

# pg_cluster_start DATADIR SOCKDIR LOGFILE PORT
pg_cluster_start() {
    local data=$1 sock=$2 logfile=$3 port=$4
    case "$sock" in *"'"* | *"\\"*)
        pg_die "socket directory path must not contain quotes or backslashes: $sock"; return 1 ;;
    esac
    # Unix socket paths are limited to ~107 bytes.
    if (( ${#sock} + 20 > 107 )); then
        pg_die "socket directory path is too long for a Unix socket: $sock"; return 1
    fi
    if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$logfile" -w -t 60 \
            -o "-k '$sock' -h 127.0.0.1 -p $port" start >/dev/null; then
        pg_log "pg_ctl start failed; server log ($logfile):"
        tail -n 30 -- "$logfile" 2>/dev/null | sed 's/^/[postgres] /' >&2 || true
        return 1
    fi
    pg_log "PostgreSQL started on 127.0.0.1:$port (data $data, log $logfile)"
}

# True if a server is running for DATADIR.
pg_cluster_running() {
    local data=$1
    [[ -f $data/postmaster.pid ]] || return 1
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

# Fast shutdown of DATADIR's server; falls back to signalling its postmaster PID.
pg_cluster_stop() {
    local data=$1 pid=""
    [[ -f $data/postmaster.pid ]] || return 0
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1; then
        pg_log "PostgreSQL stopped ($data)"
        return 0
    fi
    read -r pid <"$data/postmaster.pid" 2>/dev/null || true
    if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
        pg_log "pg_ctl stop failed; sending SIGQUIT (immediate shutdown) to postmaster $pid"
        kill -QUIT "$pid" 2>/dev/null || true
        local _
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            kill -0 "$pid" 2>/dev/null || return 0
            sleep 1
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

# Runs psql as the superuser over TCP. Extra args are passed to psql.
pg_psql_super() {
    local port=$1
    shift
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

# Creates the application role and database (idempotent).
pg_create_app_db() {
    local port=$1
    pg_psql_super "$port" \
        -v app_user="$PG_APP_USER" -v app_pass="$PG_APP_PASSWORD" -v app_db="$PG_APP_DB" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'app_user', :'app_pass')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'app_user', :'app_pass') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'app_db', :'app_user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'app_db') \gexec
SQL
}

# Prints the connection URL for the application database.
pg_app_url() {
    printf 'postgres://%s:%s@127.0.0.1:%s/%s\n' "$PG_APP_USER" "$PG_APP_PASSWORD" "$1" "$PG_APP_DB"
}
