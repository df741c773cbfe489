import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from governance.management.commands import bench_pack
from governance.packs.benchmark import BenchSize
from tests.governance.pack_records import fill_initiative

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", ["slug", "pk"])
def test_build_pack_writes_the_pack_for_an_initiative_by_slug_or_id(world, tmp_path, capsys, key):
    initiative = fill_initiative(world)
    output = tmp_path / "pack.pdf"

    call_command("build_pack", str(getattr(initiative, key)), "--output", str(output))

    reader = PdfReader(io.BytesIO(output.read_bytes()))
    assert "Tell Us Once for bereavement" in reader.pages[0].extract_text()
    assert "Version 1 (draft, not recorded)" in reader.pages[0].extract_text()
    assert f"Wrote {output} ({len(reader.pages)} pages" in capsys.readouterr().out


def test_build_pack_names_an_unknown_initiative_and_exits_with_status_2(world, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("build_pack", "no-such-initiative", "--output", str(tmp_path / "pack.pdf"))

    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip() == "No initiative with the id or slug 'no-such-initiative'"
    assert not (tmp_path / "pack.pdf").exists()


def test_build_pack_refuses_a_folder_as_output_and_exits_with_status_2(world, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("build_pack", world.initiative.slug, "--output", f"{tmp_path}/")

    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip() == f"--output names a folder, not a file: {tmp_path}"
    assert list(tmp_path.iterdir()) == []


def test_bench_pack_reports_times_pages_size_and_equal_query_counts(monkeypatch, capsys):
    monkeypatch.setattr(
        bench_pack,
        "LARGE",
        BenchSize(bodies=4, raci_rows=6, risks=20, measures=3, readings=6, definitions=5, decisions=5),
    )

    call_command("bench_pack")

    out = capsys.readouterr().out
    large, small = re.search(
        r"Gather: +[\d.]+ s, (\d+) queries \(a small initiative needs (\d+)\)", out
    ).groups()
    assert large == small
    assert int(re.search(r"Pages: +(\d+)", out).group(1)) >= 5
    assert re.search(r"Layout: +[\d.]+ s", out) and re.search(r"Write: +[\d.]+ s", out)
    assert re.search(r"Size: +[\d,]+ bytes", out)
