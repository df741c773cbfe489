"""Finishing WeasyPrint's tagged PDF so that it is PDF/UA-1 in substance (ADR 0030).

WeasyPrint 70 tags the body well but leaves two gaps this closes with pikepdf, after it has written the file:
- The page's margin boxes (the running header and footer: classification, title, page numbers) are marked
  content with MCIDs that no structure element reaches; PDF/UA-1 needs them to be artifacts, so that a screen
  reader skips them and they are not read out on every page.
- Header cells carry no /Scope. The pack's templates give every <th> a scope, and always the same way round
  (scope="col" in <thead>, scope="row" in <tbody>: tests/governance/test_pack_tagging.py holds them to it), so
  the scope follows from the row group the cell sits in.
"""

from __future__ import annotations

import io

import pikepdf

COLUMN_HEADER_GROUPS = {"/THead"}


def finish_tagging(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        reached = _reached_marked_content(pdf)
        for number, page in enumerate(pdf.pages):
            on_page = reached.get(page.obj.objgen, set())
            _mark_unreached_content_as_artifacts(pdf, page, on_page)
            _forget_parents_of_artifacts(pdf, number, on_page)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _kids(element) -> list:
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def _reached_marked_content(pdf: pikepdf.Pdf) -> dict[tuple[int, int], set[int]]:
    """The MCIDs, by page, that the structure tree reaches; sets each header cell's scope on the way."""
    reached: dict[tuple[int, int], set[int]] = {}
    # Depth-first with an explicit stack: the pack's tree is deep and wide (a row per risk).
    stack: list[tuple[object, tuple[int, int] | None, str]] = [
        (kid, None, "/StructTreeRoot") for kid in _kids(pdf.Root.StructTreeRoot)
    ]
    while stack:
        element, page, group = stack.pop()
        if isinstance(element, int):
            if page is not None:
                reached.setdefault(page, set()).add(element)
            continue
        if not isinstance(element, pikepdf.Dictionary) or element.get("/Type") == "/OBJR":
            continue
        if element.get("/Type") == "/MCR":
            reached.setdefault(element.Pg.objgen, set()).add(int(element.MCID))
            continue
        kind = str(element.get("/S"))
        page = element.Pg.objgen if "/Pg" in element else page
        if kind == "/TH":
            _set_scope(element, "/Column" if group in COLUMN_HEADER_GROUPS else "/Row")
        if kind in ("/THead", "/TBody", "/TFoot", "/Table"):
            group = kind
        stack.extend((kid, page, group) for kid in _kids(element))
    return reached


def _set_scope(header: pikepdf.Dictionary, scope: str) -> None:
    attributes = header.get("/A")
    if not isinstance(attributes, pikepdf.Dictionary):
        attributes = pikepdf.Dictionary(O=pikepdf.Name("/Table"))
        header.A = attributes
    attributes.Scope = pikepdf.Name(scope)


def _mark_unreached_content_as_artifacts(pdf: pikepdf.Pdf, page: pikepdf.Page, reached: set[int]) -> None:
    instructions = pikepdf.parse_content_stream(page)
    changed = False
    for index, instruction in enumerate(instructions):
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue  # an inline image
        if str(instruction.operator) != "BDC":
            continue
        properties = instruction.operands[1]
        tagged = isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties
        if tagged and int(properties.MCID) not in reached:
            instructions[index] = pikepdf.ContentStreamInstruction(
                [pikepdf.Name("/Artifact")], pikepdf.Operator("BMC")
            )
            changed = True
    if changed:
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def _forget_parents_of_artifacts(pdf: pikepdf.Pdf, page_number: int, reached: set[int]) -> None:
    """An artifact has no parent structure element: drop the unreached elements from the parent tree."""
    parent_tree = pdf.Root.StructTreeRoot.ParentTree
    numbers = parent_tree.Nums
    for index in range(0, len(numbers), 2):
        if int(numbers[index]) == page_number and isinstance(numbers[index + 1], pikepdf.Array):
            parents = numbers[index + 1]
            for mcid in range(len(parents)):
                if mcid not in reached:
                    parents[mcid] = None
            return
