#!/usr/bin/env python3
"""Drive Joined-up's main pages as signed-in demo users and print throughput and latency.

    python scripts/load_test.py --base-url http://127.0.0.1:8001 --duration 30 --concurrency 8

Every virtual user first signs in through the real form and finds its pages by following links
(home, each visible initiative's overview and the sections linked from it), so new sections are
exercised without editing this script. Only then does the clock start: the figures are the steady
state, with no sign-in in them. `--sign-in-page` instead has anonymous users fetch the sign-in
page alone, the trivial GOV.UK-template baseline. Standard library only, so it runs anywhere the
project does. Prints requests per second, median and 95th-percentile latency and the errors (or
one JSON object with `--json`). A 200 is a success, and so is a redirect the page intends (a
wizard sending you to its next step); a redirect to the sign-in page (the session was lost), any
other status or a failed connection is an error.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import statistics
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

# People who sign in with a password alone (senior owners and reviewers need two-step verification).
DEMO_USERS = [
    "priya.shah@dwp.example",
    "sian.evans@hmrc.example",
    "tom.barker@manchester.example",
    "amara.nwosu@nhse.example",
    "hannah.lee@cabinetoffice.example",
]
PASSWORD = "joined-up-demo"  # noqa: S105 - the published demo password
SIGN_IN = "/sign-in/"
INITIATIVE_LINK = re.compile(r'href="(/initiatives/[a-z0-9-]+/)"')
SECTION_LINK = re.compile(r'href="(/initiatives/[a-z0-9-]+/[a-z0-9/-]+/)"')
SKIP_SECTIONS = ("/edit/", "/new", "/remove/", "/export", "/download", "/import")


def error_of(status: int, location: str) -> str | None:
    """What went wrong with an answer, or None: a 200, or a redirect anywhere but the sign-in page."""
    if status == 200:
        return None
    if 300 <= status < 400:
        if urllib.parse.urlsplit(location).path.startswith(SIGN_IN):
            return f"{status} to sign-in (session lost)"
        return None
    return str(status)


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, error: str | None, path: str) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error is not None:
                self.errors[f"{error} {path}"] += 1


@dataclass
class Figures:
    users: int
    seconds: float
    requests: int
    requests_per_second: float
    median_ms: float
    p95_ms: float
    errors: int
    error_kinds: list[str]

    @classmethod
    def of(cls, results: Results, users: int, seconds: float) -> Figures:
        latencies = sorted(results.latencies)
        if not latencies:
            raise SystemExit("No requests completed")
        p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
        return cls(
            users=users,
            seconds=round(seconds, 2),
            requests=len(latencies),
            requests_per_second=round(len(latencies) / seconds, 2),
            median_ms=round(statistics.median(latencies) * 1000, 1),
            p95_ms=round(p95 * 1000, 1),
            errors=sum(results.errors.values()),
            error_kinds=[f"{count} x {kind}" for kind, count in results.errors.most_common(10)],
        )


class Browser:
    """One person on one keep-alive connection, keeping their own cookies (production marks them Secure)."""

    def __init__(self, base_url: str):
        parsed = urllib.parse.urlsplit(base_url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str, str]:
        """(status, page, Location header)."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{SIGN_IN}"
        try:
            response, page = self._exchange(method, path, body, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed the idle keep-alive connection (after its keepalive seconds): a browser
            # asks again on a new connection, and so does this person, once.
            self._reconnect()
            response, page = self._exchange(method, path, body, headers)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, page, response.getheader("Location", "")

    def _exchange(self, method: str, path: str, body: str | None, headers: dict) -> tuple:
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            return response, response.read().decode("utf-8", "replace")
        except (http.client.HTTPException, OSError):
            self._reconnect()
            raise

    def _reconnect(self) -> None:
        self.connection.close()
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def sign_in(self, email: str) -> None:
        _, page, _ = self.request("GET", SIGN_IN)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if token is None:
            raise SystemExit(f"The sign-in page at {SIGN_IN} has no form")
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "username": email, "password": PASSWORD}
        )
        status, _, location = self.request("POST", SIGN_IN, form)
        if status != 302 or error_of(status, location) or "security-code" in location:
            raise SystemExit(
                f"Could not sign in as {email} (status {status} to {location!r}); was seed_demo run?"
            )

    def discover_paths(self) -> list[str]:
        _, home, _ = self.request("GET", "/")
        paths = ["/"]
        for initiative in sorted(set(INITIATIVE_LINK.findall(home)))[:10]:
            paths.append(initiative)
            _, overview, _ = self.request("GET", initiative)
            sections = sorted(set(SECTION_LINK.findall(overview)))
            paths.extend(p for p in sections if not any(skip in p for skip in SKIP_SECTIONS))
        return paths


class VirtualUser:
    def __init__(self, base_url: str, email: str | None):
        self.browser = Browser(base_url)
        self.email = email
        self.paths = [SIGN_IN]
        self.failure: BaseException | None = None

    def prepare(self, known_paths: dict[str, list[str]]) -> None:
        """Sign in and find the pages to walk (once per person); anonymous users fetch the sign-in page."""
        try:
            if self.email is not None:
                self.browser.sign_in(self.email)
                if self.email not in known_paths:
                    known_paths[self.email] = self.browser.discover_paths()
                self.paths = known_paths[self.email]
        except (SystemExit, http.client.HTTPException, OSError) as error:
            self.failure = error

    def walk(self, deadline: float, results: Results, think: float) -> None:
        """Fetch this person's pages in turn until the deadline, pausing `think` seconds on average between.

        Each pause is drawn between half and one and a half times `think`, and the first between none
        and `think`, so fifty people do not move in step.
        """
        index = 0
        pace = random.Random(id(self))
        while time.monotonic() < deadline:
            if think:
                pause = think * (pace.uniform(0.5, 1.5) if index else pace.uniform(0.0, 1.0))
                time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
                if time.monotonic() >= deadline:
                    break
            path = self.paths[index % len(self.paths)]
            index += 1
            started = time.perf_counter()
            try:
                status, _, location = self.browser.request("GET", path)
                error = error_of(status, location)
            except (http.client.HTTPException, OSError) as failure:
                error = f"connection failed ({type(failure).__name__})"
            results.add(time.perf_counter() - started, error, path)


def _all_at_once(targets) -> None:
    threads = [threading.Thread(target=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def run_load(
    base_url: str, users: int, seconds: float, *, sign_in_page: bool = False, think: float = 0.0
) -> Figures:
    """Sign every user in, then load the pages for `seconds`: the figures cover only that steady state.

    With `think` 0 every user asks for the next page as soon as the last one arrives: the most the
    server can serve. With a `think` time each pauses between pages, as people reading them do.
    """
    people = [None if sign_in_page else DEMO_USERS[n % len(DEMO_USERS)] for n in range(users)]
    virtual_users = [VirtualUser(base_url, email) for email in people]
    # A few at a time, as a server would see people arrive: fifty sign-ins at once on a small machine
    # queue for longer than a request may wait. The first of each person finds the pages for all.
    known_paths: dict[str, list[str]] = {}
    first = list({user.email: user for user in reversed(virtual_users)}.values())
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda user: user.prepare(known_paths), first))
        list(pool.map(lambda user: user.prepare(known_paths), [u for u in virtual_users if u not in first]))
    failures = [user.failure for user in virtual_users if user.failure is not None]
    if failures:
        raise SystemExit(f"{len(failures)} of {users} users could not start: {failures[0]}")
    results = Results()
    started = time.monotonic()
    deadline = started + seconds
    _all_at_once(lambda user=user: user.walk(deadline, results, think) for user in virtual_users)
    return Figures.of(results, users, time.monotonic() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8001")
    parser.add_argument(
        "--duration", type=float, default=30, help="seconds of load, after everyone signed in"
    )
    parser.add_argument("--concurrency", type=int, default=8, help="virtual users at once")
    parser.add_argument(
        "--sign-in-page", action="store_true", help="anonymous users fetch the sign-in page alone"
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="seconds each user pauses between pages, on average (default 0: no pause, the capacity)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    if args.think < 0:
        parser.error("--think must be 0 or more seconds")

    figures = run_load(
        args.base_url, args.concurrency, args.duration, sign_in_page=args.sign_in_page, think=args.think
    )
    if args.json:
        print(json.dumps(asdict(figures)))
        return
    print(
        f"requests:        {figures.requests} in {figures.seconds:.1f} s with {figures.users} users signed in"
    )
    print(f"throughput:      {figures.requests_per_second:.1f} requests/s")
    print(f"median latency:  {figures.median_ms:.1f} ms")
    print(f"95th percentile: {figures.p95_ms:.1f} ms")
    print(f"errors:          {figures.errors}")
    for kind in figures.error_kinds:
        print(f"  {kind}")


if __name__ == "__main__":
    main()
