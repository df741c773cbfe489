from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People: invitations, sign-in and leavers"

    def ready(self) -> None:
        from initiatives.your_work import register_work
        from people import lockout
        from people.invitations.your_work import invitations_pending

        lockout.connect_signals()
        register_work(100)(invitations_pending)
