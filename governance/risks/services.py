"""Writes to the shared risk register.

Every change of a scored position (inherent, current, target) is recorded here, in the
service, as a RiskScoreChange with who and when: never in save() or a signal.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from collab.bulk import BATCH_SIZE, records_add, records_change
from collab.unchanged import UNCHANGED, Unchanged, apply_changes
from governance.checklist.items import ChecklistItem
from governance.health.freshness import facts_changed
from governance.risks.models import Risk, RiskAction, RiskScoreChange
from governance.risks.notices import risk_action_notify, risk_owner_notify, risk_owners_notify
from governance.risks.scoring import band_for, default_review_date, score
from initiatives.models import Body, Initiative, User

POSITIONS = [choice.value for choice in RiskScoreChange.Position]
DEFAULT_ESCALATION_THRESHOLD: int = Risk._meta.get_field("escalation_threshold").default
SCORE_FIELDS = [f"{position}_{axis}" for position in POSITIONS for axis in ("likelihood", "impact")]
# What an edit compares with: a new owner is told.
STORED_FIELDS = [*SCORE_FIELDS, "review_date", "owner_id"]


def _positions(values: dict) -> dict[str, tuple[int | None, int | None]]:
    return {
        position: (values[f"{position}_likelihood"], values[f"{position}_impact"]) for position in POSITIONS
    }


def _record_score_changes(
    risk: Risk, before: dict[str, tuple[int | None, int | None]] | None, by: User, notes: dict[str, str]
) -> list[RiskScoreChange]:
    return RiskScoreChange.objects.bulk_create(_score_changes(risk, before, by, notes))


def _score_changes(
    risk: Risk, before: dict[str, tuple[int | None, int | None]] | None, by: User, notes: dict[str, str]
) -> list[RiskScoreChange]:
    """One change per position that moved. A draft not yet assessed has no position to record."""
    after = _positions({name: getattr(risk, name) for name in SCORE_FIELDS})
    return [
        RiskScoreChange(
            risk=risk,
            position=position,
            old_likelihood=before[position][0] if before else None,
            old_impact=before[position][1] if before else None,
            new_likelihood=likelihood,
            new_impact=impact,
            changed_by=by,
            note=notes.get(position, ""),
        )
        for position, (likelihood, impact) in after.items()
        if likelihood is not None
        and impact is not None
        and (before is None or before[position] != (likelihood, impact))
    ]


def review_date_after_edit(
    *,
    stored: datetime.date | None,
    submitted: datetime.date | None,
    old_score: int | None,
    new_score: int,
    today: datetime.date,
) -> datetime.date:
    """The next review date once an edit is saved.

    A date the person changed in the edit is theirs, and a blank one defaults from the new score.
    A date left as it was comes forward when the current score rises and its band is due for
    review sooner, so a worsening risk does not wait for a review set when it looked safer. A
    falling score never pushes an agreed review later. A draft being assessed has no stored
    date or score: it gets the date typed, or one from its first score.
    """
    if submitted is None:
        return default_review_date(new_score, today)
    if submitted != stored:
        return submitted
    if stored is not None and old_score is not None and new_score > old_score:
        return min(stored, default_review_date(new_score, today))
    return stored


def _brought_forward_note(review_date: datetime.date, new_score: int) -> str:
    band = band_for(new_score)
    return (
        f"Review date brought forward to {review_date.day} {review_date:%B %Y}: "
        f"a {band.name.lower()} score of {new_score} is reviewed within {band.review_days} days."
    )


def _default_review_date(risk: Risk) -> None:
    """A new risk with no review date gets one from its current score's band (a draft has none)."""
    current = risk.current_score
    if risk.review_date is None and current is not None:
        risk.review_date = default_review_date(current, timezone.localdate())


def _next_number(initiative: Initiative) -> int:
    # Lock the initiative so two people adding risks at once get different numbers.
    Initiative.objects.lock(initiative)
    return (initiative.risks.aggregate(last=Max("number"))["last"] or 0) + 1


@transaction.atomic
def risk_create(
    *,
    initiative: Initiative,
    by: User,
    title: str,
    category: str,
    inherent_likelihood: int | None,
    inherent_impact: int | None,
    current_likelihood: int | None,
    current_impact: int | None,
    target_likelihood: int | None,
    target_impact: int | None,
    appetite: str,
    treatment: str,
    cause: str = "",
    effect: str = "",
    owner_body: Body | None = None,
    owner: User | None = None,
    is_joint: bool = False,
    proximity: str = "",
    escalation_threshold: int = DEFAULT_ESCALATION_THRESHOLD,
    review_date: datetime.date | None = None,
    status: str = Risk.Status.OPEN,
    checklist_item: str = "",
    note: str = "",
) -> Risk:
    """Add a risk. A blank review date defaults from the current score's band. Only a draft
    may leave its scores, category, appetite and treatment empty (the model's constraint)."""
    risk = Risk(
        initiative=initiative,
        number=_next_number(initiative),
        title=title,
        cause=cause,
        effect=effect,
        category=category,
        owner_body=owner_body,
        owner=owner,
        is_joint=is_joint,
        inherent_likelihood=inherent_likelihood,
        inherent_impact=inherent_impact,
        current_likelihood=current_likelihood,
        current_impact=current_impact,
        target_likelihood=target_likelihood,
        target_impact=target_impact,
        appetite=appetite,
        treatment=treatment,
        proximity=proximity,
        escalation_threshold=escalation_threshold,
        review_date=review_date,
        status=status,
        checklist_item=checklist_item,
        created_by=by,
    )
    _default_review_date(risk)
    risk._history_user = by
    risk.save()
    _record_score_changes(risk, None, by, notes=dict.fromkeys(POSITIONS, note))
    risk_owner_notify(risk=risk, by=by)
    return risk


@transaction.atomic
def risk_update(
    *,
    risk: Risk,
    by: User,
    title: str | Unchanged = UNCHANGED,
    cause: str | Unchanged = UNCHANGED,
    effect: str | Unchanged = UNCHANGED,
    category: str | Unchanged = UNCHANGED,
    owner_body: Body | Unchanged | None = UNCHANGED,
    owner: User | Unchanged | None = UNCHANGED,
    is_joint: bool | Unchanged = UNCHANGED,
    inherent_likelihood: int | Unchanged = UNCHANGED,
    inherent_impact: int | Unchanged = UNCHANGED,
    current_likelihood: int | Unchanged = UNCHANGED,
    current_impact: int | Unchanged = UNCHANGED,
    target_likelihood: int | Unchanged = UNCHANGED,
    target_impact: int | Unchanged = UNCHANGED,
    appetite: str | Unchanged = UNCHANGED,
    treatment: str | Unchanged = UNCHANGED,
    proximity: str | Unchanged = UNCHANGED,
    escalation_threshold: int | Unchanged = UNCHANGED,
    review_date: datetime.date | Unchanged | None = UNCHANGED,
    status: str | Unchanged = UNCHANGED,
) -> Risk:
    """Change the fields given; each scored position that moved is kept in its history, and the
    review date follows review_date_after_edit (None: from the new score)."""
    # Read what is stored: a bound ModelForm has already changed the instance in memory.
    stored = Risk.objects.select_for_update().filter(pk=risk.pk).values(*STORED_FIELDS).get()
    notes = _edit(
        risk,
        stored,
        {
            "title": title,
            "cause": cause,
            "effect": effect,
            "category": category,
            "owner_body": owner_body,
            "owner": owner,
            "is_joint": is_joint,
            "inherent_likelihood": inherent_likelihood,
            "inherent_impact": inherent_impact,
            "current_likelihood": current_likelihood,
            "current_impact": current_impact,
            "target_likelihood": target_likelihood,
            "target_impact": target_impact,
            "appetite": appetite,
            "treatment": treatment,
            "proximity": proximity,
            "escalation_threshold": escalation_threshold,
            "review_date": review_date,
            "status": status,
        },
    )
    risk._history_user = by
    risk.save()
    _record_score_changes(risk, _positions(stored), by, notes=notes)
    if risk.owner_id != stored["owner_id"]:
        risk_owner_notify(risk=risk, by=by)
    return risk


def _edit(risk: Risk, stored: dict, values: dict[str, object]) -> dict[str, str]:
    """Change the risk in memory as risk_update does; returns the notes for its score history."""
    apply_changes(risk, values)
    return _settle_review_date(risk, stored)


def _settle_review_date(risk: Risk, stored: dict) -> dict[str, str]:
    """Apply review_date_after_edit. When the date comes forward, the current position's history
    says so, which is what the person sees on the risk page after saving."""
    new_score = risk.current_score
    if new_score is None:
        # Still not assessed (a draft closed as not needed): there is no score to review by.
        return {}
    submitted = risk.review_date
    risk.review_date = review_date_after_edit(
        stored=stored["review_date"],
        submitted=submitted,
        old_score=_score_or_none(stored["current_likelihood"], stored["current_impact"]),
        new_score=new_score,
        today=timezone.localdate(),
    )
    if submitted is not None and risk.review_date != submitted:
        return {"current": _brought_forward_note(risk.review_date, new_score)}
    return {}


def _score_or_none(likelihood: int | None, impact: int | None) -> int | None:
    return None if likelihood is None or impact is None else score(likelihood, impact)


@transaction.atomic
def risks_import(
    *, initiative: Initiative, by: User, new: list[dict], changed: list[tuple[Risk, dict]]
) -> None:
    """Add risks and change risks at once, by the rules of risk_create and risk_update (the CSV import).

    Numbers follow on from the register's last, review dates and score histories are settled as
    one at a time, each record gets its history row, and owners newly named are told; the writes
    are a few statements per batch of rows rather than several per risk. `new` holds risk_create's
    values; `changed` risks as read under the initiative's lock, with risk_update's values.
    """
    facts_changed([initiative.pk])  # bulk writes send no signal (governance/health/freshness.py)
    first = _next_number(initiative)
    added = [
        Risk(initiative=initiative, number=first + offset, created_by=by, **values)
        for offset, values in enumerate(new)
    ]
    for risk in added:
        _default_review_date(risk)
    added = records_add(added, by=by)
    scores = [change for risk in added for change in _score_changes(risk, None, by, notes={})]
    stored = {
        row["pk"]: row
        for row in Risk.objects.select_for_update()
        .filter(pk__in=[risk.pk for risk, _values in changed])
        .values("pk", *STORED_FIELDS)
    }
    now = timezone.now()
    for risk, values in changed:
        notes = _edit(risk, stored[risk.pk], values)
        risk.updated_at = now  # auto_now is not applied by a bulk update
        scores += _score_changes(risk, _positions(stored[risk.pk]), by, notes=notes)
    fields = sorted({name for _risk, values in changed for name in values} | {"review_date", "updated_at"})
    records_change([risk for risk, _values in changed], fields=fields, by=by)
    RiskScoreChange.objects.bulk_create(scores, batch_size=BATCH_SIZE)
    newly_owned = [risk for risk, _values in changed if risk.owner_id != stored[risk.pk]["owner_id"]]
    risk_owners_notify(risks=[*added, *newly_owned], by=by)


@transaction.atomic
def risks_add_from_checklist(*, initiative: Initiative, items: list[ChecklistItem], by: User) -> list[Risk]:
    """Draft risks from the operating-model checklist, to be assessed and owned.

    A draft has no score, category, appetite, treatment or review date until someone assesses
    it: a placeholder would flow into the CSV and the pack as if it had been assessed.
    """
    return [
        risk_create(
            initiative=initiative,
            by=by,
            title=item.text[:200],
            checklist_item=item.text[:300],
            is_joint=item.is_joint,
            status=Risk.Status.DRAFT,
            category="",
            appetite="",
            treatment="",
            **dict.fromkeys(SCORE_FIELDS),
        )
        for item in items
    ]


class RiskActionNotOpen(Exception):
    pass


@transaction.atomic
def risk_action_add(
    *,
    risk: Risk,
    by: User,
    kind: str,
    description: str,
    owner_body: Body,
    owner: User | None = None,
    due_date: datetime.date | None = None,
) -> RiskAction:
    action = RiskAction(
        risk=risk, kind=kind, description=description, owner_body=owner_body, owner=owner, due_date=due_date
    )
    action._history_user = by
    action.save()
    risk_action_notify(action=action, by=by)
    return action


@transaction.atomic
def risk_action_complete(*, action: RiskAction, by: User) -> RiskAction:
    """Mark an open action done. Controls are ongoing, so they are removed rather than completed."""
    action = RiskAction.objects.select_for_update().get(pk=action.pk)
    if action.kind != RiskAction.Kind.ACTION:
        raise RiskActionNotOpen("Controls stay in place until they are removed")
    if action.status != RiskAction.Status.OPEN:
        raise RiskActionNotOpen("This action is already done")
    action.status = RiskAction.Status.DONE
    action._history_user = by
    action.save()
    return action


@transaction.atomic
def risk_action_remove(*, action: RiskAction, by: User) -> None:
    action._history_user = by
    action.delete()
