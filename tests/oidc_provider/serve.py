"""Run the test identity provider: `python -m tests.oidc_provider.serve` with its settings in the
environment (IDP_DATABASE, IDP_PORT, IDP_CLIENT_ID, IDP_CLIENT_SECRET, IDP_REDIRECT_URI, and
IDP_USERS, a JSON list of {username, password, email, first_name, last_name})."""

import json
import os

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"


def prepare() -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType

    call_command("migrate", verbosity=0)
    call_command("creatersakey", verbosity=0)
    client = Client.objects.create(
        name="Joined-up",
        client_type="confidential",
        client_id=os.environ["IDP_CLIENT_ID"],
        client_secret=os.environ["IDP_CLIENT_SECRET"],
        require_consent=False,
        reuse_consent=True,
        _redirect_uris=os.environ["IDP_REDIRECT_URI"],
    )
    client.response_types.add(ResponseType.objects.get(value="code"))
    for person in json.loads(os.environ["IDP_USERS"]):
        password = person.pop("password")
        User.objects.create_user(password=password, **person)


def main() -> None:
    import django
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import run

    django.setup()
    prepare()
    run("127.0.0.1", int(os.environ["IDP_PORT"]), WSGIHandler(), threading=True)


if __name__ == "__main__":
    main()
