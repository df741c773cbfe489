"""factory_boy factories for assurance records."""

import datetime

import factory

from governance.models import AssuranceReview, Recommendation


class AssuranceReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssuranceReview

    review_type = AssuranceReview.ReviewType.HEALTH_CHECK
    review_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=7))
    findings = "Ownership is clear; data definitions lag behind delivery."
    scale = AssuranceReview.Scale.THREE_POINT
    confidence = AssuranceReview.Confidence.AMBER


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    text = "Agree one definition of 'date of death notification'."
    due_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
