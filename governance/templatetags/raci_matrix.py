"""The RACI matrix's cells, a row at a time: the part of the page repeated rows x bodies times.

Drawn as string formats, one call per row, rather than a template per cell, so a cell costs about
270 bytes (docs/adr/0026-raci-matrix-in-pages.md).
"""

from django import template
from django.template import Context, TemplateSyntaxError
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from collab.components.base import OPEN_COMPONENT
from collab.components.tables import Row, cell_html
from governance.raci.forms import CELL_CHOICES
from governance.raci.models import RaciCell
from governance.raci.presenters import CellView, RowView

register = template.Library()

# A letter is shown, its word is what a screen reader says ("Responsible", not "R").
SPOKEN = {"": "None", **dict(RaciCell.Value.choices)}


def _options(selected: str) -> str:
    # An option's value is its text when it has no value attribute: only the empty one needs it.
    return "".join(
        f'<option value=""{" selected" * (selected == "")} aria-label="{SPOKEN[value]}">{text}</option>'
        if value == ""
        else f'<option{" selected" * (selected == value)} aria-label="{SPOKEN[value]}">{text}</option>'
        for value, text in CELL_CHOICES
    )


def _letter(value: str) -> str:
    """A read-only cell: the letter to see, the word to hear."""
    if not value:
        return ""
    return format_html(
        '<span aria-hidden="true">{}</span><span class="govuk-visually-hidden">{}</span>',
        value,
        SPOKEN[value],
    )


# One string per letter a cell can hold, built once.
OPTIONS = {value: _options(value) for value, _ in CELL_CHOICES}


def _select(cell: CellView, *, in_error: bool) -> str:
    error = ""
    if cell.error:
        error = format_html(
            '<p id="{}-error" class="govuk-error-message">{} {}</p>',
            cell.id,
            mark_safe('<span class="govuk-visually-hidden">Error:</span>'),
            cell.error,
        )
    modifier = " govuk-select--error" if in_error or cell.error else ""
    described = f' aria-describedby="{escape(cell.describedby)}"' if cell.describedby else ""
    return (
        f'{error}<select class="govuk-select jup-raci-select{modifier}" id="{escape(cell.id)}" '
        f'name="{escape(cell.name)}" aria-label="{escape(cell.label)}"{described}>'
        f"{OPTIONS.get(cell.value, OPTIONS[''])}</select>"
    )


@register.simple_tag(takes_context=True)
def raci_cells(context: Context, row: RowView, editable: bool) -> str:
    """Add the row's cells to the {% row %} around this tag: a select each, or the letter."""
    table_row = context.get(OPEN_COMPONENT)
    if not isinstance(table_row, Row):
        raise TemplateSyntaxError("{% raci_cells %} belongs inside {% row %}")
    for cell in row.cells:
        content = _select(cell, in_error=row.problems_are_errors) if editable else _letter(cell.value)
        table_row.cells.append(
            cell_html(content, in_head=False, header=False, numeric=False, classes="", attributes="")
        )
    return ""
