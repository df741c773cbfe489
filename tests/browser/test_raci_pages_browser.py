"""A RACI matrix too large for one page, edited with the keyboard alone: Tab to a page of rows, type
letters into its selects, save with Enter; the other pages are left as they were."""

import re

import pytest
from playwright.sync_api import expect

from governance.models import RaciCell
from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.keyboard import tab_to
from tests.governance.factories import long_matrix

pytestmark = pytest.mark.django_db(transaction=True)

SPOKEN_LETTERS = [
    ("None", "—"),
    ("Responsible", "R"),
    ("Accountable", "A"),
    ("Consulted", "C"),
    ("Informed", "I"),
]


def letters(row):
    cells = RaciCell.objects.filter(row=row).select_related("column__body")
    return {cell.column.body.short_name: cell.value for cell in cells}


def choose(page, label: str, letter: str) -> None:
    """Tab to a cell's select and type its letter, as a keyboard user picks an option."""
    tab_to(page, label)
    page.keyboard.type(letter)


def test_a_page_of_rows_is_edited_and_saved_with_the_keyboard_and_the_other_page_is_kept(
    page, live_server, world
):
    made, _dwp, _hmrc = long_matrix(world, 60)
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/raci/")

    tab_to(page, "Page 2: rows 51 to 60")
    page.keyboard.press("Enter")
    expect(page.get_by_role("table")).to_contain_text("Activities and decisions: rows 51 to 60 of 60")
    choose(page, "Activity 51 — DWP", "R")
    # A screen reader names each choice by its word, while the letter is seen and typed.
    select = page.get_by_label("Activity 51 — DWP")
    for word, letter in SPOKEN_LETTERS:
        expect(select.get_by_role("option", name=word, exact=True)).to_have_text(letter)
    expect(select.get_by_role("option", selected=True)).to_have_accessible_name("Responsible")
    choose(page, "Activity 51 — HMRC", "A")
    choose(page, "Activity 52 — DWP", "C")
    status = page.locator("[data-raci-row]", has_text="Activity 52").locator("[data-raci-status]")
    expect(status).to_have_text("This row needs an A.")
    tab_to(page, "Save RACI matrix")
    page.keyboard.press("Enter")

    expect(page.get_by_role("alert").filter(has_text="RACI matrix saved")).to_contain_text(
        "1 row changed. 1 row not saved: correct it below and save again"
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose who is accountable (A) for “Activity 52”"
    )
    assert page.url.endswith("/raci/?page=2")
    assert_accessible(page)
    assert letters(made[50]) == {"DWP": "R", "HMRC": "A"}
    assert letters(made[51]) == {"DWP": "A", "HMRC": "R"}
    assert all(letters(row) == {"DWP": "A", "HMRC": "R"} for row in made[:50])


def test_the_first_page_links_to_a_row_to_complete_on_another_page_and_it_is_completed_there(
    page, live_server, world
):
    made, dwp, _hmrc = long_matrix(world, 60)
    RaciCell.objects.filter(row=made[55], column=dwp).delete()
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/raci/")

    summary = page.locator("#raci-gaps + ul")
    expect(summary).to_contain_text("Rows 51 to 60: 1 row without exactly one A or any R: “Activity 56”")
    tab_to(page, "Rows 51 to 60")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/raci/\?page=2$"))
    choose(page, "Activity 56 — DWP", "A")
    tab_to(page, "Save RACI matrix")
    page.keyboard.press("Enter")

    expect(page.get_by_role("alert")).to_contain_text("RACI matrix saved: 1 row changed")
    expect(page.locator("#raci-gaps")).to_have_count(0)
    assert letters(made[55]) == {"DWP": "A", "HMRC": "R"}
