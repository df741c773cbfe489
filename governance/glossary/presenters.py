"""The shared glossary and data sharing agreements, shaped for their templates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Prefetch

from collab.history import LIST_HISTORY_LENGTH, HistoryEntry, history_entries
from governance.checklist.items import exchanges_records, latest_assessment
from governance.glossary.meanings import DISPUTED, effective_status, meanings_differ
from governance.glossary.models import BodyMeaning, DataDefinition, DataSharingAgreement
from initiatives.models import Body, Initiative


@dataclass(frozen=True)
class BodyMeaningRow:
    body: Body
    meaning: str


@dataclass(frozen=True)
class GlossaryEntry:
    definition: DataDefinition
    status: str
    status_label: str
    differs: bool
    meanings: list[BodyMeaningRow]

    @property
    def is_disputed(self) -> bool:
        return self.status == DISPUTED


@dataclass(frozen=True)
class Glossary:
    disputed: list[GlossaryEntry]
    others: list[GlossaryEntry]

    @property
    def entries(self) -> list[GlossaryEntry]:
        """Disputed terms first, as the page lists them."""
        return self.disputed + self.others


def glossary_of(entries: Sequence[GlossaryEntry]) -> Glossary:
    """The given entries (a page of the glossary) split as the glossary is."""
    return Glossary(
        disputed=[entry for entry in entries if entry.is_disputed],
        others=[entry for entry in entries if not entry.is_disputed],
    )


def glossary(
    initiative: Initiative, bodies: list[Body], keeps: Callable[[GlossaryEntry], bool] = lambda entry: True
) -> Glossary:
    """Every term (that `keeps` keeps) with every participating body's meaning; disputed terms first."""
    definitions = initiative.data_definitions.select_related("master_body").prefetch_related(
        Prefetch("meanings", queryset=BodyMeaning.objects.select_related("body"))
    )
    labels = dict(DataDefinition.Status.choices)
    entries = []
    for definition in definitions:
        recorded = {meaning.body_id: meaning.meaning for meaning in definition.meanings.all()}
        status = effective_status(definition.status, recorded.values())
        entries.append(
            GlossaryEntry(
                definition=definition,
                status=status,
                status_label=labels[status],
                differs=meanings_differ(recorded.values()),
                meanings=[BodyMeaningRow(body, recorded.get(body.pk, "")) for body in bodies],
            )
        )
    return glossary_of([entry for entry in entries if keeps(entry)])


def glossary_rows(terms: Glossary, bodies: list[Body]) -> tuple[list[str], list[list]]:
    """The glossary as a CSV file's header and rows: one row a term, a column for each body's meaning."""
    header = ["Term", "Status", "Meanings differ", "Agreed meaning", "Agreed on", "Mastered by", "Standard"]
    header += [f"Meaning in {body.short_name}" for body in bodies]
    rows = [
        [
            entry.definition.term,
            entry.status_label,
            "Yes" if entry.differs else "No",
            entry.definition.agreed_meaning,
            entry.definition.agreed_on.isoformat() if entry.definition.agreed_on else "",
            entry.definition.master_body.name if entry.definition.master_body else "",
            entry.definition.standard,
            *(row.meaning for row in entry.meanings),
        ]
        for entry in terms.entries
    ]
    return header, rows


@dataclass(frozen=True)
class DataSharing:
    agreements: list[DataSharingAgreement]
    exchanges_records: bool

    @property
    def needs_agreement(self) -> bool:
        return self.exchanges_records and not self.agreements


def data_sharing(initiative: Initiative) -> DataSharing:
    agreements = list(initiative.data_sharing_agreements.prefetch_related("parties"))
    return DataSharing(
        agreements=agreements,
        exchanges_records=exchanges_records(initiative, latest_assessment(initiative)),
    )


def glossary_history(initiative: Initiative) -> list[HistoryEntry]:
    """The latest changes to the initiative's terms and each body's meanings of them."""
    terms = DataDefinition.history.filter(initiative_id=initiative.pk)
    meanings = BodyMeaning.history.filter(definition_id__in=terms.values("id"))
    return history_entries([terms, meanings], limit=LIST_HISTORY_LENGTH)


def agreements_history(initiative: Initiative) -> list[HistoryEntry]:
    return history_entries(
        [DataSharingAgreement.history.filter(initiative_id=initiative.pk)], limit=LIST_HISTORY_LENGTH
    )
