#!/usr/bin/env python3
"""Summarises one schemathesis pass of scripts/api-contract.sh from its JSON and HAR reports:
what was tested, and which statuses each operation answered (so that a run which never reached
a 2xx for some operation shows it)."""

import collections
import json
import pathlib
import re
import sys


def main(report_dir: str, role: str, operations: str) -> None:
    d = pathlib.Path(report_dir)
    runs = sorted(d.glob("json-*.json"))
    hars = sorted(d.glob("har-*.json"))
    if not runs or not hars:
        print(f"=== api-contract: {role}: no schemathesis report in {d}")
        return
    run = json.loads(runs[-1].read_text())
    har = json.loads(hars[-1].read_text())
    ops = json.loads(pathlib.Path(operations).read_text())

    # Path templates of the document, most specific first, to name each request's operation.
    templates = []
    for path in ops:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$"
        templates.append((path.count("{"), path, re.compile(pattern)))
    templates.sort()

    statuses = collections.defaultdict(collections.Counter)
    probes = collections.Counter()
    for entry in har["log"]["entries"]:
        method = entry["request"]["method"]
        path = re.sub(r"^https?://[^/]+", "", entry["request"]["url"]).split("?", 1)[0]
        status = entry["response"]["status"]
        name = next((p for _, p, rx in templates if rx.match(path)), path)
        if method.lower() not in ops.get(name, []):
            probes[(method if method == "OPTIONS" else "other", status)] += 1
            continue
        statuses[f"{method} {name}"][status] += 1

    cases = run["test_cases"]
    operations = run["operations"]
    print(
        f"=== api-contract: {role}: {operations['tested']}/{operations['total']} operations, "
        f"{cases['generated']} test cases, {len(run['failures'])} failures, {len(run['errors'])} errors, "
        f"{sum(sum(c.values()) for c in statuses.values()) + sum(probes.values())} requests, "
        f"seed {run['seed']}, {run['running_time']:.0f}s"
    )
    for op in sorted(statuses, key=lambda k: (k.split(" ", 1)[1], k)):
        counts = ", ".join(f"{s}×{n}" for s, n in sorted(statuses[op].items()))
        print(f"      {op:45} {counts}")
    if probes:
        counts = ", ".join(f"{m} {s}×{n}" for (m, s), n in sorted(probes.items()))
        print(f"      {'methods the document does not list':45} {counts}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
