"""The seeded demo, loaded once per module, for tests that sweep every URL or form.

Each test still runs in its own transaction, rolled back afterwards, so what one test
changes never reaches the next. The module's seed is flushed when the module ends.
"""

from dataclasses import dataclass

import pytest
from django.core.management import call_command

from initiatives.models import Initiative, InitiativeRole, User
from tests.edges.access_table import a_token_of_the_programme_manager
from tests.emptying import empty_database

PERSONA_EMAILS = {
    "outsider": "fiona.mackay@gov-scot.example",
    "partner": "sian.evans@hmrc.example",
    "programme_manager": "priya.shah@dwp.example",
    "senior_owner": "david.okafor@dwp.example",
    "reviewer": "ruth.adeyemi@ipa.example",
    "portfolio_office": "olivia.grant@cabinetoffice.example",
}


@dataclass
class Seed:
    """Records of the demo's Tell Us Once initiative that URLs take as parameters."""

    initiative: Initiative
    people: dict[str, User]

    def __getattr__(self, name):
        finder = SEED_LOOKUPS.get(name)
        if finder is None:
            raise AttributeError(name)
        return finder(self.initiative)


SEED_LOOKUPS = {
    "partner_participation": lambda i: i.participations.get(body__short_name="HMRC"),
    "reviewer_role": lambda i: i.roles.get(role=InitiativeRole.Role.ASSURANCE_REVIEWER),
    "assessment": lambda i: i.assessments.order_by("number").first(),
    "first_wizard_step": lambda i: __import__("initiatives.wizard.steps", fromlist=["STEPS"]).STEPS[0].slug,
    "raci_row": lambda i: i.raci_rows.order_by("position", "pk").last(),
    "raci_column": lambda i: i.raci_columns.get(body__short_name="NHSE"),
    "forum": lambda i: i.forums.order_by("pk").last(),
    "escalation_level": lambda i: i.escalation_levels.order_by("level").last(),
    "submitted_decision": lambda i: i.decisions.get(status="submitted"),
    "draft_decision": lambda i: i.decisions.get(status="draft"),
    "deferred_decision": lambda i: i.decisions.get(status="deferred"),
    "approved_decision": lambda i: i.decisions.filter(status="approved").first(),
    "dwp_risk": lambda i: i.risks.filter(owner_body__short_name="DWP", status="open").first(),
    "dwp_action": lambda i: (
        i.risks.filter(owner_body__short_name="DWP", status="open").first().actions.first()
    ),
    "dwp_measure": lambda i: i.measures.filter(owner_body__short_name="DWP").first(),
    "dwp_reading": lambda i: i.measures.filter(owner_body__short_name="DWP").first().readings.first(),
    "dwp_definition": lambda i: i.data_definitions.filter(master_body__short_name="DWP").first(),
    "agreement": lambda i: i.data_sharing_agreements.first(),
    "review": lambda i: i.assurance_reviews.filter(reviewer__email=PERSONA_EMAILS["reviewer"]).first(),
    "dwp_recommendation": lambda i: (
        __import__("governance.models", fromlist=["Recommendation"])
        .Recommendation.objects.filter(review__initiative=i, owner_body__short_name="DWP", status="open")
        .first()
    ),
    "proposed_recommendation": lambda i: (
        __import__("governance.models", fromlist=["Recommendation"])
        .Recommendation.objects.filter(review__initiative=i, status="proposed_closed")
        .first()
    ),
    "ready_pack": lambda i: _ready_pack(i),
    "import_job": lambda i: _import_job(i),
    "pending_invitation": lambda i: _pending_invitation(i),
    "dwp_colleague": lambda i: User.objects.get(email="sam.patel@dwp.example"),
    "invitation_token": lambda i: (_pending_invitation(i), INVITATION_TOKEN)[1],
}

# The link of the demo's pending invitation: known here, as only the invitee's email would know it.
INVITATION_TOKEN = "an-invitation-token-for-the-access-table"


def _pending_invitation(initiative: Initiative):
    """An invitation to a new HMRC colleague, waiting to be accepted."""
    import datetime

    from django.utils import timezone

    from people.models import Invitation, token_hash

    invitation, _ = Invitation.objects.get_or_create(
        token_hash=token_hash(INVITATION_TOKEN),
        defaults={
            "email": "new.colleague@hmrc.example",
            "initiative": initiative,
            "body": initiative.participations.get(body__short_name="HMRC").body,
            "role": Invitation.Role.MEMBER,
            "invited_by": initiative.roles.get(role="programme_manager").user,
            "expires_at": timezone.now() + datetime.timedelta(days=7),
        },
    )
    return invitation


def _ready_pack(initiative: Initiative):
    """A pack built synchronously with the same code the worker runs."""
    from governance.packs.jobs import pack_job_run
    from governance.packs.services import pack_request

    pack = pack_request(initiative=initiative, by=initiative.roles.get(role="programme_manager").user).pack
    pack_job_run(pack_id=pack.pk, retries=0)
    pack.refresh_from_db()
    assert pack.status == "ready", pack.failure_reason
    return pack


def _import_job(initiative: Initiative):
    """A finished import of no rows, recorded as the confirm page records one."""
    from governance.spreadsheets.models import ImportJob

    job, _ = ImportJob.objects.get_or_create(
        initiative=initiative,
        kind="risks",
        defaults={
            "status": ImportJob.Status.DONE,
            "requested_by": initiative.roles.get(role="programme_manager").user,
        },
    )
    return job


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker):
    from collab.celery import app

    app.conf.task_always_eager = True
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        _pending_invitation(Initiative.objects.get(slug="tell-us-once-bereavement"))
        # The programme manager's API token, whose revoke page the table visits: made here, outside
        # the crawl's rolled-back transaction, so the page found there is still there for the fuzz.
        a_token_of_the_programme_manager(demo_seed())
    yield
    with django_db_blocker.unblock():
        empty_database()


def demo_seed() -> Seed:
    return Seed(
        initiative=Initiative.objects.get(slug="tell-us-once-bereavement"),
        people={persona: User.objects.get(email=email) for persona, email in PERSONA_EMAILS.items()},
    )


@pytest.fixture
def seed(seeded_demo, db, settings, tmp_path) -> Seed:
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    return demo_seed()
