"""The shared risk register, its actions, exports and imports."""

from django.urls import path

from collab.form_tokens import submit_once
from governance.risks import views
from governance.spreadsheets import views as imports

urlpatterns = [
    path("risks/", views.register, name="risk_register"),
    path("risks/new/", submit_once(views.risk_create), name="risk_create"),
    path("risks/export.csv", views.export, name="risks_export"),
    path("risks/import/", imports.import_upload, {"kind": "risks"}, name="risks_import"),
    path("risks/import/<str:token>/", imports.import_preview, {"kind": "risks"}, name="risks_import_preview"),
    path(
        "risks/import/<str:token>/confirm/",
        submit_once(imports.import_confirm),
        {"kind": "risks"},
        name="risks_import_confirm",
    ),
    path("risks/from-checklist/", submit_once(views.from_checklist), name="risks_from_checklist"),
    path("risks/<int:pk>/", views.risk_detail, name="risk_detail"),
    path("risks/<int:pk>/edit/", views.risk_edit, name="risk_edit"),
    path("risks/<int:pk>/escalate/", views.escalate, name="risk_escalate"),
    path("risks/<int:pk>/actions/new/", submit_once(views.risk_action_add), name="risk_action_add"),
    path(
        "risks/<int:pk>/actions/<int:action_pk>/complete/",
        views.risk_action_complete,
        name="risk_action_complete",
    ),
    path(
        "risks/<int:pk>/actions/<int:action_pk>/remove/", views.risk_action_remove, name="risk_action_remove"
    ),
]
