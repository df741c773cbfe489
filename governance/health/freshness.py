"""Keeping an initiative's derived facts fresh: the one place every write moves `facts_version`.

The health check, the risk flags and the counts (governance.health.facts) are cached under the
initiative's `facts_version` (ADR 0027). Every model those facts are read from is listed in
FACT_SOURCES with the way from one of its rows to the initiative it belongs to. A save or delete
of any of them gives that initiative a new version, in the same transaction as the write, so no
page reads facts cached before it. A write that sends no signal (`QuerySet.update`, `bulk_create`)
must call `facts_changed` itself, as the CSV imports' bulk writes do (risks_import, measures_import);
the other services that use them save the same row afterwards (to record its history), which sends
the signal.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from governance.decisions.models import Decision
from governance.forums.models import EscalationLevel, Forum
from governance.glossary.models import BodyMeaning, DataDefinition, DataSharingAgreement
from governance.measures.models import Measure, MeasureReading
from governance.raci.models import RaciCell, RaciColumn, RaciRow
from governance.risks.models import Risk
from initiatives.models import Assessment, Body, Initiative, Participation, new_facts_version

# Model -> (lookup from Initiative to the row, the row's attribute that lookup matches).
FACT_SOURCES: dict[type[models.Model], tuple[str, str]] = {
    Participation: ("pk", "initiative_id"),
    Assessment: ("pk", "initiative_id"),
    Forum: ("pk", "initiative_id"),
    EscalationLevel: ("pk", "initiative_id"),
    RaciRow: ("pk", "initiative_id"),
    RaciColumn: ("pk", "initiative_id"),
    RaciCell: ("raci_rows", "row_id"),
    Risk: ("pk", "initiative_id"),
    Measure: ("pk", "initiative_id"),
    MeasureReading: ("measures", "measure_id"),
    DataDefinition: ("pk", "initiative_id"),
    BodyMeaning: ("data_definitions", "definition_id"),
    DataSharingAgreement: ("pk", "initiative_id"),
    Decision: ("pk", "initiative_id"),
    # A body's short name is in the facts (bodies with no "stop doing", bodies holding an A).
    Body: ("participations__body", "pk"),
}


def facts_changed(initiative_ids: Iterable[int]) -> None:
    """Give these initiatives a new facts version: call it after a write that sends no signal."""
    Initiative.objects.filter(pk__in=initiative_ids).update(facts_version=new_facts_version())


def _on_write(sender: type[models.Model], instance: models.Model, **kwargs) -> None:
    lookup, attribute = FACT_SOURCES[sender]
    value = getattr(instance, attribute)
    if value is None:
        return
    version = new_facts_version()
    Initiative.objects.filter(**{lookup: value}).update(facts_version=version)
    # The caller's initiative object, if the row holds one, reads the new version too.
    cached = instance._state.fields_cache.get("initiative")
    if isinstance(cached, Initiative):
        cached.facts_version = version


def _before_initiative_save(sender, instance: Initiative, **kwargs) -> None:
    # Every save writes a new version, so an initiative object read before some other write, and
    # saved after it, can never put back a version whose cached facts are out of date.
    instance.facts_version = new_facts_version()


def _after_initiative_save(sender, instance: Initiative, update_fields=None, **kwargs) -> None:
    if update_fields is not None and "facts_version" not in update_fields:
        Initiative.objects.filter(pk=instance.pk).update(facts_version=instance.facts_version)


def connect_fact_sources() -> None:
    pre_save.connect(_before_initiative_save, sender=Initiative, dispatch_uid="facts_version_before_save")
    post_save.connect(_after_initiative_save, sender=Initiative, dispatch_uid="facts_version_after_save")
    for model in FACT_SOURCES:
        post_save.connect(_on_write, sender=model, dispatch_uid=f"facts_version_{model._meta.label}")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"facts_version_{model._meta.label}")
