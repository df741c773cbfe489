"""What a decision changes: mounted beside the decision log's own pages."""

from django.urls import path

from collab.form_tokens import submit_once
from governance.decisions.changes import views

urlpatterns = [
    path("decisions/<int:number>/changes/", views.decision_changes, name="decision_changes"),
    path(
        "decisions/<int:number>/changes/add/<slug:kind>/",
        submit_once(views.decision_link_add),
        name="decision_link_add",
    ),
    path(
        "decisions/<int:number>/changes/<int:link_id>/remove/",
        views.decision_link_remove,
        name="decision_link_remove",
    ),
]
