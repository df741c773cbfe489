"""Turning a pack document into a tagged A4 PDF with WeasyPrint (finished by tagging.py: the running header
and footer become artifacts, header cells get their scope). The Celery task and build_pack share this."""

from __future__ import annotations

import datetime
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from weasyprint import HTML, Attachment
from weasyprint.document import Document

from governance.packs.document import pack_document
from governance.packs.document.attachments import PackAttachment
from governance.packs.fetcher import PACK_BASE_URL, PACK_STYLESHEET, AllowListFetcher, static_url
from governance.packs.tagging import finish_tagging

PDF_OPTIONS = {
    # PDF/UA-1: tagged for assistive technology, with the document title shown instead of the file name.
    "pdf_variant": "pdf/ua-1",
    # Nothing the HTML names is attached (the fetcher refuses it); only the files render_pdf is given.
    "attachments": [],
}


@dataclass
class RenderedPack:
    pdf: bytes
    page_count: int
    layout_seconds: float
    write_seconds: float
    served: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def pack_html(document) -> str:
    return render_to_string(
        "governance/packs/pack.html", {"pack": document, "stylesheet_url": static_url(PACK_STYLESHEET)}
    )


def lay_out(html: str, fetcher: AllowListFetcher) -> Document:
    return HTML(string=html, base_url=PACK_BASE_URL, url_fetcher=fetcher).render(**PDF_OPTIONS)


def write_tagged_pdf(laid_out: Document, attachments: Sequence[PackAttachment] = ()) -> bytes:
    written = laid_out.write_pdf(**{**PDF_OPTIONS, "attachments": [_embedded(file) for file in attachments]})
    return finish_tagging(written)


def render_pdf(
    html: str, *, fetcher: AllowListFetcher | None = None, attachments: Sequence[PackAttachment] = ()
) -> RenderedPack:
    fetcher = fetcher or AllowListFetcher()
    started = time.perf_counter()
    laid_out = lay_out(html, fetcher)
    after_layout = time.perf_counter()
    pdf = write_tagged_pdf(laid_out, attachments)
    return RenderedPack(
        pdf=pdf,
        page_count=len(laid_out.pages),
        layout_seconds=after_layout - started,
        write_seconds=time.perf_counter() - after_layout,
        served=fetcher.served,
        refused=fetcher.refused,
    )


def _embedded(file: PackAttachment) -> Attachment:
    # From a string, so the fetcher is never asked: the bytes are the text we wrote.
    return Attachment(
        string=file.text.encode("utf-8"), base_url=PACK_BASE_URL, name=file.name, description=file.description
    )


def build_pack_pdf(
    content: dict,
    *,
    version_label: str,
    generated_at: datetime.datetime,
    fingerprint: str,
    fetcher: AllowListFetcher | None = None,
) -> RenderedPack:
    """The one path from gathered content to PDF bytes."""
    document = pack_document(
        content, version_label=version_label, generated_at=generated_at, fingerprint=fingerprint
    )
    return render_pdf(pack_html(document), fetcher=fetcher, attachments=document.attachments)
