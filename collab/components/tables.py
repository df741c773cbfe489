"""GOV.UK table (https://design-system.service.gov.uk/components/table/):

    {% table classes="govuk-table--small-text-until-tablet" %}
      {% caption size="m" visually_hidden=True %}...{% endcaption %}
      {% head %}{% cell %}Name{% endcell %}{% cell numeric=True %}Score{% endcell %}{% endhead %}
      {% row %}{% cell header=True %}...{% endcell %}{% cell numeric=True %}...{% endcell %}{% endrow %}
    {% endtable %}

The caption is required: it names the table and the region the table scrolls in on a narrow
screen (ADR 0029). The head is optional. In the head a cell is a column header (scope="col"); in a row it
is a data cell, or with header=True the row's header (scope="row"). templates/components/table.html
draws the table and its caption. Its rows and cells, the parts repeated hundreds of times in a long
table, are drawn here as they render: a string format each rather than a template's loop.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from django.template import TemplateSyntaxError
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from collab.components.base import ComponentNode, block, html_attributes, render_component


@dataclass
class Row:
    """The head's column headers, or a row of the table's body."""

    in_head: bool
    cells: list[str] = field(default_factory=list)


@dataclass
class Caption:
    content: SafeString
    size: str
    visually_hidden: bool
    attributes: SafeString


@dataclass
class Table:
    classes: str
    attributes: SafeString
    caption: Caption | None = None
    head: str = ""
    rows: list[str] = field(default_factory=list)

    @property
    def body(self) -> SafeString:
        return mark_safe("".join(self.rows))  # noqa: S308 - each drawn by row_html

    @property
    def name(self) -> str:
        """The caption's words, as plain text, to name the region the table scrolls in."""
        return " ".join(html.unescape(strip_tags(self.caption.content)).split()) if self.caption else ""


def cell_html(
    content: str, *, in_head: bool, header: bool, numeric: bool, classes: str, attributes: str
) -> str:
    """A cell around content the template engine rendered, and so escaped."""
    extra = f" {escape(classes)}" if classes else ""
    if header:
        scope = "col" if in_head else "row"
        modifier = " govuk-table__header--numeric" if numeric else ""
        return f'<th scope="{scope}" class="govuk-table__header{modifier}{extra}"{attributes}>{content}</th>'
    modifier = " govuk-table__cell--numeric" if numeric else ""
    return f'<td class="govuk-table__cell{modifier}{extra}"{attributes}>{content}</td>'


def row_html(row: Row, *, classes: str, attributes: str) -> str:
    extra = f" {escape(classes)}" if classes else ""
    return f'<tr class="govuk-table__row{extra}"{attributes}>{"".join(row.cells)}</tr>'


class TableNode(ComponentNode):
    tag_name, parts = "table", "{% caption %}, {% head %} and {% row %}"

    def render(self, context):
        options = self.resolve_options(context)
        table = Table(classes=options.pop("classes", ""), attributes=html_attributes(options))
        self.render_parts(context, table)
        if not table.name:
            raise TemplateSyntaxError(
                "{% table %} needs a {% caption %}: it names the table and its scrolling region"
            )
        return render_component(context, "components/table.html", {"table": table})


class CaptionNode(ComponentNode):
    tag_name = "caption"

    def render(self, context):
        table = self.enclosing(context, Table, "table")
        options = self.resolve_options(context)
        table.caption = Caption(
            content=self.render_content(context),
            size=options.pop("size", ""),
            visually_hidden=options.pop("visually_hidden", False),
            attributes=html_attributes(options),
        )
        return ""


class RowNode(ComponentNode):
    tag_name, parts = "row", "{% cell %}"
    in_head = False

    def render(self, context):
        table = self.enclosing(context, Table, "table")
        options = self.resolve_options(context)
        row = Row(in_head=self.in_head)
        self.render_parts(context, row)
        html = row_html(row, classes=options.pop("classes", ""), attributes=html_attributes(options))
        if self.in_head:
            table.head = mark_safe(html)  # noqa: S308 - drawn by row_html
        else:
            table.rows.append(html)
        return ""


class HeadNode(RowNode):
    tag_name = "head"
    in_head = True


class CellNode(ComponentNode):
    tag_name = "cell"

    def render(self, context):
        row = self.enclosing(context, Row, "row")
        options = self.resolve_options(context) if self.options else {}
        row.cells.append(
            cell_html(
                self.nodelist.render(context).strip(),
                in_head=row.in_head,
                header=options.pop("header", row.in_head),
                numeric=options.pop("numeric", False),
                classes=options.pop("classes", ""),
                attributes=html_attributes(options),
            )
        )
        return ""


TABLE_TAGS = {
    "table": block(TableNode),
    "caption": block(CaptionNode),
    "head": block(HeadNode),
    "row": block(RowNode),
    "cell": block(CellNode),
}
