"""Every page's title reads "Page, Initiative, Joined-up" inside an initiative and "Page, Joined-up" outside,
each part separated by a spaced en dash.

Walks every URL of the access table that some persona may open as a page, as that persona.
"""

import re

from django.test import Client
from django.urls import reverse

from tests.edges.access_table import OK, PERSONAS, TABLE

DASH = "\N{EN DASH}"
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
# Programme managers see the most; the others only where they alone may look.
PREFERRED = ("programme_manager", *PERSONAS)


def pages(seed):
    """(url name, url, persona) for every URL answering a persona with an HTML page."""
    for name, access in sorted(TABLE.items()):
        if access.get is None or access.bearer:
            continue  # nothing to read, or the API's JSON, read with a token rather than signed in
        persona = next((p for p in PREFERRED if access.get[p] == OK), None)
        if persona is not None:
            yield name, reverse(name, kwargs=access.params(seed)), persona


def title_of(seed, url: str, persona: str) -> str | None:
    client = Client()
    if persona != "anonymous":
        client.force_login(seed.people[persona])
    response = client.get(url)
    assert response.status_code == 200, url
    if not response["Content-Type"].startswith("text/html"):
        return None  # a CSV, calendar, PDF or JSON answer has no title
    found = TITLE.search(response.content.decode())
    assert found, f"{url} has no <title>"
    return found.group(1)


def test_every_page_title_names_the_page_then_its_initiative_then_the_service(seed):
    initiative = re.escape(seed.initiative.title)
    inside = re.compile(rf"^(Error: )?[^{DASH}]+ {DASH} {initiative} {DASH} Joined-up$")
    outside = re.compile(rf"^(Error: )?[^{DASH}]+ {DASH} Joined-up$")
    checked = {"inside": 0, "outside": 0}
    wrong = []
    for name, url, persona in pages(seed):
        title = title_of(seed, url, persona)
        if title is None:
            continue
        where = "inside" if seed.initiative.slug in url else "outside"
        checked[where] += 1
        # A hand-written " - Initiative" left in a template would name the initiative twice.
        if " - " in title or not (inside if where == "inside" else outside).match(title):
            wrong.append(f"{name} as {persona}: {title!r}")

    assert wrong == [], "\n".join(wrong)
    # The walk reached the initiative's pages, not only a few (the demo has about 60).
    assert checked["inside"] >= 50, checked
