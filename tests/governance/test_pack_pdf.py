"""The PDF itself, read back with pypdf: every section, the marking on every page, tagged, with metadata."""

import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.document import SECTIONS
from governance.packs.rendering import build_pack_pdf
from tests.governance.pack_records import fill_initiative

pytestmark = pytest.mark.django_db


def build(initiative, version="3"):
    content = gather_pack_content(initiative.pk)
    return build_pack_pdf(
        content, version_label=version, generated_at=timezone.now(), fingerprint=content_fingerprint(content)
    )


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def full_pack(world):
    return build(fill_initiative(world))


def test_it_has_every_section_heading_listed_in_the_contents(full_pack):
    text = flat(" ".join(page_texts(full_pack.pdf)))

    for number, (_anchor, title) in enumerate(SECTIONS, start=1):
        assert text.count(f"{number}. {title}") >= 2, title  # in the contents and as a heading


def test_the_contents_give_each_section_its_page_number(full_pack):
    contents = flat(page_texts(full_pack.pdf)[1])

    numbers = [int(n) for n in re.findall(r"\.{3,} ?(\d+)", contents)]
    assert len(numbers) == len(SECTIONS)
    assert numbers == sorted(numbers) and numbers[0] == 3


def test_the_classification_marking_is_in_the_header_and_footer_of_every_page(full_pack):
    pages = page_texts(full_pack.pdf)

    assert len(pages) == full_pack.page_count >= 13
    for number, text in enumerate(pages, start=1):
        assert text.count("OFFICIAL-SENSITIVE") >= 2, f"page {number}"


def test_the_cover_names_the_initiative_version_time_and_fingerprint(world, full_pack):
    cover = flat(page_texts(full_pack.pdf)[0])
    content = gather_pack_content(world.initiative.pk)

    assert "Tell Us Once for bereavement" in cover
    assert "Governance pack" in cover
    assert "Version 3" in cover
    assert f"{timezone.localdate():%-d %B %Y} at" in cover
    assert content_fingerprint(content)[:16] in cover


def test_the_decisions_and_their_trails_are_in_the_log(full_pack):
    text = flat(" ".join(page_texts(full_pack.pdf)))

    assert "D001 Adopt one notification format" in text
    assert "Awaiting decision → Approved" in text
    assert "Agreed at the March board" in text


def test_risks_above_their_threshold_come_first(full_pack):
    text = flat(" ".join(page_texts(full_pack.pdf)))
    register = text[text.rindex("7. Risk register") :]

    top = register.index("Partners hold different records of the same death")
    other = register.index("Council notification route is slow")
    assert (
        register.index("Risks above their escalation threshold")
        < top
        < register.index("Other open risks")
        < other
    )
    assert "Above threshold (15)" in register
    assert "Review overdue" in register


def test_disputed_terms_come_first_and_measures_show_their_latest_position(full_pack):
    text = flat(" ".join(page_texts(full_pack.pdf)))

    definitions = text[text.rindex("9. Shared data definitions") :]
    assert definitions.index("Date of death notification") < definitions.index("Customer")
    assert "End-to-end journey time (days) 42 24" in text
    assert "Amber" in text[text.rindex("11. Assurance reviews") :]


def test_empty_sections_say_so_plainly(world):
    text = flat(" ".join(page_texts(build(world.initiative).pdf)))

    for sentence in [
        "No forums have been recorded.",
        "No RACI matrix has been recorded.",
        "No risks have been recorded in the shared risk register.",
        "No shared measures have been recorded.",
        "No shared data definitions have been recorded.",
        "No decisions have been recorded in the decision log.",
        "No assurance review has been recorded",
        "No operating-model assessment has been recorded yet",
    ]:
        assert sentence in text


def test_it_is_a_tagged_pdf_in_british_english_with_a_title_author_and_subject(full_pack):
    reader = PdfReader(io.BytesIO(full_pack.pdf))
    catalog = reader.trailer["/Root"]

    assert catalog["/Lang"] == "en-GB"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Tell Us Once for bereavement: governance pack, version 3"
    assert reader.metadata.author == "Department for Work and Pensions"
    assert reader.metadata.subject.startswith("Governance pack for Tell Us Once for bereavement")
    # PDF/UA-1 identification in the XMP metadata stream.
    assert b'pdfuaid:part="1"' in catalog["/Metadata"].get_object().get_data()


def test_the_executive_summary_carries_the_derived_health_check(world):
    world.initiative.forums.create(name="Board", purpose="decisions", cadence="monthly")
    world.initiative.forums.create(name="Second board", purpose="decisions", cadence="monthly")

    text = flat(" ".join(page_texts(build(world.initiative).pdf)))

    assert "Health check" in text
    assert "One forum per purpose at most" in text
    assert "Failing" in text
    assert "Named senior owner with stated decision rights" in text
