"""The decision log."""

from django.urls import path

from collab.form_tokens import submit_once
from governance.decisions import views

urlpatterns = [
    path("decisions/", views.decisions, name="decisions"),
    path("decisions/export.csv", views.export, name="decisions_export"),
    path("decisions/new/", submit_once(views.decision_add), name="decision_add"),
    path("decisions/<int:number>/", views.decision_detail, name="decision"),
    path("decisions/<int:number>/edit/", views.decision_edit, name="decision_edit"),
    path("decisions/<int:number>/submit/", views.decision_submit, name="decision_submit"),
    path("decisions/<int:number>/resubmit/", views.decision_resubmit, name="decision_resubmit"),
    path("decisions/<int:number>/decide/", views.decision_decide, name="decision_decide"),
    path("decisions/<int:number>/change/", views.decision_change, name="decision_change"),
    path("decisions/<int:number>/escalate/", views.decision_escalate, name="decision_escalate"),
    path(
        "decisions/<int:number>/emails/<int:pk>/resend/",
        views.decision_email_resend_view,
        name="decision_email_resend",
    ),
]
