"""No lost update on the RACI matrix: each row carries the version it was read at.

Two people open the matrix; the first saves. The second person's rows that the first changed
meanwhile are refused, if they changed them too, showing who changed which cell from what to
what beside what they chose; every other row of theirs saves, and a row they did not touch keeps
the first person's change.
"""

import pytest
from django.test import Client
from django.urls import reverse

from collab.versioned_forms import UNREADABLE_VERSION
from governance.models import RaciCell
from tests.edges.form_discovery import parse_page
from tests.edit_versions import second_programme_manager
from tests.governance.factories import RaciColumnFactory, complete_two_row_matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix(world):
    return complete_two_row_matrix(world)


def url(world) -> str:
    return reverse("governance:raci", kwargs={"slug": world.initiative.slug})


def opened(world, person) -> tuple[Client, dict[str, str]]:
    """A person with the matrix open: what their browser would post back, untouched."""
    client = Client()
    client.force_login(person)
    response = client.get(url(world))
    page = parse_page(url(world), response.content.decode())
    form = next(form for form in page.forms if any(name.startswith("version-") for name in form["controls"]))
    return client, {
        name: control.values[0] if control.values else ""
        for name, control in form["controls"].items()
        if control.kind != "submit" and name != "csrfmiddlewaretoken"
    }


def cell(row, column) -> str:
    return f"cell-{row.pk}-{column.pk}"


def stored(row, column) -> str:
    found = RaciCell.objects.filter(row=row, column=column).first()
    return found.value if found else ""


@pytest.fixture
def two_people(world, matrix):
    """The programme manager and a second one, both with the matrix open at the same versions."""
    return opened(world, world.programme_manager), opened(world, second_programme_manager(world))


def test_changes_to_different_rows_are_both_kept_though_the_whole_matrix_is_posted(world, matrix, two_people):
    first, second, dwp, hmrc = matrix
    (mine, my_form), (theirs, their_form) = two_people
    assert (
        theirs.post(url(world), {**their_form, cell(first, dwp): "R", cell(first, hmrc): "A"}).status_code
        == 302
    )

    # My whole matrix comes back, its first row as I read it: I did not change it, so it keeps theirs.
    response = mine.post(url(world), {**my_form, cell(second, dwp): "R", cell(second, hmrc): "A"})

    assert response.status_code == 302
    assert [stored(first, dwp), stored(first, hmrc)] == ["R", "A"]
    assert [stored(second, dwp), stored(second, hmrc)] == ["R", "A"]


def test_a_row_changed_by_both_is_refused_while_the_rest_saves(world, matrix, two_people):
    first, second, dwp, hmrc = matrix
    (mine, my_form), (theirs, their_form) = two_people
    theirs.post(url(world), {**their_form, cell(first, dwp): "R", cell(first, hmrc): "A"})

    response = mine.post(
        url(world),
        {
            **my_form,
            cell(first, dwp): "A",
            cell(first, hmrc): "C",
            cell(second, dwp): "R",
            cell(second, hmrc): "A",
        },
    )

    assert response.status_code == 409
    assert [stored(first, dwp), stored(first, hmrc)] == ["R", "A"]
    assert [stored(second, dwp), stored(second, hmrc)] == ["R", "A"]
    assert (
        "RACI matrix saved: 1 row changed. 1 row changed by someone else while you were editing, not saved"
        in (response.content.decode())
    )


def test_the_same_cell_changed_by_both_is_refused_showing_who_changed_what_beside_what_you_chose(
    world, matrix, two_people
):
    first, second, dwp, hmrc = matrix
    officer = RaciColumnFactory(
        initiative=world.initiative, body=dwp.body, role_name="Data protection officer"
    )
    (mine, my_form), (theirs, their_form) = (
        opened(world, world.programme_manager),
        opened(world, second_programme_manager(world)),
    )
    other = second_programme_manager(world)
    theirs.post(url(world), {**their_form, cell(first, dwp): "R", cell(first, hmrc): "A"})

    # I change DWP (which they changed too) and the officer; HMRC I leave alone.
    response = mine.post(
        url(world),
        {
            **my_form,
            cell(first, dwp): "C",
            cell(first, officer): "R",
            cell(second, dwp): "R",
            cell(second, hmrc): "A",
        },
    )

    body = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed “Approve the business case” while you were editing" in body
    assert f"{other.full_name} changed DWP from A to R (you chose C)" in body
    assert f"{other.full_name} changed HMRC from R to A (you chose R)" in body
    assert "1 row changed by someone else while you were editing, not saved" in body
    # Nothing of theirs undone; my other row saved.
    assert [stored(first, dwp), stored(first, hmrc), stored(first, officer)] == ["R", "A", ""]
    assert [stored(second, dwp), stored(second, hmrc)] == ["R", "A"]
    # What I chose is kept over their cell, the cell I left alone shows theirs.
    page = parse_page(url(world), body)
    form = next(form for form in page.forms if cell(first, dwp) in form["controls"])
    shown = {
        name: control.values[0] if control.values else ""
        for name, control in form["controls"].items()
        if control.kind != "submit" and name != "csrfmiddlewaretoken"
    }
    assert [shown[cell(first, dwp)], shown[cell(first, hmrc)], shown[cell(first, officer)]] == ["C", "A", "R"]

    # Saving the page again applies mine on top of theirs: it carries the row's version now.
    assert mine.post(url(world), shown).status_code == 302
    assert [stored(first, dwp), stored(first, hmrc), stored(first, officer)] == ["C", "A", "R"]


@pytest.mark.parametrize("garbage", ["abc", "1.2", "-5", "99999999", "9" * 40, "1e3"])
def test_a_version_the_row_never_had_is_a_form_error_not_a_crash(world, matrix, two_people, garbage):
    first, _, dwp, _ = matrix
    (mine, my_form), _ = two_people

    response = mine.post(url(world), {**my_form, f"version-{first.pk}": garbage, cell(first, dwp): "C"})

    assert response.status_code == 200
    assert UNREADABLE_VERSION in response.content.decode()
    assert stored(first, dwp) == "A"
