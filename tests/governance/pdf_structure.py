"""Reading a tagged PDF back with pikepdf, as assistive technology meets it: the structure tree from the
catalog down, and each page's marked content (what is tagged, what is an artifact, at what size)."""

from __future__ import annotations

import io
import itertools
import math
from collections import Counter
from dataclasses import dataclass, field

import pikepdf

TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


@dataclass
class Structure:
    headings: list[int] = field(default_factory=list)  # H1..H6 levels, in reading order
    tables: list[pikepdf.Dictionary] = field(default_factory=list)
    figures: list[pikepdf.Dictionary] = field(default_factory=list)
    elements: Counter = field(default_factory=Counter)
    reachable: set = field(default_factory=set)  # (page number, MCID) pairs the tree reaches


@dataclass
class PageContent:
    tagged_mcids: set = field(default_factory=set)
    artifact_text_runs: int = 0  # text shown inside /Artifact marked content
    untagged_text_runs: int = 0  # text shown outside any marked content
    smallest_text_pt: float = math.inf


def struct_type(element) -> str:
    return str(element.get("/S", ""))[1:]


def kids(element) -> list:
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def walk_structure(pdf: pikepdf.Pdf) -> Structure:
    structure = Structure()
    page_numbers = {page.objgen: number for number, page in enumerate(pdf.pages)}

    def visit(element, page):
        if isinstance(element, int):  # a marked-content id on the element's page
            structure.reachable.add((page, int(element)))
            return
        if not isinstance(element, pikepdf.Dictionary):
            return
        if element.get("/Type") == "/MCR":
            structure.reachable.add((page_numbers[element.Pg.objgen], int(element.MCID)))
            return
        if element.get("/Type") == "/OBJR":
            return
        page = page_numbers[element.Pg.objgen] if "/Pg" in element else page
        kind = struct_type(element)
        structure.elements[kind] += 1
        if len(kind) == 2 and kind[0] == "H" and kind[1].isdigit():
            structure.headings.append(int(kind[1]))
        elif kind == "Table":
            structure.tables.append(element)
        elif kind == "Figure":
            structure.figures.append(element)
        for kid in kids(element):
            visit(kid, page)

    for top in kids(pdf.Root.StructTreeRoot):
        visit(top, None)
    return structure


def descendants(element, kinds: set[str]) -> list:
    """Structure elements of these kinds under `element`, not looking inside nested tables."""
    found = []
    for kid in kids(element):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            kind = struct_type(kid)
            if kind in kinds:
                found.append(kid)
            if kind != "Table":
                found.extend(descendants(kid, kinds))
    return found


def attributes(element) -> list[pikepdf.Dictionary]:
    a = element.get("/A")
    if a is None:
        return []
    return list(a) if isinstance(a, pikepdf.Array) else [a]


def scope(header) -> str | None:
    for owner in attributes(header):
        if "/Scope" in owner:
            return str(owner.Scope)[1:]
    return None


def _multiply(a, b):
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def read_page(page: pikepdf.Page) -> PageContent:
    """Each text run's marked content and its printed size: the Tf size scaled by the text matrix and
    the current transformation (WeasyPrint draws in CSS pixels under a 0.75 scale to points), following
    form XObjects (an SVG chart's labels) with their own matrices."""
    content = PageContent()
    _read_stream(page.obj, page.Resources, [1.0, 0, 0, 1.0, 0, 0], [], content)
    return content


def _read_stream(stream, resources, ctm: list[float], marks: list, content: PageContent) -> None:
    saved: list[list[float]] = []
    text_matrix, font_size = [1.0, 0, 0, 1.0, 0, 0], 0.0
    marks = list(marks)  # open marked content: "Artifact", an MCID, or "other"
    for operands, operator in pikepdf.parse_content_stream(stream):
        op = str(operator)
        if op == "q":
            saved.append(ctm)
        elif op == "Q":
            ctm = saved.pop()
        elif op == "cm":
            ctm = _multiply([float(x) for x in operands], ctm)
        elif op == "BT":
            text_matrix = [1.0, 0, 0, 1.0, 0, 0]
        elif op == "Tm":
            text_matrix = [float(x) for x in operands]
        elif op == "Tf":
            font_size = float(operands[1])
        elif op == "BMC":
            marks.append("Artifact" if operands[0] == "/Artifact" else "other")
        elif op == "BDC":
            properties = operands[1]
            if operands[0] == "/Artifact":
                marks.append("Artifact")
            elif isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                marks.append(int(properties.MCID))
                content.tagged_mcids.add(int(properties.MCID))
            else:
                marks.append("other")
        elif op == "EMC":
            marks.pop()
        elif op == "Do":
            form = resources.XObject[operands[0]]
            if form.get("/Subtype") == "/Form":
                matrix = [float(x) for x in form.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                _read_stream(form, form.get("/Resources", resources), _multiply(matrix, ctm), marks, content)
        elif op in TEXT_SHOWING:
            m = _multiply(text_matrix, ctm)
            printed = abs(font_size) * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
            content.smallest_text_pt = min(content.smallest_text_pt, printed)
            if "Artifact" in marks:
                content.artifact_text_runs += 1
            elif not any(isinstance(mark, int) for mark in marks):
                content.untagged_text_runs += 1


@dataclass
class TaggedPdf:
    pdf: pikepdf.Pdf
    structure: Structure
    pages: list[PageContent]

    def counts(self) -> dict[str, int]:
        headers = [th for table in self.structure.tables for th in descendants(table, {"TH"})]
        return {
            "pages": len(self.pages),
            "headings": len(self.structure.headings),
            "tables": len(self.structure.tables),
            "captions": sum(bool(descendants(t, {"Caption"})) for t in self.structure.tables),
            "header cells": len(headers),
            "with scope": sum(scope(th) is not None for th in headers),
            "figures": len(self.structure.figures),
            "artifact text runs": sum(page.artifact_text_runs for page in self.pages),
            "orphan MCIDs": sum(len(self.orphan_mcids(n)) for n in range(len(self.pages))),
        }

    def orphan_mcids(self, page: int) -> set[int]:
        """Tagged content on the page that the structure tree never reaches."""
        reachable = self.structure.reachable
        return {mcid for mcid in self.pages[page].tagged_mcids if (page, mcid) not in reachable}


def read_tagged_pdf(data: bytes) -> TaggedPdf:
    pdf = pikepdf.open(io.BytesIO(data))
    return TaggedPdf(pdf, walk_structure(pdf), [read_page(page) for page in pdf.pages])


def column_heads(table) -> int:
    return sum(len(descendants(head, {"TH"})) for head in descendants(table, {"THead"}))


def pdf_ua_problems(tagged: TaggedPdf, page_texts: list[str]) -> list[str]:
    """What stops the file being PDF/UA-1 in substance, one line each; none when it is."""
    pdf, structure, problems = tagged.pdf, tagged.structure, []
    if not str(pdf.Root.get("/Lang", "")):
        problems.append("the catalog has no /Lang")
    if not str(pdf.docinfo.get("/Title", "")):
        problems.append("the document has no /Title")
    if not bool(pdf.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        problems.append("ViewerPreferences does not set DisplayDocTitle")
    if not bool(pdf.Root.get("/MarkInfo", {}).get("/Marked", False)):
        problems.append("MarkInfo does not say Marked")

    levels = structure.headings
    if not levels or levels[0] != 1:
        problems.append(f"the first heading is not an H1: {levels[:1]}")
    problems += [f"H{b} follows H{a}: a level skipped" for a, b in itertools.pairwise(levels) if b > a + 1]

    page_of = {page.objgen: number for number, page in enumerate(pdf.pages)}
    tables = [(page_of[table.Pg.objgen], table) for table in structure.tables]
    for index, (page, table) in enumerate(tables):
        headers = descendants(table, {"TH"})
        if not headers:
            problems.append(f"a table on page {page + 1} has no header cells (layout tagged as data?)")
        problems += [f"a header cell on page {page + 1} has no /Scope" for th in headers if scope(th) is None]
        if not descendants(table, {"Caption"}) and not _continues(tables, index):
            problems.append(f"a table on page {page + 1} has no caption")
    problems += [
        f"a figure on page {page_of[figure.Pg.objgen] + 1} has no /Alt"
        for figure in structure.figures
        if not figure.get("/Alt")
    ]

    for number, page in enumerate(tagged.pages, start=1):
        if orphans := tagged.orphan_mcids(number - 1):
            problems.append(f"page {number}: marked content {sorted(orphans)} neither tagged nor an artifact")
        if page.untagged_text_runs:
            problems.append(f"page {number}: {page.untagged_text_runs} text runs outside any marked content")
        if not page.artifact_text_runs:
            problems.append(f"page {number}: its running header and footer are not artifacts")
        if page.smallest_text_pt < 9 - 0.01:
            problems.append(f"page {number}: text at {page.smallest_text_pt:.2f} pt, below 9 pt")
        if "..." in page_texts[number - 1]:
            problems.append(f"page {number}: a run of full stops (a leader drawn as text?)")
    return problems


def _continues(tables: list, index: int) -> bool:
    """WeasyPrint 70 tags a table that runs over a page break as one /Table a page, the caption on the
    first: a table without a caption may only be the first on its page, carrying on from the last one on
    the page before, with the same column heads (repeated by <thead>, or none for a row-headed table)."""
    if index == 0:
        return False
    (page, table), (previous_page, previous) = tables[index], tables[index - 1]
    return previous_page == page - 1 and column_heads(table) == column_heads(previous)
