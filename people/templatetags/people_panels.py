"""Panels of people's business that other apps' pages include, each with its own data."""

from django import template

from people.invitations.presenters import team_invitations

register = template.Library()


@register.inclusion_tag("people/invitations/team_panel.html", takes_context=True)
def team_invitations_panel(context, initiative):
    """For the initiative's team page: invite someone, and the invitations sent with their status."""
    return {
        "invitations": team_invitations(initiative, context["request"].user),
        "request": context["request"],
    }
