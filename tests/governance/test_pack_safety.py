"""Nothing typed by a user, and nothing in the markup, can make the PDF renderer fetch or embed anything."""

import csv
import io
import re
import socket

import pytest
from django.utils import timezone
from pypdf import PdfReader

from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.fetcher import PACK_BASE_URL, AllowListFetcher, RefusedURL, static_url
from governance.packs.rendering import build_pack_pdf, render_pdf
from tests.governance.pack_records import fill_initiative

HOSTILE = (
    ' <img src="http://127.0.0.1:9/x"> <link href="file:///etc/passwd">'
    " <style>body{background:url(http://127.0.0.1:9/css)}</style> url(http://127.0.0.1:9/y)"
)
STYLESHEET = static_url("governance/pack/pack.css")


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test, and is recorded."""
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise AssertionError(f"The renderer tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def flat(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.django_db
def test_html_and_css_typed_into_fields_are_printed_as_text_and_fetch_nothing(world, no_network):
    initiative = fill_initiative(world, text=HOSTILE)
    content = gather_pack_content(initiative.pk)
    fetcher = AllowListFetcher()

    rendered = build_pack_pdf(
        content,
        version_label="1",
        generated_at=timezone.now(),
        fingerprint=content_fingerprint(content),
        fetcher=fetcher,
    )

    assert fetcher.served == [STYLESHEET]
    assert fetcher.refused == []
    assert no_network == []
    text = flat(rendered.pdf)
    assert text.count(re.sub(r"\s+", "", HOSTILE)) >= 5  # outcome, risk cause, decision, findings...
    assert '<imgsrc="http://127.0.0.1:9/x">' in text
    # Only the registers the pack attaches itself, whose cells are text too.
    attached = PdfReader(io.BytesIO(rendered.pdf)).attachments
    assert sorted(attached) == sorted(
        f"{initiative.slug}-{name}.csv" for name in ("risk-register", "measures", "decision-log")
    )
    (risks,) = attached[f"{initiative.slug}-risk-register.csv"]
    causes = [row[2] for row in csv.reader(io.StringIO(risks.decode("utf-8-sig")))]
    assert f"Each body keeps its own register{HOSTILE}" in causes


def test_markup_that_asks_for_remote_or_local_resources_is_refused_and_recorded(no_network):
    html = f"""<!DOCTYPE html><html lang="en-GB"><head><title>t</title>
      <link rel="stylesheet" href="http://127.0.0.1:9/remote.css">
      <link rel="attachment" href="file:///etc/passwd">
      <style>
        @import url("file:///etc/hostname");
        @font-face {{ font-family: x; src: url(https://127.0.0.1:9/font.woff); }}
        body {{ background: url(data:image/png;base64,iVBORw0KGgo=); }}
        p {{ background-image: url({PACK_BASE_URL}static/../collab/settings.py); }}
      </style></head>
      <body><p>Hello</p><img src="http://127.0.0.1:9/x" alt="remote image">
      <img src="file:///etc/passwd" alt="local file"><a rel="attachment" href="http://127.0.0.1:9/a">a</a>
      <object data="http://127.0.0.1:9/o"></object><iframe src="http://127.0.0.1:9/i"></iframe></body></html>"""
    fetcher = AllowListFetcher()

    rendered = render_pdf(html, fetcher=fetcher)

    assert fetcher.served == []
    assert {
        "http://127.0.0.1:9/remote.css",
        "file:///etc/passwd",
        "file:///etc/hostname",
        "http://127.0.0.1:9/x",
    } <= set(fetcher.refused)
    assert no_network == []
    catalog = str(PdfReader(io.BytesIO(rendered.pdf)).trailer["/Root"])
    assert "/EmbeddedFiles" not in catalog


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "https://example.com/static/governance/pack/pack.css",
        "file:///etc/passwd",
        "data:text/css,body{color:red}",
        f"{PACK_BASE_URL}static/governance/pack/pack.css?v=1",
        f"{PACK_BASE_URL}static/governance/pack/pack.css#x",
        f"{PACK_BASE_URL}static/governance/pack/../../js/app.mjs",
        f"{PACK_BASE_URL}static/governance/pack/%2e%2e/%2e%2e/js/app.mjs",
        f"{PACK_BASE_URL}static/js/app.mjs",
        f"{PACK_BASE_URL}collab/settings.py",
        "ftp://127.0.0.1/pack.css",
    ],
)
def test_the_fetcher_refuses_anything_but_the_allow_listed_assets(url):
    fetcher = AllowListFetcher()

    with pytest.raises(RefusedURL):
        fetcher.fetch(url)

    assert fetcher.refused == [url]


def test_the_fetcher_serves_the_pack_stylesheet_from_disk():
    fetcher = AllowListFetcher()

    response = fetcher.fetch(STYLESHEET)

    assert response.content_type == "text/css"
    assert b"@page" in response.read()
    assert fetcher.served == [STYLESHEET]
