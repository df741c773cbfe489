"""Panels that other apps' pages include: decisions awaiting the signed-in person, and the
ownership and decisions summary of an initiative's overview."""

from django import template

from governance.presenters.overview import decision_rights_summary as summarise
from governance.presenters.overview import decisions_awaiting

register = template.Library()


@register.inclusion_tag("governance/includes/decisions_awaiting_you.html")
def decisions_awaiting_you(user):
    return {"decisions": decisions_awaiting(user)}


@register.inclusion_tag("governance/includes/decision_rights_summary.html")
def decision_rights_summary(initiative):
    return {"summary": summarise(initiative)}
