"""The health check panel on the initiative overview."""

from __future__ import annotations

from governance.health.facts import FIGURES, initiative_health
from initiatives.models import Initiative


def health_panel(initiative: Initiative) -> dict:
    report = initiative_health(initiative)
    items = [
        {
            "title": item.title,
            "href": report.links[item.key],
            "hint": item.detail,
            "status": item.status.value,
            "status_label": item.status.label,
        }
        for item in report.items
    ]
    figures = report.facts.figures()
    glance = [{"name": name, "label": label, "value": figures[name]} for name, label in FIGURES.items()]
    return {
        "initiative": initiative,
        "items": items,
        "report": report,
        "flags": report.facts.risk_flags,
        "glance": glance,
    }
