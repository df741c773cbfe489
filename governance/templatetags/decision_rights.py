"""Panels that other apps' pages include: decisions awaiting the signed-in person, those back with
them as their drafter, and the ownership and decisions summary of an initiative's overview."""

from django import template

from governance.decisions.presenters import decision_rights_summary as summarise
from governance.decisions.presenters import decisions_awaiting, decisions_back_with

register = template.Library()


@register.inclusion_tag("governance/decisions/awaiting_you.html")
def decisions_awaiting_you(user):
    return {"decisions": decisions_awaiting(user)}


@register.inclusion_tag("governance/decisions/back_with_you.html")
def decisions_back_with_you(user):
    return {"items": decisions_back_with(user)}


@register.inclusion_tag("governance/decisions/rights_summary.html")
def decision_rights_summary(initiative):
    return {"summary": summarise(initiative)}
