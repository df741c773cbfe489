"""Writes to the shared glossary: terms, each body's meaning, and the agreed meaning."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone

from collab.unchanged import UNCHANGED, Unchanged, apply_changes
from governance.checklist.items import ChecklistItem, names_not_taken
from governance.glossary.models import BodyMeaning, DataDefinition, DataSharingAgreement
from initiatives.models import Body, Initiative, User


class CannotAgree(Exception):
    pass


def _check_and_stamp(definition: DataDefinition) -> None:
    if definition.status == DataDefinition.Status.AGREED:
        if not definition.agreed_meaning.strip():
            raise CannotAgree("A term cannot be agreed without an agreed meaning")
        definition.agreed_on = definition.agreed_on or timezone.localdate()


def _save_meanings(definition: DataDefinition, meanings: Mapping[Body, str], by: User) -> None:
    """Set each given body's meaning; an empty meaning removes what the body had recorded."""
    existing = {meaning.body_id: meaning for meaning in definition.meanings.all()}
    for body, text in meanings.items():
        text = text.strip()
        meaning = existing.get(body.pk)
        if not text:
            if meaning is not None:
                meaning._history_user = by
                meaning.delete()
            continue
        if meaning is None:
            meaning = BodyMeaning(definition=definition, body=body)
        elif meaning.meaning == text:
            continue
        meaning.meaning = text
        meaning._history_user = by
        meaning.save()


@transaction.atomic
def definition_create(
    *,
    initiative: Initiative,
    by: User,
    term: str,
    agreed_meaning: str = "",
    master_body: Body | None = None,
    standard: str = "",
    status: str = DataDefinition.Status.PROPOSED,
    checklist_item: str = "",
    meanings: Mapping[Body, str] | None = None,
) -> DataDefinition:
    """Add a term, with what each body in `meanings` means by it today."""
    definition = DataDefinition(
        initiative=initiative,
        term=term,
        agreed_meaning=agreed_meaning,
        master_body=master_body,
        standard=standard,
        status=status,
        checklist_item=checklist_item,
    )
    _check_and_stamp(definition)
    definition._history_user = by
    definition.save()
    _save_meanings(definition, meanings or {}, by)
    return definition


@transaction.atomic
def definition_update(
    *,
    definition: DataDefinition,
    by: User,
    term: str | Unchanged = UNCHANGED,
    agreed_meaning: str | Unchanged = UNCHANGED,
    master_body: Body | Unchanged | None = UNCHANGED,
    standard: str | Unchanged = UNCHANGED,
    status: str | Unchanged = UNCHANGED,
    meanings: Mapping[Body, str] | None = None,
) -> DataDefinition:
    """Change the fields given. Only the bodies in `meanings` have theirs touched."""
    apply_changes(
        definition,
        {
            "term": term,
            "agreed_meaning": agreed_meaning,
            "master_body": master_body,
            "standard": standard,
            "status": status,
        },
    )
    if definition.status != DataDefinition.Status.AGREED:
        definition.agreed_on = None
    _check_and_stamp(definition)
    definition._history_user = by
    definition.save()
    _save_meanings(definition, meanings or {}, by)
    return definition


@transaction.atomic
def definitions_add_from_checklist(
    *, initiative: Initiative, items: list[ChecklistItem], by: User
) -> list[DataDefinition]:
    """Proposed terms for the data items the checklist said must be agreed.

    Terms are unique in a glossary; an item whose shortened term is already there is skipped.
    """
    existing = DataDefinition.all_records.filter(initiative=initiative).values_list("term", flat=True)
    return [
        definition_create(initiative=initiative, by=by, term=term, checklist_item=item.text[:300])
        for term, item in names_not_taken(items, existing=existing, length=100)
    ]


class IncompleteDpia(Exception):
    pass


def _check_dpia(agreement: DataSharingAgreement) -> None:
    completed = agreement.dpia_status == DataSharingAgreement.DpiaStatus.COMPLETED
    if completed and not (agreement.dpia_date and agreement.dpia_reviewer.strip()):
        raise IncompleteDpia("A completed DPIA needs its date and reviewer")


@transaction.atomic
def agreement_create(
    *,
    initiative: Initiative,
    by: User,
    title: str,
    parties: Sequence[Body],
    legal_gateway: str,
    retention_period: str,
    review_date: datetime.date,
    dpia_status: str = DataSharingAgreement.DpiaStatus.NOT_STARTED,
    dpia_date: datetime.date | None = None,
    dpia_reviewer: str = "",
    signed_on: datetime.date | None = None,
) -> DataSharingAgreement:
    agreement = DataSharingAgreement(
        initiative=initiative,
        title=title,
        legal_gateway=legal_gateway,
        dpia_status=dpia_status,
        dpia_date=dpia_date,
        dpia_reviewer=dpia_reviewer,
        retention_period=retention_period,
        review_date=review_date,
        signed_on=signed_on,
    )
    _check_dpia(agreement)
    agreement._history_user = by
    agreement.save()
    agreement.parties.set(parties)
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: DataSharingAgreement,
    by: User,
    parties: Sequence[Body],
    title: str | Unchanged = UNCHANGED,
    legal_gateway: str | Unchanged = UNCHANGED,
    retention_period: str | Unchanged = UNCHANGED,
    review_date: datetime.date | Unchanged = UNCHANGED,
    dpia_status: str | Unchanged = UNCHANGED,
    dpia_date: datetime.date | Unchanged | None = UNCHANGED,
    dpia_reviewer: str | Unchanged = UNCHANGED,
    signed_on: datetime.date | Unchanged | None = UNCHANGED,
) -> DataSharingAgreement:
    apply_changes(
        agreement,
        {
            "title": title,
            "legal_gateway": legal_gateway,
            "retention_period": retention_period,
            "review_date": review_date,
            "dpia_status": dpia_status,
            "dpia_date": dpia_date,
            "dpia_reviewer": dpia_reviewer,
            "signed_on": signed_on,
        },
    )
    _check_dpia(agreement)
    agreement._history_user = by
    agreement.save()
    agreement.parties.set(parties)
    return agreement
