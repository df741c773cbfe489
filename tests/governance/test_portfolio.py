"""The portfolio page: who sees which initiatives, sorting, filters, the CSV, the joint-risk heat
map, confidence over time, and a query count that does not grow with the portfolio."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import AssuranceReview
from initiatives.models import Initiative
from initiatives.portfolio_offices.models import PortfolioGrant
from initiatives.portfolio_offices.services import GrantRefused, portfolio_grant_end, portfolio_grant_give
from tests.admin_forms import admin_form_data, admin_url
from tests.factories import BodyFactory, InitiativeFactory, ParticipationFactory, UserFactory
from tests.governance.register_factories import RiskFactory

pytestmark = pytest.mark.django_db

PORTFOLIO = reverse("portfolio:portfolio")
EXPORT = reverse("portfolio:export")
TODAY = datetime.date.today()


@pytest.fixture
def portfolio(world):
    """Tell Us Once (DWP with HMRC), a Scottish initiative, and one NHS England leads alone."""
    scottish = InitiativeFactory(
        title="Scottish benefits", slug="scottish-benefits", lead_body=world.unrelated_body, status="active"
    )
    nhse = BodyFactory(name="NHS England", short_name="NHSE", kind="nhs_body")
    waiting = InitiativeFactory(
        title="Waiting lists", slug="waiting-lists", lead_body=nhse, operating_model="shared_service"
    )
    world.initiative.operating_model = "joint_programme_board"
    world.initiative.save()
    centre = BodyFactory(name="Cabinet Office", short_name="CO")
    return {
        "scottish": scottish,
        "waiting": waiting,
        "centre_on_scotland": office(
            world, "co.scotland@cabinetoffice.example", centre, world.unrelated_body
        ),
        "centre_on_all": office(world, "co.all@cabinetoffice.example", centre, None),
    }


def office(world, email, centre, body):
    person = UserFactory(email=email, full_name=email.split("@")[0], bodies=[centre])
    portfolio_grant_give(person=person, body=body, by=world.administrator)
    return person


def titles(client, person, query=""):
    client.force_login(person)
    response = client.get(f"{PORTFOLIO}{query}")
    assert response.status_code == 200
    return [row.initiative.title for row in response.context["portfolio"].rows]


def review(initiative, reviewer, confidence, days_ago, follow_up=None):
    return AssuranceReview.objects.create(
        initiative=initiative,
        review_type="health_check",
        review_date=TODAY - datetime.timedelta(days=days_ago),
        reviewer=reviewer,
        findings="Findings",
        confidence=confidence,
        follow_up_due=follow_up,
    )


def test_a_body_member_sees_the_initiatives_their_body_takes_part_in(client, world, portfolio):
    assert titles(client, world.partner_member) == ["Tell Us Once for bereavement"]
    assert titles(client, world.outsider) == ["Scottish benefits"]


def test_a_portfolio_office_on_one_body_sees_that_bodys_initiatives_only(client, world, portfolio):
    assert titles(client, portfolio["centre_on_scotland"]) == ["Scottish benefits"]


def test_a_portfolio_office_on_all_bodies_sees_every_initiative(client, world, portfolio):
    assert titles(client, portfolio["centre_on_all"]) == [
        "Scottish benefits",
        "Tell Us Once for bereavement",
        "Waiting lists",
    ]


def test_an_ended_grant_shows_nothing_more(client, world, portfolio):
    person = portfolio["centre_on_all"]
    portfolio_grant_end(grant=PortfolioGrant.objects.get(person=person), by=world.administrator)
    assert titles(client, person) == []


def test_someone_with_no_body_and_no_grant_is_refused_and_anonymous_is_sent_to_sign_in(client, world):
    client.force_login(UserFactory(email="nobody@example.gov.uk"))
    assert client.get(PORTFOLIO).status_code == 403
    assert client.get(EXPORT).status_code == 403
    client.logout()
    assert client.get(PORTFOLIO).url.startswith("/sign-in/")
    assert client.get(EXPORT).url.startswith("/sign-in/")


def test_a_portfolio_office_sees_the_row_but_cannot_open_an_initiative_of_a_body_not_theirs(
    client, world, portfolio
):
    client.force_login(portfolio["centre_on_scotland"])
    response = client.get(PORTFOLIO)
    assert "Scottish benefits" in response.text
    assert 'href="/initiatives/scottish-benefits/"' not in response.text
    assert client.get("/initiatives/scottish-benefits/").status_code == 404


def test_only_the_administrator_gives_grants_and_never_twice(world):
    with pytest.raises(GrantRefused):
        portfolio_grant_give(person=world.outsider, body=None, by=world.programme_manager)
    portfolio_grant_give(person=world.outsider, body=world.lead_body, by=world.administrator)
    with pytest.raises(GrantRefused):
        portfolio_grant_give(person=world.outsider, body=world.lead_body, by=world.administrator)
    assert PortfolioGrant.history.filter(person=world.outsider).count() == 1


def test_the_table_sorts_by_each_column_both_ways(client, world, portfolio):
    review(world.initiative, world.assurance_reviewer, "red", 5, follow_up=TODAY)
    review(portfolio["scottish"], world.assurance_reviewer, "green", 5)
    person = portfolio["centre_on_all"]
    assert titles(client, person, "?sort=confidence")[:2] == [
        "Tell Us Once for bereavement",
        "Scottish benefits",
    ]
    assert titles(client, person, "?sort=confidence&order=desc") == [
        "Scottish benefits",
        "Tell Us Once for bereavement",
        "Waiting lists",  # not reviewed: last either way
    ]
    assert titles(client, person, "?sort=title&order=desc")[0] == "Waiting lists"
    assert titles(client, person, "?sort=model")[0] == "Tell Us Once for bereavement"
    for key in ("status", "owner", "failing", "risks", "decisions", "next_review"):
        assert len(titles(client, person, f"?sort={key}&order=desc")) == 3


def test_each_filter_narrows_the_list_and_a_wrong_value_is_a_form_error(client, world, portfolio):
    review(portfolio["scottish"], world.assurance_reviewer, "amber", 3)
    person = portfolio["centre_on_all"]
    assert titles(client, person, f"?body={world.partner_body.pk}") == ["Tell Us Once for bereavement"]
    assert titles(client, person, "?model=shared_service") == ["Waiting lists"]
    assert titles(client, person, "?confidence=amber") == ["Scottish benefits"]
    assert titles(client, person, "?confidence=not_reviewed") == [
        "Tell Us Once for bereavement",
        "Waiting lists",
    ]
    # Only Tell Us Once names a senior owner with decision rights.
    assert "Tell Us Once for bereavement" not in titles(client, person, "?failing=senior_owner")
    response = client.get(f"{PORTFOLIO}?body=999999&sort=nonsense")
    assert response.status_code == 200
    assert "Select a valid choice" in response.text


def test_a_body_outside_the_scope_is_not_a_filter_choice(client, world, portfolio):
    client.force_login(portfolio["centre_on_scotland"])
    response = client.get(f"{PORTFOLIO}?body={world.lead_body.pk}")
    assert "Select a valid choice" in response.text
    assert [row.initiative.title for row in response.context["portfolio"].rows] == ["Scottish benefits"]


def test_the_csv_has_the_same_scope_and_filters_and_is_formula_safe(client, world, portfolio):
    Initiative.objects.filter(pk=portfolio["scottish"].pk).update(title="=HYPERLINK(1)")
    client.force_login(portfolio["centre_on_scotland"])
    response = client.get(f"{EXPORT}?sort=title")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0][:3] == ["Initiative", "Lead body", "Bodies taking part"]
    assert [row[0] for row in rows[1:]] == ["'=HYPERLINK(1)"]
    client.force_login(portfolio["centre_on_all"])
    filtered = client.get(f"{EXPORT}?model=shared_service").content.decode("utf-8-sig")
    assert [row[0] for row in list(csv.reader(io.StringIO(filtered)))[1:]] == ["Waiting lists"]


def test_the_heat_map_counts_the_open_joint_risks_of_the_listed_initiatives(client, world, portfolio):
    RiskFactory(initiative=world.initiative, is_joint=True, current_likelihood=4, current_impact=5)
    RiskFactory(initiative=portfolio["scottish"], is_joint=True, current_likelihood=4, current_impact=5)
    RiskFactory(initiative=portfolio["scottish"], is_joint=False, current_likelihood=4, current_impact=5)
    RiskFactory(initiative=portfolio["waiting"], is_joint=True, status="closed", current_likelihood=1)

    def cell(person, query=""):
        client.force_login(person)
        heat_map = client.get(f"{PORTFOLIO}{query}").context["portfolio"].heat_map
        top = heat_map.rows[0]  # impact 5
        return heat_map.plotted, top.cells[3].count, top.cells[3].above_threshold

    assert cell(portfolio["centre_on_all"]) == (2, 2, 2)
    assert cell(portfolio["centre_on_scotland"]) == (1, 1, 1)
    assert cell(portfolio["centre_on_all"], f"?body={world.partner_body.pk}") == (1, 1, 1)


def test_confidence_over_time_has_a_chart_and_a_table(client, world, portfolio):
    review(world.initiative, world.assurance_reviewer, "red", 70, follow_up=TODAY)
    review(world.initiative, world.assurance_reviewer, "green", 1)
    client.force_login(world.partner_member)
    response = client.get(PORTFOLIO)
    trend = response.context["portfolio"].trend
    assert trend.months[-1].average == 5 and trend.months[0].average == 1
    assert 'role="img"' in response.text and "Delivery confidence at the end of each month" in response.text


def test_the_page_makes_the_same_number_of_queries_however_many_initiatives(client, world, portfolio):
    person = portfolio["centre_on_all"]
    client.force_login(person)
    with CaptureQueriesContext(connection) as few:
        client.get(PORTFOLIO)
    for n in range(6):
        extra = InitiativeFactory(
            title=f"More {n}", lead_body=world.partner_body, operating_model="lead_department"
        )
        ParticipationFactory(initiative=extra, body=world.lead_body)
        RiskFactory(initiative=extra, is_joint=True)
        review(extra, world.assurance_reviewer, "amber", n + 1)
    with CaptureQueriesContext(connection) as many:
        response = client.get(PORTFOLIO)
    assert len(response.context["portfolio"].rows) == 9
    assert len(many) == len(few)


def test_the_administrator_gives_and_ends_a_grant_in_the_admin_through_the_services(client, world):
    client.force_login(world.administrator)
    add = admin_url(PortfolioGrant, "add")
    response = client.post(add, {**admin_form_data(client, add), "person": world.outsider.pk, "body": ""})
    assert response.status_code == 302
    grant = PortfolioGrant.objects.get(person=world.outsider)
    assert (grant.body, grant.granted_by) == (None, world.administrator)

    again = client.post(add, {**admin_form_data(client, add), "person": world.outsider.pk, "body": ""})
    assert "already a portfolio office on all bodies" in again.text

    change = admin_url(PortfolioGrant, "change", grant.pk)
    assert client.post(change, {**admin_form_data(client, change), "end": "on"}).status_code == 302
    grant.refresh_from_db()
    assert grant.ended_by == world.administrator and not grant.is_current
    assert PortfolioGrant.history.filter(id=grant.pk).count() == 2


def test_your_account_shows_the_persons_grants(client, world, portfolio):
    client.force_login(portfolio["centre_on_scotland"])
    response = client.get(reverse("people:account"))
    assert "You are a portfolio office on Scottish Government" in " ".join(response.text.split())
