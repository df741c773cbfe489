"""Setting an initiative up from its operating model: one page, one transaction, nothing twice."""

import re

import pytest
from django.urls import reverse

from governance.decisions.models import Decision
from governance.forums.models import EscalationLevel, Forum
from governance.glossary.models import DataDefinition, DataSharingAgreement
from governance.measures.models import Measure
from governance.raci.models import RaciColumn, RaciRow
from governance.risks.models import Risk
from governance.setup import services
from governance.setup.facts import gather_set_up_facts
from governance.setup.plan import set_up_plan
from initiatives.models import Initiative
from initiatives.recommendation import recommend
from initiatives.services import Checklist, assessment_record

pytestmark = pytest.mark.django_db

# Two bodies deciding jointly with a pooled budget, exchanging records, ready for a crisis.
ANSWERS = {
    "single_owner": "no",
    "decisions": "joint",
    "budget": "pooled",
    "data": "exchange",
    "operations": "handoffs",
    "crisis": True,
    "bodies": 2,
}


def choose_model(world, **changes):
    answers = {**ANSWERS, **changes}
    return assessment_record(
        initiative=world.initiative,
        answers=answers,
        checklist=Checklist(
            outcome_statement="Families tell government once.",
            senior_owner=world.senior_owner,
            decision_rights=["Approve changes to scope within budget"],
            data_items=["Notified death"],
            joint_risks=["Partners join late"],
            single_body_risks=["HMRC: system change is late"],
            measures=["Days from registration to every body acting"],
        ),
        chosen_model=recommend(answers)["model"],
        choice_reason="",
        by=world.programme_manager,
    )


def set_up_url(initiative):
    return reverse("governance:setup", args=[initiative.slug])


def everything_offered(initiative) -> list[str]:
    return [offer.key for offer in set_up_plan(gather_set_up_facts(initiative))]


def counts(initiative) -> dict[str, int]:
    return {
        "forums": Forum.objects.filter(initiative=initiative).count(),
        "levels": EscalationLevel.objects.filter(initiative=initiative).count(),
        "columns": RaciColumn.objects.filter(initiative=initiative).count(),
        "rows": RaciRow.objects.filter(initiative=initiative).count(),
        "risks": Risk.objects.filter(initiative=initiative).count(),
        "measures": Measure.objects.filter(initiative=initiative).count(),
        "terms": DataDefinition.objects.filter(initiative=initiative).count(),
        "agreements": DataSharingAgreement.objects.filter(initiative=initiative).count(),
        "decisions": Decision.objects.filter(initiative=initiative).count(),
        "rights": len(Initiative.objects.get(pk=initiative.pk).senior_owner_decision_rights),
    }


@pytest.fixture
def manager(client, world):
    client.force_login(world.programme_manager)
    return client


class TestTheService:
    def test_it_creates_everything_ticked_through_each_domains_service(self, world):
        choose_model(world)

        outcome = services.initiative_set_up(
            initiative=world.initiative, keys=everything_offered(world.initiative), by=world.programme_manager
        )

        initiative = world.initiative
        board = Forum.objects.get(initiative=initiative, name="Programme board")
        assert (board.purpose, board.cadence, board.chair) == ("decisions", "monthly", world.senior_owner)
        assert set(board.member_bodies.all()) == {world.lead_body, world.partner_body}
        assert set(initiative.forums.values_list("name", flat=True)) == {
            "Programme board",
            "Data working group",
            "Joint crisis response group",
        }
        levels = list(initiative.escalation_levels.order_by("level"))
        assert [level.name for level in levels] == [
            "Workstream",
            "Programme board",
            "Senior accountable owner",
        ]
        assert levels[1].forum == board
        assert set(initiative.raci_columns.values_list("body__short_name", flat=True)) == {"DWP", "HMRC"}
        assert initiative.raci_rows.filter(activity="Approve the data sharing agreement").exists()
        risk = initiative.risks.get(title="Partners join late")
        assert (risk.status, risk.is_joint) == ("draft", True)
        assert initiative.measures.filter(name="Days from registration to every body acting").exists()
        assert initiative.data_definitions.get(term="Notified death").status == "proposed"
        agreement = initiative.data_sharing_agreements.get()
        assert agreement.dpia_status == "not_started" and agreement.signed_on is None
        assert set(agreement.parties.all()) == {world.lead_body, world.partner_body}
        assert set(initiative.decisions.values_list("title", "status")) == {
            ("Agree the programme board's terms of reference and decision rights", "draft"),
            ("Agree the pooled budget", "draft"),
            ("Sign the data sharing agreement", "draft"),
            ("Agree who takes emergency decisions in a crisis", "draft"),
        }
        rights = Initiative.objects.get(pk=initiative.pk).senior_owner_decision_rights
        assert rights[0] == "Approve changes to scope within budget"
        assert "Approve spending from the pooled budget within limits the bodies agree" in rights
        assert outcome.summary.startswith("Set up: 3 forums, 1 escalation route, 1 set of RACI columns, ")

    def test_confirming_again_adds_nothing_twice(self, world):
        choose_model(world)
        keys = everything_offered(world.initiative)
        services.initiative_set_up(initiative=world.initiative, keys=keys, by=world.programme_manager)
        after_first = counts(world.initiative)

        outcome = services.initiative_set_up(
            initiative=world.initiative, keys=keys, by=world.programme_manager
        )

        assert counts(world.initiative) == after_first
        assert outcome.summary == "Nothing new was added: everything you ticked is already in place"
        assert everything_offered(world.initiative) == []

    def test_only_the_ticked_offers_are_made(self, world):
        choose_model(world)

        services.initiative_set_up(
            initiative=world.initiative,
            keys=["forum:programme board", "nonsense"],
            by=world.programme_manager,
        )

        assert counts(world.initiative) == {
            **dict.fromkeys(counts(world.initiative), 0),
            "forums": 1,
            "rights": 1,
        }

    def test_it_is_one_transaction_a_failure_leaves_nothing_behind(self, world, monkeypatch):
        choose_model(world)

        def refuse(**kwargs):
            raise RuntimeError("the decision log is unavailable")

        monkeypatch.setattr(services, "decision_create", refuse)
        with pytest.raises(RuntimeError):
            services.initiative_set_up(
                initiative=world.initiative,
                keys=everything_offered(world.initiative),
                by=world.programme_manager,
            )

        assert counts(world.initiative) == {**dict.fromkeys(counts(world.initiative), 0), "rights": 1}


class TestThePage:
    def test_it_groups_the_offers_by_section_ticking_the_certain_ones(self, manager, world):
        choose_model(world)

        body = manager.get(set_up_url(world.initiative)).content.decode()

        assert "Operating model: Joint programme board, with a data-sharing partnership." in body
        legends = re.findall(
            r'<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">\s*(.+?)\s*</legend>', body
        )
        assert legends == [
            "Forums",
            "Escalation route",
            "RACI matrix",
            "Draft records from your checklist",
            "Data sharing",
            "The senior owner&#x27;s decision rights",
            "First decisions",
        ]
        assert 'value="forum:programme board" id="id_forums_0" checked' in body
        business_case = body.split('value="raci:approve the business case"')[1].split(">")[0]
        assert "checked" not in business_case
        assert "Decisions, meets monthly. Takes the shared decisions" in body

    def test_nothing_ticked_gets_an_error_summary_and_nothing_is_made(self, manager, world):
        choose_model(world)

        response = manager.post(set_up_url(world.initiative), {})

        body = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in body
        assert '<a href="#id_forums_0">Select at least one thing to set up</a>' in body
        title = f"Error: Set up the initiative \N{EN DASH} {world.initiative.title}"
        assert f"<title>{title} \N{EN DASH} Joined-up</title>" in body
        assert counts(world.initiative)["forums"] == 0

    def test_confirming_sets_it_up_and_a_double_submit_adds_nothing(self, manager, world):
        choose_model(world)
        data = {"forums": ["forum:programme board"], "decisions": ["decision:agree the pooled budget"]}

        first = manager.post(set_up_url(world.initiative), data, follow=True)
        second = manager.post(set_up_url(world.initiative), data, follow=True)

        assert "Set up: 1 forum and 1 draft decision" in first.content.decode()
        assert "Nothing new was added" in second.content.decode()
        assert Forum.objects.filter(initiative=world.initiative).count() == 1
        assert (
            Decision.objects.filter(initiative=world.initiative, title="Agree the pooled budget").count() == 1
        )

    def test_once_everything_is_in_place_it_says_so_and_links_to_each_record(self, manager, world):
        choose_model(world, crisis=False, budget="separate", data="definitions")
        services.initiative_set_up(
            initiative=world.initiative, keys=everything_offered(world.initiative), by=world.programme_manager
        )

        body = manager.get(set_up_url(world.initiative)).content.decode()

        assert "Everything the operating model implies is in place" in body
        assert (
            '<form method="post"'
            not in body.split("Already in place")[0].split("Set up the initiative</h1>")[1]
        )
        assert f'href="{reverse("governance:forums", args=[world.initiative.slug])}"' in body
        assert "2 forums" in body

    def test_without_a_model_it_asks_for_the_checklist_first(self, manager, world):
        body = manager.get(set_up_url(world.initiative)).content.decode()

        assert "Choose an operating model first" in body
        assert reverse("initiatives:wizard_start", args=[world.initiative.slug]) in body

    @pytest.mark.parametrize("persona", ["partner_member", "senior_owner", "assurance_reviewer"])
    def test_people_who_may_not_change_the_initiative_are_refused(self, client, world, persona):
        choose_model(world)
        client.force_login(getattr(world, persona))

        assert client.get(set_up_url(world.initiative)).status_code == 403
        assert (
            client.post(set_up_url(world.initiative), {"forums": ["forum:programme board"]}).status_code
            == 403
        )
        assert counts(world.initiative)["forums"] == 0

    def test_an_outsider_is_told_it_does_not_exist_and_anonymous_visitors_sign_in(self, client, world):
        client.force_login(world.outsider)
        assert client.get(set_up_url(world.initiative)).status_code == 404
        client.logout()
        assert client.get(set_up_url(world.initiative)).url.startswith("/sign-in/")

    def test_an_administrator_may_set_it_up(self, client, world):
        choose_model(world)
        client.force_login(world.administrator)

        assert client.get(set_up_url(world.initiative)).status_code == 200
