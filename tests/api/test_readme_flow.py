"""The README's curl examples, step by step against the demo, as `make run` seeds it."""

import io

from django.core.management import call_command
from django.test import Client

from tests.edges.conftest import seed, seeded_demo  # noqa: F401 - the demo, as fixtures

SLUG = "tell-us-once-bereavement"
RISKS = f"/api/v1/initiatives/{SLUG}/risks"
JSON = "application/json"


def test_the_readme_examples_work_against_the_demo(seed):  # noqa: F811
    out = io.StringIO()
    call_command(
        "create_api_token",
        "priya.shah@dwp.example",
        "--write",
        "--expires",
        "30",
        stdout=out,
        stderr=io.StringIO(),
    )
    client = Client(HTTP_AUTHORIZATION=f"Bearer {out.getvalue().strip()}")

    assert SLUG in [each["slug"] for each in client.get("/api/v1/initiatives/").json()["results"]]
    assert client.get(f"{RISKS}/?status=open&ordering=-review_date").status_code == 200
    assert client.get(f"/api/v1/initiatives/{SLUG}/decisions/").status_code == 200
    added = client.post(
        f"{RISKS}/",
        {
            "title": "Partner systems cannot take the new format",
            "category": "technology",
            "is_joint": True,
            "inherent_likelihood": 4,
            "inherent_impact": 4,
            "current_likelihood": 3,
            "current_impact": 4,
            "target_likelihood": 2,
            "target_impact": 2,
            "appetite": "cautious",
            "treatment": "treat",
        },
        content_type=JSON,
    )
    assert added.status_code == 201, added.json()
    risk = client.get(f"{RISKS}/?status=open").json()["results"][0]["id"]
    version = client.get(f"{RISKS}/{risk}/").json()["version"]
    changed = client.patch(
        f"{RISKS}/{risk}/", {"current_likelihood": 2, "version": version}, content_type=JSON
    )
    assert changed.status_code == 200, changed.json()
