from django.apps import AppConfig


class CollabConfig(AppConfig):
    name = "collab"
    verbose_name = "Joined-up project"

    def ready(self) -> None:
        from collab import audit, notify, production  # noqa: F401 (notify and production register checks)

        audit.connect_sign_in_events()
