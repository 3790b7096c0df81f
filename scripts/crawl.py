#!/usr/bin/env python3
"""Crawl a running Dudao as each account, following every same-site link, and fail on any error.

    scripts/crawl.py BASE_URL [--user NAME ...] [--password P] [--per-pattern K] [--max-pages N] [--timeout S]

Signs in through the login form (with its CSRF token), then walks the pages breadth-first from the home page,
GET only. Links are grouped by pattern (numbers in the path read as :id, the query string's keys kept, its values
not), and at most K links of each pattern are fetched (default 3), so every kind of page is seen without walking
20 000 schools. Downloads (.xlsx, .csv, .docx, .pdf, files) and logout are not followed. For each account it
prints the pages fetched, the statuses, and the slowest pages; it exits 1 when any page answers 5xx, times out,
or is not reachable, or a link shown on a page answers 4xx other than 403/404 for a 404-style "not yours".

Used at province scale: `dudao seed --scale 20000 --with-visits`, start the server on that database, then
`scripts/crawl.py http://127.0.0.1:8080 --user admin --user office --user county --user leader --user inspector
--user school` (the seed's accounts; password dudao2026).
"""
import argparse
import collections
import html.parser
import http.cookiejar
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

SKIP_SUFFIXES = (".xlsx", ".csv", ".docx", ".pdf", ".png", ".jpg", ".jpeg", ".json", ".css", ".js", ".svg", ".ico")


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []
        self.csrf = None
        self.title = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "input" and a.get("name") == "_csrf":
            self.csrf = a.get("value")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data


def pattern(path_and_query):
    parsed = urllib.parse.urlsplit(path_and_query)
    path = re.sub(r"/\d+(?=/|$)", "/:id", parsed.path)
    path = re.sub(r"/\d{4}-\d{2}(?=/|$)", "/:month", path)
    keys = sorted(set(k for k, _ in urllib.parse.parse_qsl(parsed.query, keep_blank_values=True)))
    return path + ("?" + "&".join(keys) if keys else "")


def crawl(base, user, password, per_pattern, max_pages, timeout):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def fetch(path, data=None):
        started = time.monotonic()
        req = urllib.request.Request(base + path, data=data)
        try:
            with opener.open(req, timeout=timeout) as res:
                body = res.read()
                return res.status, body, res.geturl(), time.monotonic() - started, res.headers.get("Content-Type", "")
        except urllib.error.HTTPError as e:
            return e.code, e.read(), base + path, time.monotonic() - started, e.headers.get("Content-Type", "")

    status, body, _, _, _ = fetch("/login")
    form = Links()
    form.feed(body.decode("utf-8", "replace"))
    if status != 200 or not form.csrf:
        return [f"{user}: /login answered {status} without a CSRF field"], [], collections.Counter()
    data = urllib.parse.urlencode({"username": user, "password": password, "_csrf": form.csrf}).encode()
    status, _, url, _, _ = fetch("/login", data)
    if "/login" in urllib.parse.urlsplit(url).path:
        return [f"{user}: signing in failed (status {status})"], [], collections.Counter()

    seen_patterns = collections.Counter()
    queue = collections.deque([("/", "(home)")])
    visited = set()
    problems, timings = [], []
    statuses = collections.Counter()
    while queue and len(visited) < max_pages:
        path, source = queue.popleft()
        if path in visited:
            continue
        visited.add(path)
        try:
            status, body, _, seconds, ctype = fetch(path)
        except Exception as e:  # timeouts and refused connections
            problems.append(f"{user} {path} (linked from {source}): {type(e).__name__} {e}")
            continue
        statuses[status] += 1
        timings.append((seconds, path))
        if status >= 500 or status in (400, 401, 405, 409, 413, 422, 429):
            problems.append(f"{user} {path} (linked from {source}): {status}")
            continue
        if status in (403, 404):
            # A page may link to a record the account then cannot open only by mistake: shown, not failed.
            print(f"   note: {user} {path} (linked from {source}): {status}")
        if "text/html" not in ctype or status != 200:
            continue
        page = Links()
        page.feed(body.decode("utf-8", "replace"))
        for href in page.hrefs:
            target = urllib.parse.urljoin(base + path, href)
            split = urllib.parse.urlsplit(target)
            if split.netloc != urllib.parse.urlsplit(base).netloc:
                continue
            local = split.path + ("?" + split.query if split.query else "")
            if split.path.startswith(("/logout", "/assets", "/files", "/api")) or split.path.endswith(SKIP_SUFFIXES):
                continue
            if "/export" in split.path or "/download" in split.path:
                continue
            key = pattern(local)
            if local in visited or seen_patterns[key] >= per_pattern:
                continue
            seen_patterns[key] += 1
            queue.append((local, path))
    return problems, timings, statuses


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base")
    p.add_argument("--user", action="append")
    p.add_argument("--password", default="dudao2026")
    p.add_argument("--per-pattern", type=int, default=3)
    p.add_argument("--max-pages", type=int, default=2000)
    p.add_argument("--timeout", type=float, default=60)
    a = p.parse_args()
    users = a.user or ["admin", "office", "leader", "inspector", "school"]
    failed = []
    for user in users:
        started = time.monotonic()
        problems, timings, statuses = crawl(a.base.rstrip("/"), user, a.password, a.per_pattern, a.max_pages, a.timeout)
        took = time.monotonic() - started
        codes = ", ".join(f"{k}×{v}" for k, v in sorted(statuses.items()))
        print(f"== {user}: {len(timings)} pages in {took:.0f} s ({codes})")
        for seconds, path in sorted(timings, reverse=True)[:5]:
            print(f"   {seconds * 1000:8.0f} ms  {path}")
        for line in problems:
            print(f"   FAIL {line}")
        failed += problems
    print(f"== crawl: {'FAILED, ' + str(len(failed)) + ' problems' if failed else 'no errors'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
