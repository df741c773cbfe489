from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance, risks, measures and assurance"

    def ready(self) -> None:
        from governance import departures
        from governance.health.freshness import connect_fact_sources
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
        _register_your_work()
        connect_fact_sources()


def _register_your_work() -> None:
    """The home page's Your work kinds, in the order the page shows them (initiatives.your_work)."""
    from governance.assurance import your_work as assurance
    from governance.decisions import your_work as decisions
    from governance.measures import your_work as measures
    from governance.risks import your_work as risks
    from initiatives.your_work import register_work

    for order, finder in [
        (10, decisions.decisions_awaiting_you),
        (20, decisions.decisions_back_with_you),
        (25, decisions.decisions_decided_since_you_looked),
        (30, risks.risks_escalated_to_you),
        (40, risks.risks_you_own_needing_attention),
        (50, risks.actions_assigned_to_you),
        (60, measures.measures_with_a_reading_due),
        (70, assurance.recommendations_to_confirm),
        (75, assurance.recommendations_for_your_side),
        (80, assurance.initiatives_you_assure),
    ]:
        register_work(order)(finder)
