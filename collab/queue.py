"""Enqueueing Celery tasks safely from request code."""

import logging
from functools import partial

from celery import Task
from django.db import transaction

logger = logging.getLogger(__name__)


def _publish(task: Task, args: tuple) -> None:
    try:
        task.apply_async(args=args)
    except Exception:
        # The broker is down. The database row that asked for this work is already
        # committed, so a reconciler (or a retry by the user) can send it again; the
        # request itself must still answer normally.
        logger.exception("Could not enqueue %s%r: broker unavailable", task.name, args)


def enqueue_on_commit(task: Task, *args) -> None:
    """Send the task once the surrounding transaction commits, never before.

    Arguments must be ids and plain values (JSON), never model instances.
    """
    transaction.on_commit(partial(_publish, task, args))
