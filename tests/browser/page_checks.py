"""What axe-core cannot see about a page, checked the GOV.UK way.

`error_message_problems(page)` returns, in words, each way the page's errors would fail
someone using a screen reader or the keyboard:

- the title does not start with "Error: " while an error summary is shown;
- a link in the error summary points at nothing, or at something that cannot take focus, so
  following it leaves the person where they were;
- a field's error message is not tied to any control (aria-describedby), so it is not read
  out when the control has focus.

A page without errors has no problems here.

`structure_problems(page)` returns what would leave someone navigating by headings or by a list
of links lost: not exactly one h1; a heading that skips a level going down (an h2 straight to an
h4); two links or buttons with the same accessible name that lead to different places, so that
out of context (a screen reader's list of links) they cannot be told apart (WCAG 2.4.4, GOV.UK's
visually hidden text on "Change" links).
"""

ERROR_CHECK = r"""
() => {
  const problems = [];
  const summary = document.querySelector('.govuk-error-summary');
  if (summary && !document.title.startsWith('Error: ')) {
    problems.push(`the title "${document.title}" does not start with "Error: "`);
  }
  const focusable = (el) =>
    el.matches('input, select, textarea, button, a[href], [tabindex]') && !el.disabled;
  for (const link of summary ? summary.querySelectorAll('a[href^="#"]') : []) {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    const says = `the error link "${link.innerText}" points at ${link.hash}`;
    if (!target) problems.push(`${says}, which is not on the page`);
    else if (!focusable(target)) problems.push(`${says}, which cannot take focus`);
  }
  const described = new Set(
    [...document.querySelectorAll('[aria-describedby]')]
      .flatMap((el) => el.getAttribute('aria-describedby').split(/\s+/))
  );
  for (const message of document.querySelectorAll('.govuk-error-message')) {
    if (!message.checkVisibility()) continue;
    if (!message.id || !described.has(message.id)) {
      problems.push(`the error "${message.innerText.trim()}" is not tied to its field (aria-describedby)`);
    }
  }
  return problems;
}
"""


def error_message_problems(page) -> list[str]:
    return page.evaluate(ERROR_CHECK)


STRUCTURE_CHECK = r"""
() => {
  const problems = [];
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`the page has ${h1s.length} h1 headings, not one`);
  const text = (el) => el.innerText.trim().replace(/\s+/g, ' ');
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  for (let i = 1; i < headings.length; i++) {
    const [before, now] = [headings[i - 1], headings[i]].map((h) => Number(h.tagName[1]));
    if (now > before + 1) {
      problems.push(`the h${now} "${text(headings[i])}" skips a level after an h${before}`);
    }
  }
  const destinations = new Map();
  for (const el of document.querySelectorAll('a[href], button')) {
    if (!el.checkVisibility()) continue;
    const name = el.getAttribute('aria-label') || text(el);
    const where = el.tagName === 'A' ? el.href : `${el.form ? el.form.action : ''} ${el.name}=${el.value}`;
    if (!destinations.has(name)) destinations.set(name, new Set());
    destinations.get(name).add(where);
  }
  for (const [name, places] of destinations) {
    if (places.size > 1) {
      problems.push(`${places.size} links or buttons called "${name}" go to different places`);
    }
  }
  return problems;
}
"""


def structure_problems(page) -> list[str]:
    return page.evaluate(STRUCTURE_CHECK)
