"""Confirming an import preview in tests, as a person would, with the worker's job run in process."""

from django.test import TestCase


def confirm_import(client, confirm_url):
    """Confirm, let the job the confirmation sent run (tasks run eagerly in tests once the request's
    transaction commits), then open the page the confirmation led to: the job's progress page."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        confirmed = client.post(confirm_url)
    return client.get(confirmed.url) if confirmed.status_code == 302 else confirmed
