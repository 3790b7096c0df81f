#!/usr/bin/env python3
"""The SIGKILL test: writers record visits and problems through the API while the server is killed with SIGKILL;
after a restart on the same data every write the server acknowledged must be there, whole, and the token issued
before the crash must still work. SQLite by default; PostgreSQL with --postgres URL (a database of its own is created
from that connection and dropped afterwards).

With --signal TERM it is the graceful-shutdown test instead: the server must stop accepting, finish every request
it had begun (none cut off mid-response), exit with status 0 within 30 s, and keep every acknowledged write.

    scripts/crash-test.py                       # SQLite, 8 writers for 8 s
    scripts/crash-test.py --seconds 4 --postgres postgres://dudao:dudao@127.0.0.1:55432/dudao_test
    scripts/crash-test.py --signal TERM

Needs a built server (swift build --product dudao) and, for PostgreSQL, psql. Exit status 0 when every acknowledged
write is present; 1 otherwise, with the missing ones listed.
"""
import argparse
import datetime
import http.client
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "dudao2026"  # the demo accounts' published password, for a throw-away database only


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(method, url, token=None, body=None, timeout=30):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        return e.code, None


def start(binary, env, log):
    return subprocess.Popen([binary], env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_healthy(base, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if call("GET", base + "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"crash-test: the server did not answer /healthz within {seconds} s")


def writer(n, base, token, schools, today, stop, acked, lock):
    i = 0
    while not stop.is_set():
        i += 1
        sending = ("visits", "summary", f"crash-w{n}-{i}")
        try:
            status, visit = call(
                "POST", base + "/api/v1/visits", token,
                {"schoolId": random.choice(schools), "date": today, "start": "08:30", "kind": "routine",
                 "summary": f"crash-w{n}-{i}"})
            if status != 201:
                continue
            with lock:
                acked["visits"][visit["id"]] = []
            description = f"crash-w{n}-{i} 消防通道堆放杂物"
            sending = ("problems", "description", description)
            status, _ = call(
                "POST", f"{base}/api/v1/visits/{visit['id']}/problems", token,
                {"category": "安全", "severity": "minor", "disposition": "rectify", "description": description})
            if status == 201:
                with lock:
                    acked["visits"][visit["id"]].append(description)
                    acked["problems"] += 1
        except urllib.error.URLError:
            # Refused: the server is down or no longer accepting. Such a write was never sent.
            time.sleep(0.05)
        except (OSError, ValueError, http.client.HTTPException):
            # Sent and then cut off before the whole answer: never acknowledged, and a graceful stop must not do it.
            with lock:
                acked["cut"].append(sending)
            time.sleep(0.05)


def stored_count(args, env, tmp, table, column, value):
    """How many rows of `table` have `column` = `value`, read straight from the database."""
    if args.postgres:
        # From standard input: psql quotes the variable there (it does not in -c).
        out = subprocess.run(
            ["psql", "-X", "-At", env["DATABASE_URL"], "-v", "v=" + value, "-f", "-"],
            input=f"SELECT count(*) FROM {table} WHERE {column} = :'v';", capture_output=True, text=True,
            check=True).stdout
        return int(out.strip() or 0)
    with sqlite3.connect(tmp + "/data/dudao.sqlite") as db:
        return db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", (value,)).fetchone()[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "dudao"))
    ap.add_argument("--seconds", type=float, default=8)
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--postgres", help="a PostgreSQL URL to create the test's own database from")
    ap.add_argument("--signal", choices=["KILL", "TERM"], default="KILL")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"crash-test: {binary} is missing (swift build --product dudao)")

    tmp = tempfile.mkdtemp(prefix="dudao-crash.")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, DATA_DIR=tmp + "/data", HOST="127.0.0.1", PORT=str(port), DUDAO_DEMO="1",
               DUDAO_JOBS="0", DUDAO_SECURE_COOKIES="0")
    env.pop("DATABASE_URL", None)
    database = None
    if args.postgres:
        database = f"dudao_crash_{os.getpid()}"
        subprocess.run(["psql", "-X", "-q", args.postgres, "-c", f"CREATE DATABASE {database}"], check=True)
        parts = urllib.parse.urlsplit(args.postgres)
        env["DATABASE_URL"] = urllib.parse.urlunsplit(parts._replace(path="/" + database))
    log = open(tmp + "/server.log", "ab")
    server = start(binary, env, log)
    ok = False
    try:
        wait_healthy(base)
        status, body = call("POST", base + "/api/v1/auth/token", body={"username": "inspector", "password": PASSWORD})
        if status != 200:
            sys.exit(f"crash-test: no token for the demo inspector ({status})")
        token = body["token"]
        status, page = call("GET", base + "/api/v1/schools?per=50", token)
        schools = [s["id"] for s in page["items"]]
        today = datetime.date.today().isoformat()

        acked = {"visits": {}, "problems": 0, "cut": []}
        lock = threading.Lock()
        stop = threading.Event()
        threads = [threading.Thread(target=writer, args=(n, base, token, schools, today, stop, acked, lock))
                   for n in range(args.writers)]
        for t in threads:
            t.start()
        time.sleep(args.seconds)
        stopped = None
        if args.signal == "KILL":
            server.kill()  # SIGKILL: no shutdown, no flush, mid-write
            server.wait()
        else:
            server.terminate()
            try:
                stopped = server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        time.sleep(0.5)
        stop.set()
        for t in threads:
            t.join()

        server = start(binary, env, log)
        wait_healthy(base)
        missing = []
        for visit, problems in sorted(acked["visits"].items()):
            status, record = call("GET", f"{base}/api/v1/visits/{visit}", token)
            if status != 200:
                missing.append(f"visit {visit}: {status}")
                continue
            stored = {p["description"] for p in record.get("problems", [])}
            missing += [f"visit {visit}: problem “{d}”" for d in problems if d not in stored]
        integrity = "n/a"
        if not args.postgres:
            with sqlite3.connect(tmp + "/data/dudao.sqlite") as db:
                integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
            if integrity != "ok":
                missing.append("SQLite integrity_check: " + integrity)
        # A request cut off before the server read it was never begun (as if refused); one the server carried out
        # and then cut off its answer was begun and not finished: a graceful stop must not do that.
        begun = [c for c in acked["cut"] if stored_count(args, env, tmp, *c) > 0]
        if args.signal == "TERM":
            if stopped != 0:
                missing.append(f"after SIGTERM the server exited with {stopped} (expected 0 within 30 s)")
            if begun:
                missing.append(f"{len(begun)} requests carried out but cut off mid-response by SIGTERM")
        kind = "PostgreSQL" if args.postgres else "SQLite"
        print(f"crash-test ({kind}, SIG{args.signal}): {len(acked['visits'])} visits and {acked['problems']} problems "
              f"acknowledged before the signal, {len(acked['cut'])} requests cut off ({len(begun)} of them carried "
              f"out); after the restart {len(missing)} "
              f"missing; token still valid; integrity {integrity}")
        for m in missing[:50]:
            print("  missing:", m)
        ok = not missing and len(acked["visits"]) > 0 and acked["problems"] > 0
        if not acked["problems"]:
            print("  no write was acknowledged: nothing was tested")
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
        log.close()
        if database:
            subprocess.run(["psql", "-X", "-q", args.postgres, "-c", f"DROP DATABASE IF EXISTS {database}"])
        if ok:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print("  server log kept in", tmp + "/server.log")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
