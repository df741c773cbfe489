"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import json
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from tests.browser.mailbox import SmtpServer
from tests.factories import TEST_PASSWORD, totp_code

CHROMIUM = "/usr/bin/chromium"
AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe's own advice beyond WCAG, which the sweep of every page adds (README, "Accessibility").
WITH_BEST_PRACTICE = [*WCAG_22_AA, "best-practice"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def page(page, live_server):
    """A page that fails the test on a script error, a CSP refusal or a missing asset.

    Pages answering 404 or 403 are often the point of a test, so only failed
    sub-resources (styles, scripts, images) count, not the documents themselves.
    """
    errors = watch_for_errors(page)
    page.set_default_timeout(10_000)
    yield page
    assert errors == [], f"The browser reported errors: {errors}"


def watch_for_errors(page) -> list[str]:
    """Collect, from now on, the page's script errors, CSP refusals and failed sub-resources."""
    errors = []

    def on_console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            errors.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


# The authenticator codes each person has used, so a second sign-in never replays one.
_codes_used: dict[tuple, set[str]] = {}


def _unused_code(user) -> str:
    """A code from their authenticator app that they have not used yet: allauth refuses a code the same
    person already used (replay protection). It also takes the next 30 seconds' code (MFA_TOTP_TOLERANCE
    = 1, for a phone whose clock runs ahead), so a second sign-in in the same 30 seconds uses that rather
    than waiting; only a third waits for the next code."""
    used = _codes_used.setdefault((user.pk, user.date_joined), set())
    while True:
        # Either code still holds if the 30 seconds turn over before the server checks it.
        fresh = [code for code in (totp_code(), totp_code(steps_ahead=1)) if code not in used]
        if fresh:
            used.add(fresh[0])
            return fresh[0]
        time.sleep(0.5)


def sign_in(page, live_server, user, password: str = TEST_PASSWORD, *, lands_on: str = "/") -> None:
    """Sign in through the real form, as a person would: with the code from their authenticator app
    when they have one (tests.factories.with_two_step)."""
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    # Wait until the sign-in form has gone: the next page is where they land or the security code.
    page.wait_for_url(lambda url: not url.endswith("/sign-in/"))
    if page.url.endswith("/sign-in/security-code/"):
        page.get_by_label("Security code").fill(_unused_code(user))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}{lands_on}")


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


def axe_violations(page, tags: list[str] = WCAG_22_AA) -> list[dict]:
    """Run axe-core on the page for WCAG 2.2 AA, or the tags given; return the violations, minus the
    Design System's deliberate choices in DESIGN_SYSTEM_CHOICES, only on the elements named there."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through DevTools, so the page's Content Security Policy stays in force.
        page.evaluate(AXE_SOURCE.read_text())
    # Only violations come back: serialising every passing node doubles the time axe takes.
    found = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                     resultTypes: ['violations']})).violations""",
        tags,
    )
    violations = []
    for violation in found:
        nodes = violation["nodes"]
        if chosen := DESIGN_SYSTEM_CHOICES.get(violation["id"]):
            nodes = [node for node in nodes if not chosen(node)]
        if nodes:
            violations.append(
                {
                    "id": violation["id"],
                    "impact": violation["impact"],
                    "help": violation["help"],
                    "targets": [n["target"] for n in nodes],
                }
            )
    return violations


def _is_conditional_reveal(node: dict) -> bool:
    html = node.get("html", "")
    return "aria-controls=" in html and ("govuk-radios__input" in html or "govuk-checkboxes__input" in html)


def _is_back_link(node: dict) -> bool:
    return node.get("html", "").startswith("<a") and 'class="govuk-back-link"' in node.get("html", "")


# What GOV.UK Frontend does on purpose that axe flags, by rule, and the only elements let through
# (README, "Accessibility"): conditional-reveal radios and checkboxes keep aria-expanded
# (aria-allowed-attr); the back link sits above <main>, outside any landmark, so that the skip link
# skips it with the rest of the navigation (region, a best-practice rule).
DESIGN_SYSTEM_CHOICES = {"aria-allowed-attr": _is_conditional_reveal, "region": _is_back_link}


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)


@pytest.fixture
def mailbox(settings):
    """A real SMTP server on loopback that Joined-up sends its email to; its messages, as received."""
    with SmtpServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = False
        yield server.mailbox


@pytest.fixture(autouse=True)
def _browser_tests_need_debug_off(settings):
    # Live-server pages are served as in production (DEBUG off), minus HTTPS redirects.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    assert not django_settings.DEBUG
