"""Property test from the schema (schemathesis): requests generated from docs/api/openapi.json, sent as the
programme manager with a read-write token to the WSGI application, never get a 500 or an answer the
schema does not describe. Bounded: a few examples per operation, so the run stays short."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from collab.wsgi import application
from tests.api.conftest import bearer_client
from tests.governance.register_factories import MeasureFactory, RiskActionFactory, RiskFactory

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 20
# Not "positive data is accepted": a body the schema allows may still break a rule only the web's form
# knows (an owner body the person is not in), which is a 400 named by field, not a fault.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def connection_kept_open():
    """The WSGI application closes the database connection when a request ends; the test's transaction
    lives on it, so keep it open while the requests run, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_generated_requests_get_no_500_and_answers_the_schema_describes(world, connection_kept_open):
    risk = RiskFactory(initiative=world.initiative, owner_body=world.lead_body)
    RiskActionFactory(risk=risk)
    measure = MeasureFactory(initiative=world.initiative, owner_body=world.lead_body)
    record_ids = {"risks": risk.pk, "measures": measure.pk}
    secret = bearer_client(world.programme_manager, write=True).defaults["HTTP_AUTHORIZATION"]
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8

    for operation in operations:
        send_generated(operation, secret, world.initiative.slug, record_ids)


def send_generated(operation, secret: str, slug: str, record_ids: dict[str, int]) -> None:
    segments = operation.path.split("/")
    resource = segments[5] if len(segments) > 5 else ""

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(), ours=st.booleans())
    def sent(case, ours):
        # Half the cases name the test's own initiative and records, so reads and writes reach them.
        if ours and case.path_parameters and "slug" in case.path_parameters:
            case.path_parameters["slug"] = slug
            if "id" in case.path_parameters and resource in record_ids:
                case.path_parameters["id"] = record_ids[resource]
        case.call_and_validate(headers={"Authorization": secret}, checks=CHECKS)

    sent()
