"""Named reads beside the governance models: each filter written once, and chainable."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from governance.assurance.forms import AssuranceReviewerForm
from governance.models import Escalation, GovernancePack, RaciCell
from initiatives.models import InitiativeRole
from initiatives.roles import ASSURANCE_REVIEWERS_GROUP
from tests.factories import InitiativeFactory, InitiativeRoleFactory
from tests.governance.factories import EscalationLevelFactory, two_row_matrix
from tests.governance.register_factories import RiskFactory

pytestmark = pytest.mark.django_db


def test_live_risks_are_the_open_ones_and_the_drafts_not_the_closed(world):
    open_risk, draft = (RiskFactory(initiative=world.initiative, status=s) for s in ("open", "draft"))
    RiskFactory(initiative=world.initiative, status="closed")

    assert set(world.initiative.risks.live()) == {open_risk, draft}


def test_the_cells_of_a_matrix_are_those_of_its_initiative_and_its_as_are_the_accountable_ones(world):
    first, _second, dwp, hmrc = two_row_matrix(world)
    RaciCell.objects.create(row=first, column=dwp, value="A")
    RaciCell.objects.create(row=first, column=hmrc, value="R")
    other_row = InitiativeFactory(lead_body=world.lead_body).raci_rows.create(activity="Elsewhere")
    RaciCell.objects.create(row=other_row, column=dwp, value="A")

    assert RaciCell.objects.of(world.initiative).count() == 2
    assert [cell.column for cell in RaciCell.objects.of(world.initiative).accountable()] == [dwp]


def test_rows_and_levels_come_in_the_order_the_pages_show_them(world):
    first, second, _dwp, _hmrc = two_row_matrix(world)
    first.position, second.position = 5, 1
    first.save(), second.save()
    top = EscalationLevelFactory(initiative=world.initiative, level=2)
    bottom = EscalationLevelFactory(initiative=world.initiative, level=1)

    assert list(world.initiative.raci_rows.in_matrix_order()) == [second, first]
    assert list(world.initiative.escalation_levels.up_the_route()) == [bottom, top]


def test_escalations_through_a_level_are_those_sent_from_it_or_to_it(world):
    one, two, three = (EscalationLevelFactory(initiative=world.initiative, level=n) for n in (1, 2, 3))
    risk = RiskFactory(initiative=world.initiative)
    up = Escalation.objects.create(
        initiative=world.initiative,
        risk=risk,
        from_level=one,
        to_level=two,
        reason="Stuck",
        escalated_by=world.programme_manager,
    )

    assert list(Escalation.objects.through(one)) == list(Escalation.objects.through(two)) == [up]
    assert not Escalation.objects.through(three).exists()


class TestPacks:
    def pack(self, world, version, status, **fields):
        return GovernancePack.objects.create(
            initiative=world.initiative,
            version=version,
            status=status,
            content_fingerprint=str(version),
            **fields,
        )

    def test_the_highest_version_is_zero_before_any_pack(self, world):
        assert world.initiative.packs.highest_version() == 0
        self.pack(world, 3, "failed")

        assert world.initiative.packs.highest_version() == 3

    def test_live_packs_stand_for_their_content_and_failed_ones_do_not(self, world):
        ready, _failed = self.pack(world, 1, "ready"), self.pack(world, 2, "failed")

        assert list(world.initiative.packs.live()) == [ready]

    def test_a_build_is_abandoned_once_it_has_run_past_the_hard_time_limit(self, world, settings):
        now = timezone.now()
        limit = datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
        stale = self.pack(
            world, 1, "building", started_at=now - limit - datetime.timedelta(seconds=1), attempts=2
        )
        self.pack(world, 2, "building", started_at=now - limit + datetime.timedelta(seconds=5), attempts=1)

        assert list(GovernancePack.objects.abandoned(now)) == [stale]
        assert list(GovernancePack.objects.claimed_by_attempt(2)) == [stale]
        assert not GovernancePack.objects.abandoned(now).claimed_by_attempt(1).exists()


def test_a_reviewer_of_another_initiative_can_still_be_assigned_to_this_one(world):
    """Excluding this initiative's reviewers looks at this initiative's roles only."""
    group, _ = Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)
    world.programme_manager.groups.add(group)
    world.assurance_reviewer.groups.add(group)
    other = InitiativeFactory(lead_body=world.lead_body)
    InitiativeRoleFactory(
        initiative=other, user=world.programme_manager, role=InitiativeRole.Role.ASSURANCE_REVIEWER
    )

    offered = AssuranceReviewerForm(initiative=world.initiative).fields["reviewer"].queryset

    assert list(offered) == [world.programme_manager]
