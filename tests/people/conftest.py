import pytest
from django.db import transaction


@pytest.fixture(autouse=True)
def _after_commit_work_runs_at_once(monkeypatch):
    """These tests run inside a transaction that never commits. Emails wait for the commit
    (collab.queue.enqueue_on_commit), so here they are sent straight away, as they would be once a
    real request's transaction commits."""
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
