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

`reflow_problems(page)` lays the loaded page out again at a phone's 320 CSS pixels and at 640 (a
1280-pixel window zoomed to 200%), each as it comes and with the WCAG 1.4.12 text-spacing
stylesheet, and returns each layout where the page itself scrolls sideways (WCAG 1.4.10, 1.4.4),
naming the widest element that sticks out past the right edge outside any box that scrolls on its
own, such as a wide table's region. The page is left at the size it was found.
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


# A phone, and a 1280 by 720 window zoomed to 200%, in CSS pixels.
PHONE = {"width": 320, "height": 640}
ZOOMED = {"width": 640, "height": 360}

# One layout: does the page scroll sideways, plain and with text spaced as WCAG 1.4.12 asks? The
# spacing is a constructed stylesheet, which the page's Content Security Policy does not refuse as
# it would an injected <style>.
REFLOW_CHECK = r"""
() => {
  const limit = document.documentElement.clientWidth;
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const classes = [...el.classList].slice(0, 2).map((name) => '.' + name).join('');
    const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    const said = text ? ` "${text.slice(0, 40)}"` : '';
    return `${el.tagName.toLowerCase()}${id}${classes}${said}`;
  };
  // What sticks out past the right edge, leaving out what is inside a box that scrolls or clips
  // (its box's business): the widest element, or failing that the widest run of text, which can
  // overflow a box that itself fits (a long email address in a heading), or a positioned element.
  const widestOverflowing = () => {
    let widest = null;
    const scrollers = [];
    const consider = (el, box) => {
      if (box.right > limit + 0.5 && (!widest || box.width > widest.width)) {
        widest = {el, width: box.width, right: box.right};
      }
    };
    const visit = (parent) => {
      for (const el of parent.children) {
        const style = getComputedStyle(el);
        if (style.display === 'none') continue;
        consider(el, el.getBoundingClientRect());
        if (style.overflowX === 'visible') visit(el);
        else scrollers.push(el);
      }
    };
    visit(document.body);
    if (widest) return widest;
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    while (texts.nextNode()) {
      const text = texts.currentNode;
      if (!text.data.trim() || scrollers.some((box) => box.contains(text))) continue;
      range.selectNodeContents(text);
      consider(text.parentElement, range.getBoundingClientRect());
    }
    if (widest) return widest;
    // Last, something positioned against a box outside the scrolling one it sits in, which escapes
    // it (visually hidden text in a table whose box is not positioned).
    for (const el of document.body.querySelectorAll('*')) {
      const {position} = getComputedStyle(el);
      if (position === 'absolute' || position === 'fixed') consider(el, el.getBoundingClientRect());
    }
    return widest;
  };
  const problem = (how) => {
    const wide = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    if (wide <= limit) return [];
    const culprit = widestOverflowing();
    const [width, right] = culprit ? [culprit.width, culprit.right].map(Math.round) : [];
    const where = culprit ? `: ${describe(culprit.el)} is ${width}px wide, its right edge at ${right}px` : '';
    return [`at ${limit}px${how} the page is ${wide}px wide${where}`];
  };
  if (!window.__textSpacing) {
    window.__textSpacing = new CSSStyleSheet();
    window.__textSpacing.replaceSync(`
      * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
      p { margin-bottom: 2em !important; }
    `);
  }
  const found = problem('');
  const sheets = document.adoptedStyleSheets;
  document.adoptedStyleSheets = [...sheets, window.__textSpacing];
  found.push(...problem(' with WCAG text spacing'));
  document.adoptedStyleSheets = sheets;
  return found;
}
"""


def reflow_problems(page) -> list[str]:
    found_at = page.viewport_size
    # The size the page is already at first: one fewer layout.
    sizes = sorted((PHONE, ZOOMED), key=lambda size: size != found_at)
    problems = []
    for size in sizes:
        if page.viewport_size != size:
            page.set_viewport_size(size)
        problems += page.evaluate(REFLOW_CHECK)
    if page.viewport_size != found_at:
        page.set_viewport_size(found_at)
    return problems
