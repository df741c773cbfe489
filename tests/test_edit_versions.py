"""No lost update: every edit form carries the version it was read at, for every record type.

Two people open the same record's edit form; the first saves; the second, whose form is now
out of date, is refused with a page showing what the first changed beside what they typed, and
can apply their own change on top without undoing the first person's.
"""

import html
import re

import pytest
from django.test import Client

from collab.history import history_entries
from collab.versioned_forms import UNREADABLE_VERSION
from collab.versions import histories_of
from governance.risks.models import RiskScoreChange
from tests.edges.form_discovery import parse_page
from tests.edit_versions import RECORD_TYPES

pytestmark = pytest.mark.django_db


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def edit_form(client: Client, url: str) -> dict[str, list[str]]:
    """What a browser would post back from the page's versioned form, untouched."""
    response = client.get(url)
    assert response.status_code == 200
    page = parse_page(url, response.content.decode())
    form = next(form for form in page.forms if "version" in form["controls"])
    return {
        name: list(control.values)
        for name, control in form["controls"].items()
        if control.kind != "submit" and name != "csrfmiddlewaretoken"
    }


def changed(form: dict[str, list[str]], kind, world, change) -> dict[str, list[str]]:
    field, value = change
    assert field in form, f"{kind.name} form has no {field}"
    return {**form, field: [kind.typed(world, value)]}


def apply_on_top(client: Client, url: str, refused):
    """Press "Apply my changes on top" on the stale-edit page."""
    return client.post(url, carried_inputs(refused.content.decode()))


def carried_inputs(page: str) -> dict[str, list[str]]:
    """The stale-edit form's hidden inputs, several to a name where a field has several values."""
    carried: dict[str, list[str]] = {}
    form = page[: page.index("Apply my changes on top")]
    form = form[form.rindex("<form") :]
    for name, value in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', form):
        carried.setdefault(html.unescape(name), []).append(html.unescape(value))
    return carried


def opened_by_two(world, kind):
    record = kind.make(world)
    url = kind.edit_url(world, record)
    first, second = kind.people(world)
    a, b = signed_in(first), signed_in(second)
    return record, url, (a, edit_form(a, url)), (b, edit_form(b, url)), second


@pytest.mark.parametrize("kind", RECORD_TYPES, ids=lambda kind: kind.name)
class TestStaleEdits:
    def test_a_save_from_an_out_of_date_form_is_refused_and_says_what_changed(self, world, kind):
        record, url, (a, form_a), (b, form_b), _ = opened_by_two(world, kind)
        assert form_a["version"] == form_b["version"] != [""]

        assert a.post(url, changed(form_a, kind, world, kind.first)).status_code == 302
        refused = b.post(url, changed(form_b, kind, world, kind.second))

        assert refused.status_code == 409
        page = refused.content.decode()
        assert "Someone else changed this" in page
        # Who changed it, in the history beside what this person typed.
        what_changed, what_you_typed = page.split('id="record-history"')[1].split("What you typed")
        assert kind.people(world)[0].get_full_name() in what_changed
        assert "You did not change any field" not in what_you_typed
        assert kind.holds(world, record, kind.first)
        assert not kind.holds(world, record, kind.second)

    def test_applying_yours_on_top_keeps_both_changes_and_credits_each_person_with_their_own(
        self, world, kind
    ):
        record, url, (a, form_a), (b, form_b), second = opened_by_two(world, kind)
        a.post(url, changed(form_a, kind, world, kind.first))
        refused = b.post(url, changed(form_b, kind, world, kind.second))

        assert apply_on_top(b, url, refused).status_code == 302
        assert kind.holds(world, record, kind.first)
        assert kind.holds(world, record, kind.second)
        newest = history_entries(histories_of(record))[0]
        assert newest.who == second.get_full_name()
        assert newest.changes
        # Not credited with the first person's change, which their stale form still held the old value of.
        assert kind.typed(world, kind.first[1]) not in [change.new for change in newest.changes]

    @pytest.mark.parametrize(
        "garbage", ["not a version", "1.2.3.4.5.6.7.8.9", "9" * 300, "-1", "1;DROP", "987654", "0"]
    )
    def test_an_unreadable_version_is_a_form_error_not_a_server_error(self, world, kind, garbage):
        record = kind.make(world)
        url = kind.edit_url(world, record)
        client = signed_in(kind.people(world)[0])
        form = {**edit_form(client, url), "version": [garbage]}

        response = client.post(url, form)

        assert response.status_code == 200
        assert UNREADABLE_VERSION in response.content.decode()


def test_the_risk_score_history_never_credits_the_second_person_with_the_first_ones_score(world):
    kind = next(kind for kind in RECORD_TYPES if kind.name == "risk")
    record, url, (a, form_a), (b, form_b), second = opened_by_two(world, kind)
    a.post(url, changed(form_a, kind, world, kind.first))
    apply_on_top(b, url, b.post(url, changed(form_b, kind, world, kind.second)))

    record.refresh_from_db()
    assert record.current_likelihood == 5
    assert not RiskScoreChange.objects.filter(risk=record, changed_by=second).exists()
    assert RiskScoreChange.objects.filter(risk=record, changed_by=world.programme_manager).count() == 1
