"""A soft time limit that holds on any Celery pool.

The prefork pool enforces CELERY_TASK_SOFT_TIME_LIMIT itself; the solo pool (used in
development and by the tests' worker) does not. An interval timer raising Celery's own
SoftTimeLimitExceeded gives the same behaviour there. Only the main thread can receive
signals, so elsewhere (a web server thread running tasks eagerly) this does nothing.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

from celery.exceptions import SoftTimeLimitExceeded


@contextlib.contextmanager
def soft_deadline(seconds: float) -> Iterator[None]:
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise SoftTimeLimitExceeded(f"soft time limit of {seconds:g}s exceeded")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
