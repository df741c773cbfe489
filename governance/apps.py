from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance, risks, measures and assurance"

    def ready(self) -> None:
        from governance.holdings import PERSON_HOLDINGS
        from governance.raci.services import raci_columns_release
        from initiatives.departures import register_departure_step
        from people.holdings import person_holdings

        register_departure_step(raci_columns_release)
        for finder in PERSON_HOLDINGS:
            person_holdings.register(finder)
