"""The API's common ground: bearer tokens only, problem details, ETags, the schema and the docs."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from api.models import ApiToken
from api.services import secret_hash, token_create
from api.throttling import PerToken

pytestmark = pytest.mark.django_db

INITIATIVES = "/api/v1/initiatives/"


def test_no_token_gets_401_with_a_bearer_challenge_as_problem_details(world):
    response = Client().get(INITIATIVES)

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert (
        body["status"] == 401
        and body["title"]
        and body["detail"]
        and body["type"].endswith("unauthenticated")
    )


def test_a_signed_in_session_is_not_enough(world, client):
    client.force_login(world.programme_manager)

    assert client.get(INITIATIVES).status_code == 401


@pytest.mark.parametrize("header", ["Bearer jup_not-a-token", "Bearer", "Token abc", "Bearer a b"])
def test_a_wrong_or_malformed_token_gets_401(world, header):
    response = Client(HTTP_AUTHORIZATION=header).get(INITIATIVES)

    assert response.status_code == 401


def test_a_token_reads_what_its_holder_may_see_and_records_when_it_was_used(world, api_as):
    client = api_as(world.partner_member)

    response = client.get(INITIATIVES)

    assert response.status_code == 200
    assert [each["slug"] for each in response.json()["results"]] == [world.initiative.slug]
    token = ApiToken.objects.get(person=world.partner_member)
    assert token.last_used_at is not None


def test_the_secret_is_stored_only_as_its_hash(world):
    token, secret = token_create(person=world.outsider, name="x", scope="read", expires_in_days=1)

    assert secret.startswith("jup_") and len(secret) > 40
    assert token.secret_hash == secret_hash(secret) and secret not in token.secret_hash
    assert token.prefix == secret[:12]


def _client_for(token_secret: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_secret}")


@pytest.mark.parametrize("how", ["revoked", "expired", "deactivated"])
def test_a_token_stops_when_revoked_expired_or_its_holder_is_deactivated(world, how):
    token, secret = token_create(person=world.partner_member, name="x", scope="read", expires_in_days=30)
    assert _client_for(secret).get(INITIATIVES).status_code == 200
    if how == "revoked":
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    elif how == "expired":
        ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    else:
        world.partner_member.is_active = False
        world.partner_member.save()

    assert _client_for(secret).get(INITIATIVES).status_code == 401


def test_a_read_only_token_gets_403_on_writes(world, api_as):
    response = api_as(world.programme_manager).post(
        f"{INITIATIVES}{world.initiative.slug}/risks/", {"title": "x"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert "read" in response.json()["detail"]


def test_another_initiatives_records_are_not_found(world, api_as):
    response = api_as(world.outsider).get(f"{INITIATIVES}{world.initiative.slug}/risks/")

    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_a_read_answers_with_an_etag_and_304_when_the_client_has_it(world, api_as):
    client = api_as(world.programme_manager)
    first = client.get(f"{INITIATIVES}{world.initiative.slug}/")

    again = client.get(f"{INITIATIVES}{world.initiative.slug}/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304 and again.content == b""


def test_each_token_has_its_own_rate_limit_with_retry_after(world, api_as, monkeypatch):
    monkeypatch.setattr(PerToken, "rate", "2/minute", raising=False)
    busy, other = api_as(world.programme_manager), api_as(world.programme_manager)

    answers = [busy.get(INITIATIVES).status_code for _ in range(3)]
    limited = busy.get(INITIATIVES)

    assert answers == [200, 200, 429]
    assert int(limited["Retry-After"]) > 0
    assert limited.json()["status"] == 429
    assert other.get(INITIATIVES).status_code == 200


def test_a_bad_filter_or_cursor_is_a_400_or_an_empty_page_never_a_500(world, api_as):
    client = api_as(world.programme_manager)
    base = f"{INITIATIVES}{world.initiative.slug}/risks/"

    assert client.get(f"{base}?cursor=not-a-cursor").status_code == 404
    filtered = client.get(f"{base}?owner_body=not-a-number")
    assert filtered.status_code == 400
    assert filtered.json()["errors"][0]["field"] == "owner_body"
    assert client.get(f"{base}?ordering=nonsense").status_code == 200


def test_the_schema_is_openapi_3_as_json_and_the_docs_need_no_cdn(world):
    schema = Client().get("/api/schema/?format=json")
    docs = Client().get("/api/docs/")

    assert schema.status_code == 200 and schema.json()["openapi"].startswith("3.")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "<style" not in page and "https://" not in page
    script = Client().get("/api/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
