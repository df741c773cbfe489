"""Filters for plain-text emails: a title is kept on its own line whatever was typed into it."""

from django import template

from collab.outbox import one_line as collapse

register = template.Library()


@register.filter
def one_line(text: object) -> str:
    return collapse(str(text))
