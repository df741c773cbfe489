import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.test import Client
from django.urls import path, reverse

from governance.models import Decision
from initiatives import views


def database_restarting(request):
    raise OperationalError("terminating connection due to administrator command")


def programming_error(request):
    raise ZeroDivisionError


urlpatterns = [
    path("db-down/", database_restarting),
    path("bug/", programming_error),
    path("", views.home, name="home"),
    path("sign-in/", views.home, name="login"),
    path("sign-out/", views.home, name="logout"),
]
handler500 = "collab.errors.server_error"


@pytest.fixture
def client_without_reraise(settings):
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_a_database_outage_asks_people_to_try_again_without_a_traceback(client_without_reraise, world):
    client_without_reraise.force_login(world.partner_member)

    response = client_without_reraise.get("/db-down/")

    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Try again in a moment" in body
    assert "Traceback" not in body and "administrator command" not in body


@pytest.mark.django_db
def test_any_other_failure_gets_the_plain_error_page(client_without_reraise, world):
    client_without_reraise.force_login(world.partner_member)

    response = client_without_reraise.get("/bug/")

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    assert "ZeroDivisionError" not in response.content.decode()


class TestRequestsTooBigOrBrokenToRead:
    """Django refuses these before any form sees them; the 400 page says why, with no traceback."""

    @pytest.fixture
    def manager(self, client, world):
        client.force_login(world.programme_manager)
        return client

    def decision_add(self, world) -> str:
        return reverse("governance:decision_add", kwargs={"slug": world.initiative.slug})

    def assert_refused(self, response, reason: str) -> None:
        body = response.content.decode()
        assert response.status_code == 400
        assert "There is a problem with your request" in body
        assert reason in body
        assert "Traceback" not in body and "RequestDataTooBig" not in body

    def test_text_past_the_upload_limit_is_refused_as_too_large(self, manager, world, settings):
        three_megabytes = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

        response = manager.post(self.decision_add(world), {"title": "Too big", "context": three_megabytes})

        self.assert_refused(response, "What you sent was too large to read")
        assert not Decision.objects.exists()

    def test_too_many_fields_are_refused(self, manager, world, settings):
        fields = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

        response = manager.post(self.decision_add(world), fields)

        self.assert_refused(response, "too many fields")

    def test_too_many_files_are_refused(self, manager, world, settings):
        files = {f"file{n}": SimpleUploadedFile(f"{n}.csv", b"Title\r\n") for n in range(101)}
        settings.DATA_UPLOAD_MAX_NUMBER_FILES = 100
        url = reverse("governance:risks_import", kwargs={"slug": world.initiative.slug})

        response = manager.post(url, files)

        self.assert_refused(response, "Upload one file at a time")

    def test_a_broken_upload_is_refused_as_unreadable(self, manager, world):
        url = reverse("governance:risks_import", kwargs={"slug": world.initiative.slug})
        body = b'--edge\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nTitle'

        response = manager.post(url, body, content_type="multipart/form-data; boundary=")

        self.assert_refused(response, "could not be read")

    def test_a_file_past_the_upload_limit_gets_its_own_field_error(self, manager, world, settings):
        # Files do not count towards Django's limit for form data: the import says what is wrong.
        big = SimpleUploadedFile(
            "risks.csv", b"Title\r\n" + b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
        )
        url = reverse("governance:risks_import", kwargs={"slug": world.initiative.slug})

        response = manager.post(url, {"file": big})

        assert response.status_code == 200
        assert "The selected file must be smaller than 1 MB" in response.content.decode()
