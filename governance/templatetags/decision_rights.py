"""The ownership and decisions summary that the initiative's overview includes."""

from django import template

from governance.decisions.presenters import decision_rights_summary as summarise

register = template.Library()


@register.inclusion_tag("governance/decisions/rights_summary.html")
def decision_rights_summary(initiative):
    return {"summary": summarise(initiative)}
