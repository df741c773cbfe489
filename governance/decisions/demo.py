"""Demonstration RACI matrices, forums, escalation routes and decisions for the seeded initiatives.

Everything is written through the services, so the demo obeys the same rules as the service:
every matrix saved is valid, and every decision's trail is a real walk through its states.
Only world.created_initiatives are touched, so seeding twice adds nothing.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from governance.decisions import services as decisions
from governance.decisions.states import Action
from governance.forums import services as forums
from governance.forums.escalation import escalation_raise
from governance.forums.models import Forum
from governance.raci import services as raci
from governance.raci.models import RaciRow
from initiatives.demo import DemoWorld
from initiatives.models import Body, Initiative, User

TELL_US_ONCE = "tell-us-once-bereavement"
COST_OF_LIVING = "cost-of-living-support-coordination"
IDENTITY = "shared-identity-checking-platform"


def seed_decision_rights(world: DemoWorld) -> None:
    for initiative in world.created_initiatives:
        people = _People(initiative)
        if initiative.slug.startswith(TELL_US_ONCE):
            _tell_us_once(initiative, people)
        elif initiative.slug.startswith(IDENTITY):
            _identity_platform(initiative, people)
        elif initiative.slug.startswith(COST_OF_LIVING):
            _cost_of_living(initiative, people)


class _People:
    """The demo people of the same copy as this initiative (with --scale, copies are name+N@...)."""

    def __init__(self, initiative: Initiative):
        self.programme_manager = (
            User.objects.filter(
                initiative_roles__initiative=initiative, initiative_roles__role="programme_manager"
            )
            .order_by("pk")
            .first()
        )
        local = self.programme_manager.email.split("@")[0]
        self.suffix = "+" + local.split("+", 1)[1] if "+" in local else ""

    def __getitem__(self, email: str) -> User:
        local, domain = email.split("@")
        return User.objects.get(email=f"{local}{self.suffix}@{domain}")


def _body(short_name: str) -> Body:
    return Body.objects.get(short_name=short_name)


def _matrix(
    initiative: Initiative, by: User, columns: list[tuple], rows: list[tuple], incomplete: list[tuple] = ()
) -> dict[str, RaciRow]:
    """columns: (body, role name, holder or None); rows: (activity, kind, "ARC-I-"), a letter per column.

    `incomplete` rows are added after the matrix is saved, with nothing chosen yet, as a
    programme manager adds a row before the bodies have agreed who answers for it.
    """
    made_columns = [
        raci.raci_column_add(initiative=initiative, body=_body(body), role_name=role, holder=holder, by=by)
        for body, role, holder in columns
    ]
    made_rows, values = {}, {}
    for activity, kind, letters in rows:
        row = raci.raci_row_add(initiative=initiative, activity=activity, kind=kind, by=by)
        made_rows[activity] = row
        for column, letter in zip(made_columns, letters, strict=True):
            if letter != "-":
                values[(row.pk, column.pk)] = letter
    raci.raci_matrix_save(initiative=initiative, values=values, by=by)
    for activity, kind in incomplete:
        made_rows[activity] = raci.raci_row_add(initiative=initiative, activity=activity, kind=kind, by=by)
    return made_rows


def _route(initiative: Initiative, by: User, levels: list[tuple]) -> None:
    for name, who, forum, threshold in levels:
        forums.escalation_level_add(
            initiative=initiative, by=by, name=name, who=who, forum=forum, threshold=threshold
        )


def _forum(initiative: Initiative, by: User, bodies: list[str], **fields) -> Forum:
    return forums.forum_create(
        initiative=initiative, member_bodies=[_body(b) for b in bodies], by=by, **fields
    )


def _decision(initiative: Initiative, by: User, *, days: int | None = None, **fields):
    due = timezone.localdate() + datetime.timedelta(days=days) if days is not None else None
    return decisions.decision_create(initiative=initiative, by=by, due_date=due, **fields)


def _decide(decision, action: Action, comment: str):
    return decisions.decision_decide(decision=decision, by=decision.decider, action=action, comment=comment)


def _tell_us_once(initiative: Initiative, people: _People) -> None:
    pm = people.programme_manager
    owner = people["david.okafor@dwp.example"]
    columns = [
        ("DWP", "Senior responsible owner", owner),
        ("DWP", "", None),
        ("HMRC", "", people["sian.evans@hmrc.example"]),
        ("MCC", "", people["tom.barker@manchester.example"]),
        ("HMPO", "", None),
        ("NHSE", "", people["amara.nwosu@nhse.example"]),
    ]
    # One letter per column: DWP SRO, DWP, HMRC, MCC, HMPO, NHSE. HMPO only benefits, so it
    # is never R or A: the matrix saves, with one warning about it.
    rows = _matrix(
        initiative,
        pm,
        columns,
        [
            ("Approve the business case", "decision", "ARCCII"),
            ("Approve the data sharing agreement", "decision", "ARRCIC"),
            ("Own the shared risk register", "activity", "IARRI-"),
            ("Own data definitions", "activity", "-RARCR"),
            ("Report shared measures", "activity", "IARRI-"),
            ("Complete the data protection impact assessment", "activity", "IARRIC"),
            ("Decide the order in which councils join", "decision", "ARCRI-"),
        ],
    )
    board = _forum(
        initiative,
        pm,
        ["DWP", "HMRC", "MCC", "HMPO"],
        name="Tell Us Once programme board",
        purpose=Forum.Purpose.DECISIONS,
        chair=owner,
        members="DWP director, bereavement services (chair)\nHMRC deputy director, personal tax\n"
        "Manchester head of registration\nHMPO head of passport operations",
        cadence=Forum.Cadence.MONTHLY,
        terms_of_reference="Takes the decisions the senior owner does not take alone; "
        "agrees scope and the order in which bodies join.",
    )
    _forum(
        initiative,
        pm,
        ["DWP", "HMRC", "MCC"],
        name="Delivery working group",
        purpose=Forum.Purpose.DELIVERY,
        chair=pm,
        members="Workstream leads from each body",
        cadence=Forum.Cadence.FORTNIGHTLY,
    )
    _forum(
        initiative,
        pm,
        ["DWP", "HMRC", "MCC", "NHSE"],
        name="Joint risk review",
        purpose=Forum.Purpose.RISK,
        chair=pm,
        cadence=Forum.Cadence.MONTHLY,
    )
    _route(
        initiative,
        pm,
        [
            (
                "Workstream leads",
                "Workstream leads in each body",
                None,
                "Not resolved within two weeks, or it affects another body's service",
            ),
            (
                "Programme board",
                "Tell Us Once programme board, chaired by David Okafor",
                board,
                "A risk scoring 15 or more; a change to scope, to the data sharing agreement, "
                "or costing over £250,000",
            ),
            (
                "Senior owners' group",
                "Directors general of DWP and HMRC",
                None,
                "The bodies cannot agree, or it needs a minister",
            ),
        ],
    )

    business_case = _decision(
        initiative,
        pm,
        title="Approve the Tell Us Once business case",
        context="Families currently tell up to 10 bodies about a death. The outline business case sets out "
        "the joint cost of £4.2m over three years and the savings to each body.",
        options="Approve the business case\nApprove it for DWP and HMRC only\nDo nothing",
        recommendation="Approve the business case, so every partner body can plan its share of the work.",
        raci_row=rows["Approve the business case"],
    )
    decisions.decision_submit(decision=business_case, by=pm)
    _decide(business_case, Action.APPROVE, "Approved. Report savings by body each quarter.")

    agreement_v1 = _decision(
        initiative,
        pm,
        title="Approve version 1 of the data sharing agreement",
        context="HMRC and DWP need a signed agreement before any record of a death is exchanged.",
        options="Approve version 1\nWait for the council's legal review",
        recommendation="Approve version 1 so the pilot can start in Manchester.",
        raci_row=rows["Approve the data sharing agreement"],
    )
    decisions.decision_submit(decision=agreement_v1, by=pm)
    _decide(agreement_v1, Action.APPROVE, "Approved for the Manchester pilot.")

    passports = _decision(
        initiative,
        pm,
        title="Bring HM Passport Office into the first release",
        context="HMPO could cancel a passport automatically, but its systems change in the autumn.",
        options="Include HMPO in release 1\nInclude HMPO in release 2",
        recommendation="Include HMPO in release 1.",
    )
    decisions.decision_submit(decision=passports, by=pm)
    _decide(
        passports, Action.REJECT, "Too risky while HMPO's systems are changing. Bring it back for release 2."
    )

    councils = _decision(
        initiative,
        pm,
        days=45,
        title="Decide the order in which councils join",
        context="Twelve councils want to join after Manchester. Each needs two weeks of support.",
        options="By size, largest first\nBy readiness\nAll at once",
        recommendation="By readiness, so the first wave proves the support model.",
        raci_row=rows["Decide the order in which councils join"],
    )
    decisions.decision_submit(decision=councils, by=pm)
    _decide(councils, Action.DEFER, "Come back with a readiness assessment for each council.")
    escalation_raise(
        initiative=initiative,
        decision=councils,
        by=pm,
        reason="Councils outside the pilot want a say in the order: "
        "this affects bodies beyond the workstream.",
    )

    agreement_v2 = decisions.decision_supersede(
        decision=agreement_v1,
        by=pm,
        reason="The council's legal review asks for a shorter retention period: "
        "the agreement needs a new version.",
    )
    decisions.decision_update(
        decision=agreement_v2,
        by=pm,
        title="Approve version 2 of the data sharing agreement",
        context="Manchester's legal review asks that records of a death are kept for 6 months, not 12. "
        "Version 2 makes that change and adds NHS England as a consulted party.",
        options="Approve version 2\nKeep version 1 and record the council's objection",
        recommendation="Approve version 2: it meets the council's concern and changes nothing else.",
        due_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    decisions.decision_submit(decision=agreement_v2, by=pm)

    _decision(
        initiative,
        pm,
        days=60,
        title="Agree what “date of death notified” means",
        context="DWP counts from the registration; HMRC counts from when its systems receive the notice.",
        options="Use the registration date\nUse the date each body receives it",
        recommendation="Use the registration date, so the 10-day promise means the same in every body.",
        raci_row=rows["Own data definitions"],
    )


def _identity_platform(initiative: Initiative, people: _People) -> None:
    pm = people.programme_manager
    _matrix(
        initiative,
        pm,
        [("HMPO", "", None), ("DWP", "", people["david.okafor@dwp.example"]), ("HMRC", "", None)],
        [
            ("Approve the business case", "decision", "ARC"),
            ("Approve migration plan", "decision", "RAR"),
            ("Own the service level agreement", "activity", "ARI"),
        ],
        # Not agreed yet: who answers for letting another body join.
        incomplete=[("Approve a new body joining the service", "decision")],
    )
    # Two forums for the same purpose: the overview warns about it.
    for name in ("Identity platform board", "Identity design authority"):
        _forum(
            initiative,
            pm,
            ["HMPO", "DWP", "HMRC"],
            name=name,
            purpose=Forum.Purpose.DECISIONS,
            chair=people["david.okafor@dwp.example"],
            cadence=Forum.Cadence.MONTHLY,
        )
    _route(
        initiative,
        pm,
        [
            ("Platform team", "HMPO platform service owner", None, "Affects more than one using body"),
            ("Identity platform board", "The board's chair", None, "Changes the migration date or budget"),
        ],
    )
    pause = _decision(
        initiative,
        pm,
        title="Pause the platform until the new supplier is in place",
        context="The identity checking contract ends in March and the replacement starts in June.",
        options="Pause for three months\nExtend the current contract",
        recommendation="Pause: extending costs more than the delay.",
    )
    decisions.decision_submit(decision=pause, by=pm)
    _decide(pause, Action.APPROVE, "Agreed. Tell using bodies this week.")


def _cost_of_living(initiative: Initiative, people: _People) -> None:
    pm = people.programme_manager
    _forum(
        initiative,
        pm,
        ["CO", "DWP", "MCC"],
        name="Cost of living coordination group",
        purpose=Forum.Purpose.DELIVERY,
        chair=pm,
        cadence=Forum.Cadence.WEEKLY,
    )
    _decision(
        initiative,
        pm,
        days=21,
        title="Agree the shared messaging calendar",
        context="Three bodies plan campaigns for the same weeks in January.",
        options="One shared calendar run by the Cabinet Office\nEach body keeps its own",
        recommendation="One shared calendar.",
    )
