#!/usr/bin/env python3
"""Drive Joined-up's main pages as signed-in demo users and print throughput and latency.

    python scripts/load_test.py --base-url http://127.0.0.1:8001 --duration 30 --concurrency 8

Each virtual user signs in through the real form, then walks the pages people use most:
home, each visible initiative's overview and the sections linked from it. Pages are found
by following links, so new sections are exercised without editing this script. Standard
library only, so it runs anywhere the project does. Prints requests per second, median
and 95th-percentile latency, and the number of errors: any answer but 200 (a redirect to sign in
means the session was lost) or a failed connection.
"""

from __future__ import annotations

import argparse
import http.client
import re
import statistics
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field

DEMO_USERS = [
    "priya.shah@dwp.example",
    "david.okafor@dwp.example",
    "sian.evans@hmrc.example",
    "tom.barker@manchester.example",
    "ruth.adeyemi@ipa.example",
]
PASSWORD = "joined-up-demo"  # noqa: S105 - the published demo password
INITIATIVE_LINK = re.compile(r'href="(/initiatives/[a-z0-9-]+/)"')
SECTION_LINK = re.compile(r'href="(/initiatives/[a-z0-9-]+/[a-z0-9/-]+/)"')
SKIP_SECTIONS = ("/edit/", "/new", "/remove/", "/export", "/download", "/import")


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, status: int, path: str) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if status != 200:
                self.errors[f"{status} {path}"] += 1


class Browser:
    """One signed-in user on one keep-alive connection."""

    def __init__(self, base_url: str):
        parsed = urllib.parse.urlsplit(base_url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}/sign-in/"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.read().decode("utf-8", "replace")

    def sign_in(self, email: str) -> None:
        _, page = self.request("GET", "/sign-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD})
        status, _ = self.request("POST", "/sign-in/", form)
        if status != 302:
            raise SystemExit(f"Could not sign in as {email} (status {status}); was seed_demo run?")


def discover_paths(browser: Browser) -> list[str]:
    _, home = browser.request("GET", "/")
    paths = ["/"]
    for initiative in sorted(set(INITIATIVE_LINK.findall(home)))[:10]:
        paths.append(initiative)
        _, overview = browser.request("GET", initiative)
        sections = sorted(set(SECTION_LINK.findall(overview)))
        paths.extend(p for p in sections if not any(skip in p for skip in SKIP_SECTIONS))
    return paths


def virtual_user(base_url: str, email: str, deadline: float, results: Results) -> None:
    browser = Browser(base_url)
    browser.sign_in(email)
    paths = discover_paths(browser)
    index = 0
    while time.monotonic() < deadline:
        path = paths[index % len(paths)]
        index += 1
        started = time.perf_counter()
        try:
            status, _ = browser.request("GET", path)
        except (http.client.HTTPException, OSError):
            status = 599
        results.add(time.perf_counter() - started, status, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8001")
    parser.add_argument("--duration", type=float, default=30, help="seconds of load after sign-in")
    parser.add_argument("--concurrency", type=int, default=8, help="virtual users at once")
    args = parser.parse_args()

    results = Results()
    deadline = time.monotonic() + args.duration
    threads = [
        threading.Thread(
            target=virtual_user, args=(args.base_url, DEMO_USERS[n % len(DEMO_USERS)], deadline, results)
        )
        for n in range(args.concurrency)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    latencies = sorted(results.latencies)
    if not latencies:
        raise SystemExit("No requests completed")
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    print(f"requests:        {len(latencies)} in {elapsed:.1f} s with {args.concurrency} users")
    print(f"throughput:      {len(latencies) / elapsed:.1f} requests/s")
    print(f"median latency:  {statistics.median(latencies) * 1000:.1f} ms")
    print(f"95th percentile: {p95 * 1000:.1f} ms")
    print(f"errors:          {sum(results.errors.values())}")
    for error, count in results.errors.most_common(10):
        print(f"  {count} x {error}")


if __name__ == "__main__":
    main()
