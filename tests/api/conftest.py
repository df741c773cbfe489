"""Clients that call the API with a person's personal access token, as a department's tool would."""

import pytest
from django.core.cache import cache
from django.test import Client

from api.models import ApiToken
from api.services import token_create


def bearer_client(person, *, write: bool = False, days: int = 30) -> Client:
    scope = ApiToken.Scope.WRITE if write else ApiToken.Scope.READ
    _token, secret = token_create(person=person, name="tests", scope=scope, expires_in_days=days)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


@pytest.fixture
def api_as():
    return bearer_client


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test starts with every token's allowance unused."""
    cache.clear()
