# gunicorn's settings for Joined-up, in one place: the Dockerfile, docker-compose's `web` and
# scripts/bench all start gunicorn with `-c deploy/gunicorn.conf.py`, so the load figures the
# benchmark prints are those of the production settings. Each can be overridden from the
# environment (GUNICORN_WORKERS, GUNICORN_THREADS, GUNICORN_TIMEOUT).
#
# Why these numbers: ADR 0028, which has the figures scripts/bench measured for each choice.
import multiprocessing
import os


def _setting(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise SystemExit(f"{name} must be a whole number of at least 1, not {value!r}")
    return int(value)


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = _setting("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count())
threads = _setting("GUNICORN_THREADS", 4)
worker_class = "gthread" if threads > 1 else "sync"
# Matches deploy/nginx.conf's proxy timeouts (nginx waits a little longer).
timeout = _setting("GUNICORN_TIMEOUT", 30)
# A keep-alive connection from the proxy is held by a thread, not a whole process, with gthread.
keepalive = 5
# "-" is standard output; set GUNICORN_ACCESS_LOG to nothing for no access log (the benchmark does).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
