"""What a page says back after a submission: payloads rendered as markup, and how errors are shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from tests.edges.hostile import MARKER


@dataclass
class PageReport:
    markup: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    summary_links: list[str] = field(default_factory=list)
    summary_items: int = 0
    summary_texts: list[str] = field(default_factory=list)
    field_errors: list[str] = field(default_factory=list)
    has_error_summary: bool = False

    @property
    def broken_summary_links(self) -> list[str]:
        return [href for href in self.summary_links if href.removeprefix("#") not in self.ids]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.report = PageReport()
        self._in_summary_list = False

    def handle_starttag(self, tag, attrs):
        report = self.report
        if MARKER in tag:
            report.markup.append(f"<{tag}>")
        attributes = {}
        for name, value in attrs:
            if MARKER in name:
                report.markup.append(f"<{tag} {name}>")
            attributes[name] = value or ""
        if "id" in attributes:
            report.ids.add(attributes["id"])
        classes = attributes.get("class", "").split()
        if "govuk-error-summary" in classes:
            report.has_error_summary = True
        if "govuk-error-summary__list" in classes:
            self._in_summary_list = True
        if self._in_summary_list and tag == "li":
            report.summary_items += 1
            report.summary_texts.append("")
        if self._in_summary_list and tag == "a" and attributes.get("href", "").startswith("#"):
            report.summary_links.append(attributes["href"])
        if "govuk-error-message" in classes:
            report.field_errors.append(attributes.get("id", ""))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._in_summary_list and self.report.summary_texts:
            self.report.summary_texts[-1] += data

    def handle_endtag(self, tag):
        if tag == "ul":
            self._in_summary_list = False


def read_page(html: str) -> PageReport:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.report
