"""Many people acting at the same instant, each on their own database connection (PostgreSQL).

Mark such tests `@pytest.mark.postgres`: tests/conftest.py skips them on SQLite, which writes one
at a time, so the races they pin never happen there; CI runs them on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.db import close_old_connections, connections


def in_thread(target: Callable[..., Any], *args: Any) -> tuple[threading.Thread, dict[str, Any]]:
    """Start `target(*args)` on its own connection; the thread and a dict given its "result" or "error"."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = target(*args)
        except Exception as error:
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=work)
    thread.start()
    return thread, outcome


def all_at_once(
    work: Callable[..., Any],
    inputs: Iterable[Any],
    *,
    loaded: Callable[[], Any] | None = None,
    timeout: float = 60,
) -> list[Any]:
    """`work(input)` for each input, each in its own thread, all released at the same instant.

    With `loaded`, each thread first loads what it acts on (as an open browser tab holds the record
    it showed) and calls `work(loaded_value, input)` once released. Returns, in the inputs' order,
    what each call returned or the exception it raised; fails if any is still running after `timeout`.
    """
    inputs = list(inputs)
    start = threading.Barrier(len(inputs))

    def released(given: Any) -> Any:
        try:
            ready = loaded() if loaded is not None else None
            start.wait(timeout)
        except Exception:
            start.abort()  # the others are not left waiting for one that will never come
            raise
        return work(given) if loaded is None else work(ready, given)

    runs = [in_thread(released, given) for given in inputs]
    for thread, _outcome in runs:
        thread.join(timeout)
    close_old_connections()
    assert not any(thread.is_alive() for thread, _outcome in runs), f"still running after {timeout} s"
    return [outcome.get("error", outcome.get("result")) for _thread, outcome in runs]
