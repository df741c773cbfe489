from django.urls import path

from governance.views import glossary, measures, risks

app_name = "governance"

urlpatterns: list = [
    # Shared registers (issue 5): risks, measures, data definitions and data sharing agreements.
    path("risks/", risks.register, name="risk_register"),
    path("risks/new/", risks.risk_create, name="risk_create"),
    path("risks/export.csv", risks.export, name="risks_export"),
    path("risks/import/", risks.import_risks, name="risks_import"),
    path("risks/from-checklist/", risks.from_checklist, name="risks_from_checklist"),
    path("risks/<int:pk>/", risks.risk_detail, name="risk_detail"),
    path("risks/<int:pk>/edit/", risks.risk_edit, name="risk_edit"),
    path("risks/<int:pk>/escalate/", risks.escalate, name="risk_escalate"),
    path("risks/<int:pk>/actions/new/", risks.risk_action_add, name="risk_action_add"),
    path(
        "risks/<int:pk>/actions/<int:action_pk>/complete/",
        risks.risk_action_complete,
        name="risk_action_complete",
    ),
    path(
        "risks/<int:pk>/actions/<int:action_pk>/remove/", risks.risk_action_remove, name="risk_action_remove"
    ),
    path("measures/", measures.measure_list, name="measures"),
    path("measures/new/", measures.measure_create, name="measure_create"),
    path("measures/export.csv", measures.export, name="measures_export"),
    path("measures/import/", measures.import_measures, name="measures_import"),
    path("measures/from-checklist/", measures.from_checklist, name="measures_from_checklist"),
    path("measures/<int:pk>/", measures.measure_detail, name="measure_detail"),
    path("measures/<int:pk>/edit/", measures.measure_edit, name="measure_edit"),
    path("measures/<int:pk>/readings/", measures.reading_add, name="reading_add"),
    path(
        "measures/<int:pk>/readings/<int:reading_pk>/remove/", measures.reading_remove, name="reading_remove"
    ),
    path("glossary/", glossary.glossary_page, name="glossary"),
    path("glossary/new/", glossary.definition_create, name="definition_create"),
    path("glossary/from-checklist/", glossary.from_checklist, name="definitions_from_checklist"),
    path("glossary/<int:pk>/edit/", glossary.definition_edit, name="definition_edit"),
    path("data-sharing/", glossary.data_sharing_page, name="data_sharing"),
    path("data-sharing/new/", glossary.agreement_create, name="agreement_create"),
    path("data-sharing/<int:pk>/edit/", glossary.agreement_edit, name="agreement_edit"),
]
