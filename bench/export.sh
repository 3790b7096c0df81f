#!/usr/bin/env bash
# A province's problem register exported (issue 12: "a 300 000-row export"): `dudao seed --scale N --with-visits`
# (N = 28 000 schools gives about 300 000 problems), then the office's /problems/export.csv and .xlsx of every
# problem, timed with curl, and the server's peak memory (VmHWM from /proc) before and after; on the same data, the
# province dashboard, a district's dashboard, the monthly-report list and a district's bulletin draft (median of
# three requests). Release build.
#
#   bench/export.sh [N=28000]
#   BENCH_DATABASE_URL=postgres://dudao:dudao@127.0.0.1:55432/dudao_bench bench/export.sh   # also PostgreSQL
#
# On PostgreSQL the database named in BENCH_DATABASE_URL is dropped and created again (the role needs CREATEDB).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-28000}
PORT=${PORT:-8097}
if [[ -z ${BIN:-} ]]; then
    swift build -c release --scratch-path .build-release --product dudao >/dev/null
    BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/dudao"
fi
work=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

hwm() { awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$1/status"; }

run() {
    local label=$1
    shift
    echo "== $label: $N schools"
    /usr/bin/time -f "seed: %e s, %M KiB peak" env "$@" DATA_DIR="$work/$label" "$BIN" seed --scale "$N" --with-visits \
        >/dev/null
    env "$@" DATA_DIR="$work/$label" PORT=$PORT DUDAO_JOBS=0 "$BIN" >"$work/$label.log" 2>&1 &
    server=$!
    until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.5; done
    local jar=$work/$label.cookies
    curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" >/dev/null
    local token
    token=$(awk '$6 == "dudao_csrf" {print $7}' "$jar")
    curl -s -c "$jar" -b "$jar" -o /dev/null -d "_csrf=$token&username=office&password=dudao2026" \
        "http://127.0.0.1:$PORT/login"
    curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$PORT/problems?state=all"
    echo "server after login and one register page: $(hwm $server)"
    for page in "/dashboard" "/dashboard?township=2" "/monthly-reports?month=$(date -d 'last month' +%Y-%m)"; do
        for _ in 1 2 3; do
            curl -s -b "$jar" -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$PORT$page"
        done | sort -n | sed -n 2p | sed "s|^|$page median (s): |"
    done
    local csrf month
    csrf=$(curl -s -b "$jar" "http://127.0.0.1:$PORT/bulletins" | grep -o 'name="_csrf" value="[^"]*"' | head -1 |
        sed 's/.*value="//; s/"$//')
    month=$(date -d 'last month' +%Y-%m)
    for _ in 1 2 3; do
        curl -s -b "$jar" -o /dev/null -w "%{time_total}\n" -d "_csrf=$csrf&month=$month&ranking=on" \
            "http://127.0.0.1:$PORT/bulletins"
    done | sort -n | sed -n 2p | sed "s|^|POST /bulletins (a district's $month with the ranking) median (s): |"
    for format in csv xlsx; do
        curl -s -b "$jar" -o "$work/export.$format" \
            -w "export.$format: %{time_total} s, first byte after %{time_starttransfer} s, %{size_download} bytes\n" \
            "http://127.0.0.1:$PORT/problems/export.$format?state=all"
        echo "server peak memory so far: $(hwm $server)"
    done
    python3 - "$work/export.csv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    print("rows in the CSV (without the header):", sum(1 for _ in csv.reader(f)) - 1)
PY
    kill $server
    wait $server 2>/dev/null || true
    server=
}

run sqlite
if [[ -n ${BENCH_DATABASE_URL:-} ]]; then
    db=${BENCH_DATABASE_URL##*/}
    admin=${BENCH_DATABASE_URL%/*}/postgres
    psql -X -q "$admin" -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\""
    run postgres DATABASE_URL="$BENCH_DATABASE_URL"
fi
