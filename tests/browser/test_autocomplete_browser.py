"""Choosing the senior owner among many people: the accessible autocomplete with JavaScript, the
plain select without it (ADR 0022)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from initiatives.models import AssessmentDraft
from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.test_wizard_browser import heading
from tests.test_searchable_selects import colleagues

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = "Who is the senior accountable owner?"


def question_url(live_server, world) -> str:
    return live_server.url + reverse(
        "initiatives:wizard_question", args=[world.initiative.slug, "senior-owner"]
    )


def chosen_owner(world) -> int:
    return AssessmentDraft.objects.get(initiative=world.initiative).values["senior_owner"]


def test_typing_part_of_a_name_and_choosing_by_keyboard_keeps_the_answer(page, live_server, world):
    chosen = colleagues(world.lead_body)[7]
    sign_in(page, live_server, world.programme_manager)
    page.goto(question_url(live_server, world))

    expect(heading(page)).to_have_text(QUESTION)
    box = page.get_by_role("combobox", name=QUESTION)
    expect(box).to_have_value("David Okafor (DWP)")
    assert_accessible(page)
    box.press("Control+a")
    box.press_sequentially("league 07")
    expect(page.get_by_role("option")).to_have_text(["Colleague 07 Example (DWP, Policy adviser)"])
    assert_accessible(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(box).to_have_value("Colleague 07 Example (DWP, Policy adviser)")
    page.get_by_role("button", name="Continue").click()

    expect(heading(page)).to_have_text("What may the senior owner decide?")
    assert chosen_owner(world) == chosen.pk
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_role("combobox", name=QUESTION)).to_have_value(
        "Colleague 07 Example (DWP, Policy adviser)"
    )


def test_without_javascript_the_plain_select_is_answered(browser, live_server, world):
    chosen = colleagues(world.lead_body)[3]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, world.programme_manager)
    page.goto(question_url(live_server, world))

    page.get_by_label(QUESTION).select_option(label="Colleague 03 Example (DWP, Policy adviser)")
    page.get_by_role("button", name="Continue").click()

    expect(heading(page)).to_have_text("What may the senior owner decide?")
    assert chosen_owner(world) == chosen.pk
    context.close()
