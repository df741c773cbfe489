"""The four sections scripts/bench prints: each measures with the project's own code, then prints a table.

Imported by scripts/bench.py once Django is set up against the throwaway database.
"""

from __future__ import annotations

import os

from django.urls import reverse

from collab.page_benchmark import PageCost, main_pages, page_costs
from governance.spreadsheets.benchmark import time_risk_import
from governance.spreadsheets.services import ImportHasErrors


def heading(text: str, explanation: str) -> None:
    print(f"{text}: {explanation}", flush=True)


def _ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.1f}" if baseline else "-"


def _page_row(cost: PageCost, baseline: PageCost) -> str:
    return (
        f"{cost.label:<20} {cost.bytes:>9,} {cost.milliseconds:>8.1f} {cost.queries:>8} "
        f"{_ratio(cost.bytes, baseline.bytes):>8} {_ratio(cost.milliseconds, baseline.milliseconds):>6}"
    )


def print_pages(title: str, initiative, manager, repeats: int, *, risks: int | None = None) -> None:
    sign_in = page_costs(None, [("Sign-in page", reverse("login"))], repeats=repeats)[0]
    costs = page_costs(manager, main_pages(initiative), repeats=repeats)
    failed = [f"{cost.label} ({cost.status})" for cost in [sign_in, *costs] if cost.status != 200]
    if failed:
        raise RuntimeError(f"these pages did not answer 200: {', '.join(failed)}")
    heading(
        title,
        f"each main page of the large initiative{f' ({risks:,} risks)' if risks else ''}, served in-process "
        f"to its programme manager, median of {repeats}; x = multiple of the sign-in page",
    )
    print(f"{'page':<20} {'bytes':>9} {'ms':>8} {'queries':>8} {'x bytes':>8} {'x ms':>6}")
    for cost in [sign_in, *costs]:
        print(_page_row(cost, sign_in))
    print(flush=True)


def _load_row(label: str, figures: dict) -> str:
    return (
        f"{label:<42} {figures['users']:>6} {figures['requests']:>9} {figures['requests_per_second']:>8.1f} "
        f"{figures['median_ms']:>10.1f} {figures['p95_ms']:>8.1f} {figures['errors']:>7}"
    )


def print_load(title: str, args, server: str, runs: dict) -> None:
    """`runs` maps (think seconds, "pages" or "sign-in") to load_test.py's figures."""
    heading(
        title,
        f"gunicorn as deploy/gunicorn.conf.py sets it ({server}), {args.users} users all signed in "
        f"before the clock starts, then {args.seconds:g} s of steady load for each row",
    )
    columns = ("users", 6), ("requests", 9), ("req/s", 8), ("median ms", 10), ("p95 ms", 8), ("errors", 7)
    print(f"{'pages':<42} " + " ".join(f"{name:>{width}}" for name, width in columns))
    for (think, what), figures in runs.items():
        pause = f"reading {think:g} s a page" if think else "no pause (capacity)"
        label = "Demo's main pages" if what == "pages" else "Sign-in page alone"
        print(_load_row(f"{label}, {pause}", figures))
    for think in dict.fromkeys(think for think, _ in runs):
        pages, sign_in = runs[(think, "pages")], runs[(think, "sign-in")]
        throughput = _ratio(pages["requests_per_second"], sign_in["requests_per_second"])
        median = _ratio(pages["median_ms"], sign_in["median_ms"])
        pause = f"reading {think:g} s a page" if think else "with no pause"
        print(
            f"Main pages against the sign-in page, {pause}: {throughput} x the throughput, "
            f"{median} x the median"
        )
    for figures in runs.values():
        for kind in figures["error_kinds"]:
            print(f"  error: {kind}")
    print(flush=True)


def measure_import(initiative, manager, rows: int):
    try:
        return time_risk_import(initiative=initiative, by=manager, rows=rows)
    except ImportHasErrors as error:
        raise RuntimeError(
            f"the generated file has {len(error.errors)} problems: {error.errors[:3]}"
        ) from None


def print_import(title: str, timing) -> None:
    heading(
        title,
        f"a CSV file of {timing.rows:,} new risks, previewed and confirmed as the import pages do, "
        "then saved by the worker's job",
    )
    print(f"check and preview (request): {timing.check_seconds:>7.2f} s {timing.check_queries:>8,} queries")
    print(
        f"confirm (request):           {timing.confirm_seconds:>7.2f} s {timing.confirm_queries:>8,} queries"
    )
    print(f"save (worker):               {timing.worker_seconds:>7.2f} s {timing.worker_queries:>8,} queries")
    print(
        f"worker: {timing.queries_per_row * 100:.1f} queries per 100 rows, {timing.added:,} risks added",
    )
    print(flush=True)


def print_pack(title: str, timing, parallel) -> None:
    heading(
        title,
        "the large initiative's governance pack, asked for as its page does and built by the worker's job",
    )
    print(f"pages:    {timing.pages}")
    print(f"request:  {timing.request_seconds:.2f} s (gather the records, record the queued pack)")
    print(
        f"build:    {timing.build_seconds:.2f} s, {timing.build_cpu_seconds:.2f} s of CPU "
        "(claim, lay out and write the PDF, store it, mark it ready)"
    )
    print(f"size:     {timing.bytes:,} bytes")
    one, two = parallel.seconds[1], parallel.seconds[2]
    print(
        f"workers:  {parallel.packs} packs in {one:.1f} s with one worker process, {two:.1f} s with two: "
        f"{parallel.speed_up:.2f}x (on {os.cpu_count()} cores, shared with whatever else runs)\n",
        flush=True,
    )
