"""Writes to a person's draft of the checklist: each question page saves its answer here."""

from __future__ import annotations

from django.db import transaction

from initiatives.models import AssessmentDraft, Initiative, User


@transaction.atomic
def assessment_draft_save(
    *, initiative: Initiative, by: User, step: str, values: dict, starting_values: dict
) -> AssessmentDraft:
    """Keep one page's answer in the person's draft, starting the draft if this is their first page.

    `starting_values` fill a new draft (what the initiative and its last assessment already
    say); `values` are the page's answer, laid over what the draft holds. The row is locked, so
    two pages submitted at once from two tabs each keep their answer.
    """
    draft, _created = AssessmentDraft.objects.select_for_update().get_or_create(
        initiative=initiative, person=by, defaults={"values": starting_values, "answered": []}
    )
    draft.values = {**draft.values, **values}
    draft.answered = [*(slug for slug in draft.answered if slug != step), step]
    draft.save()
    return draft
