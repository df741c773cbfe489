"""Keyboard checks for any page: Tab from the top until focus comes round again.

`keyboard_problems(page)` presses Tab from the top of the page and records, in the page, every
element that takes focus and whether its focus can be seen. It returns, in words, what a
keyboard user could not do:

- a visible, enabled control (link, button, input, select, textarea, summary) that Tab never
  reaches (a group of radios counts as one stop: arrow keys move within it, as browsers do);
- focus that never comes back round to the top (a keyboard trap);
- a focused element that looks the same focused as not (no outline, shadow, background,
  colour or border change; for GOV.UK radios and checkboxes, the ring is on the label), or that
  stays clipped to a pixel (visually hidden) while it has focus;
- a skip link that is not the first stop, or after which Tab does not go on into the main content.

`tab_to(page, name)` presses Tab until an element with that accessible name has focus: the
keyboard-only journeys use it instead of clicking.
"""

from __future__ import annotations

import re

# Installed once per document: lists the controls Tab should reach, remembers how each looks
# unfocused, and records every focus change with whether it showed.
INSTALL = r"""
() => {
  if (window.__keyboard) return;
  // Native controls count even when taken out of the tab order: a visible one that Tab skips is
  // the defect. Other elements count when put into it.
  const nativeSelector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary';
  const controlSelector =
    `${nativeSelector}, [tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable=true]`;
  const choiceSelector = '.govuk-radios__input, .govuk-checkboxes__input';
  const watched = [
    'outline-style', 'outline-width', 'outline-color', 'box-shadow', 'background-color',
    'color', 'border-top-color', 'border-top-width', 'text-decoration-line',
    'text-decoration-thickness',
  ];
  const snapshot = (el, pseudo) => {
    const style = getComputedStyle(el, pseudo);
    return Object.fromEntries(watched.map((name) => [name, style.getPropertyValue(name)]));
  };
  // What draws the focus ring: GOV.UK radios and checkboxes hide the input and draw it on the label.
  const parts = (el) => {
    if (el.matches(choiceSelector) && el.labels && el.labels.length) {
      return [[el.labels[0], '::before'], [el.labels[0], null]];
    }
    return [[el, null]];
  };
  const describe = (el) => {
    const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.id || '')
      .trim().replace(/\s+/g, ' ').slice(0, 60);
    const id = el.id ? '#' + el.id : '';
    const type = el.type && el.tagName !== 'A' ? `[${el.type}]` : '';
    return `${el.tagName.toLowerCase()}${type}${id} "${name}"`;
  };
  const visible = (el) => {
    if (!el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true})) return false;
    if (el.closest('[inert]')) return false;
    const box = el.getBoundingClientRect();
    // GOV.UK radios and checkboxes are transparent, drawn by their label.
    return el.matches(choiceSelector) || (box.width > 0 && box.height > 0);
  };
  const controls = [...document.querySelectorAll(controlSelector)].filter(
    (el) => !el.disabled && (el.matches(nativeSelector) || el.tabIndex >= 0) && visible(el)
  );
  const unfocused = new Map();
  for (const el of controls) unfocused.set(el, parts(el).map(([part, pseudo]) => snapshot(part, pseudo)));
  const transparent = (colour) => /rgba\(.*,\s*0\)$/.test(colour) || colour === 'transparent';
  const shows = (el) => {
    const before = unfocused.get(el);
    // Something drawn one pixel wide (visually hidden, clipped) shows nothing, however styled.
    const box = parts(el).at(-1)[0].getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) return false;
    return parts(el).some(([part, pseudo], index) => {
      const now = snapshot(part, pseudo);
      const outlined = now['outline-style'] !== 'none' && parseFloat(now['outline-width']) > 0;
      if (outlined && !transparent(now['outline-color'])) return true;
      const changed = (name) => !name.startsWith('outline') && now[name] !== before[index][name];
      return before && watched.some(changed);
    });
  };
  const formIndex = (el) => (el.form ? [...document.forms].indexOf(el.form) : -1);
  const walk = [];
  document.addEventListener('focusin', (event) => {
    const el = event.target;
    walk.push({index: controls.indexOf(el), label: describe(el), shows: shows(el)});
  }, true);
  window.__keyboard = {
    controls,
    walk,
    expected: controls.map((el) => ({
      label: describe(el),
      // Radios: Tab stops once per group; arrow keys move within it.
      group: el.type === 'radio' && el.name ? `radio:${formIndex(el)}:${el.name}` : null,
    })),
  };
}
"""

# Focus the top of the document, as if the page had just loaded: a throwaway element before
# everything else takes focus and goes, leaving the sequential focus starting point there.
FROM_THE_TOP = """
() => {
  const start = document.createElement('span');
  start.tabIndex = -1;
  document.body.prepend(start);
  start.focus();
  start.remove();
  window.__keyboard.walk.length = 0;
}
"""


def keyboard_problems(page, *, max_presses: int = 400) -> list[str]:
    """Tab round the whole page from the top; return what a keyboard user could not do or see."""
    page.evaluate(INSTALL)
    expected = page.evaluate("() => window.__keyboard.expected")
    page.evaluate(FROM_THE_TOP)
    walk, cycled = _tab_round(page, stops=len(expected), max_presses=max_presses)
    problems = []
    if not walk or walk[0]["index"] < 0 or "govuk-skip-link" not in _class_of(page, walk[0]["index"]):
        problems.append(f"the first Tab stop is {walk[0]['label'] if walk else 'nothing'}, not the skip link")
    if not cycled:
        problems.append(f"focus did not come back round to the top after {len(walk)} Tab stops")
    reached = {step["index"] for step in walk}
    reached_groups = {expected[i]["group"] for i in reached if i >= 0 and expected[i]["group"]}
    for index, control in enumerate(expected):
        if index not in reached and not (control["group"] and control["group"] in reached_groups):
            problems.append(f"Tab never reaches {control['label']}")
    for step in walk:
        if not step["shows"]:
            problems.append(f"focus is not visible on {step['label']}")
    problems.extend(_skip_link_problems(page))
    return list(dict.fromkeys(problems))


def _tab_round(page, *, stops: int, max_presses: int) -> tuple[list[dict], bool]:
    """Press Tab in batches until focus returns to the first stop; return one round and if it closed."""
    presses = 0
    batch = stops + 2
    while presses < max_presses:
        for _ in range(batch):
            page.keyboard.press("Tab")
        presses += batch
        walk = page.evaluate("() => window.__keyboard.walk")
        again = next((i for i, step in enumerate(walk) if i and step["index"] == walk[0]["index"]), None)
        if again is not None:
            return walk[:again], True
        batch = 10
    return page.evaluate("() => window.__keyboard.walk"), False


def _class_of(page, index: int) -> str:
    return page.evaluate("(i) => window.__keyboard.controls[i].className", index)


def _skip_link_problems(page) -> list[str]:
    """From the top: Tab, Enter on the skip link, Tab again must land in (or after) the main content."""
    page.evaluate(FROM_THE_TOP)
    page.keyboard.press("Tab")
    if not page.evaluate("() => document.activeElement.matches('.govuk-skip-link')"):
        return []  # Already reported as the first stop.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    return page.evaluate(
        """() => {
          const main = document.getElementById('main-content');
          if (!main) return ['the skip link points at #main-content, which is not on the page'];
          const after = (el) =>
            main.contains(el) || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
          // With nothing to reach in or after the main content, Tab rightly goes round to the top.
          if (after(document.activeElement) || !window.__keyboard.controls.some(after)) return [];
          return ['after the skip link, Tab goes to something before the main content'];
        }"""
    )


def focused_name(page) -> str:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          if (!el || el === document.body) return '';
          const labelled = el.labels && el.labels.length ? el.labels[0].innerText : '';
          const name = el.getAttribute('aria-label') || labelled || el.innerText || el.value || '';
          return name.trim().replace(/\\s+/g, ' ');
        }"""
    )


def tab_to(page, name: str | re.Pattern, *, limit: int = 200, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element's accessible name matches."""
    pattern = name if isinstance(name, re.Pattern) else re.compile(rf"^{re.escape(name)}$")
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if pattern.search(focused_name(page)):
            return
    raise AssertionError(f"Tab never reached {name!r}")
