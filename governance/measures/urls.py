"""Shared measures and their readings."""

from django.urls import path

from collab.form_tokens import submit_once
from governance.measures import views
from governance.spreadsheets import views as imports

urlpatterns = [
    path("measures/", views.measure_list, name="measures"),
    path("measures/new/", submit_once(views.measure_create), name="measure_create"),
    path("measures/export.csv", views.export, name="measures_export"),
    path("measures/import/", imports.import_upload, {"kind": "measures"}, name="measures_import"),
    path(
        "measures/import/<str:token>/",
        imports.import_preview,
        {"kind": "measures"},
        name="measures_import_preview",
    ),
    path(
        "measures/import/<str:token>/confirm/",
        submit_once(imports.import_confirm),
        {"kind": "measures"},
        name="measures_import_confirm",
    ),
    path("measures/from-checklist/", submit_once(views.from_checklist), name="measures_from_checklist"),
    path("measures/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("measures/<int:pk>/edit/", views.measure_edit, name="measure_edit"),
    path("measures/<int:pk>/readings/", submit_once(views.reading_add), name="reading_add"),
    path("measures/<int:pk>/readings/<int:reading_pk>/remove/", views.reading_remove, name="reading_remove"),
]
