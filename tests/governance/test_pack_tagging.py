"""The pack is PDF/UA-1 in substance (ADR 0030): its structure tree and marked content, read with pikepdf.

Font sizes are read from the PDF (each text run's Tf size through its text matrix and the transformations,
form XObjects included). Whether anything runs past the margins is read from WeasyPrint's laid-out boxes,
which know each box's extent exactly; the PDF records where text starts, not where it ends.
"""

import io
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from governance.packs.benchmark import BenchSize, seed_bench_initiative
from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.document import pack_document
from governance.packs.fetcher import AllowListFetcher
from governance.packs.rendering import PDF_OPTIONS, lay_out, pack_html, write_tagged_pdf
from governance.packs.tagging import finish_tagging
from tests.governance.pack_records import fill_initiative
from tests.governance.pdf_structure import pdf_ua_problems, read_tagged_pdf

pytestmark = pytest.mark.django_db

# The benchmark's large initiative, scaled down to keep the test near ten seconds on a shared machine, but
# large enough for every path the 300-risk pack takes: twelve RACI columns, risks in full over several
# pages, a one-line register that runs over page breaks, and tables split with their heads repeated.
LARGE_ENOUGH = BenchSize(
    bodies=12, raci_rows=12, risks=60, measures=4, readings=6, definitions=12, decisions=16
)


def beyond_the_margins(laid_out) -> list[str]:
    """Boxes outside their page's content area (the running header and footer live in the margin boxes)."""
    found = []
    for number, page in enumerate(laid_out.pages, start=1):
        page_box = page._page_box  # WeasyPrint's laid-out page; no public API gives box extents
        left, right = page_box.content_box_x(), page_box.content_box_x() + page_box.width
        stack = list(page_box.children)
        while stack:
            box = stack.pop()
            if isinstance(box, boxes.MarginBox):
                continue
            start, end = box.border_box_x(), box.border_box_x() + box.border_width()
            if start < left - 0.5 or end > right + 0.5:
                past = (end - right) * 0.2646  # CSS pixels to millimetres
                found.append(f"page {number}: a <{box.element_tag}> ends {past:.1f} mm past")
            stack.extend(getattr(box, "children", []))
    return found


def build(initiative, *, annex: bool):
    content = gather_pack_content(initiative.pk, annex=annex)
    document = pack_document(
        content, version_label="1", generated_at=timezone.now(), fingerprint=content_fingerprint(content)
    )
    html = pack_html(document)
    laid_out = lay_out(html, AllowListFetcher())
    pdf = write_tagged_pdf(laid_out, document.attachments)
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return html, laid_out, read_tagged_pdf(pdf), texts


def assert_pdf_ua(name, initiative, *, annex):
    html, laid_out, tagged, texts = build(initiative, annex=annex)
    print(name, tagged.counts())  # the figures ADR 0030 reports: pytest -s shows them
    assert pdf_ua_problems(tagged, texts) == []
    assert beyond_the_margins(laid_out) == []
    assert header_scope_problems(html) == []
    return tagged


def test_the_demo_pack_with_its_annex_is_pdf_ua_in_substance(world):
    tagged = assert_pdf_ua("demo pack", fill_initiative(world), annex=True)

    counts = tagged.counts()
    assert counts["figures"] >= 1  # the annex's charts, each with its /Alt
    assert counts["tables"] >= 20 and counts["artifact text runs"] >= 2 * counts["pages"]


def test_a_large_pack_is_pdf_ua_in_substance(db):
    tagged = assert_pdf_ua("large pack", seed_bench_initiative(LARGE_ENOUGH, label="Tagging"), annex=False)

    assert tagged.counts()["pages"] >= 8


class HeaderScopes(HTMLParser):
    """Every <th> has a scope, "col" in <thead> and "row" in <tbody>: tagging.py relies on it."""

    def __init__(self):
        super().__init__()
        self.group, self.problems = None, []

    def handle_starttag(self, tag, attrs):
        if tag in ("thead", "tbody", "tfoot"):
            self.group = tag
        elif tag == "th":
            expected = "col" if self.group == "thead" else "row"
            if dict(attrs).get("scope") != expected:
                self.problems.append(f"a <th> in <{self.group}> has scope={dict(attrs).get('scope')!r}")


def header_scope_problems(html: str) -> list[str]:
    parser = HeaderScopes()
    parser.feed(html)
    return parser.problems


# The checks themselves fail on what they exist to catch.


def tagged_from(body: str) -> tuple:
    html = f"""<html lang="en-GB"><head><title>A test</title><style>
      @page {{ margin: 20mm; @top-center {{ content: "OFFICIAL"; font-size: 9pt }} }}
      html {{ font-size: 10pt }}</style></head><body>{body}</body></html>"""
    laid_out = HTML(string=html).render(**PDF_OPTIONS)
    pdf = finish_tagging(laid_out.write_pdf(**PDF_OPTIONS))
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return pdf_ua_problems(read_tagged_pdf(pdf), texts), beyond_the_margins(laid_out)


def test_a_clean_page_passes_the_checks():
    problems, overflow = tagged_from(
        "<h1>Pack</h1><h2>Risks</h2><table><caption>Risks</caption>"
        '<thead><tr><th scope="col">Risk</th></tr></thead><tbody><tr><td>Late</td></tr></tbody></table>'
    )
    assert problems == [] and overflow == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<h1>Pack</h1><h3>Flattened</h3>", "H3 follows H1: a level skipped"),
        ("<h1>Pack</h1><table><tr><td>Layout</td></tr></table>", "has no header cells"),
        ('<h1>Pack</h1><table><tr><th scope="col">Risk</th></tr></table>', "has no caption"),
        ('<h1>Pack</h1><p style="font-size: 8pt">Small print</p>', "below 9 pt"),
        (
            "<style>a::after { content: leader('.') ' 2' }</style><h1>Pack</h1><a>Risk</a>",
            "a run of full stops",
        ),
    ],
)
def test_the_checks_catch_what_the_audit_found(body, expected):
    problems, _overflow = tagged_from(body)

    assert any(expected in problem for problem in problems), problems


def test_the_margin_check_catches_a_table_wider_than_the_page():
    _problems, overflow = tagged_from('<h1>Pack</h1><div style="width: 200mm">Too wide</div>')

    assert overflow and "mm past" in overflow[0]


def test_header_cells_must_say_their_scope_the_usual_way_round():
    html = (
        '<table><thead><tr><th>Risk</th></tr></thead><tbody><tr><th scope="col">R</th></tr></tbody></table>'
    )

    assert header_scope_problems(html) == [
        "a <th> in <thead> has scope=None",
        "a <th> in <tbody> has scope='col'",
    ]
