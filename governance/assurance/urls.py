from django.urls import path

from collab.form_tokens import submit_once
from governance.assurance import views

urlpatterns = [
    path("assurance/", views.assurance, name="assurance"),
    path("assurance/reviewers/", views.reviewers, name="assurance_reviewers"),
    path("assurance/reviewers/<int:pk>/remove/", views.reviewer_remove, name="assurance_reviewer_remove"),
    path("assurance/reviews/new/", submit_once(views.review_create), name="review_create"),
    path("assurance/reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("assurance/reviews/<int:pk>/edit/", views.review_edit, name="review_edit"),
    path(
        "assurance/reviews/<int:pk>/recommendations/new/",
        submit_once(views.recommendation_add),
        name="recommendation_add",
    ),
    path(
        "assurance/recommendations/<int:pk>/propose-closure/",
        views.recommendation_propose_closure,
        name="recommendation_propose_closure",
    ),
    path(
        "assurance/recommendations/<int:pk>/review-closure/",
        views.recommendation_review_closure,
        name="recommendation_review_closure",
    ),
]
