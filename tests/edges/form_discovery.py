"""Find every form the seeded demo shows, by reading the pages as people see them.

Nothing here lists forms by hand. The crawl starts from the pages the access table says each
persona may read, follows the links on them within the demo initiative, and parses each page's
<form> elements: their action (resolved to a URL name), method, enctype and controls (inputs,
selects, radios, checkboxes, textareas and named buttons) with the values the page filled in.

A form counts as found for a persona only if the access table lets that persona POST to its
URL (or, for a URL the table has no POST row for, such as signing in, if the page offered it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve, reverse

from tests.edges.access_table import DONE, LOGIN, OK, TABLE

# Controls of these kinds take free text: the fuzz sends them anything at all.
FREE_TEXT = {"text", "textarea", "email", "password", "search", "tel", "url"}


@dataclass
class Control:
    name: str
    kind: str  # one of FREE_TEXT, or number, date_part, select, radio, checkbox, hidden, file, submit
    options: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    multiple: bool = False
    id: str = ""
    describedby: str = ""

    @property
    def value(self) -> str:
        return self.values[0] if self.values else ""


@dataclass
class FoundForm:
    url_name: str
    path: str
    method: str
    enctype: str
    page: str
    persona: str
    controls: dict[str, Control]

    @property
    def csrf_token(self) -> str:
        control = self.controls.get("csrfmiddlewaretoken")
        return control.value if control else ""

    @property
    def fields(self) -> list[Control]:
        """Every control except the CSRF token."""
        return [c for name, c in self.controls.items() if name != "csrfmiddlewaretoken"]

    @property
    def signature(self) -> tuple:
        """Forms with the same URL name and the same kinds of field are one form (a row's move buttons)."""
        names = sorted(re.sub(r"\d+", "#", c.name) + ":" + c.kind for c in self.fields)
        return (self.url_name, self.method, tuple(dict.fromkeys(names)))

    @property
    def key(self) -> str:
        kinds = ",".join(sorted({re.sub(r"\d+", "#", c.name) for c in self.fields})) or "no fields"
        return f"{self.url_name} as {self.persona} [{kinds}]"


class _PageParser(HTMLParser):
    """The forms of a page, the links on it, and the ids its elements carry."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._form: dict | None = None
        self._select: Control | None = None
        self._option: dict | None = None
        self._textarea: Control | None = None

    def handle_starttag(self, tag, attrs):
        raw = dict(attrs)
        attrs = {name: (value if value is not None else "") for name, value in attrs}
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "form":
            self._form = {
                "action": attrs.get("action", ""),
                "method": attrs.get("method", "get").lower(),
                "enctype": attrs.get("enctype", "application/x-www-form-urlencoded"),
                "controls": {},
            }
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            self._input(name, attrs, raw.get("value"))
        elif tag == "button" and name:
            self._add(Control(name, "submit", values=[attrs.get("value", "")]))
        elif tag == "select" and name:
            self._select = self._add(
                Control(name, "select", multiple="multiple" in attrs, **self._described(attrs))
            )
        elif tag == "option" and self._select is not None:
            self._option = {"value": attrs.get("value"), "selected": "selected" in attrs, "text": ""}
        elif tag == "textarea" and name:
            self._textarea = self._add(Control(name, "textarea", values=[""], **self._described(attrs)))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.values[0] += data
        if self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            if self._textarea is not None and self._textarea.values[0].startswith("\n"):
                # HTML drops one newline straight after <textarea>.
                self._textarea.values[0] = self._textarea.values[0][1:]
            self._textarea = None
        elif tag == "option" and self._select is not None and self._option is not None:
            value = self._option["value"]
            value = self._option["text"].strip() if value is None else value
            self._select.options.append(value)
            if self._option["selected"]:
                self._select.values.append(value)
            self._option = None
        elif tag == "select":
            if self._select is not None and not self._select.values and self._select.options:
                self._select.values.append(self._select.options[0])
            self._select = None

    @staticmethod
    def _described(attrs) -> dict:
        return {"id": attrs.get("id", ""), "describedby": attrs.get("aria-describedby", "")}

    def _add(self, control: Control) -> Control:
        controls = self._form["controls"]
        existing = controls.get(control.name)
        if existing is None:
            controls[control.name] = control
            return control
        return existing

    def _input(self, name, attrs, value):
        kind = attrs.get("type", "text").lower()
        if kind in ("radio", "checkbox"):
            # A box with no value attribute sends "on", as browsers do.
            value = "on" if value is None else value
            control = self._add(Control(name, kind, **self._described(attrs)))
            control.options.append(value)
            if "checked" in attrs:
                control.values.append(value)
            control.multiple = kind == "checkbox" and len(control.options) > 1
            return
        if kind == "text" and attrs.get("inputmode") == "numeric" and re.search(r"_(day|month|year)$", name):
            kind = "date_part"
        elif kind == "text" and attrs.get("inputmode") in ("numeric", "decimal"):
            kind = "number"
        elif kind == "submit":
            kind = "submit"
        self._add(Control(name, kind, values=[value or ""], **self._described(attrs)))


@dataclass
class Page:
    path: str
    html: str
    forms: list[dict]
    links: list[str]
    ids: set[str]


def parse_page(path: str, html: str) -> Page:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return Page(path=path, html=html, forms=parser.forms, links=parser.links, ids=parser.ids)


def url_name_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def forms_on(page: Page, persona: str) -> list[FoundForm]:
    found = []
    for form in page.forms:
        path = urlsplit(urljoin(page.path, form["action"] or page.path)).path
        url_name = url_name_of(path)
        if url_name is None:
            continue
        found.append(
            FoundForm(
                url_name=url_name,
                path=path,
                method=form["method"],
                enctype=form["enctype"],
                page=page.path,
                persona=persona,
                controls=form["controls"],
            )
        )
    return found


def may_post(url_name: str, persona: str, method: str) -> bool:
    """Whether the access table lets this persona through a POST to this URL."""
    access = TABLE.get(url_name)
    if method == "get":
        return access is not None and access.get is not None and access.get[persona] == OK
    if access is None or access.post is None:
        return True  # A POST the table does not govern (signing in): the page offered it.
    return access.post[persona] in (DONE, LOGIN)


# Paths the crawl never follows: downloads, the admin, signing out by link.
_SKIP = re.compile(r"(\.csv$|/download/|^/admin/|^/sign-out/|^/static/)")


def _follows(path: str, prefixes: tuple[str, ...]) -> bool:
    return path.startswith(prefixes) and not _SKIP.search(path) and url_name_of(path) is not None


def crawl(client: Client, persona: str, start: Iterable[str], prefixes: tuple[str, ...]) -> list[Page]:
    """Every page reachable by links from `start` within `prefixes`, as `client` sees it."""
    queue, seen, pages = list(start), set(), []
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = parse_page(path, response.content.decode())
        pages.append(page)
        for href in page.links:
            target = urlsplit(urljoin(path, href)).path
            if target not in seen and _follows(target, prefixes):
                queue.append(target)
    return pages


def walk_the_wizard(client: Client, seed) -> list[Page]:
    """Answer every question of the operating-model checklist with what it already holds.

    The recommendation page (and its form) only shows once every question is answered, as
    for a real user; each question page is kept so its form is found too.
    """
    pages = []
    path = reverse("initiatives:wizard_start", kwargs={"slug": seed.initiative.slug})
    for _ in range(40):
        response = client.get(path)
        if response.status_code == 302:
            path = response.url
            continue
        page = parse_page(path, response.content.decode())
        pages.append(page)
        step_forms = [f for f in forms_on(page, "") if f.url_name == "initiatives:wizard_question"]
        if not step_forms:
            break
        answer = step_forms[0]
        data = {c.name: (c.values if c.multiple else c.value) for c in answer.controls.values() if c.values}
        response = client.post(answer.path, data)
        assert response.status_code == 302, f"The wizard refused its own answer on {path}"
        path = response.url
    return pages


def start_pages(seed, persona: str) -> list[str]:
    """The pages the access table says this persona may read, with their parameters filled in."""
    paths = []
    for name, access in TABLE.items():
        if access.get is not None and access.get[persona] == OK:
            path = reverse(name, kwargs=access.params(seed))
            if not _SKIP.search(path):
                paths.append(path)
    return paths


def discover(seed, personas: Iterable[str], make_client) -> tuple[list[FoundForm], int]:
    """One form per distinct (URL name, persona, fields), and the number of pages read."""
    found: dict[tuple, FoundForm] = {}
    pages_read = 0
    initiative_prefix = seed.initiative.get_absolute_url()
    for persona in personas:
        client = make_client(persona)
        prefixes = (initiative_prefix, "/initiatives/new/") if persona != "anonymous" else ("/sign-in/",)
        start = start_pages(seed, persona)
        if TABLE["initiatives:wizard_question"].post[persona] == DONE:
            # Walked first, so the crawl finds the pages a finished checklist leads to.
            start += [page.path for page in walk_the_wizard(client, seed)]
        pages = crawl(client, persona, start, prefixes)
        pages_read += len(pages)
        for page in pages:
            for form in forms_on(page, persona):
                if form.method not in ("post", "get") or not may_post(form.url_name, persona, form.method):
                    continue
                found.setdefault((form.signature, persona), form)
    return list(found.values()), pages_read
