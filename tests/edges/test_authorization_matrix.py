"""Every URL the project defines, requested as every persona, against the table beside this test."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.edges.access_table import DONE, LOGIN, MOVED, OK, PERSONAS, TABLE

SKIPPED_NAMESPACES = {"admin"}  # Django's admin has its own staff sign-in; checked below.


def project_url_names() -> set[str]:
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in SKIPPED_NAMESPACES:
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern):
                assert pattern.name, f"Every URL needs a name so the access table can list it: {pattern}"
                yield f"{namespace}{pattern.name}"

    return set(walk(get_resolver().url_patterns))


def test_every_url_the_project_defines_is_in_the_access_table():
    defined = project_url_names()

    assert sorted(defined - set(TABLE)) == [], "URLs missing from tests/edges/access_table.py"
    assert sorted(set(TABLE) - defined) == [], "Table rows for URLs that no longer exist"


def client_for(seed, persona: str, bearer: bool = False, **kwargs) -> Client:
    if bearer:
        return api_client_for(seed.people.get(persona))
    client = Client(**kwargs)
    if persona != "anonymous":
        client.force_login(seed.people[persona])
    return client


def api_client_for(person) -> Client:
    """An API caller: the person's read-write token, or none at all for nobody."""
    from api.services import token_create

    if person is None:
        return Client()
    _token, secret = token_create(person=person, name="matrix", scope="write", expires_in_days=1)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def outcome_of(response) -> object:
    if response.status_code == 302 and response.url.startswith("/sign-in/"):
        return LOGIN
    return response.status_code


def matches(expected, actual) -> bool:
    if expected == OK:
        return actual == 200
    if expected == DONE:
        return actual in (200, 302)
    if expected == MOVED:
        return actual == 302
    return expected == actual


def permitted_last(expectations: dict) -> list[str]:
    """Refused personas first: the order the CSRF test uses to pick the persona most likely allowed."""
    return sorted(PERSONAS, key=lambda persona: expectations[persona] in (OK, DONE, MOVED))


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_persona_gets_the_expected_answer(seed, name):
    access = TABLE[name]
    url = reverse(name, kwargs=access.params(seed))
    wrong = []
    if access.get is not None:
        for persona in PERSONAS:
            actual = outcome_of(client_for(seed, persona, access.bearer).get(url))
            if not matches(access.get[persona], actual):
                wrong.append(f"GET as {persona}: expected {access.get[persona]}, got {actual}")
    # The API's changes (PATCH) are checked as its POSTs are, with JSON.
    for method, expected in (("post", access.post), ("patch", access.patch)):
        if expected is None:
            continue
        for persona in permitted_last(expected):
            # Each write is undone before the next, so one persona's removal cannot hide the URL from another.
            with transaction.atomic():
                send = getattr(client_for(seed, persona, access.bearer), method)
                if access.bearer:
                    actual = outcome_of(send(url, access.data, content_type="application/json"))
                else:
                    actual = outcome_of(send(url, access.data))
                transaction.set_rollback(True)
            if not matches(expected[persona], actual):
                wrong.append(f"{method.upper()} as {persona}: expected {expected[persona]}, got {actual}")

    assert wrong == [], f"{name} ({url})"


@pytest.mark.parametrize("name", sorted(name for name, access in TABLE.items() if access.action))
def test_state_changing_urls_refuse_get(seed, name):
    access = TABLE[name]
    url = reverse(name, kwargs=access.params(seed))

    assert client_for(seed, "programme_manager").get(url).status_code == 405


@pytest.mark.parametrize(
    "name", sorted(name for name, access in TABLE.items() if access.post is not None and not access.bearer)
)
def test_every_post_needs_a_csrf_token(seed, name):
    """Pages signed in with a session; the API takes a token and no session (tests/api)."""
    access = TABLE[name]
    url = reverse(name, kwargs=access.params(seed))
    # The persona most likely to be allowed: a refusal here can only be the CSRF check.
    persona = next(p for p in reversed(permitted_last(access.post)))

    response = client_for(seed, persona, enforce_csrf_checks=True).post(url, access.data)

    assert response.status_code == 403
    assert "Your form has expired" in response.content.decode()


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_the_admin_site_is_for_staff_only(seed, persona):
    response = client_for(seed, persona).get("/admin/")

    assert response.status_code == 302 and response.url.startswith("/admin/login/")
