"""The PDF pack's tables: the head of each written once, as a list of its columns."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def column_heads(*columns: str) -> SafeString:
    """A pack table's head, a column header an argument: "Heading", or "Heading|class" for a
    column the pack's stylesheet sizes (col-date, col-narrow, col-body ...)."""
    cells = format_html_join(
        "",
        '<th scope="col"{}>{}</th>',
        (
            (format_html(' class="{}"', css_class) if css_class else "", heading)
            for heading, _, css_class in (column.partition("|") for column in columns)
        ),
    )
    return format_html("<thead><tr>{}</tr></thead>", cells)
