"""GOV.UK Notify as the email backend: the real client, talking to a stand-in Notify API on loopback."""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection

from people.mail import compose

SERVICE_ID = str(uuid.uuid4())
SECRET = str(uuid.uuid4())
API_KEY = f"joined-up-test-{SERVICE_ID}-{SECRET}"
DEFAULT_TEMPLATE = str(uuid.uuid4())
INVITATION_TEMPLATE = str(uuid.uuid4())


class StandInNotify(BaseHTTPRequestHandler):
    """Accepts what Notify's email endpoint accepts, and keeps each request for the test to read."""

    received: list[dict] = []

    def do_POST(self):
        token = self.headers["Authorization"].removeprefix("Bearer ")
        claims = jwt.decode(token, SECRET, algorithms=["HS256"])
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.received.append({"path": self.path, "issuer": claims["iss"], "body": body})
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"id": str(uuid.uuid4())}).encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def notify(settings):
    StandInNotify.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInNotify)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "collab.notify.NotifyEmailBackend"
    settings.GOVUK_NOTIFY_API_KEY = API_KEY
    settings.GOVUK_NOTIFY_BASE_URL = f"http://127.0.0.1:{server.server_port}"
    settings.GOVUK_NOTIFY_TEMPLATE_ID = DEFAULT_TEMPLATE
    settings.GOVUK_NOTIFY_TEMPLATE_IDS = {"invitation": INVITATION_TEMPLATE}
    yield StandInNotify.received
    server.shutdown()


def test_each_email_goes_to_notify_signed_with_the_api_key_through_its_kinds_template(notify):
    message = compose(kind="invitation", to="new.person@hmrc.example", subject="Join us", body="The link")

    assert get_connection().send_messages([message]) == 1

    [request] = notify
    assert request["path"] == "/v2/notifications/email"
    assert request["issuer"] == SERVICE_ID
    assert request["body"] == {
        "email_address": "new.person@hmrc.example",
        "template_id": INVITATION_TEMPLATE,
        "personalisation": {"subject": "Join us", "body": "The link"},
    }


def test_a_kind_without_its_own_template_uses_the_default(notify):
    get_connection().send_messages([compose(kind="locked_out", to="a@hmrc.example", subject="S", body="B")])

    assert notify[0]["body"]["template_id"] == DEFAULT_TEMPLATE


def test_the_system_check_names_what_notify_still_needs(settings):
    from collab.notify import check_notify_settings

    settings.EMAIL_BACKEND = "collab.notify.NotifyEmailBackend"
    settings.GOVUK_NOTIFY_API_KEY = ""
    settings.GOVUK_NOTIFY_TEMPLATE_ID = ""

    assert [error.id for error in check_notify_settings(None)] == ["collab.E010", "collab.E011"]


def test_other_email_backends_need_no_notify_settings(settings):
    from collab.notify import check_notify_settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.GOVUK_NOTIFY_API_KEY = ""

    assert check_notify_settings(None) == []


def test_without_an_api_key_the_backend_refuses_to_start(settings):
    settings.EMAIL_BACKEND = "collab.notify.NotifyEmailBackend"
    settings.GOVUK_NOTIFY_API_KEY = ""

    with pytest.raises(ImproperlyConfigured, match="GOVUK_NOTIFY_API_KEY"):
        get_connection()
