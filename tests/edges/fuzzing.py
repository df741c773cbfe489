"""Posting drawn values to one discovered form and judging each answer (see test_bad_input.py)."""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import secrets
import time
from collections import Counter
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given
from hypothesis import seed as hypothesis_seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.edges import fuzz_tally, hostile
from tests.edges.form_discovery import FREE_TEXT, Control, FoundForm, parse_page, walk_the_wizard
from tests.edges.page_checks import PageReport, read_page

# Examples per form: CI's default keeps the whole fuzz near a minute and a half.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
# Unset, every run draws the same inputs (derandomized); a number explores new ones.
FUZZ_SEED = os.environ.get("FUZZ_SEED")


# Names a form does not have, sent now and then: a model field left off the form, say.
EXTRA_NAMES = ["extra", "id", "pk", "initiative", "status", "created_by", "__proto__"]


class FormGone(AssertionError):
    """The page no longer offers the form (an earlier submission changed what it shows)."""


def signed_in(seed, persona: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    if persona != "anonymous":
        client.force_login(seed.people[persona])
    return client


class Fuzz:
    """One form, signed in as the persona offered it, posted every example Hypothesis draws."""

    def __init__(self, seed, form: FoundForm):
        self.seed = seed
        self.form = form
        self.client = signed_in(seed, form.persona)
        self.controls = self._live_controls()
        self.csv_header = self._export_header() if self._has_file else []
        self.cookies = {key: morsel.value for key, morsel in self.client.cookies.items()}
        self.today = timezone.localdate()
        self.outcomes: Counter = Counter()
        self.past_dates: set[str] = set()  # Date fields to fill with a past date (a review's date).

    @property
    def _has_file(self) -> bool:
        return any(c.kind == "file" for c in self.controls.values())

    def _live_controls(self) -> dict[str, Control]:
        """The form as the page shows it now, with a CSRF token for this client."""
        response = self.client.get(self.form.page)
        if response.status_code == 302 and self.form.url_name.startswith("initiatives:wizard"):
            # The recommendation shows only once every question is answered, as for a person.
            walk_the_wizard(self.client, self.seed)
            response = self.client.get(self.form.page)
        if response.status_code != 200:
            raise FormGone(f"{self.form.page} answered {response.status_code}")
        page = parse_page(self.form.page, response.content.decode())
        self.page_links = page.links
        wanted = _shape(self.form.controls)
        for candidate in page.forms:
            action = urlsplit(urljoin(self.form.page, candidate["action"] or self.form.page)).path
            if action == self.form.path and _shape(candidate["controls"]) == wanted:
                return candidate["controls"]
        if not self.form.controls:  # a URL posted without a form: borrow the page's token
            token = next(
                (
                    f["controls"]["csrfmiddlewaretoken"]
                    for f in page.forms
                    if "csrfmiddlewaretoken" in f["controls"]
                ),
                None,
            )
            assert token is not None, f"No CSRF token on {self.form.page}"
            return {"csrfmiddlewaretoken": token}
        raise FormGone(f"The form for {self.form.key} is no longer on {self.form.page}")

    def _export_header(self) -> list[str]:
        """The columns an import expects, from the export the import page links to."""
        for href in self.page_links:
            if href.endswith(".csv"):
                text = self.client.get(href).content.decode("utf-8-sig")
                return next(csv.reader(io.StringIO(text)))
        return []

    # --- drawing a submission ------------------------------------------------------------------

    @property
    def fields(self) -> list[Control]:
        return [c for name, c in self.controls.items() if name != "csrfmiddlewaretoken"]

    @property
    def free_text_controls(self) -> list[Control]:
        return [c for c in self.fields if c.kind in FREE_TEXT]

    def draw_submission(self, data) -> list[tuple[str, object]]:
        """Some fields (a date's three boxes count as one) drawn hostile, the rest filled sensibly."""
        groups = _date_groups(self.fields)
        names = sorted({groups.get(c.name, c.name) for c in self.fields})
        corrupt = data.draw(st.sets(st.sampled_from(names)) if names else st.just(set()), label="corrupt")
        extra = data.draw(
            st.lists(st.tuples(st.sampled_from(EXTRA_NAMES), hostile.free_text()), max_size=1),
            label="extra fields",
        )
        return self.submission(corrupt=corrupt, data=data) + extra

    def submission(
        self, *, corrupt: set[str] = frozenset(), data=None, text: dict[str, str] | None = None
    ) -> list[tuple[str, object]]:
        """Every field as a person would fill it: what the page holds, or a plausible choice.

        Fields named in `corrupt` are drawn from `data` instead; `text` gives free-text fields
        values of its own (by name, or "*" for all of them).
        """
        text = text or {}
        groups = _date_groups(self.fields)
        pairs: list[tuple[str, object]] = [
            ("csrfmiddlewaretoken", self.controls["csrfmiddlewaretoken"].value)
        ]
        dates_done = set()
        for control in self.fields:
            group = groups.get(control.name)
            if group:
                if group not in dates_done:
                    pairs += self._date_group(data, group, group in corrupt, order=len(dates_done))
                    dates_done.add(group)
            elif control.name in corrupt:
                pairs += self._hostile(data, control)
            elif control.kind in FREE_TEXT and (control.name in text or "*" in text):
                pairs.append((control.name, text.get(control.name, text.get("*"))))
            else:
                pairs += self._baseline(control)
        return pairs

    def date_groups_with_errors(self, html: str) -> set[str]:
        report = read_page(html)
        return {g for g in set(_date_groups(self.fields).values()) if f"id_{g}-error" in report.field_errors}

    def field_has_error(self, html: str, name: str) -> bool:
        """Whether the re-rendered form shows an error message tied to the field `name`."""
        report = read_page(html)
        page = parse_page(self.form.path, html)
        for form in page.forms:
            control = form["controls"].get(name)
            if control is not None:
                return any(part in report.field_errors for part in control.describedby.split())
        return False

    def _baseline(self, control: Control) -> list[tuple[str, object]]:
        """A plausible value: what the page filled in, or something a person would choose."""
        if control.kind == "file":
            return [(control.name, ("export.csv", self._baseline_csv()))]
        chosen = [v for v in control.values if v]
        if control.kind == "checkbox" and control.multiple:
            return [(control.name, v) for v in (chosen or control.options[:2])]
        if control.kind == "checkbox":
            return [(control.name, v) for v in chosen]
        if control.kind in ("radio", "select"):
            return [(control.name, v) for v in (chosen or [o for o in control.options if o][:1])]
        if control.kind == "number":
            return [(control.name, control.value or "3")]
        if control.kind in FREE_TEXT:
            return [(control.name, control.value or "Checked by the fuzz")]
        return [(control.name, control.value)]

    def _baseline_csv(self) -> bytes:
        return (",".join(self.csv_header) + "\r\n").encode() if self.csv_header else b"Title\r\n"

    def _hostile(self, data, control: Control) -> list[tuple[str, object]]:
        label = f"{control.name} ({control.kind})"
        if data.draw(st.integers(0, 9), label=f"{label} left out") == 0:
            return []
        if control.kind == "file":
            return [(control.name, data.draw(hostile.csv_upload(self.csv_header), label=label))]
        if control.kind in ("radio", "select"):
            value = data.draw(hostile.choice(control.options), label=label)
        elif control.kind == "checkbox":
            value = data.draw(hostile.ticks(control.options), label=label)
        elif control.kind == "number":
            value = data.draw(st.one_of(hostile.number_text(), hostile.free_text()), label=label)
        else:
            value = data.draw(hostile.free_text(), label=label)
        values = value if isinstance(value, list) else [value]
        return [(control.name, v) for v in values]

    def _date_group(self, data, group: str, corrupt: bool, order: int = 0) -> list[tuple[str, object]]:
        if corrupt:
            parts = data.draw(hostile.date_parts(self.today), label=f"{group} date")
        else:
            current = {part: self.controls[f"{group}_{part}"].value for part in ("day", "month", "year")}
            # Later dates on a form come later (a target after its baseline); some must be past.
            days = (-400 if group in self.past_dates else 400) + 30 * order
            fallback = self.today + datetime.timedelta(days=days)
            parts = current if any(current.values()) else date_boxes(fallback)
        return [(f"{group}_{part}", parts[part]) for part in ("day", "month", "year")]

    # --- sending and judging -----------------------------------------------------------------

    def send(self, pairs):
        if self._has_file or any(isinstance(v, tuple) for _, v in pairs):
            body, content_type = _multipart(pairs)
        else:
            body = urlencode([(n, v) for n, v in pairs], encoding="utf-8", errors="surrogatepass")
            content_type = "application/x-www-form-urlencoded"
        return self.client.post(self.form.path, data=body, content_type=content_type)

    # Forms whose success is a page of its own rather than a redirect: what it shows cannot be shown
    # again (a new API token's secret), so it is not put behind a redirect.
    SUCCESS_SHOWN_IN_PLACE = {"api_tokens:token_create"}

    def judge(self, response, pairs) -> None:
        where = f"{self.form.key}: POST {self.form.path} answered {response.status_code}"
        status = response.status_code
        self.outcomes[status] += 1
        assert status in (200, 302, 400), where
        html = response.content.decode(errors="replace")
        report = read_page(html)
        assert report.markup == [], f"{where}; payload rendered as markup: {report.markup}"
        if status == 302:
            self._follow(response, where)
        elif status == 400:
            assert "There is a problem" in html, f"{where}; a 400 page must say what is wrong"
        elif self.form.url_name in self.SUCCESS_SHOWN_IN_PLACE and not report.has_error_summary:
            assert "Copy the token now" in html, f"{where}; neither an error summary nor the new token"
        elif self.form.controls:
            self._judge_refusal(report, where)

    def _judge_refusal(self, report: PageReport, where: str) -> None:
        assert report.has_error_summary and report.summary_items, f"{where} with no error summary"
        # Each error is shown at its field, unless it is about the form as a whole (a wrong password).
        form_level = report.summary_items > len(report.summary_links)
        assert report.field_errors or form_level, f"{where}: an error summary but no field error"
        assert report.broken_summary_links == [], f"{where}: summary links to nothing"

    def _follow(self, response, where: str) -> None:
        for _hop in range(3):
            location = urlsplit(response.url)
            assert not location.netloc, f"{where}: redirected off the site to {response.url}"
            response = self.client.get(location.path + (f"?{location.query}" if location.query else ""))
            if response.status_code != 302:
                break
        assert response.status_code == 200, f"{where}; the page after it answered {response.status_code}"
        report = read_page(response.content.decode(errors="replace"))
        assert report.markup == [], f"{where}; the next page rendered a payload as markup: {report.markup}"

    def run(self) -> None:
        started, tried = time.monotonic(), 0

        @hypothesis_settings(
            max_examples=FUZZ_EXAMPLES,
            derandomize=FUZZ_SEED is None,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            print_blob=True,
        )
        @given(st.data())
        def example(data):
            nonlocal tried
            pairs = self.draw_submission(data)
            try:
                with transaction.atomic():
                    tried += 1
                    response = self.send(pairs)
                    self.judge(response, pairs)
                    transaction.set_rollback(True)
            finally:
                self.restore_cookies()

        if FUZZ_SEED is not None:
            example = hypothesis_seed(int(FUZZ_SEED))(example)
        try:
            example()
        finally:
            fuzz_tally.record(
                self.form.key, inputs=tried, seconds=time.monotonic() - started, outcomes=self.outcomes
            )

    def restore_cookies(self) -> None:
        self.client.cookies = SimpleCookie()
        for key, value in self.cookies.items():
            self.client.cookies[key] = value


def _shape(controls: dict[str, Control]) -> set[str]:
    return {re.sub(r"\d+", "#", name) for name in controls if name != "csrfmiddlewaretoken"}


def _date_groups(fields: list[Control]) -> dict[str, str]:
    groups = {}
    for control in fields:
        if control.kind == "date_part":
            groups[control.name] = control.name.rsplit("_", 1)[0]
    return groups


def _multipart(pairs) -> tuple[bytes, str]:
    boundary = f"----jupfuzz{secrets.token_hex(8)}"
    chunks = []
    for name, value in pairs:
        disposition = f'form-data; name="{_header_text(name)}"'
        if isinstance(value, tuple):
            filename, content = value
            head = (
                f'Content-Disposition: {disposition}; filename="{_header_text(filename)}"\r\n'
                "Content-Type: text/csv"
            )
            body = content
        else:
            head, body = f"Content-Disposition: {disposition}", value.encode("utf-8", "surrogatepass")
        chunks.append(f"--{boundary}\r\n{head}\r\n\r\n".encode("utf-8", "surrogatepass") + body + b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def _header_text(text: str) -> str:
    """As browsers send names in multipart headers: quotes and line breaks percent-encoded."""
    return text.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def date_boxes(day: datetime.date) -> dict[str, str]:
    return {"day": str(day.day), "month": str(day.month), "year": str(day.year)}
