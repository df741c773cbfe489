"""Pack files: written atomically under PRIVATE_FILES_ROOT, never resolved outside it, named safely."""

import os

import pytest
from django.core.exceptions import SuspiciousFileOperation

from governance.packs.storage import download_filename, pack_relative_path, private_path, write_atomically


@pytest.fixture
def root(tmp_path, settings):
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    settings.PRIVATE_FILES_ROOT.mkdir()
    return settings.PRIVATE_FILES_ROOT


@pytest.mark.parametrize("relative", ["", "/etc/passwd", "../outside.pdf", "packs/../../outside.pdf", "."])
def test_paths_that_would_leave_the_private_root_are_refused(root, relative):
    with pytest.raises(SuspiciousFileOperation):
        private_path(relative)


def test_a_symlink_out_of_the_root_is_refused(root, tmp_path):
    (tmp_path / "secret.txt").write_text("secret")
    os.symlink(tmp_path / "secret.txt", root / "link.pdf")

    with pytest.raises(SuspiciousFileOperation):
        private_path("link.pdf")


def test_the_file_name_is_the_same_for_every_run_of_the_same_pack():
    assert pack_relative_path(initiative_id=7, pack_id=42, version=3) == "packs/7/governance-pack-42-v3.pdf"


def test_writing_replaces_the_file_whole_and_leaves_no_temporary_file(root):
    write_atomically("packs/7/pack.pdf", b"first")
    write_atomically("packs/7/pack.pdf", b"second")

    assert [p.name for p in (root / "packs" / "7").iterdir()] == ["pack.pdf"]
    assert (root / "packs" / "7" / "pack.pdf").read_bytes() == b"second"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(root, monkeypatch):
    write_atomically("packs/7/pack.pdf", b"first")

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_atomically("packs/7/pack.pdf", b"second")

    assert [p.name for p in (root / "packs" / "7").iterdir()] == ["pack.pdf"]
    assert (root / "packs" / "7" / "pack.pdf").read_bytes() == b"first"


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("tell-us-once-bereavement", "tell-us-once-bereavement-governance-pack-v3.pdf"),
        ("gwasanaeth-siân", "gwasanaeth-sian-governance-pack-v3.pdf"),
        ('"; filename=evil.exe', "filenameevilexe-governance-pack-v3.pdf"),
        ("", "initiative-governance-pack-v3.pdf"),
    ],
)
def test_download_names_are_ascii_and_descriptive(slug, expected):
    assert download_filename(slug=slug, version=3) == expected
