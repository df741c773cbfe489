"""Every destructive action asks first: its URL answers GET (and a POST without the confirmation) with a
GOV.UK confirmation page that changes nothing, and only the page's own button does what it says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from governance.forums.services import escalation_level_add
from governance.models import (
    DataDefinition,
    DataSharingAgreement,
    Decision,
    EscalationLevel,
    Forum,
    Measure,
    MeasureReading,
    RaciColumn,
    RaciRow,
    Risk,
    RiskAction,
)
from governance.raci import services as raci
from initiatives.models import InitiativeRole, Participation
from people.invitations.services import invitation_send
from people.models import Invitation
from tests.governance.factories import ForumFactory, draft
from tests.governance.register_factories import (
    DataDefinitionFactory,
    DataSharingAgreementFactory,
    MeasureFactory,
    MeasureReadingFactory,
    RiskActionFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Destructive:
    """A destructive URL: how to make the record it acts on, and whether that record is still as it was."""

    url_name: str
    make: Callable  # world -> (URL kwargs beyond the slug, the record)
    untouched: Callable  # record -> bool
    data: dict | None = None  # what the confirmation page's form asks for besides the button


def _row(world):
    row = raci.raci_row_add(
        initiative=world.initiative,
        activity="Approve the budget",
        kind="decision",
        by=world.programme_manager,
    )
    return {"pk": row.pk}, row


def _column(world):
    column = raci.raci_column_add(
        initiative=world.initiative,
        body=world.partner_body,
        role_name="Policy",
        holder=None,
        by=world.programme_manager,
    )
    return {"pk": column.pk}, column


def _level(world):
    level = escalation_level_add(
        initiative=world.initiative,
        by=world.programme_manager,
        name="Board",
        who="SRO",
        threshold="Not resolved",
    )
    return {"pk": level.pk}, level


def _reading(world):
    reading = MeasureReadingFactory(measure=MeasureFactory(initiative=world.initiative))
    return {"pk": reading.measure_id, "reading_pk": reading.pk}, reading


def _action(world):
    action = RiskActionFactory(risk=RiskFactory(initiative=world.initiative))
    return {"pk": action.risk_id, "action_pk": action.pk}, action


def _reviewer(world):
    role = world.initiative.roles.get(user=world.assurance_reviewer)
    return {"pk": role.pk}, role


def _role(world):
    role = world.initiative.roles.get(user=world.assurance_reviewer)
    return {"pk": role.pk}, role


def _invitation(world):
    world.partner_body.allowed_email_domains = "hmrc.example"
    world.partner_body.save()
    sent = invitation_send(
        initiative=world.initiative,
        email="new.person@hmrc.example",
        body=world.partner_body,
        role=Invitation.Role.MEMBER,
        by=world.programme_manager,
    )
    return {"pk": sent.invitation.pk}, sent.invitation


def _participation(world):
    participation = world.initiative.participations.get(body=world.partner_body)
    return {"pk": participation.pk}, participation


def _exists(model):
    return lambda record: model._base_manager.filter(pk=record.pk).exists()


def _current(model):
    return lambda record: model._base_manager.filter(pk=record.pk, retired_at__isnull=True).exists()


def _pk(make):
    def made(world):
        record = make(initiative=world.initiative)
        return {"pk": record.pk}, record

    return made


REASON = {"reason": "No longer needed"}

DESTRUCTIVE = [
    Destructive("initiatives:participation_remove", _participation, _exists(Participation)),
    Destructive("initiatives:role_remove", _role, _exists(InitiativeRole)),
    Destructive("governance:raci_row_remove", _row, _exists(RaciRow)),
    Destructive("governance:raci_column_remove", _column, _exists(RaciColumn)),
    Destructive("governance:escalation_level_remove", _level, _exists(EscalationLevel)),
    Destructive("governance:reading_remove", _reading, _exists(MeasureReading)),
    Destructive("governance:risk_action_remove", _action, _exists(RiskAction)),
    Destructive("governance:assurance_reviewer_remove", _reviewer, _exists(InitiativeRole)),
    Destructive(
        "people:invitation_withdraw",
        _invitation,
        lambda invitation: Invitation.objects.get(pk=invitation.pk).status != "withdrawn",
    ),
    Destructive("governance:risks_retire", _pk(RiskFactory), _current(Risk), REASON),
    Destructive("governance:measures_retire", _pk(MeasureFactory), _current(Measure), REASON),
    Destructive("governance:glossary_retire", _pk(DataDefinitionFactory), _current(DataDefinition), REASON),
    Destructive(
        "governance:data_sharing_retire",
        _pk(DataSharingAgreementFactory),
        _current(DataSharingAgreement),
        REASON,
    ),
    Destructive("governance:forums_retire", _pk(ForumFactory), _current(Forum), REASON),
    Destructive(
        "governance:decisions_retire",
        lambda world: ({"number": (d := draft(world)).number}, d),
        _current(Decision),
        REASON,
    ),
]


def address(world, action: Destructive, kwargs: dict) -> str:
    return reverse(action.url_name, kwargs={"slug": world.initiative.slug, **kwargs})


@pytest.mark.parametrize("action", DESTRUCTIVE, ids=lambda action: action.url_name)
def test_get_shows_a_confirmation_page_and_changes_nothing(client, world, action):
    kwargs, record = action.make(world)
    client.force_login(world.programme_manager)

    response = client.get(address(world, action, kwargs))

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-warning-text" in page
    assert 'name="confirmed" value="yes"' in page
    assert action.untouched(record)


@pytest.mark.parametrize("action", DESTRUCTIVE, ids=lambda action: action.url_name)
def test_a_post_without_the_confirmation_is_sent_to_the_page_and_changes_nothing(client, world, action):
    kwargs, record = action.make(world)
    client.force_login(world.programme_manager)

    response = client.post(address(world, action, kwargs), action.data or {})

    assert (response.status_code, response.url) == (302, address(world, action, kwargs))
    assert action.untouched(record)


@pytest.mark.parametrize("action", DESTRUCTIVE, ids=lambda action: action.url_name)
def test_the_confirmation_page_s_button_does_it(client, world, action):
    kwargs, record = action.make(world)
    client.force_login(world.programme_manager)

    response = client.post(address(world, action, kwargs), {"confirmed": "yes", **(action.data or {})})

    assert response.status_code == 302
    assert not action.untouched(record)


def test_the_table_counts_every_destructive_action():
    """Fifteen destructive actions ask first here; deactivating a person has its own page (people.leavers)."""
    assert len(DESTRUCTIVE) == 15
