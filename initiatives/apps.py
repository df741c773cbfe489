from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = "Initiatives, bodies and people"

    def ready(self) -> None:
        from initiatives.presenters import stop_doing_not_recorded
        from initiatives.your_work import register_work

        register_work(90)(stop_doing_not_recorded)
