"""Shared GOV.UK components rendered on their own: what assistive technology is told."""

import re

import pytest
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.template import TemplateSyntaxError, engines
from django.template.loader import render_to_string

from initiatives.wizard.presenters import SummaryRow


@pytest.mark.parametrize(
    ("level", "role", "title"),
    [
        (messages.SUCCESS, "alert", "Success"),
        # A refusal after a redirect is announced and takes focus, like a success.
        (messages.ERROR, "alert", "There is a problem"),
        (messages.INFO, "region", "Important"),
    ],
)
def test_a_message_banner_is_announced_when_it_follows_what_the_person_did(level, role, title):
    html = render_to_string("components/messages.html", {"messages": [Message(level, "Something happened")]})

    assert f'role="{role}"' in html
    assert f'id="message-1-title">{title}</h2>' in html
    assert 'aria-labelledby="message-1-title"' in html


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def squeeze(html: str) -> str:
    """The markup without the line breaks and indents of the templates, to compare with GOV.UK's."""
    return re.sub(r"\s*\n\s*", "", html)


TABLE = """
{% table classes="govuk-table--small-text-until-tablet" %}
  {% caption size="m" %}Readings{% endcaption %}
  {% head %}{% cell %}Date{% endcell %}{% cell numeric=True %}Value{% endcell %}{% endhead %}
  {% for reading in readings %}
    {% row %}
      {% cell header=True %}{{ reading.0 }}{% endcell %}{% cell numeric=True %}{{ reading.1 }}{% endcell %}
    {% endrow %}
  {% empty %}
    {% row %}{% cell colspan=2 %}No readings yet.{% endcell %}{% endrow %}
  {% endfor %}
{% endtable %}
"""


def test_a_table_is_drawn_as_the_govuk_table_with_column_and_row_headers():
    html = squeeze(render(TABLE, readings=[("1 May", 3)]))

    assert html == (
        '<div class="jup-table-scroll" role="region" aria-label="Readings" tabindex="0">'
        '<table class="govuk-table govuk-table--small-text-until-tablet">'
        '<caption class="govuk-table__caption govuk-table__caption--m">Readings</caption>'
        '<thead class="govuk-table__head"><tr class="govuk-table__row">'
        '<th scope="col" class="govuk-table__header">Date</th>'
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Value</th>'
        "</tr></thead>"
        '<tbody class="govuk-table__body"><tr class="govuk-table__row">'
        '<th scope="row" class="govuk-table__header">1 May</th>'
        '<td class="govuk-table__cell govuk-table__cell--numeric">3</td>'
        "</tr></tbody></table></div>"
    )


def test_a_table_scrolls_in_a_focusable_region_named_in_plain_words_by_its_caption():
    html = render(
        "{% table %}{% caption %}Risks &amp; issues <span class='govuk-caption-m'>{{ count }} open, "
        "<b>new</b></span>{% endcaption %}{% endtable %}",
        count='3 "big"',
    )

    assert squeeze(html).startswith(
        '<div class="jup-table-scroll" role="region" '
        'aria-label="Risks &amp; issues 3 &quot;big&quot; open, new" tabindex="0">'
    )


def test_a_table_without_a_caption_is_a_template_error_as_its_region_would_have_no_name():
    with pytest.raises(TemplateSyntaxError, match=re.escape("{% table %} needs a {% caption %}")):
        render("{% table %}{% row %}{% cell %}x{% endcell %}{% endrow %}{% endtable %}")


def test_a_table_with_no_rows_says_so_across_its_columns():
    html = squeeze(render(TABLE, readings=[]))

    assert '<td class="govuk-table__cell" colspan="2">No readings yet.</td>' in html


def test_a_caption_can_be_read_by_screen_readers_only():
    html = render("{% table %}{% caption visually_hidden=True %}Decisions{% endcaption %}{% endtable %}")

    assert '<caption class="govuk-table__caption govuk-visually-hidden">Decisions</caption>' in html


def test_what_a_cell_shows_is_escaped_like_the_rest_of_the_page():
    html = render(
        "{% table %}{% caption %}People{% endcaption %}{% row %}{% cell %}{{ name }}{% endcell %}{% endrow %}"
        "{% endtable %}",
        name="<b>x</b>",
    )

    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<b>" not in html


def test_options_a_part_does_not_know_become_its_attributes():
    html = render(
        "{% table %}{% caption %}Rows{% endcaption %}"
        '{% row classes="jup-error" data_raci_row=True data_hidden=False %}'
        '{% cell classes="jup-x" data_note=note %}x{% endcell %}{% endrow %}{% endtable %}',
        note='say "hi"',
    )

    assert '<tr class="govuk-table__row jup-error" data-raci-row>' in html
    assert '<td class="govuk-table__cell jup-x" data-note="say &quot;hi&quot;">x</td>' in html
    assert "data-hidden" not in html


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("{% cell %}x{% endcell %}", "{% cell %} belongs inside {% row %}"),
        ("{% table %}<tr><td>x</td></tr>{% endtable %}", "{% table %} holds only"),
        ("{% table %}{% row %}<td>x</td>{% endrow %}{% endtable %}", "{% row %} holds only {% cell %}"),
        (
            "{% summary_row 'Key' %}x{% endsummary_row %}",
            "{% summary_row %} belongs inside {% summary_list %}",
        ),
    ],
)
def test_a_part_written_in_the_wrong_place_is_a_template_error_not_lost_markup(source, problem):
    with pytest.raises(TemplateSyntaxError, match=re.escape(problem)):
        render(source)


SUMMARY = """
{% summary_list classes="govuk-summary-list--no-border" %}
  {% summary_row "Reviewer" %}
    Ruth Adeyemi
  {% summary_actions %}
    {% if can_remove %}<a href="/remove">Remove</a>{% endif %}
  {% endsummary_row %}
  {% summary_row "Meaning in "|add:body %}{% endsummary_row %}
{% endsummary_list %}
"""


def test_a_summary_list_row_without_actions_lines_up_with_rows_that_have_them():
    html = squeeze(render(SUMMARY, can_remove=True, body="HMRC"))

    assert html == (
        '<dl class="govuk-summary-list govuk-summary-list--no-border">'
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reviewer</dt>'
        '<dd class="govuk-summary-list__value">Ruth Adeyemi</dd>'
        '<dd class="govuk-summary-list__actions"><a href="/remove">Remove</a></dd></div>'
        '<div class="govuk-summary-list__row govuk-summary-list__row--no-actions">'
        '<dt class="govuk-summary-list__key">Meaning in HMRC</dt>'
        '<dd class="govuk-summary-list__value">None given</dd></div>'
        "</dl>"
    )


def test_a_summary_list_with_no_actions_at_all_has_no_actions_column():
    html = render(SUMMARY, can_remove=False, body="HMRC")

    assert "govuk-summary-list__actions" not in html
    assert "no-actions" not in html


def test_a_summary_list_draws_rows_a_presenter_built_with_their_change_links():
    rows = [
        SummaryRow("Bodies", items=["DWP", "HMRC"], change_url="/bodies"),
        SummaryRow("Crisis", "No"),
    ]

    html = squeeze(render("{% summary_list %}{% summary_rows rows %}{% endsummary_list %}", rows=rows))

    assert '<ul class="govuk-list govuk-list--bullet"><li>DWP</li><li>HMRC</li></ul>' in html
    assert (
        '<a class="govuk-link" href="/bodies">Change<span class="govuk-visually-hidden"> bodies</span></a>'
        in html
    )
    assert '<div class="govuk-summary-list__row govuk-summary-list__row--no-actions">' in html


@pytest.mark.parametrize(
    ("actions", "expected"),
    [
        (["Change"], '<div class="govuk-summary-card__actions">Change</div>'),
        (
            ["Change", "Remove"],
            '<ul class="govuk-summary-card__actions"><li class="govuk-summary-card__action">Change</li>'
            '<li class="govuk-summary-card__action">Remove</li></ul>',
        ),
    ],
)
def test_a_summary_card_lists_its_actions_only_when_it_has_several(actions, expected):
    html = squeeze(
        render(
            "{% summary_card heading_level=3 %}{% card_title %}Board{% endcard_title %}"
            "{% for action in actions %}{% card_action %}{{ action }}{% endcard_action %}{% endfor %}"
            "<p>Content</p>{% endsummary_card %}",
            actions=actions,
        )
    )

    assert '<h3 class="govuk-summary-card__title">Board</h3>' + expected in html
    assert '<div class="govuk-summary-card__content"><p>Content</p></div>' in html


def test_warning_text_is_announced_as_a_warning_before_what_it_says():
    html = render("{% warning_text %}Too many forums{% endwarning_text %}")

    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
    assert text == "! Warning Too many forums"
    assert '<span class="govuk-warning-text__icon" aria-hidden="true">!</span>' in html


def test_a_link_drawn_as_a_button_has_the_govuk_button_attributes():
    html = render('{% button_link "/risks/new" "Add a risk" "govuk-button--secondary" %}')

    assert re.sub(r"\s+", " ", html).strip() == (
        '<a href="/risks/new" role="button" draggable="false" class="govuk-button govuk-button--secondary"'
        ' data-module="govuk-button">Add a risk</a>'
    )
