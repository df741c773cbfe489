"""Fixtures for governance pack tests. Import the ones a module uses (pytest finds them by name)."""

import pytest
from django.contrib.auth.models import Group

from governance.assurance.rules import ASSURANCE_REVIEWERS_GROUP
from governance.packs import jobs
from governance.packs.rendering import RenderedPack


@pytest.fixture
def private_files(tmp_path, settings, monkeypatch):
    """Pack files go to a fresh folder, for this process and any worker process it starts."""
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_FILES_ROOT = root
    monkeypatch.setenv("PRIVATE_FILES_ROOT", str(root))
    return root


@pytest.fixture
def reviewers_group(db):
    group, _ = Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)
    return group


@pytest.fixture
def fast_render(monkeypatch):
    """Skip WeasyPrint where a test is about the job, not the document."""
    calls = []

    def render(content, **kwargs):
        calls.append(kwargs)
        return RenderedPack(pdf=b"%PDF-1.7 stand-in", page_count=1, layout_seconds=0, write_seconds=0)

    monkeypatch.setattr(jobs, "build_pack_pdf", render)
    return calls


@pytest.fixture
def eager_retries():
    """Let eagerly run tasks retry as a worker would, instead of raising Retry into the test."""
    from collab.celery import app

    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True
