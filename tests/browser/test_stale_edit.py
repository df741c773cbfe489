"""Two people, each in their own signed-in browser, edit the same record from the same version.

The first saves; the second's save is refused with the stale-edit page (who changed what, beside
what they typed); "Apply my changes on top" then saves theirs without undoing the first person's
change. In the browser for three record types that between them meet every kind of control (text,
textarea, select, radios, a person chosen by name) and both ways two edits meet: two people in two
browsers, and one person in two tabs (an assurance review, which only its author edits). Every
editable record type is held to the same refusal and "apply on top", page by page, over HTTP in
tests/test_edit_versions.py. Run on SQLite and on PostgreSQL (DATABASE_URL).
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from governance.models import RaciCell
from tests.browser.conftest import assert_accessible, sign_in, watch_for_errors
from tests.browser.test_people_browser import another_browser
from tests.edit_versions import RECORD_TYPES, second_programme_manager
from tests.governance.factories import RaciColumnFactory, complete_two_row_matrix

pytestmark = pytest.mark.django_db(transaction=True)

IN_THE_BROWSER = [kind for kind in RECORD_TYPES if kind.name in ("risk", "RACI column", "assurance review")]


def type_into(page, world, kind, change) -> None:
    """Change one field the way a person would, whatever control it is."""
    field, value = change
    value = kind.typed(world, value)
    control = page.locator(f'[name="{field}"]').first
    tag = control.evaluate("element => element.tagName.toLowerCase()")
    kind_of_input = control.get_attribute("type") or ""
    if tag == "select":
        control.select_option(value)
    elif kind_of_input == "radio":
        page.locator(f'[name="{field}"][value="{value}"]').check()
    else:
        control.fill(value)


def save(page) -> None:
    page.locator("main form[method=post] button[type=submit]").last.click()


@pytest.mark.parametrize("kind", IN_THE_BROWSER, ids=lambda kind: kind.name)
def test_a_stale_edit_is_refused_shows_the_other_change_and_applies_yours_on_top(
    page, browser, live_server, world, kind
):
    record = kind.make(world)
    url = f"{live_server.url}{kind.edit_url(world, record)}"
    first, second = kind.people(world)
    sign_in(page, live_server, first)
    other, other_errors = second_window(browser, page, live_server, first, second)
    page.goto(url)
    other.goto(url)

    type_into(page, world, kind, kind.first)
    save(page)
    page.wait_for_url(lambda address: address != url)
    type_into(other, world, kind, kind.second)
    save(other)

    expect(other.get_by_role("heading", level=1)).to_contain_text("Someone else changed this")
    expect(other.locator("#record-history")).to_contain_text(first.get_full_name())
    expect(other.get_by_role("heading", name="What you typed")).to_be_visible()
    assert_accessible(other)
    assert not kind.holds(world, record, kind.second)

    other.get_by_role("button", name="Apply my changes on top").click()
    other.wait_for_url(lambda address: address != url)
    assert kind.holds(world, record, kind.first)
    assert kind.holds(world, record, kind.second)
    assert other_errors == []


def second_window(browser, page, live_server, first, second):
    """The second person's own signed-in browser; or, when one person edits twice, a second tab
    of theirs (a tab shares the sign-in, as it does for a person)."""
    if second == first:
        tab = page.context.new_page()
        tab.set_default_timeout(10_000)
        return tab, watch_for_errors(tab)
    other, errors = another_browser(browser)
    sign_in(other, live_server, second)
    return other, errors


def test_the_history_section_shows_a_readers_who_changed_what(page, browser, live_server, world):
    kind = next(kind for kind in RECORD_TYPES if kind.name == "risk")
    risk = kind.make(world)
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}{kind.edit_url(world, risk)}")
    page.locator('[name="title"]').fill("Families asked three times")
    save(page)

    reader, _ = another_browser(browser)
    sign_in(reader, live_server, world.partner_member)
    reader.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/risks/{risk.pk}/")
    history = reader.locator("#record-history")
    expect(history).to_contain_text("Changed by Priya Shah")
    expect(history).to_contain_text("Families asked three times")


def test_raci_matrix_a_row_both_changed_is_refused_beside_theirs_and_saves_on_top(
    page, browser, live_server, world
):
    """The RACI matrix is versioned per row: the second person's row comes back with who changed which
    cell beside what they chose, their other row saved; saving again applies theirs on top."""
    first, second, dwp, hmrc = complete_two_row_matrix(world)
    officer = RaciColumnFactory(
        initiative=world.initiative, body=dwp.body, role_name="Data protection officer"
    )
    url = f"{live_server.url}{reverse('governance:raci', kwargs={'slug': world.initiative.slug})}"
    other_person = second_programme_manager(world)
    sign_in(page, live_server, world.programme_manager)
    other, other_errors = another_browser(browser)
    sign_in(other, live_server, other_person)
    page.goto(url)
    other.goto(url)

    other.locator(f'[name="cell-{first.pk}-{dwp.pk}"]').select_option("R")
    other.locator(f'[name="cell-{first.pk}-{hmrc.pk}"]').select_option("A")
    other.get_by_role("button", name="Save RACI matrix").click()
    expect(other.locator(".govuk-notification-banner")).to_contain_text("RACI matrix saved: 1 row changed")

    page.locator(f'[name="cell-{first.pk}-{dwp.pk}"]').select_option("C")
    page.locator(f'[name="cell-{first.pk}-{officer.pk}"]').select_option("R")
    page.locator(f'[name="cell-{second.pk}-{hmrc.pk}"]').select_option("C")
    page.locator(f'[name="cell-{second.pk}-{officer.pk}"]').select_option("R")
    page.get_by_role("button", name="Save RACI matrix").click()

    problems = page.locator(f"#raci-row-{first.pk}-problems")
    expect(problems).to_contain_text(
        "Someone else changed “Approve the business case” while you were editing"
    )
    expect(problems).to_contain_text(f"{other_person.full_name} changed DWP from A to R (you chose C)")
    expect(page.locator(f'[name="cell-{first.pk}-{dwp.pk}"]')).to_have_value("C")
    expect(page.locator(f'[name="cell-{first.pk}-{hmrc.pk}"]')).to_have_value("A")
    assert RaciCell.objects.get(row=second, column=officer).value == "R"
    assert_accessible(page)

    page.get_by_role("button", name="Save RACI matrix").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("RACI matrix saved: 1 row changed")
    stored = {c.column_id: c.value for c in RaciCell.objects.filter(row=first)}
    assert stored == {dwp.pk: "C", hmrc.pk: "A", officer.pk: "R"}
    assert other_errors == []
