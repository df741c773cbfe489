"""A body over MAX_REQUEST_BODY_BYTES is refused with the 413 page before it is read, and nginx agrees."""

import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse
from django.views.decorators.csrf import csrf_exempt

from collab import urls as site_urls
from collab.body_limit import CHUNK_BYTES

ROOT = Path(__file__).resolve().parents[2]
TEN_MB = 10 * 1024 * 1024
views_run: list[bytes] = []


@csrf_exempt
@login_not_required
def echo(request):
    views_run.append(request.POST.get("text", "").encode())
    return HttpResponse("ran")


urlpatterns = [path("echo/", echo), *site_urls.urlpatterns]


class EndlessBody:
    """A client that keeps sending `x`: it counts what the server read of it."""

    def __init__(self, prefix: bytes = b"text="):
        self.pending, self.bytes_read = prefix, 0

    def read(self, size=-1, /) -> bytes:
        size = CHUNK_BYTES if size is None or size < 0 else size
        data = (self.pending + b"x" * size)[:size]
        self.pending = self.pending[len(data) :]
        self.bytes_read += len(data)
        return data

    readline = read


@pytest.fixture
def echo_client(settings):
    settings.ROOT_URLCONF = __name__
    views_run.clear()
    return Client()


def send(client, body, *, chunked: bool = False, **environ):
    if chunked:
        environ |= {"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input_terminated": True}
    # With no data the test client sets no content type: the environ gives it, as a server would.
    environ = {"wsgi.input": body, "CONTENT_TYPE": "application/x-www-form-urlencoded", **environ}
    return client.generic("POST", "/echo/", **environ)


def assert_refused(response) -> None:
    page = response.content.decode()
    assert response.status_code == 413
    assert "The file or form you sent is too large" in page
    assert "the CSV file must be smaller than 1 MB" in page
    assert views_run == []


def test_a_declared_length_over_the_limit_is_refused_before_a_byte_is_read(echo_client):
    body = EndlessBody()

    response = send(echo_client, body, CONTENT_LENGTH=str(TEN_MB))

    assert_refused(response)
    assert body.bytes_read == 0


def test_a_body_without_a_length_is_read_only_to_the_limit(echo_client):
    body = EndlessBody()

    response = send(echo_client, body, chunked=True)

    assert_refused(response)
    assert body.bytes_read == settings.MAX_REQUEST_BODY_BYTES + 1


class Sent:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, size=-1, /) -> bytes:
        data, self.data = self.data[:size], self.data[size:]
        return data

    readline = read


def test_a_body_without_a_length_within_the_limit_reaches_the_view_whole(echo_client):
    text = b"y" * (2 * 1024 * 1024)

    response = send(echo_client, Sent(b"text=" + text), chunked=True)

    assert response.content == b"ran"
    assert views_run == [text]


def test_a_two_megabyte_form_is_not_refused(echo_client):
    text = "z" * (2 * 1024 * 1024)

    response = echo_client.post("/echo/", {"text": text})

    assert response.status_code == 200
    assert views_run == [text.encode()]


@pytest.mark.django_db
def test_a_ten_megabyte_import_gets_the_413_page_and_nothing_is_imported(client, world):
    client.force_login(world.programme_manager)
    url = reverse("governance:risks_import", kwargs={"slug": world.initiative.slug})
    body = EndlessBody(prefix=b"")
    multipart = "multipart/form-data; boundary=e"
    environ = {"wsgi.input": body, "CONTENT_LENGTH": str(TEN_MB), "CONTENT_TYPE": multipart}

    response = client.generic("POST", url, **environ)

    assert response.status_code == 413
    assert "The file or form you sent is too large" in response.content.decode()
    assert body.bytes_read == 0
    assert not world.initiative.risks.exists()


def test_nginx_refuses_what_django_would_and_serves_static_files():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    megabytes = int(re.search(r"client_max_body_size\s+(\d+)m;", conf).group(1))

    assert megabytes * 1024 * 1024 == settings.MAX_REQUEST_BODY_BYTES
    assert re.search(r"location /static/ \{\s*alias /srv/static/;", conf)


def test_docker_compose_puts_nginx_in_front_and_can_scale_workers():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]

    assert services["nginx"]["image"].startswith("nginx:")
    assert "ports" not in services["web"], "Only nginx answers on a host port"
    for name in ("worker", "web"):
        assert "container_name" not in services[name] and "ports" not in services[name]


def test_a_length_shorter_than_the_body_is_read_to_that_length_only(echo_client):
    body = EndlessBody()

    response = send(echo_client, body, CONTENT_LENGTH="100")

    assert response.content == b"ran"
    assert body.bytes_read == 100


def test_a_body_with_no_length_and_no_marked_end_is_not_read(echo_client):
    body = EndlessBody()

    response = send(echo_client, body, HTTP_TRANSFER_ENCODING="chunked")

    assert response.content == b"ran"
    assert body.bytes_read == 0
