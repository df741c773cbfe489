"""The health check panel on the initiative overview."""

from __future__ import annotations

from governance.health.checks import initiative_health
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
    return {"initiative": initiative, "items": items, "report": report, "flags": report.risk_flags}
