"""Hostile input to every form the service shows: never a 500, always a clear answer, nothing unescaped.

The forms are found, not listed: tests/edges/form_discovery.py reads every page each persona may
see (from the access table) and parses its <form> elements. Every URL the access table lets
someone POST to must have a form found for it, or be in POSTED_WITHOUT_A_FORM with the reason.

Each form is then posted values Hypothesis draws per kind of field (tests/edges/hostile.py):
markup and CSS that would fetch things, right-to-left and combining text, emoji, zero-width
characters, null bytes, lone surrogates (sent as their UTF-8 bytes), oversized text, garbage in
choices and in each box of a date, hostile CSV files. Every answer must be one of:

- a redirect (the record was saved, or an action refused with a flash message), whose page loads;
- the form again with a GOV.UK error summary whose links reach their fields, and a field error;
- a 400 page that says what was wrong.

No page may carry a payload as markup (a tag or attribute named by the payload's marker).

Examples run in a savepoint each, rolled back, so each starts from the seeded demo; runs are
derandomized so CI sees the same inputs every time. FUZZ_EXAMPLES sets examples per form (CI's
default keeps the whole fuzz near a minute and a half); FUZZ_SEED=<n> explores new inputs.
"""

from __future__ import annotations

import io
import re
import socket

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pypdf import PdfReader

from governance.packs.content import gather_pack_content
from governance.packs.fetcher import AllowListFetcher, static_url
from governance.packs.rendering import build_pack_pdf
from tests.edges import fuzz_tally
from tests.edges.access_table import DONE, LOGIN, MOVED, TABLE
from tests.edges.conftest import demo_seed
from tests.edges.form_discovery import FREE_TEXT, FoundForm, crawl, discover, start_pages
from tests.edges.fuzzing import FormGone, Fuzz, signed_in
from tests.edges.hostile import MARKER
from tests.edges.page_checks import read_page

# URLs that take a POST although no page of the demo shows a form for them. None takes a field, so
# posting them the CSRF token and random extra fields covers everything a form would send.
# Restore buttons show only on a closed view that lists something: the demo has a closed risk, and
# retires no measure, term, agreement or forum.
NOTHING_RETIRED_IN_THE_DEMO = "its Restore button shows only for a retired record; the demo has none"

POSTED_WITHOUT_A_FORM = {
    **{
        f"governance:{register}_restore": NOTHING_RETIRED_IN_THE_DEMO
        for register in ("measures", "glossary", "data_sharing", "forums")
    },
    "initiatives:wizard_check": "answers a POST as a GET; the check-answers page links onward",
    "governance:decision_email_resend": (
        "its button shows only beside a decision email that failed to send; none fails in the demo"
    ),
    "governance:raci_columns_from_bodies": (
        "its button shows only while a body taking part has no column; every body has one in the demo"
    ),
    "governance:risks_import_confirm": (
        "its form is on an upload's preview, which no link reaches; it takes no field but the one-time "
        "token, and confirms only an upload waiting in the session"
    ),
    "governance:measures_import_confirm": "as governance:risks_import_confirm",
    "account_login": "the same address as login, whose form is fuzzed under that name",
    "account_logout": "the same address as logout, whose form is fuzzed under that name",
    "account_reset_password_from_key": (
        "its form shows once the emailed key has moved into the session; posted here with a key that "
        "does not work, it answers the page that says so"
    ),
    "account_set_password": "everyone in the demo has a password: the page sends them to change it",
    "mfa_authenticate": "its form shows only between a password and the code, while signing in",
    "mfa_activate_totp": "the fuzz's sessions signed in long ago: it asks for the password again first",
    "mfa_deactivate_totp": "it asks for the password or a code again first, as above",
    "mfa_generate_recovery_codes": "it asks for the password or a code again first, as above",
    "people:keep_alive": "the timeout warning's script posts it when someone stays signed in",
    "people:reactivate": "its button shows only for someone deactivated; nobody in the demo is",
    "people:unlock": "its button shows only for someone locked out; nobody in the demo is",
}

# The order personas are tried in: a form is fuzzed as the first persona who is offered it
# (signing in as nobody signed in; everything else as the programme manager if they may).
PERSONA_ORDER = ("anonymous", "programme_manager", "senior_owner", "reviewer", "partner", "outsider")


@pytest.fixture(scope="module")
def found_forms(seeded_demo, django_db_blocker, tmp_path_factory) -> dict[str, list[FoundForm]]:
    """Every form the seeded demo offers, read once per module (a rolled-back crawl)."""
    private = tmp_path_factory.mktemp("private")
    with django_db_blocker.unblock(), override_settings(PRIVATE_FILES_ROOT=private), transaction.atomic():
        seed = demo_seed()
        personas = [p for p in PERSONA_ORDER if any(_lets_through(a.post, p) for a in TABLE.values())]
        forms, _pages = discover(seed, personas, make_client=lambda persona: signed_in(seed, persona))
        transaction.set_rollback(True)
    by_name: dict[str, list[FoundForm]] = {}
    seen = set()
    for form in forms:
        if form.method != "post" or form.signature in seen:
            continue
        seen.add(form.signature)
        by_name.setdefault(form.url_name, []).append(form)
    return by_name


def _lets_through(post: dict | None, persona: str) -> bool:
    return post is not None and post[persona] == DONE


# The API's writes take JSON, not forms: tests/api/test_schema_properties.py sends them requests generated
# from the schema instead.
POSTED = sorted(name for name, access in TABLE.items() if access.post is not None and not access.bearer)


def test_every_url_that_takes_a_post_has_a_form_to_fuzz(found_forms, db):
    missing = [name for name in POSTED if name not in found_forms and name not in POSTED_WITHOUT_A_FORM]
    stale = [name for name in POSTED_WITHOUT_A_FORM if name in found_forms]

    assert missing == [], "No page offers a form for these URLs: fix the page or the discovery"
    assert stale == [], "These now have a form: take them out of POSTED_WITHOUT_A_FORM"
    assert set(found_forms) <= set(TABLE), "A form posts to a URL the access table does not list"


@pytest.mark.parametrize("name", POSTED)
def test_hostile_input_never_fails_and_is_never_rendered_as_markup(seed, found_forms, name):
    forms = found_forms.get(name) or [_blind_form(seed, name)]
    for form in forms:
        Fuzz(seed, form).run()


def _blind_form(seed, name: str) -> FoundForm:
    """Posted as someone it lets through, or else as someone it sends on (a redirect the fuzz follows);
    the CSRF token is borrowed from a page that persona can read."""
    assert name in POSTED_WITHOUT_A_FORM, f"No form found for {name}"
    access = TABLE[name]
    through = [p for p in PERSONA_ORDER if _lets_through(access.post, p)]
    sent_on = [p for p in PERSONA_ORDER if access.post[p] in (MOVED, LOGIN)]
    persona = (through or sent_on)[0]
    path = reverse(name, kwargs=access.params(seed))
    page = reverse("login") if persona == "anonymous" else seed.initiative.get_absolute_url()
    return FoundForm(name, path, "post", "", page, persona, controls={})


MEGABYTE_LINE = "x" * 1_000_000
# Past every limit a text box has; with one megabyte beside them, still under Django's 2.5 MB.
LONG_LINE = "x" * 20_001


def test_a_megabyte_in_a_text_box_is_refused_at_that_box_as_is_overlong_text_in_the_others(seed, found_forms):
    """Each form's first text box gets one line of a million characters, its others 20,001."""
    checked, wrong = 0, []
    for form in _forms_with_free_text(found_forms):
        fuzz = Fuzz(seed, form)
        names = [c.name for c in fuzz.free_text_controls]
        text = {name: MEGABYTE_LINE if name == names[0] else LONG_LINE for name in names}
        with transaction.atomic():
            response = fuzz.send(fuzz.submission(text=text))
            transaction.set_rollback(True)
        html = response.content.decode()
        assert read_page(html).markup == []
        for name in names:
            checked += 1
            if response.status_code != 200 or not fuzz.field_has_error(html, name):
                wrong.append(f"{form.key}: {name} answered {response.status_code} with no error there")

    assert checked >= 60, "Fewer free-text fields than the service has: is discovery broken?"
    assert wrong == []


def _forms_with_free_text(found_forms) -> list[FoundForm]:
    forms = [form for forms in found_forms.values() for form in forms]
    return [form for form in forms if any(c.kind in FREE_TEXT for c in form.fields)]


HOSTILE_MARKUP = (
    f'<script {MARKER}>alert(1)</script><img src="http://127.0.0.1:9/x" {MARKER}>'
    " <style>p{background:url(http://127.0.0.1:9/css)}</style> url(http://127.0.0.1:9/y)"
)
# Right-to-left text, a combining mark and an emoji after it: they must not break the page or the pack.
HOSTILE_TEXT = f"{HOSTILE_MARKUP} \u200f\u05e9\u05dc\u05d5\u05dd e\u0301 \U0001f469\u200d\U0001f467"


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise AssertionError(f"Something tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def test_markup_saved_through_every_form_is_shown_as_text_everywhere_and_printed_in_the_pack(
    seed, found_forms, no_network
):
    # A partner reads a subset of the programme manager's pages.
    readers = ("programme_manager", "senior_owner", "reviewer")
    # Where each reader starts, worked out while the demo's records are as the table expects.
    starts = {persona: start_pages(seed, persona) for persona in readers}
    saved, refused = save_hostile_text_through_every_form(seed, found_forms)
    pages = read_every_page(seed, starts)
    content = gather_pack_content(seed.initiative.pk)
    fetcher = AllowListFetcher()
    pack = build_pack_pdf(
        content, version_label="1", generated_at=timezone.now(), fingerprint="fuzz", fetcher=fetcher
    )

    showing = [where for where, html in pages.items() if escape(HOSTILE_MARKUP) in html]
    printed = _flat(_pdf_text(pack.pdf)).count(_flat(HOSTILE_MARKUP))
    fuzz_tally.NOTES["stored_markup"] = {
        "forms_saved": saved,
        "forms_refused": refused,
        "pages_read": len(pages),
        "pages_showing_it_escaped": len(showing),
        "times_printed_in_the_pack": printed,
    }

    assert len(saved) >= 30, f"Too few forms saved the text; refused: {refused}"
    assert {where: found for where, html in pages.items() if (found := read_page(html).markup)} == {}
    assert len(showing) >= 20, "The saved text should be shown, escaped, on many pages"
    assert fetcher.served == [static_url("governance/pack/pack.css")]
    assert fetcher.refused == []
    assert no_network == []
    assert printed >= 15


# Deciding a decision ends its other forms (escalating it, say): saved last, so those save first.
SAVED_LAST = {"governance:decision_decide"}
SHORT_HOSTILE = f"<i {MARKER}>&amp;"


def save_hostile_text_through_every_form(seed, found_forms) -> tuple[list[str], dict[str, str]]:
    """Every form with free text, posted as its persona with the hostile text in each text box.

    Records pile up (the test's transaction is rolled back at the end). Refused once, the form is
    sent again with a short payload in boxes with a short limit, and past dates where a future
    one was refused (a review happened already).
    """
    forms = sorted(_forms_with_free_text(found_forms), key=lambda f: (f.url_name in SAVED_LAST, f.url_name))
    saved, refused = [], {}
    for number, form in enumerate(forms):
        if form.persona == "anonymous":
            continue  # Signing in stores nothing.
        try:
            fuzz = Fuzz(seed, form)
        except FormGone as gone:
            refused[form.key] = str(gone)
            continue
        text = {"*": f"{number} {HOSTILE_TEXT}"}
        response = fuzz.send(fuzz.submission(text=text))
        if response.status_code == 200:
            html = response.content.decode()
            too_long = [c.name for c in fuzz.free_text_controls if fuzz.field_has_error(html, c.name)]
            text.update(dict.fromkeys(too_long, f"{number}{SHORT_HOSTILE}"))
            fuzz.past_dates = fuzz.date_groups_with_errors(html)
            fuzz.restore_cookies()
            response = fuzz.send(fuzz.submission(text=text))
        if response.status_code == 302:
            saved.append(form.key)
        else:
            errors = read_page(response.content.decode()).summary_texts
            refused[form.key] = f"{response.status_code}: {'; '.join(e.strip() for e in errors)}"
    return saved, refused


def read_every_page(seed, starts: dict[str, list[str]]) -> dict[str, str]:
    """Every page each reader reaches by links from their start pages, keyed by who read it and where."""
    pages = {}
    prefixes = (seed.initiative.get_absolute_url(), "/initiatives/new/")
    for persona, start in starts.items():
        client = signed_in(seed, persona)
        for page in crawl(client, persona, start, prefixes):
            pages[f"{persona} {page.path}"] = page.html
    return pages


def _pdf_text(pdf: bytes) -> str:
    # With a fallback font on the page (for the Hebrew and the emoji), pypdf reads the main font's
    # text as UTF-16 bytes, a NUL before each character; poppler's pdftotext reads it correctly.
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return text.replace("\x00", "")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)
