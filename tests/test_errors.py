import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path

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
