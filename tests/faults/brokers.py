"""The brokers a fault test runs on: the configured Redis database, or Kombu's filesystem transport.

The test process publishes with collab.celery.app, so `Broker.publish_here()` points that app at the
broker (and really sends, instead of running tasks eagerly as unit tests do) for one test and back
afterwards, closing its connection pools as Celery does after a fork.
Workers started for the test get `Broker.worker_env`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

# What the fault tests send: governance packs, on their own queue.
QUEUE = settings.PACK_QUEUE


def configured_redis_url() -> str | None:
    url = settings.CELERY_BROKER_URL
    return url if url.startswith(("redis://", "rediss://")) else None


@dataclass
class Broker:
    name: str
    url: str
    transport_options: dict
    worker_env: dict[str, str]
    folder: Path | None = None
    _redis: object = field(default=None, repr=False)

    @classmethod
    def redis(cls, url: str) -> Broker:
        # The service's own Redis options (socket timeouts) when it runs on Redis; Kombu's otherwise.
        transport_options = {**settings.CELERY_BROKER_TRANSPORT_OPTIONS} if configured_redis_url() else {}
        return cls("redis", url, transport_options, {"CELERY_BROKER_URL": url})

    @classmethod
    def filesystem(cls, folder: Path) -> Broker:
        options = {
            "data_folder_in": str(folder / "queue"),
            "data_folder_out": str(folder / "queue"),
            "processed_folder": str(folder / "processed"),
            "control_folder": str(folder / "control"),
            "store_processed": False,
        }
        for key in ("data_folder_in", "processed_folder", "control_folder"):
            Path(options[key]).mkdir(parents=True, exist_ok=True)
        env = {"CELERY_BROKER_URL": "filesystem://", "CELERY_FILESYSTEM_DIR": str(folder)}
        return cls("filesystem", "filesystem://", options, env, folder=folder)

    @property
    def client(self):
        import redis

        if self._redis is None:
            self._redis = redis.Redis.from_url(self.url, socket_timeout=5)
        return self._redis

    def waiting(self) -> int:
        """Messages waiting in the packs queue."""
        if self.name == "redis":
            return self.client.llen(QUEUE)
        return len(list(Path(self.transport_options["data_folder_in"]).glob(f"*.{QUEUE}.msg")))

    def wipe(self) -> None:
        """Lose every message, as an emptied Redis (FLUSHDB) or a deleted queue folder does."""
        if self.name == "redis":
            self.client.flushdb()
            return
        for message in Path(self.transport_options["data_folder_in"]).iterdir():
            message.unlink()

    def unacknowledged_since(self) -> list[float]:
        """Redis only: when each message handed to a worker and not yet acknowledged was delivered."""
        return [score for _tag, score in self.client.zrange("unacked_index", 0, -1, withscores=True)]

    @contextlib.contextmanager
    def publish_here(self) -> Iterator[None]:
        from collab.celery import app

        saved = (app.conf.broker_url, app.conf.broker_transport_options, os.environ.get("CELERY_BROKER_URL"))
        eager = app.conf.task_always_eager
        app.conf.task_always_eager = False  # really send, to a worker process
        _close_pools(app)
        # Celery reads CELERY_BROKER_URL from the environment before its own configuration.
        os.environ["CELERY_BROKER_URL"] = self.url
        app.conf.broker_url = self.url
        app.conf.broker_transport_options = self.transport_options
        try:
            yield
        finally:
            app.conf.task_always_eager = eager
            _close_pools(app)
            app.conf.broker_url, app.conf.broker_transport_options, environ_url = saved
            if environ_url is None:
                os.environ.pop("CELERY_BROKER_URL", None)
            else:
                os.environ["CELERY_BROKER_URL"] = environ_url
            if self._redis is not None:
                self._redis.close()


def _close_pools(app) -> None:
    from kombu import pools

    # Kombu keeps its pools per broker URL, so closing ours is not enough: forget them all.
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
