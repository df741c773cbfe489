"""The shared glossary of data definitions, and data sharing agreements."""

from django.urls import path

from collab.form_tokens import submit_once
from governance.glossary import views

urlpatterns = [
    path("glossary/", views.glossary_page, name="glossary"),
    path("glossary/export.csv", views.export, name="glossary_export"),
    path("glossary/new/", submit_once(views.definition_create), name="definition_create"),
    path("glossary/from-checklist/", submit_once(views.from_checklist), name="definitions_from_checklist"),
    path("glossary/<int:pk>/edit/", views.definition_edit, name="definition_edit"),
    path("data-sharing/", views.data_sharing_page, name="data_sharing"),
    path("data-sharing/new/", submit_once(views.agreement_create), name="agreement_create"),
    path("data-sharing/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
]
