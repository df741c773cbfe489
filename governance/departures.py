"""What a body leaving an initiative takes with it in the governance registers, said first and then done.

Registered with initiatives.departures in apps.py. `describe` lists, for the confirmation page,
every record the departure touches; `release` does exactly that inside the removal's transaction.
What the body owns (risks, actions, measures, terms) is handed to the successor body; what it
merely takes part in (forums, agreements, benefits) it is taken off; its people stop chairing
forums and owning risks. Decisions awaiting its people and a senior owner among them must be dealt
with first, as must RACI rows that would lose their only A or last R (governance.raci.services).
"""

from __future__ import annotations

from collab.confirm import Consequence
from governance.decisions.models import Decision
from governance.forums.models import Forum
from governance.glossary.models import DataDefinition, DataSharingAgreement
from governance.measures.models import Measure
from governance.raci.matrix import column_label, load_matrix
from governance.risks.models import Risk, RiskAction
from initiatives.models import Body, Participation, User


def _save(record, by: User) -> None:
    record._history_user = by
    record.save()


class _Holdings:
    """Everything of the initiative the departing body, or the people leaving with it, hold."""

    def __init__(self, participation: Participation):
        initiative, body = participation.initiative, participation.body
        self.leaving = set(User.objects.leaving_with(participation).values_list("pk", flat=True))
        risks = Risk.objects.filter(initiative=initiative).live()
        self.risks = list(risks.filter(owner_body=body))
        self.actions = list(RiskAction.objects.filter(risk__in=risks, owner_body=body, status="open"))
        measures = Measure.objects.filter(initiative=initiative)
        self.measures_owned = list(measures.filter(owner_body=body))
        self.measures_invested = list(measures.filter(investing_body=body))
        self.measures_benefiting = list(measures.filter(benefiting_bodies=body))
        self.terms = list(DataDefinition.objects.filter(initiative=initiative, master_body=body))
        self.agreements = list(DataSharingAgreement.objects.filter(initiative=initiative, parties=body))
        forums = Forum.objects.filter(initiative=initiative)
        self.forums_sat_on = list(forums.filter(member_bodies=body))
        self.forums_chaired = list(forums.filter(chair_id__in=self.leaving).select_related("chair"))
        self.risks_of_people = list(risks.filter(owner_id__in=self.leaving).select_related("owner"))
        self.actions_of_people = list(
            RiskAction.objects.filter(
                risk__in=risks, owner_id__in=self.leaving, status="open"
            ).select_related("owner")
        )
        self.decisions_awaiting = list(
            Decision.objects.filter(initiative=initiative, decider_id__in=self.leaving)
            .awaiting()
            .select_related("decider")
        )
        self.senior_owner = initiative.senior_owner if initiative.senior_owner_id in self.leaving else None
        columns = list(initiative.raci_columns.filter(body=body).select_related("body"))
        matrix = load_matrix(initiative)
        self.raci_letters = [
            f"{row.activity}: {matrix.value(row, column)} ({column_label(column)})"
            for row in matrix.rows
            for column in columns
            if matrix.value(row, column)
        ]
        without_a, without_r = matrix.rows_left_without({column.pk for column in columns})
        self.raci_gaps = [f"“{activity}” would have no A" for activity in without_a] + [
            f"“{activity}” would have no R" for activity in without_r
        ]


def describe(*, participation: Participation, successor: Body | None = None) -> list[Consequence]:
    held = _Holdings(participation)
    to = successor.name if successor else "the body you choose below"
    return [
        Consequence(
            "RACI rows left without their A or last R: give them another first", held.raci_gaps, True
        ),
        Consequence(
            "Decisions awaiting one of its people: decide or withdraw them first",
            [f"{decision} (awaiting {decision.decider})" for decision in held.decisions_awaiting],
            True,
        ),
        Consequence(
            "The senior accountable owner is one of its people: name another first",
            [str(held.senior_owner)] if held.senior_owner else [],
            True,
        ),
        Consequence(f"Risks it owns: handed to {to}", [str(risk) for risk in held.risks], handed_on=True),
        Consequence(f"Risk actions it owns: handed to {to}", [str(a) for a in held.actions], handed_on=True),
        Consequence(
            f"Measures it owns or invests in: handed to {to}",
            sorted({str(m) for m in held.measures_owned + held.measures_invested}),
            handed_on=True,
        ),
        Consequence(f"Terms it masters: handed to {to}", [str(term) for term in held.terms], handed_on=True),
        Consequence("RACI letters it holds: removed with its columns", held.raci_letters),
        Consequence("Forums it sits on: it is taken off", [str(forum) for forum in held.forums_sat_on]),
        Consequence(
            "Forums chaired by its people: the chair is cleared",
            [f"{forum} (chaired by {forum.chair})" for forum in held.forums_chaired],
        ),
        Consequence("Data sharing agreements: it stops being a party", [str(a) for a in held.agreements]),
        Consequence("Measures it benefits from: it is taken off", [str(m) for m in held.measures_benefiting]),
        Consequence(
            "Risks and actions owned by its people: the named owner is cleared",
            [f"{risk} ({risk.owner})" for risk in held.risks_of_people]
            + [f"{action} ({action.owner})" for action in held.actions_of_people],
        ),
    ]


def release(*, participation: Participation, by: User, successor: Body | None = None) -> None:
    """Do what `describe` said (a departure step). initiatives.services refuses before this runs
    while anything must be dealt with first, or nothing names a successor for what is handed on."""
    held, body = _Holdings(participation), participation.body
    for record, field in [
        *((risk, "owner_body") for risk in held.risks),
        *((action, "owner_body") for action in held.actions),
        *((measure, "owner_body") for measure in held.measures_owned),
        *((measure, "investing_body") for measure in held.measures_invested),
        *((term, "master_body") for term in held.terms),
    ]:
        record.refresh_from_db()
        setattr(record, field, successor)
        _save(record, by)
    for forum in held.forums_sat_on:
        forum.member_bodies.remove(body)
    for agreement in held.agreements:
        agreement.parties.remove(body)
    for measure in held.measures_benefiting:
        measure.benefiting_bodies.remove(body)
    for forum in held.forums_chaired:
        forum.chair = None
        _save(forum, by)
    for owned in [*held.risks_of_people, *held.actions_of_people]:
        owned.refresh_from_db()
        owned.owner = None
        _save(owned, by)
