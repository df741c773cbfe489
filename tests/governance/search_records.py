"""Records of every kind the search finds, each holding a given word, for the search tests."""

from __future__ import annotations

import itertools

from django.utils import timezone

from governance.models import Decision
from tests.governance.factories import ForumFactory
from tests.governance.register_factories import (
    DataDefinitionFactory,
    DataSharingAgreementFactory,
    MeasureFactory,
    RiskFactory,
)

_serial = itertools.count(1)


def one_of_each(initiative, by, word: str, *, in_title: bool = True) -> dict[str, object]:
    """A record of each kind in `initiative` with `word` in its title (or, if not, in its text)."""
    serial = next(_serial)  # names are unique within an initiative
    title = f"{word} plan {serial}" if in_title else f"Plain title {serial}"
    text = f"Text about {word}" if not in_title else "Ordinary text"
    number = Decision.objects.filter(initiative=initiative).count() + 1
    return {
        "risk": RiskFactory(initiative=initiative, title=title, cause=text),
        "decision": Decision.objects.create(
            initiative=initiative,
            number=number,
            title=title,
            context=text,
            options="Approve",
            recommendation="Approve",
            created_by=by,
        ),
        "term": DataDefinitionFactory(initiative=initiative, term=title, agreed_meaning=text),
        "measure": MeasureFactory(initiative=initiative, name=title, definition=text),
        "agreement": DataSharingAgreementFactory(initiative=initiative, title=title, legal_gateway=text),
        "forum": ForumFactory(initiative=initiative, name=title, terms_of_reference=text),
    }


def retire(record, by) -> None:
    record.retired_at = timezone.now()
    record.retired_by = by
    record.save(update_fields=["retired_at", "retired_by"])
