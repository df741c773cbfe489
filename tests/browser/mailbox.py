"""A real SMTP server for browser tests (aiosmtpd), catching what Joined-up sends through Django's
SMTP backend, so a test can follow the link in an email as a person would."""

from __future__ import annotations

import email
import email.policy
import re
import threading
import time
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from tests.browser.identity_provider import free_port


class Mailbox:
    def __init__(self):
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def wait_for(self, *, to: str, subject: str = "", timeout: float = 15) -> EmailMessage:
        """The first message to this address whose subject holds `subject`, waiting for it to arrive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for message in self.messages:
                    if to in message["To"] and subject in message["Subject"]:
                        return message
            time.sleep(0.1)
        raise AssertionError(
            f"No email to {to} about {subject!r}; got {[m['Subject'] for m in self.messages]}"
        )

    @staticmethod
    def link_in(message: EmailMessage, path_part: str) -> str:
        body = message.get_body(preferencelist=("plain",)).get_content()
        return re.search(rf"https?://\S*{re.escape(path_part)}\S*", body).group(0)


class SmtpServer:
    def __init__(self):
        self.mailbox = Mailbox()
        self.port = free_port()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()
