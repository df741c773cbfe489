"""Measuring packs for scripts/bench: one pack as the page asks and the worker builds it, and eight
packs built by one worker process and by two."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from django.utils import timezone

from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.jobs import pack_job_run
from governance.packs.rendering import build_pack_pdf
from governance.packs.services import pack_request
from initiatives.models import Initiative, User


@dataclass(frozen=True)
class PackTiming:
    pages: int
    bytes: int
    request_seconds: float  # gathering the records and recording the queued pack, as the page does
    build_seconds: float  # the worker's job: claim, render, write the file, mark it ready
    # The same job's CPU time in this process: the worker time it costs, which other programmes on a
    # busy machine do not inflate as they do the wall-clock figure.
    build_cpu_seconds: float


def time_pack_build(initiative: Initiative, by: User) -> PackTiming:
    """Ask for the initiative's pack as its page does, then run the job the worker runs on it."""
    started = time.perf_counter()
    pack = pack_request(initiative=initiative, by=by).pack
    requested, cpu_before = time.perf_counter(), time.process_time()
    outcome = pack_job_run(pack_id=pack.pk, retries=0)
    built, cpu_after = time.perf_counter(), time.process_time()
    pack.refresh_from_db()
    if outcome.result != "built":
        raise RuntimeError(f"The pack was not built ({outcome.result}): {pack.failure_reason}")
    return PackTiming(
        pack.page_count or 0,
        pack.file_size or 0,
        requested - started,
        built - requested,
        cpu_after - cpu_before,
    )


@dataclass(frozen=True)
class ParallelTiming:
    packs: int
    # Wall-clock seconds to build them all, by number of worker processes.
    seconds: dict[int, float]

    @property
    def speed_up(self) -> float:
        """How many times faster two processes build the packs than one."""
        return self.seconds[1] / self.seconds[2]


def time_parallel_builds(initiative: Initiative, packs: int = 8) -> ParallelTiming:
    """Build the initiative's pack `packs` times with one worker process, then with two.

    Rendering is what a pack worker spends its time on, and it is CPU-bound Python, so this is what
    a second worker process (celery worker --concurrency 2, or a second worker) buys. The content is
    gathered once; each process renders it as the worker's job does, without writing files or rows.
    """
    from django.db import connections

    content = gather_pack_content(initiative.pk)
    # Forked processes must not share the parent's database connections; they never use the database.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    seconds = {}
    for processes in (1, 2):
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            # Started before the clock: a worker is already running when packs arrive.
            list(pool.map(_warm_up, range(processes)))
            started = time.perf_counter()
            list(pool.map(_build, [content] * packs))
            seconds[processes] = time.perf_counter() - started
    return ParallelTiming(packs, seconds)


def _warm_up(_: int) -> None:
    time.sleep(0.1)


def _build(content: dict) -> int:
    rendered = build_pack_pdf(
        content, version_label="1", generated_at=timezone.now(), fingerprint=content_fingerprint(content)
    )
    return rendered.page_count
