"""Panels that other apps' pages include: decisions awaiting the signed-in person, and the
ownership and decisions summary of an initiative's overview."""

from django import template

from governance.decisions.presenters import decision_rights_summary as summarise
from governance.decisions.presenters import decisions_awaiting

register = template.Library()


@register.inclusion_tag("governance/decisions/awaiting_you.html")
def decisions_awaiting_you(user):
    return {"decisions": decisions_awaiting(user)}


@register.inclusion_tag("governance/decisions/rights_summary.html")
def decision_rights_summary(initiative):
    return {"summary": summarise(initiative)}
