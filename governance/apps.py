from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance, risks, measures and assurance"

    def ready(self) -> None:
        from governance.raci.services import raci_columns_release
        from initiatives.departures import register_departure_step

        register_departure_step(raci_columns_release)
