from django.apps import AppConfig


class CollabConfig(AppConfig):
    name = "collab"
    verbose_name = "Joined-up project"

    def ready(self) -> None:
        from collab import audit, production  # noqa: F401 (production registers its system check)

        audit.connect_sign_in_events()
