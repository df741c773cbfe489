"""Writes to data sharing agreement records."""

from __future__ import annotations

from django.db import transaction

from governance.models import DataSharingAgreement
from initiatives.models import Body, Initiative, User


class IncompleteDpia(Exception):
    pass


def _check(agreement: DataSharingAgreement) -> None:
    completed = agreement.dpia_status == DataSharingAgreement.DpiaStatus.COMPLETED
    if completed and not (agreement.dpia_date and agreement.dpia_reviewer.strip()):
        raise IncompleteDpia("A completed DPIA needs its date and reviewer")


@transaction.atomic
def agreement_create(
    *, initiative: Initiative, created_by: User, parties: list[Body], **fields
) -> DataSharingAgreement:
    agreement = DataSharingAgreement(initiative=initiative, **fields)
    _check(agreement)
    agreement._history_user = created_by
    agreement.save()
    agreement.parties.set(parties)
    return agreement


@transaction.atomic
def agreement_update(
    *, agreement: DataSharingAgreement, updated_by: User, parties: list[Body], **fields
) -> DataSharingAgreement:
    for name, value in fields.items():
        setattr(agreement, name, value)
    _check(agreement)
    agreement._history_user = updated_by
    agreement.save()
    agreement.parties.set(parties)
    return agreement
