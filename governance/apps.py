from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance, risks, measures and assurance"

    def ready(self) -> None:
        from governance import departures
        from governance.holdings import PERSON_HOLDINGS
        from governance.raci.services import raci_columns_release
        from initiatives.departures import register_departure_describer, register_departure_step
        from people.holdings import person_holdings

        # The RACI step first: it refuses while a row would lose its only A or last R.
        register_departure_step(raci_columns_release)
        register_departure_step(departures.release)
        register_departure_describer(departures.describe)
        for finder in PERSON_HOLDINGS:
            person_holdings.register(finder)
