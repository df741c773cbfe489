"""The health check panel, included in the initiative overview without the overview knowing its parts."""

from django import template

from governance.health.presenters import health_panel

register = template.Library()


@register.inclusion_tag("governance/health/panel.html", takes_context=True)
def initiative_health_panel(context, initiative):
    return health_panel(initiative, context["request"].user)
