#!/usr/bin/env bash
# A campaign at province scale (issue 11), timed phase by phase with a release build: creating a campaign over
# N schools with an ITEMS-item indicator system, the progress board, the team's ratings of every target, scoring
# all targets together and the ranking; then the same campaign as an assessment: every 自评 written and scored, the
# ranking with it, the city's 10% draw and one 抽评. Peak memory from /usr/bin/time -v (Debian package `time`).
#
#   bench/campaign.sh [N=20000] [ITEMS=60]
#   BENCH_DATABASE_URL=postgres://dudao:dudao@127.0.0.1:55432/dudao_bench bench/campaign.sh   # also PostgreSQL
#
# On PostgreSQL the database named in BENCH_DATABASE_URL is dropped and created again (the role needs CREATEDB).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-20000}
ITEMS=${2:-60}
# Its own build folder, so a debug build or test run in .build is not disturbed; BIN=… uses a binary already built.
if [[ -z ${BIN:-} ]]; then
    swift build -c release --scratch-path .build-release --product dudao >/dev/null
    BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/dudao"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {
    local label=$1
    shift
    echo "== $label: $N schools, $ITEMS items"
    env "$@" DATA_DIR="$work/$label" DUDAO_JOBS=0 /usr/bin/time -v "$BIN" bench-campaign --targets "$N" --items "$ITEMS" \
        2>"$work/$label.time"
    grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/$label.time"
    if [[ -f $work/$label/dudao.sqlite ]]; then du -h "$work/$label/dudao.sqlite" | cut -f1 | sed 's/^/database size: /'; fi
}

run sqlite
if [[ -n ${BENCH_DATABASE_URL:-} ]]; then
    db=${BENCH_DATABASE_URL##*/}
    admin=${BENCH_DATABASE_URL%/*}/postgres
    psql -X -q "$admin" -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\""
    run postgres DATABASE_URL="$BENCH_DATABASE_URL"
    psql -X -At "$BENCH_DATABASE_URL" -c "SELECT pg_size_pretty(pg_database_size(current_database()))" |
        sed 's/^/database size: /'
fi
