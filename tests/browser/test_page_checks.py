"""The keyboard, error-message, structure and reflow checks the page sweep relies on, shown to catch
what they claim to.

Each case serves a small page in the service's own layout, styles and scripts (the GOV.UK skip
link, header and main) with one defect, and expects the check to name it; the page without a
defect must pass, so the sweep's silence means something. No server: the browser is handed the
page and our static files directly.
"""

import mimetypes
from pathlib import Path

import pytest

from tests.browser.keyboard import keyboard_problems
from tests.browser.page_checks import error_message_problems, reflow_problems, structure_problems

STATIC = Path(__file__).resolve().parents[2] / "static"
ORIGIN = "http://checks.example"

LAYOUT = """<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head><title>{title}</title><link rel="stylesheet" href="/static/govuk/joined-up.min.css"></head>
<body class="govuk-template__body">
  <script src="/static/js/js-enabled.js"></script>
  {before}
  <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
  <header class="govuk-template__header"><a class="govuk-link" href="/">Joined-up</a></header>
  <main class="govuk-main-wrapper" id="main-content">
    <h1 class="govuk-heading-l">A page</h1>
    <p class="govuk-body"><a class="govuk-link" href="/somewhere">A link</a></p>
    <div class="govuk-form-group">
      <label class="govuk-label" for="name">Name</label>
      <input class="govuk-input" id="name" name="name" type="text">
    </div>
    <div class="govuk-radios" data-module="govuk-radios">
      <div class="govuk-radios__item">
        <input class="govuk-radios__input" id="pick" name="pick" type="radio" value="a">
        <label class="govuk-label govuk-radios__label" for="pick">A</label>
      </div>
      <div class="govuk-radios__item">
        <input class="govuk-radios__input" id="pick-2" name="pick" type="radio" value="b">
        <label class="govuk-label govuk-radios__label" for="pick-2">B</label>
      </div>
    </div>
    <details class="govuk-details"><summary class="govuk-details__summary">
      <span class="govuk-details__summary-text">More</span></summary>
      <div class="govuk-details__text"><a class="govuk-link" href="/hidden-until-open">Inside</a></div>
    </details>
    {main}
    <button type="submit" class="govuk-button">Save</button>
  </main>
  <script type="module" src="/static/js/app.mjs"></script>
</body></html>"""

ERROR_SUMMARY = """
<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
  <h2 class="govuk-error-summary__title">There is a problem</h2>
  <ul class="govuk-list govuk-error-summary__list"><li><a href="{href}">Enter name</a></li></ul>
</div></div>
<p id="name-error" class="govuk-error-message">Enter name</p>
"""

# A control styled to look the same with and without focus (the CSP allows styles set by script).
NO_FOCUS_STYLE = """
() => {
  const link = document.querySelector('main .govuk-link');
  link.className = '';
  link.style.outline = 'none';
}
"""
# A text box that keeps focus whatever key is pressed.
TRAP = """
() => {
  const input = document.getElementById('name');
  input.addEventListener('keydown', (event) => { if (event.key === 'Tab') event.preventDefault(); });
}
"""


@pytest.fixture
def page(browser):
    """A page on a made-up origin that serves the fixture page and our real static files."""
    context = browser.new_context()

    def static_file(route):
        path = STATIC / route.request.url.removeprefix(f"{ORIGIN}/static/")
        route.fulfill(path=path, content_type=mimetypes.guess_type(path)[0] or "text/plain")

    context.route(f"{ORIGIN}/static/**", static_file)
    page = context.new_page()
    yield page
    context.close()


def serve(page, *, title="A page", before="", main="", script=None):
    html = LAYOUT.format(title=title, before=before, main=main)
    page.route(f"{ORIGIN}/", lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(f"{ORIGIN}/")
    if script:
        page.evaluate(script)


def test_a_page_with_nothing_wrong_passes_every_check(page):
    serve(page)

    assert keyboard_problems(page) == []
    assert error_message_problems(page) == []
    assert structure_problems(page) == []
    assert reflow_problems(page) == []


@pytest.mark.parametrize(
    ("defect", "expected"),
    [
        ({"main": '<a class="govuk-link" href="/x" tabindex="-1">Out of reach</a>'}, "Tab never reaches a"),
        (
            {"main": '<button class="govuk-button" id="later" tabindex="-1">Later</button>'},
            "Tab never reaches button",
        ),
        ({"script": NO_FOCUS_STYLE}, "focus is not visible on a"),
        ({"script": TRAP}, "focus did not come back round to the top"),
        (
            {"main": '<a class="govuk-link govuk-visually-hidden" href="/x">Hidden</a>'},
            'focus is not visible on a "Hidden"',
        ),
        ({"before": '<a class="govuk-link" href="/first">Before</a>'}, "not the skip link"),
    ],
    ids=[
        "a link out of the tab order",
        "a button out of the tab order",
        "no focus style",
        "a trap",
        "a link that stays visually hidden",
        "skip link second",
    ],
)
def test_the_keyboard_check_names_each_defect(page, defect, expected):
    serve(page, **defect)

    problems = keyboard_problems(page)

    assert any(expected in problem for problem in problems), problems


def test_the_keyboard_check_notices_a_skip_link_that_goes_nowhere(page):
    serve(page, script="() => document.getElementById('main-content').removeAttribute('id')")

    assert "the skip link points at #main-content, which is not on the page" in keyboard_problems(page)


@pytest.mark.parametrize(
    ("title", "href", "expected"),
    [
        ("Error: A page", "#missing", "points at #missing, which is not on the page"),
        ("Error: A page", "#main-content", "points at #main-content, which cannot take focus"),
        ("A page", "#name", 'does not start with "Error: "'),
        ("Error: A page", "#name", "is not tied to its field"),
    ],
)
def test_the_error_check_names_each_defect(page, title, href, expected):
    serve(page, title=title, main=ERROR_SUMMARY.format(href=href))

    problems = error_message_problems(page)

    assert any(expected in problem for problem in problems), problems


def test_an_error_tied_to_its_field_with_a_working_link_passes(page):
    serve(
        page,
        title="Error: A page",
        main=ERROR_SUMMARY.format(href="#name"),
        script="() => document.getElementById('name').setAttribute('aria-describedby', 'name-error')",
    )

    assert error_message_problems(page) == []


@pytest.mark.parametrize(
    ("main", "expected"),
    [
        ("<h1>A second h1</h1>", "the page has 2 h1 headings, not one"),
        ("<h2>Section</h2><h4>Too deep</h4>", 'the h4 "Too deep" skips a level after an h2'),
        (
            '<a class="govuk-link" href="/a">Change</a><a class="govuk-link" href="/b">Change</a>',
            '2 links or buttons called "Change" go to different places',
        ),
    ],
    ids=["two h1s", "a skipped level", "two Change links"],
)
def test_the_structure_check_names_each_defect(page, main, expected):
    serve(page, main=main)

    assert expected in structure_problems(page)


def test_links_told_apart_by_visually_hidden_text_pass_the_structure_check(page):
    hidden = '<span class="govuk-visually-hidden"> {}</span>'
    serve(
        page,
        main=(
            f'<h2>Section</h2><a class="govuk-link" href="/a">Change{hidden.format("name")}</a>'
            f'<a class="govuk-link" href="/b">Change{hidden.format("role")}</a>'
            '<a class="govuk-link" href="/a">Change<span class="govuk-visually-hidden"> name</span></a>'
        ),
    )

    assert structure_problems(page) == []


# 50 monospace characters of 6 pixels: 300 pixels, inside 320 until WCAG text spacing adds 1.2 a letter.
NO_ROOM_TO_SPACE = '<span style="white-space: nowrap; font: 10px monospace">{}</span>'.format("x" * 50)


@pytest.mark.parametrize(
    ("main", "expected"),
    [
        (
            '<div style="width: 500px">Wide</div>',
            'at 320px the page is 500px wide: div "Wide" is 500px wide, its right edge at 500px',
        ),
        (
            '<p class="govuk-body" style="overflow-wrap: normal">{}</p>'.format("Unbreakable" * 6),
            "at 640px the page is",
        ),
        (NO_ROOM_TO_SPACE, "at 320px with WCAG text spacing the page is"),
        (
            '<div style="overflow-x: auto"><p style="width: 600px; text-align: right">Wide '
            '<span class="govuk-visually-hidden">hidden</span></p></div>',
            'at 320px the page is 601px wide: span.govuk-visually-hidden "hidden" is 1px wide',
        ),
    ],
    ids=[
        "a wide box",
        "a word longer than the line",
        "text that fits only unspaced",
        "hidden text escaping a box that is not positioned",
    ],
)
def test_the_reflow_check_names_what_pushes_the_page_sideways(page, main, expected):
    serve(page, main=main)
    page.set_viewport_size({"width": 1280, "height": 720})

    problems = reflow_problems(page)

    assert any(problem.startswith(expected) for problem in problems), problems
    assert page.viewport_size == {"width": 1280, "height": 720}


def test_a_wide_table_in_its_scrolling_region_with_hidden_text_at_its_far_end_passes_the_reflow_check(page):
    hidden = '<span class="govuk-visually-hidden">far along</span>'
    cells = "".join(f'<td class="govuk-table__cell">Column {n}{hidden}</td>' for n in range(12))
    serve(
        page,
        main=(
            '<div class="jup-table-scroll" role="region" aria-label="Wide" tabindex="0">'
            f'<table class="govuk-table"><caption class="govuk-table__caption">Wide</caption><tr>{cells}</tr>'
            "</table></div>"
        ),
    )

    assert page.evaluate("document.querySelector('table').offsetWidth") > 640
    assert reflow_problems(page) == []
