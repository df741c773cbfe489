"""Retire, restore and closed-view URLs of every register in governance.retirement.registers."""

from django.urls import path

from governance.retirement import views
from governance.retirement.registers import REGISTERS, Register


def _patterns(register: Register) -> list:
    by_key = {"key": register.key}
    record = f"{register.key}/<int:{register.lookup}>"
    patterns = [
        path(
            f"{record}/{register.verb_slug}/", views.retire_record, by_key, name=register.url_name("retire")
        ),
        path(f"{register.key}/{register.done_slug}/", views.closed, by_key, name=register.url_name("closed")),
    ]
    if register.restorable:
        patterns.append(
            path(f"{record}/restore/", views.restore_record, by_key, name=register.url_name("restore"))
        )
    return patterns


urlpatterns = [pattern for register in REGISTERS for pattern in _patterns(register)]
