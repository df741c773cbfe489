"""Small assurance panels that other apps' pages include, each with its own data."""

from django import template

from governance.assurance.presenters import assurance_summary

register = template.Library()


@register.inclusion_tag("governance/assurance/overview_panel.html", takes_context=True)
def assurance_overview_panel(context, initiative):
    """Latest delivery confidence and open recommendations, for the initiative overview."""
    return {"summary": assurance_summary(initiative, context["request"].user, with_actions=False)}
