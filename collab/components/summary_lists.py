"""GOV.UK summary list and summary card (https://design-system.service.gov.uk/components/summary-list/).

A page writes its rows, whose values and actions can hold markup::

    {% summary_list classes="govuk-summary-list--no-border" %}
      {% summary_row "Delivery confidence" %}
        {% status_tag review.confidence review.get_confidence_display %}
      {% summary_actions %}
        <a class="govuk-link" href="...">Change<span class="govuk-visually-hidden"> confidence</span></a>
      {% endsummary_row %}
    {% endsummary_list %}

or adds the rows a presenter built with {% summary_rows rows %}, each row with `key`, then `value`
(text) or `items` (a bulleted list), and optionally `change_url` with `change_label`.

A card gives its title and any actions; what else it holds is its content::

    {% summary_card heading_level=3 %}
      {% card_title %}{{ forum.name }}{% endcard_title %}
      {% card_action %}<a class="govuk-link" href="...">Change</a>{% endcard_action %}
      {% summary_list %}...{% endsummary_list %}
    {% endsummary_card %}
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.template import NodeList, TemplateSyntaxError
from django.template.base import Parser, Token
from django.utils.safestring import SafeString

from collab.components.base import ComponentNode, block, html_attributes, render_component, split_arguments


@dataclass
class SummaryListRow:
    key: str
    value: SafeString
    actions: SafeString
    classes: str


@dataclass
class SummaryList:
    classes: str
    attributes: SafeString
    rows: list[SummaryListRow] = field(default_factory=list)


@dataclass
class SummaryCard:
    heading_level: int
    classes: str
    attributes: SafeString
    title: str = ""
    actions: list[SafeString] = field(default_factory=list)


class SummaryListNode(ComponentNode):
    tag_name, parts = "summary_list", "{% summary_row %} and {% summary_rows %}"

    def render(self, context):
        if self.args:
            summary = SummaryList(
                classes="", attributes=html_attributes({}), rows=self.args[0].resolve(context)
            )
        else:
            options = self.resolve_options(context)
            summary = SummaryList(classes=options.pop("classes", ""), attributes=html_attributes(options))
            self.render_parts(context, summary)
        # Once any row has actions, the rows without say so, so the columns line up.
        any_actions = any(
            getattr(row, "change_url", "") or getattr(row, "actions", "") for row in summary.rows
        )
        return render_component(
            context, "components/summary_list.html", {"summary": summary, "any_actions": any_actions}
        )


class SummaryRowNode(ComponentNode):
    tag_name = "summary_row"

    def __init__(self, nodelist, options, args, *, actions: NodeList):
        super().__init__(nodelist, options, args)
        self.actions = actions

    def render(self, context):
        summary = self.enclosing(context, SummaryList, "summary_list")
        options = self.resolve_options(context)
        actions = self.actions.render(context).strip()
        summary.rows.append(
            SummaryListRow(
                key=self.args[0].resolve(context),
                value=self.render_content(context),
                actions=SafeString(actions),
                classes=options.pop("classes", ""),
            )
        )
        return ""


class SummaryRowsNode(ComponentNode):
    tag_name = "summary_rows"

    def render(self, context):
        self.enclosing(context, SummaryList, "summary_list").rows.extend(self.args[0].resolve(context))
        return ""


class SummaryCardNode(ComponentNode):
    tag_name = "summary_card"

    def render(self, context):
        options = self.resolve_options(context)
        card = SummaryCard(
            heading_level=options.pop("heading_level", 2),
            classes=options.pop("classes", ""),
            attributes=html_attributes(options),
        )
        content = self.render_content(context, card)
        return render_component(context, "components/summary_card.html", {"card": card, "content": content})


class CardTitleNode(ComponentNode):
    tag_name = "card_title"

    def render(self, context):
        self.enclosing(context, SummaryCard, "summary_card").title = self.render_content(context)
        return ""


class CardActionNode(ComponentNode):
    tag_name = "card_action"

    def render(self, context):
        self.enclosing(context, SummaryCard, "summary_card").actions.append(self.render_content(context))
        return ""


def summary_rows(parser: Parser, token: Token) -> SummaryRowsNode:
    """{% summary_rows rows %}: rows a presenter built, inside a {% summary_list %}."""
    _, args, options = split_arguments(parser, token)
    if len(args) != 1 or options:
        raise TemplateSyntaxError("{% summary_rows %} takes the presenter's rows")
    return SummaryRowsNode(NodeList(), {}, args)


def summary_row(parser: Parser, token: Token) -> SummaryRowNode:
    """{% summary_row key %}value{% summary_actions %}actions{% endsummary_row %}."""
    _, args, options = split_arguments(parser, token)
    if len(args) != 1:
        raise TemplateSyntaxError("{% summary_row %} takes the row's key, then its options")
    nodelist = parser.parse(("summary_actions", "endsummary_row"))
    actions = NodeList()
    if parser.next_token().contents == "summary_actions":
        actions = parser.parse(("endsummary_row",))
        parser.delete_first_token()
    return SummaryRowNode(nodelist, options, args, actions=actions)


SUMMARY_LIST_TAGS = {
    "summary_list": block(SummaryListNode),
    "summary_row": summary_row,
    "summary_rows": summary_rows,
    "summary_card": block(SummaryCardNode),
    "card_title": block(CardTitleNode),
    "card_action": block(CardActionNode),
}
