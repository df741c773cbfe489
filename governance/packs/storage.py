"""Pack files live under PRIVATE_FILES_ROOT, written atomically, read only through a permission check."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.utils.text import slugify


def pack_relative_path(*, initiative_id: int, pack_id: int, version: int) -> str:
    """Deterministic, so building the same pack twice replaces one file rather than adding another."""
    return f"packs/{initiative_id}/governance-pack-{pack_id}-v{version}.pdf"


def private_path(relative: str) -> Path:
    """The absolute path of a stored file; refuses anything that would resolve outside the root."""
    root = Path(settings.PRIVATE_FILES_ROOT).resolve()
    if not relative or Path(relative).is_absolute():
        raise SuspiciousFileOperation("A private file path must be relative to PRIVATE_FILES_ROOT")
    path = (root / relative).resolve()
    if path == root or not path.is_relative_to(root):
        raise SuspiciousFileOperation("A private file path resolved outside PRIVATE_FILES_ROOT")
    return path


def write_atomically(relative: str, data: bytes) -> Path:
    """Write to a temporary file beside the target, then rename: readers see all of it or none."""
    target = private_path(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target


def download_filename(*, slug: str, version: int) -> str:
    """ASCII only, for example tell-us-once-bereavement-governance-pack-v3.pdf."""
    stem = slugify(slug)[:80].strip("-") or "initiative"
    return f"{stem}-governance-pack-v{version}.pdf"
