from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People: invitations, sign-in and leavers"

    def ready(self) -> None:
        from people import lockout

        lockout.connect_signals()
