"""The shared glossary of data definitions, and data sharing agreements."""

from django.urls import path

from governance.glossary import views

urlpatterns = [
    path("glossary/", views.glossary_page, name="glossary"),
    path("glossary/new/", views.definition_create, name="definition_create"),
    path("glossary/from-checklist/", views.from_checklist, name="definitions_from_checklist"),
    path("glossary/<int:pk>/edit/", views.definition_edit, name="definition_edit"),
    path("data-sharing/", views.data_sharing_page, name="data_sharing"),
    path("data-sharing/new/", views.agreement_create, name="agreement_create"),
    path("data-sharing/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
]
