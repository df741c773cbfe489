"""The health check panel on the initiative overview."""

from __future__ import annotations

from governance.health.checks import FIXED_BY_WHOEVER_CHANGES_THE_INITIATIVE
from governance.health.facts import FIGURES, initiative_health
from initiatives.models import Initiative, User
from initiatives.rules import CHANGE_INITIATIVE


def health_panel(initiative: Initiative, user: User) -> dict:
    report = initiative_health(initiative)
    may_change = user.has_perm(CHANGE_INITIATIVE, initiative)

    def link(key: str) -> str:
        return report.links[key] if may_change or key not in FIXED_BY_WHOEVER_CHANGES_THE_INITIATIVE else ""

    items = [
        {
            "title": item.title,
            "href": link(item.key),
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
