from django.apps import AppConfig


class CollabConfig(AppConfig):
    name = "collab"
    verbose_name = "Joined-up project"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from collab import audit, notify, production  # noqa: F401 (notify and production register checks)
        from collab.sessions import start_session_clocks

        audit.connect_sign_in_events()
        user_logged_in.connect(start_session_clocks, dispatch_uid="start_session_clocks")
