"""factory_boy factories for the shared registers."""

import datetime
from decimal import Decimal

import factory

from governance.models import (
    BodyMeaning,
    DataDefinition,
    DataSharingAgreement,
    EscalationLevel,
    Measure,
    MeasureReading,
    Risk,
    RiskAction,
)
from initiatives.models import Assessment
from tests.factories import InitiativeFactory


def scores(*, inherent: tuple[int, int], current: tuple[int, int], target: tuple[int, int]) -> dict[str, int]:
    """A risk's (likelihood, impact) at each position, as the model's keyword arguments."""
    positions = {"inherent": inherent, "current": current, "target": target}
    return {
        f"{position}_{axis}": value
        for position, pair in positions.items()
        for axis, value in zip(("likelihood", "impact"), pair, strict=True)
    }


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    initiative = factory.SubFactory(InitiativeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Risk {n}")
    category = Risk.Category.OPERATIONS
    inherent_likelihood = 4
    inherent_impact = 4
    current_likelihood = 3
    current_impact = 3
    target_likelihood = 2
    target_impact = 2
    appetite = Risk.Appetite.CAUTIOUS
    treatment = Risk.Treatment.TREAT
    escalation_threshold = 15
    review_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))


class RiskActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiskAction

    risk = factory.SubFactory(RiskFactory)
    kind = RiskAction.Kind.ACTION
    description = "Agree a shared data quality standard"
    due_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    initiative = factory.SubFactory(InitiativeFactory)
    name = factory.Sequence(lambda n: f"Measure {n}")
    definition = "Median working days from death registration to every body notified."
    unit = "days"
    direction = Measure.Direction.LOWER_IS_BETTER
    baseline = Decimal("21")
    target = Decimal("10")


class MeasureReadingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureReading

    measure = factory.SubFactory(MeasureFactory)
    taken_on = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=30 * n))
    value = Decimal("18")


class DataDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataDefinition

    initiative = factory.SubFactory(InitiativeFactory)
    term = factory.Sequence(lambda n: f"term {n}")


class BodyMeaningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMeaning

    definition = factory.SubFactory(DataDefinitionFactory)
    meaning = "A person who has contacted us"


class DataSharingAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataSharingAgreement
        skip_postgeneration_save = True

    initiative = factory.SubFactory(InitiativeFactory)
    title = "Death notification sharing"
    legal_gateway = "Digital Economy Act 2017, section 35"
    retention_period = "6 years"
    review_date = datetime.date(2027, 4, 1)


class EscalationLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EscalationLevel

    initiative = factory.SubFactory(InitiativeFactory)
    level = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Level {n + 1}")
    who = "Programme board"
    threshold = "Score above threshold for two reviews"


class AssessmentFactory(factory.django.DjangoModelFactory):
    """A checklist run as the wizard (another piece of work) would store it."""

    class Meta:
        model = Assessment

    initiative = factory.SubFactory(InitiativeFactory)
    number = factory.Sequence(lambda n: n + 1)
    answers = factory.LazyFunction(
        lambda: {
            "single_owner": "no",
            "decisions": "joint",
            "budget": "separate",
            "data": "definitions",
            "operations": "handoffs",
            "crisis": "false",
            "bodies": 3,
        }
    )
    result = factory.LazyFunction(
        lambda: {"model": "joint_programme_board", "reasons": [], "alternatives": []}
    )
    recommended_model = "joint_programme_board"
    chosen_model = "joint_programme_board"
