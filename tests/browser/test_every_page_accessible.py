"""Every page of the seeded demo, as the people who use it, through axe-core and the keyboard.

The pages come from the URL resolver through the access table beside the authorization matrix
(tests/edges/access_table.py): every URL that answers a GET with an HTML page is visited as each
persona the table says gets it, since a page differs by role (the programme manager's controls,
the senior owner's decision form, the reviewer's review buttons, a partner's own-body edits).
Then the states those pages can be in: every form on them submitted empty, the RACI matrix with
a row error, the decision awaiting the senior owner, each question of the operating-model
checklist with its check-your-answers and result pages, the risk register filtered, the error
pages, the sign-in page with an error and the locked-out page.

At every stop axe-core checks WCAG 2.2 AA and axe's best practice, and tests/browser/page_checks.py
what axe cannot see: the error summary's links and each error's tie to its field, one h1, heading
levels, links that share a name but lead to different places, and that the page, laid out again at
320 and 640 CSS pixels (a phone; 200% zoom), plain and with WCAG text spacing, never scrolls
sideways (ADR 0029). The keyboard walk
(tests/browser/keyboard.py) Tabs round each page once, as the persona who sees the most controls
on it, and round every state; another persona's view of the same page is the same template with
fewer controls, so it gets axe only, and at a phone's width (320 CSS pixels, where WCAG 1.4.10
asks content to reflow) rather than a desktop's, so every page is also checked narrow.

Playwright's sync API does one thing at a time, so the stops are shared between a few threads,
each with its own Playwright and Chromium kept for the whole sweep, against pytest-django's
threaded live server; the pages are signed in once per persona with a session cookie. Problems
are gathered over the whole sweep and reported together, page by page.
"""

from __future__ import annotations

import io
import queue
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from functools import partial

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from playwright.sync_api import sync_playwright

from governance.models import GovernancePack
from initiatives.models import Initiative, User
from tests.browser.conftest import AXE_SOURCE, WITH_BEST_PRACTICE, axe_violations, watch_for_errors
from tests.browser.keyboard import keyboard_problems
from tests.browser.page_checks import (
    PHONE,
    ZOOMED,
    error_message_problems,
    reflow_problems,
    structure_problems,
)
from tests.edges.access_table import API_RECORDS, MOVED, OK, TABLE
from tests.edges.conftest import PERSONA_EMAILS, Seed
from tests.edges.test_authorization_matrix import project_url_names

pytestmark = pytest.mark.django_db(transaction=True)

# GET URLs that answer with something other than an HTML page, or with no page in the demo.
NOT_PAGES = {
    "api:schema": "the API's OpenAPI schema (YAML, or JSON with ?format=json)",
    "api:decision-submit": "an API action, POST only",
    "api:risk-actions": "an API action, POST only",
    "api:measure-readings": "an API action, POST only",
    "api:pack-download": "a pack's PDF from the API, for a personal access token",
    "api:initiative-export": "JSON from the API, for a personal access token, not a browser session",
    "api:no_such_address": "the API's problem-details 404 for any other address under /api/",
    "api:docs": "Swagger UI, drawn by drf-spectacular-sidecar's script, not a GOV.UK page",
    **{
        f"api:{resource}-{kind}": "JSON from the API, for a personal access token, not a browser session"
        for resource in ("initiative", "risk", "decision", "measure", *API_RECORDS)
        for kind in ("list", "detail")
    },
    "governance:raci_csv": "a CSV download",
    "governance:risks_export": "a CSV download",
    "governance:measures_export": "a CSV download",
    "governance:decisions_export": "a CSV download",
    "portfolio:export": "a CSV download",
    "governance:glossary_export": "a CSV download",
    "governance:pack_download": "a PDF download",
    "calendar:initiative": "an iCalendar download",
    "calendar:feed": "an iCalendar feed, at a secret address only its owner's calendar app knows",
    "governance:pack_status": "JSON for the packs page's script",
    "governance:import_job_status": "JSON for the import progress page's script",
    "api_schemas:initiative_export": "a JSON Schema, for tools reading the initiative export",
    "mfa_download_recovery_codes": "a text file of recovery codes",
    "openid_connect_login": "no body in the demo has single sign-on (test_people_browser.py has one)",
    "openid_connect_callback": "no body in the demo has single sign-on (test_people_browser.py has one)",
    "socialaccount_login_error": "allauth's 401 for a failed single sign-on, not reached from any page",
}
# The persona who sees the most controls on a page comes first: they Tab round it, and a form
# seen by several is submitted empty by the person most likely to use it.
PERSONA_ORDER = ("programme_manager", "senior_owner", "reviewer", "partner", "outsider", "anonymous")
ADMINISTRATOR_EMAIL = "admin@joined-up.example"
THREADS = 3
# A desktop, and a phone at the 320 CSS pixels WCAG 1.4.10 (reflow) asks content to fit.
WIDE = {"width": 1280, "height": 720}
NARROW = PHONE
CHECKLIST = "programme_manager (checklist)"

# The POST forms in <main> that ask for something (not a lone button), and the fields they ask.
FORMS = """
  const fields = (form) => [...form.elements].filter(
    (el) => el.name && el.tagName !== 'BUTTON' && !['hidden', 'submit', 'button', 'reset'].includes(el.type)
  );
  const forms = [...document.querySelectorAll('main form')].filter(
    (form) => form.method === 'post' && fields(form).length
  );
"""
# Where each posts and what it asks, to tell the same form on different pages apart.
FORMS_ON_PAGE = f"""
() => {{
  {FORMS}
  return forms.map((form, index) => ({{
    index, action: form.action, names: [...new Set(fields(form).map((el) => el.name))].sort().join(','),
  }}));
}}
"""
# Blank every field of form number `index` and submit it.
SUBMIT_EMPTY = f"""
(index) => {{
  {FORMS}
  const form = forms[index];
  for (const el of fields(form)) {{
    if (el.type === 'radio' || el.type === 'checkbox') el.checked = false;
    else if (el.tagName === 'SELECT') el.selectedIndex = [...el.options].findIndex((o) => o.value === '');
    else el.value = '';
  }}
  form.requestSubmit(form.querySelector('[type=submit]'));
}}
"""


def html_pages() -> dict:
    """Every URL in the access table that some persona gets as an HTML page on GET."""
    return {
        name: access
        for name, access in TABLE.items()
        if name not in NOT_PAGES
        and access.get is not None
        and not access.action
        and any(outcome in (OK, MOVED) for outcome in access.get.values())
    }


class Sweep:
    """What every stop found, gathered from all the threads."""

    def __init__(self, base_url: str, sessions: dict[str, str], launch_args: dict):
        self.base_url = base_url
        self.sessions = sessions
        self.launch_args = launch_args
        self.lock = threading.Lock()
        self.problems: dict[str, list[str]] = {}
        self.by_rule = Counter()
        self.reflow_seconds = 0.0
        self.stops = Counter()
        self.visited: set[str] = set()
        # Forms by where they post and what they ask: submitted, or seen and still to submit.
        self.submitted: set[tuple] = set()
        self.unsubmitted: dict[tuple, tuple] = {}
        self.accepted_empty: list[str] = []
        self.phases: list[float] = []

    def report(self, where: str, found: list[str]) -> None:
        if found:
            with self.lock:
                self.problems.setdefault(where, []).extend(found)
                self.by_rule.update(rule_of(problem) for problem in found)

    def start(self, threads: int = THREADS) -> None:
        """Start the threads, each with its own Playwright and Chromium, kept for every phase."""
        self.waiting = queue.Queue()
        self.workers = [threading.Thread(target=self._work) for _ in range(threads)]
        for worker in self.workers:
            worker.start()

    def run(self, jobs: list[tuple[str, Callable]]) -> None:
        """Run (label, job) pairs on the threads and wait for all of them: one phase of the sweep."""
        started = time.monotonic()
        for job in jobs:
            self.waiting.put(job)
        self.waiting.join()
        self.phases.append(round(time.monotonic() - started, 1))

    def stop(self) -> None:
        for _worker in self.workers:
            self.waiting.put(None)
        for worker in self.workers:
            worker.join()

    def _work(self) -> None:
        finished = False
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(**self.launch_args)
                try:
                    finished = self._serve(Stops(self, browser))
                finally:
                    browser.close()
        except Exception:
            self.report("a thread of the sweep", [traceback.format_exc()])
            if not finished:
                self._serve(None)  # Without a browser: each job it takes fails, so none is waited on.

    def _serve(self, stops: Stops | None) -> bool:
        while (job := self.waiting.get()) is not None:
            label, run = job
            try:
                if stops is None:
                    raise RuntimeError("this thread of the sweep has no browser")
                run(stops)
            except Exception:  # reported with the rest, not lost in a thread
                self.report(label, [traceback.format_exc()])
            finally:
                self.waiting.task_done()
        self.waiting.task_done()
        return True


class Stops:
    """One thread's browser: a context per persona, signed in once, and the checks at each stop."""

    def __init__(self, sweep: Sweep, browser):
        self.sweep = sweep
        self.browser = browser
        self.pages = {}
        self.errors = {}

    def page(self, persona: str, *, narrow: bool = False):
        """The persona's page in this thread, at a desktop's width unless asked for a phone's."""
        if persona not in self.pages:
            context = self.browser.new_context(base_url=self.sweep.base_url)
            # axe-core in every document from the start, rather than sent over for each page.
            context.add_init_script(path=AXE_SOURCE)
            if persona != "anonymous":
                session = self.sweep.sessions[persona]
                cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": self.sweep.base_url}
                context.add_cookies([cookie])
            page = context.new_page()
            page.set_default_timeout(15_000)
            self.errors[persona] = watch_for_errors(page)
            self.pages[persona] = page
        page = self.pages[persona]
        if page.viewport_size != (size := NARROW if narrow else WIDE):
            page.set_viewport_size(size)
        return page

    def visit(
        self, persona: str, url: str, label: str, *, status: int = 200, keyboard: bool = True, narrow=False
    ):
        page = self.page(persona, narrow=narrow)
        response = page.goto(url)
        if response.status != status:
            self.sweep.report(f"{label} as {persona} ({url})", [f"answered {response.status}, not {status}"])
        else:
            self.check(persona, label, keyboard=keyboard)
        return page

    def check(self, persona: str, label: str, *, keyboard: bool = True) -> None:
        page = self.pages[persona]
        violations = axe_violations(page, WITH_BEST_PRACTICE)
        found = [f"axe {v['id']}: {v['help']} at {v['targets']}" for v in violations]
        found += [f"errors: {problem}" for problem in error_message_problems(page)]
        found += [f"structure: {problem}" for problem in structure_problems(page)]
        if keyboard:
            found += [f"keyboard: {problem}" for problem in keyboard_problems(page)]
        started = time.monotonic()
        found += [f"reflow: {problem}" for problem in reflow_problems(page)]
        with self.sweep.lock:
            self.sweep.reflow_seconds += time.monotonic() - started
        found += [f"browser: {error}" for error in self.errors[persona]]
        self.errors[persona].clear()
        with self.sweep.lock:
            self.sweep.stops[persona] += 1
        self.sweep.report(f"{label} as {persona} ({page.url})", found)

    def submit_empty(self, persona: str, url: str, form: dict, label: str, *, reload: bool = True) -> None:
        """Submit one form on the page with every field blank, and check the page that answers."""
        page = self.page(persona)
        if reload:
            page.goto(url)
        with page.expect_navigation():
            page.evaluate(SUBMIT_EMPTY, form["index"])
        # An error summary, or a refusal in a banner after a redirect (the checklist offers do that).
        told = ".govuk-error-summary, .govuk-notification-banner:not(.govuk-notification-banner--success)"
        if page.locator(told).count() == 0:
            with self.sweep.lock:
                self.sweep.accepted_empty.append(f"{label} as {persona}")
        # The form's page was walked with the keyboard; this adds the shared error summary, whose
        # links the error check follows, so axe and the error check are enough here.
        self.check(persona, label, keyboard=False)


def rule_of(problem: str) -> str:
    """What kind of problem, to count them: the axe rule, or the width a page failed to fit."""
    kind, _, said = problem.partition(": ")
    if kind == "reflow":
        return f"reflow {said.partition(' the page')[0]}"
    return kind.splitlines()[0]  # the axe rule, the kind of check, or the first line of a traceback


def form_key(form: dict) -> tuple:
    return form["action"], form["names"]


def press_and_wait(page, button: str) -> None:
    """Press a button (or a link drawn as one) and wait for the page it leads to."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


@pytest.fixture
def demo(settings, tmp_path) -> Seed:
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    call_command("seed_demo", stdout=io.StringIO())
    people = {persona: User.objects.get(email=email) for persona, email in PERSONA_EMAILS.items()}
    people["administrator"] = User.objects.get(email=ADMINISTRATOR_EMAIL)
    return Seed(initiative=Initiative.objects.get(slug="tell-us-once-bereavement"), people=people)


def session_keys(people: dict[str, User]) -> dict[str, str]:
    """A signed-in session per persona, made once here rather than through the form on every page."""
    keys = {}
    for persona, user in people.items():
        client = Client()
        client.force_login(user)
        keys[persona] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


def test_the_sweep_knows_every_page_the_project_defines():
    defined = project_url_names()

    assert sorted(defined - set(TABLE)) == [], "URLs missing from tests/edges/access_table.py"
    assert set(NOT_PAGES) <= defined, "NOT_PAGES names a URL that no longer exists"
    assert sorted(html_pages()) == sorted(
        name for name, access in TABLE.items() if access.get and not access.action and name not in NOT_PAGES
    ), "a GET page no persona can open would not be visited"


def test_every_page_and_state_passes_axe_and_the_keyboard(
    live_server, demo, browser_type_launch_args, monkeypatch, settings
):
    started = time.monotonic()
    # The checklist keeps its draft in the session: its own session, so no other page's request
    # can save an older copy of the session over it.
    people = {**demo.people, CHECKLIST: demo.people["programme_manager"]}
    sweep = Sweep(live_server.url, session_keys(people), browser_type_launch_args)
    # Everything that needs the database is read here: the threads only drive browsers.
    demo.ready_pack  # noqa: B018 - a built pack, so the packs page lists a download
    visits = [
        (persona, name, reverse(name, kwargs=access.params(demo)))
        for persona in PERSONA_ORDER
        for name, access in sorted(html_pages().items())
        if access.get[persona] in (OK, MOVED)
    ]
    first_visit = {}
    for persona, name, _url in visits:
        first_visit.setdefault(name, persona)
    urls = state_urls(demo)
    sweep.start()
    try:
        run_the_sweep(sweep, visits, first_visit, urls, demo, settings, monkeypatch)
    finally:
        sweep.stop()
    elapsed = time.monotonic() - started

    print(  # the figures the lead asks for, shown with -s
        f"\nAccessibility sweep: {sum(sweep.stops.values())} stops in {elapsed:.1f}s "
        f"(phases {sweep.phases}s), by persona {dict(sweep.stops)}; "
        f"{len(sweep.submitted)} forms submitted empty, accepted when empty: {sweep.accepted_empty}; "
        f"each fitted at {PHONE['width']} and {ZOOMED['width']} CSS pixels, plain and with text spacing "
        f"({sweep.reflow_seconds:.1f}s over all threads); "
        f"problems by rule {dict(sweep.by_rule)}"
    )
    assert sorted(set(html_pages()) - sweep.visited) == [], "GET pages the sweep did not visit"
    report = "\n".join(f"{where}:\n  " + "\n  ".join(found) for where, found in sweep.problems.items())
    assert sweep.problems == {}, f"{len(sweep.problems)} pages with problems:\n{report}"


def run_the_sweep(
    sweep: Sweep, visits: list, first_visit: dict, urls: dict, demo: Seed, settings, monkeypatch
):
    # 1. Every page, as every persona who gets it. The first persona (who sees the most) Tabs round
    # it on a desktop and submits each of its forms empty; the others see it on a phone. Forms only
    # others see are noted for step 2. The checklist's questions, the longest chain, start at once.
    def visit(persona: str, name: str, url: str) -> Callable:
        def job(stops: Stops) -> None:
            first = first_visit[name] == persona
            page = stops.visit(persona, url, name, keyboard=first, narrow=not first)
            forms = page.evaluate(FORMS_ON_PAGE)
            with sweep.lock:
                sweep.visited.add(name)
                mine = [form for form in forms if first and form_key(form) not in sweep.submitted]
                sweep.submitted.update(form_key(form) for form in mine)
                for form in forms:
                    sweep.unsubmitted.setdefault(form_key(form), (persona, name, page.url, form))
            for number, form in enumerate(mine):
                label = f"{name} form {form['index'] + 1} submitted empty"
                stops.submit_empty(persona, page.url, form, label, reload=number > 0)

        return job

    sweep.run(
        [("checklist questions", partial(the_checklist_questions, urls=urls))]
        + [(f"{name} as {persona}", visit(persona, name, url)) for persona, name, url in visits]
        + [("home as administrator", partial(administrators_home, urls=urls))]
    )

    # 2. Forms that only a persona who is not the page's first sees (the senior owner's decision).
    leftovers = {key: entry for key, entry in sweep.unsubmitted.items() if key not in sweep.submitted}
    sweep.submitted.update(leftovers)
    sweep.run(
        [
            (
                f"{name} form as {persona}",
                partial(
                    Stops.submit_empty,
                    persona=persona,
                    url=url,
                    form=form,
                    label=f"{name} form {form['index'] + 1} submitted empty",
                ),
            )
            for persona, name, url, form in leftovers.values()
        ]
    )

    # 3. States worth seeing on their own, then the error pages (which patch the server).
    packs_queued_and_failed(demo)
    sweep.run(
        [(state.__name__, partial(state, urls=urls)) for state in STATES]
        + [("signing in wrongly", partial(signing_in_wrongly, urls=urls, settings=settings))]
    )
    sweep.run([("error pages", partial(error_pages, urls=urls, monkeypatch=monkeypatch))])


def state_urls(demo: Seed) -> dict:
    slug = demo.initiative.slug
    return {
        "home": reverse("home"),
        "sign_in": reverse("login"),
        "overview": demo.initiative.get_absolute_url(),
        "edit": reverse("initiatives:edit", kwargs={"slug": slug}),
        "decision": reverse(
            "governance:decision", kwargs={"slug": slug, "number": demo.submitted_decision.number}
        ),
        "raci": reverse("governance:raci", kwargs={"slug": slug}),
        "risks": reverse("governance:risk_register", kwargs={"slug": slug}),
        "dwp": demo.initiative.lead_body_id,
        "checklist": reverse("initiatives:wizard_start", kwargs={"slug": slug}),
        "recommendation": reverse("initiatives:wizard_result", kwargs={"slug": slug}),
        "packs": reverse("governance:packs", kwargs={"slug": slug}),
        "other_stages": [
            (other.get_status_display().lower(), other.get_absolute_url())
            for other in Initiative.objects.exclude(pk=demo.initiative.pk).visible_to(
                demo.people["programme_manager"]
            )
        ],
    }


def packs_queued_and_failed(demo: Seed) -> None:
    """A pack waiting for a worker (its page polls for the status) and one that failed."""
    ready = GovernancePack.objects.filter(initiative=demo.initiative, status="ready").latest("version")
    for offset, status, reason in (
        (1, "failed", "The PDF could not be drawn: out of memory"),
        (2, "queued", ""),
    ):
        GovernancePack.objects.create(
            initiative=demo.initiative,
            version=ready.version + offset,
            status=status,
            content_fingerprint=f"{status:x<64}",
            failure_reason=reason,
            requested_by=demo.people["reviewer"],
        )


def the_checklist_questions(stops: Stops, urls: dict) -> None:
    """Every question of the operating-model checklist, check your answers and the recommendation."""
    page = stops.page(CHECKLIST)
    page.goto(urls["checklist"])
    questions = 0
    while "/operating-model/check/" not in page.url:
        questions += 1
        assert questions < 30, "the checklist never reached check your answers"
        stops.check(CHECKLIST, f"checklist question {questions}")
        press_and_wait(page, "Continue")
    stops.check(CHECKLIST, "checklist: check your answers")
    press_and_wait(page, "See the recommendation")
    stops.check(CHECKLIST, "checklist: recommendation")


def administrators_home(stops: Stops, urls: dict) -> None:
    page = stops.visit("administrator", urls["home"], "home with the administration link")
    assert page.get_by_role("link", name="Administration").count() == 1


def the_checklist_recorded(stops: Stops, urls: dict) -> None:
    """Confirming the recommendation (answered in step 1) lands on the set-up page with a success
    banner; setting the initiative up from it shows the page again with what is now in place."""
    page = stops.page(CHECKLIST)
    page.goto(urls["recommendation"])
    press_and_wait(page, "Confirm operating model")
    assert page.locator(".govuk-notification-banner--success").count() == 1
    assert page.get_by_role("heading", level=1).inner_text() == "Set up the initiative"
    stops.check(CHECKLIST, "set-up page with a success banner")
    press_and_wait(page, "Set up the initiative")
    assert page.locator(".govuk-notification-banner--success").count() == 1
    stops.check(CHECKLIST, "set-up page once set up")


def decision_awaiting_the_senior_owner(stops: Stops, urls: dict) -> None:
    page = stops.visit("senior_owner", urls["decision"], "decision awaiting the senior owner")
    assert page.get_by_role("button", name="Record decision").count() == 1


def raci_matrix_with_a_row_error(stops: Stops, urls: dict) -> None:
    page = stops.page("programme_manager")
    page.goto(urls["raci"])
    for select in page.locator("[data-raci-row]").first.locator("select").all():
        select.select_option("")
    press_and_wait(page, "Save RACI matrix")
    assert page.locator(".jup-raci-row--error").count() >= 1
    stops.check("programme_manager", "RACI matrix with a row error")


def filtered_risk_registers(stops: Stops, urls: dict) -> None:
    register, dwp = urls["risks"], urls["dwp"]
    stops.visit("programme_manager", f"{register}?owner_body={dwp}&kind=joint&status=open", "risks filtered")
    stops.visit("partner", f"{register}?kind=single&status=closed", "risks filtered to nothing")


def initiatives_at_other_stages(stops: Stops, urls: dict) -> None:
    """The draft and paused initiatives, as the programme manager reaches them from home."""
    for status, url in urls["other_stages"]:
        stops.visit("programme_manager", url, f"overview of a {status} initiative")


def packs_in_progress(stops: Stops, urls: dict) -> None:
    page = stops.visit("reviewer", urls["packs"], "packs: one queued, one failed")
    assert page.get_by_role("status").count() == 1


STATES = [
    the_checklist_recorded,
    decision_awaiting_the_senior_owner,
    raci_matrix_with_a_row_error,
    filtered_risk_registers,
    initiatives_at_other_stages,
    packs_in_progress,
]


def signing_in_wrongly(stops: Stops, urls: dict, settings) -> None:
    """A wrong password, an expired form, and locked out after too many attempts."""
    page = stops.page("anonymous")

    def attempt(email: str) -> None:
        page.goto(urls["sign_in"])
        page.get_by_label("Email address").fill(email)
        page.get_by_label("Password").fill("not the password")
        press_and_wait(page, "Sign in")

    attempt(PERSONA_EMAILS["partner"])
    assert page.locator(".govuk-error-summary").count() == 1
    stops.check("anonymous", "sign in with a wrong password")

    page.goto(urls["sign_in"])
    page.context.clear_cookies()
    press_and_wait(page, "Sign in")
    assert page.get_by_role("heading", name="Your form has expired").count() == 1
    stops.check("anonymous", "403 page for an expired form")

    settings.AXES_ENABLED = True
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(PERSONA_EMAILS["outsider"])
    assert page.get_by_role("heading", name="Too many attempts to sign in").count() == 1
    stops.check("anonymous", "locked out")
    settings.AXES_ENABLED = False


def error_pages(stops: Stops, urls: dict, monkeypatch) -> None:
    """Not found, refused, a failure and a database outage, each as a person meets it."""
    import initiatives.views

    stops.visit("outsider", urls["overview"], "404 page", status=404)
    stops.visit("partner", urls["edit"], "403 page", status=403)

    def bug(user):
        raise RuntimeError("a bug, to see the 500 page")

    def database_gone(user):
        raise OperationalError("the database went away, to see the 503 page")

    for failure, status in ((bug, 500), (database_gone, 503)):
        monkeypatch.setattr(initiatives.views, "home_initiatives", failure)
        stops.visit("partner", urls["home"], f"{status} page", status=status)
    monkeypatch.undo()
