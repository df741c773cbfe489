"""Two journeys done with the keyboard alone, on the seeded demo: no clicks, no filling by script.

Only page.goto (to arrive at the sign-in page) and key presses and typing: Tab and Shift+Tab to
move, arrow keys within a group of radios, Space to tick or press, Enter to follow a link or send
a form. The programme manager of the draft Cost of living initiative answers the whole
operating-model checklist from a blank start and records the model; the senior owner signs in,
finds the decision awaiting him on his home page, approves it with a comment and sees the trail.
"""

import io
import re

import pyotp
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from governance.models import Decision
from initiatives.models import Assessment, Initiative
from people.demo import DEMO_TOTP_SECRET
from tests.browser.keyboard import focused_name, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_PASSWORD = "joined-up-demo"


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())


def heading(page):
    return page.get_by_role("heading", level=1)


def sign_in_by_keyboard(page, live_server, email: str) -> None:
    page.goto(f"{live_server.url}/sign-in/")
    tab_to(page, "Email address")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    assert focused_name(page) == "Password"
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    # Wait until the sign-in form has gone: the next page is home or the security code.
    page.wait_for_url(lambda url: not url.endswith("/sign-in/"))
    if page.url.endswith("/security-code/"):
        # The demo's senior owners use two-step verification, with the demo's published key.
        tab_to(page, "Security code")
        page.keyboard.type(pyotp.TOTP(DEMO_TOTP_SECRET).now())
        page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")


def choose(page, option: str) -> None:
    """Tab into a group of radios, then arrow down to the option (arrows select as they move)."""
    first = page.evaluate("() => document.activeElement && document.activeElement.type") == "radio"
    if not first:
        for _ in range(100):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.type") == "radio":
                break
    for _ in range(10):
        if focused_name(page) == option:
            page.keyboard.press("Space")  # Ticks the first radio, which Tab reaches unticked.
            assert page.evaluate("() => document.activeElement.checked"), option
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"No radio labelled {option!r} in the group")


def press(page, name: str | re.Pattern) -> None:
    tab_to(page, name)
    page.keyboard.press("Enter")


def test_a_programme_manager_answers_the_checklist_and_records_a_model_by_keyboard_alone(
    page, live_server, demo
):
    initiative = Initiative.objects.get(slug="cost-of-living-support-coordination")
    sign_in_by_keyboard(page, live_server, "hannah.lee@cabinetoffice.example")

    press(page, initiative.title)
    expect(heading(page)).to_have_text(initiative.title)
    # A link drawn as a button: Space presses it, as it would a real button.
    tab_to(page, "Choose an operating model")
    page.keyboard.press("Space")

    expect(heading(page)).to_have_text("Could one body own the outcome on its own?")
    press(page, "Continue")  # Nothing chosen: the error summary takes focus.
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.keyboard.press("Tab")
    assert focused_name(page) == "Select whether one body could own the outcome on its own"
    page.keyboard.press("Enter")  # The error's link takes focus to the first radio.
    assert focused_name(page) == "Yes"
    page.keyboard.press("ArrowDown")
    assert focused_name(page) == "Partly"
    press(page, "Continue")

    expect(heading(page)).to_have_text("What is the shared outcome?")
    tab_to(page, "What is the shared outcome?")
    page.keyboard.press("End")
    page.keyboard.type(" Measured by how many households are told about every scheme.")
    press(page, "Continue")
    expect(heading(page)).to_have_text("How many bodies are involved?")
    press(page, "Continue")

    answers = [
        ("How will decisions about the initiative be taken?", "The bodies decide jointly"),
        ("How will the initiative be funded?", "Each body funds its own part"),
        ("Where does the work cross from one body to another?", "None"),
        ("Must the bodies be able to respond together to a crisis?", "Yes"),
        ("What data do the bodies need to share or agree?", "Common definitions or reference data"),
    ]
    for question, option in answers:
        expect(heading(page)).to_have_text(question)
        choose(page, option)
        press(page, "Continue")

    lists = [
        (
            "Which data definitions, identifiers or records must be agreed from day one?",
            ["What counts as a household in hardship"],
        ),
        ("Who is the senior accountable owner?", None),
        ("What may the senior owner decide?", None),
        ("Which risks need joint management?", ["Schemes change eligibility at different times"]),
        ("Which risks stay with each body?", None),
        (
            "How will benefits be measured, reported and checked?",
            ["Households told about every scheme, monthly"],
        ),
    ]
    for question, lines in lists:
        expect(heading(page)).to_have_text(question)
        if lines:
            tab_to(page, question)
            page.keyboard.press("Control+End")
            for line in lines:
                page.keyboard.press("Enter")
                page.keyboard.type(line)
        press(page, "Continue")

    expect(heading(page)).to_have_text("What will each body stop doing?")
    tab_to(page, re.compile(r"^Cabinet Office"))
    page.keyboard.type("Stop running a separate cost of living helpline")
    press(page, "Continue")

    expect(heading(page)).to_have_text("Check your answers")
    expect(page.locator("main")).to_contain_text("The bodies decide jointly")
    press(page, "See the recommendation")

    expect(heading(page)).to_have_text(re.compile("^Recommended: "))
    press(page, "Confirm operating model")

    expect(heading(page)).to_have_text("Set up the initiative")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Operating model recorded")
    expect(page.locator(".govuk-notification-banner")).to_be_focused()
    press(page, "Set up the initiative")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Set up: ")
    expect(page.locator(".govuk-notification-banner")).to_be_focused()
    assert initiative.forums.exists()
    assessment = Assessment.objects.get(initiative=initiative)
    assert assessment.answers["decisions"] == "joint"
    assert assessment.answers["crisis"] is True
    assert assessment.chosen_model == assessment.recommended_model
    assert "Schemes change eligibility at different times" in assessment.joint_risks


def test_the_senior_owner_approves_the_decision_awaiting_him_by_keyboard_alone(page, live_server, demo):
    decision = Decision.objects.get(status="submitted", decider__email="david.okafor@dwp.example")
    sign_in_by_keyboard(page, live_server, "david.okafor@dwp.example")

    # Your work's link says which initiative after the decision's name.
    press(page, re.compile(rf"^{re.escape(f'{decision.reference}: {decision.title}')}\b"))
    expect(heading(page)).to_have_text(f"{decision.reference}: {decision.title}")
    choose(page, "Approve")
    page.keyboard.press("Tab")
    assert focused_name(page) == "Comment"
    page.keyboard.type("Approved. Review the partners' readiness again in March.")
    press(page, "Record decision")

    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text(f"{decision.reference} approved")
    expect(banner).to_be_focused()
    last = page.get_by_role("region", name="Trail").get_by_role("listitem").last
    expect(last).to_contain_text("Approved")
    expect(last).to_contain_text("Approved. Review the partners' readiness again in March.")
    expect(page.get_by_role("button", name="Record decision")).to_have_count(0)
    decision.refresh_from_db()
    assert decision.status == "approved"
