"""Shared GOV.UK components rendered on their own: what assistive technology is told."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.template.loader import render_to_string


@pytest.mark.parametrize(
    ("level", "role", "title"),
    [
        (messages.SUCCESS, "alert", "Success"),
        # A refusal after a redirect is announced and takes focus, like a success.
        (messages.ERROR, "alert", "There is a problem"),
        (messages.INFO, "region", "Important"),
    ],
)
def test_a_message_banner_is_announced_when_it_follows_what_the_person_did(level, role, title):
    html = render_to_string("components/messages.html", {"messages": [Message(level, "Something happened")]})

    assert f'role="{role}"' in html
    assert f'id="message-1-title">{title}</h2>' in html
    assert 'aria-labelledby="message-1-title"' in html
