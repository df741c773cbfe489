"""The PDF itself, read back with pypdf: every section, the marking on every page, tagged, with metadata."""

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from governance import models as gov
from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.document import ANNEX_SECTIONS, SECTIONS
from governance.packs.rendering import build_pack_pdf
from tests.governance.pack_records import fill_initiative

pytestmark = pytest.mark.django_db


def build(initiative, version="3", *, annex=False):
    content = gather_pack_content(initiative.pk, annex=annex)
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
    # On the cover, running on to the second page if need be; the summary opens a page.
    contents = "\n".join(page_texts(full_pack.pdf)[:2])

    # Each line of the contents ends with its page number (the leader dots are an artifact, not text).
    numbers = [int(n) for n in re.findall(r"^\d+\. [^\n]*? (\d+)$", contents, flags=re.MULTILINE)]
    assert len(numbers) == len(SECTIONS)
    assert numbers == sorted(numbers) and numbers[0] in (2, 3)


def test_the_classification_marking_is_in_the_header_and_footer_of_every_page(full_pack):
    pages = page_texts(full_pack.pdf)

    assert len(pages) == full_pack.page_count >= 5
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


def section_text(text: str, anchor: str) -> str:
    """From the section's heading (not its line in the contents) to the next section's."""
    numbered = [f"{number}. {title}" for number, (_anchor, title) in enumerate(SECTIONS, start=1)]
    index = [key for key, _title in SECTIONS].index(anchor)
    start = text.rindex(numbered[index])
    end = text.rindex(numbered[index + 1]) if index + 1 < len(numbered) else len(text)
    return text[start:end]


def test_the_sections_lead_with_what_assurance_reads(full_pack):
    text = flat(" ".join(page_texts(full_pack.pdf)))

    headings = [f"{number}. {title}" for number, (_anchor, title) in enumerate(SECTIONS, start=1)]
    assert [key for key, _title in SECTIONS[:6]] == [
        "summary",
        "health",
        "decisions",
        "risks",
        "measures",
        "register",
    ]
    assert [text.rindex(heading) for heading in headings] == sorted(
        text.rindex(heading) for heading in headings
    )


def test_the_decision_log_is_one_line_a_decision_with_the_trail_in_the_attached_file(full_pack):
    decisions = section_text(flat(" ".join(page_texts(full_pack.pdf))), "decisions")

    assert "No decision is awaiting its decider." in decisions
    assert "D001 Adopt one notification format Approved" in decisions
    assert "Agreed at the March board" not in decisions


def test_risks_above_their_threshold_are_in_full_and_the_rest_one_line_each(full_pack):
    text = flat(" ".join(page_texts(full_pack.pdf)))
    in_full, rest = section_text(text, "risks"), section_text(text, "register")

    assert "Partners hold different records of the same death" in in_full
    assert "Cause: Each body keeps its own register" in in_full
    assert "Action: Agree one death record format" in in_full
    assert "Above threshold (15)" in in_full
    assert "Council notification route is slow" not in in_full
    assert "R002 Council notification route is slow" in rest
    assert "Partners hold different records" not in rest
    assert "Cause:" not in rest


def test_disputed_terms_come_first_and_measures_show_their_latest_position(full_pack):
    text = flat(" ".join(page_texts(full_pack.pdf)))

    definitions = section_text(text, "definitions")
    assert definitions.index("Date of death notification") < definitions.index("Customer")
    assert "End-to-end journey time (days) 42 24" in section_text(text, "measures")
    assert "Amber" in section_text(text, "assurance")


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


def test_an_escalated_risk_is_in_full_and_joint_risks_come_first(world):
    fill_initiative(world)
    # Within its threshold, but escalated: the board asked to see it.
    level = world.initiative.escalation_levels.get()
    gov.Risk.objects.filter(initiative=world.initiative, number=2).update(escalation_level=level)

    in_full = section_text(flat(" ".join(page_texts(build(world.initiative).pdf))), "risks")

    joint = in_full.index("Partners hold different records of the same death")
    escalated = in_full.index("Council notification route is slow")
    assert joint < escalated
    assert "escalated to Programme board" in in_full


@pytest.mark.parametrize(
    ("name", "download"),
    [
        ("risk-register", "risks_export"),
        ("measures", "measures_export"),
        ("decision-log", "decisions_export"),
    ],
)
def test_the_pdf_carries_each_complete_register_as_the_csv_its_page_downloads(client, world, name, download):
    fill_initiative(world)
    slug = world.initiative.slug
    client.force_login(world.programme_manager)

    attached = PdfReader(io.BytesIO(build(world.initiative).pdf)).attachments

    assert sorted(attached) == sorted(
        f"{slug}-{file}.csv" for file in ("risk-register", "measures", "decision-log")
    )
    (data,) = attached[f"{slug}-{name}.csv"]
    assert data == client.get(reverse(f"governance:{download}", kwargs={"slug": slug})).content


def test_the_attached_risk_register_holds_every_risk_with_its_scores(world):
    fill_initiative(world)

    (data,) = PdfReader(io.BytesIO(build(world.initiative).pdf)).attachments[
        f"{world.initiative.slug}-risk-register.csv"
    ]

    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row[:2] for row in rows[1:]] == [
        ["R001", "Partners hold different records of the same death"],
        ["R002", "Council notification route is slow"],
    ]
    assert "Each body keeps its own register" in rows[1]


def test_the_annex_prints_the_complete_registers_at_the_end(world):
    fill_initiative(world)

    without = flat(" ".join(page_texts(build(world.initiative).pdf)))
    annexed = build(world.initiative, annex=True)
    text = flat(" ".join(page_texts(annexed.pdf)))

    first = len(SECTIONS) + 1
    for number, (_anchor, title) in enumerate(ANNEX_SECTIONS, start=first):
        assert f"{number}. {title}" not in without
        assert text.count(f"{number}. {title}") >= 2, title  # in the contents and as a heading
    annex = text[text.rindex(f"{first}. {ANNEX_SECTIONS[0][1]}") :]
    assert "Cause: Each body keeps its own register" in annex
    assert annex.index("R001") < annex.index("R002")  # every risk, in the register's order
    assert "Awaiting decision → Approved" in annex and "Agreed at the March board" in annex
    assert "The date the family called" in annex
    assert len(PdfReader(io.BytesIO(annexed.pdf)).attachments) == 3
