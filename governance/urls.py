from django.urls import path

from governance.assurance.urls import urlpatterns as assurance_urls
from governance.packs.urls import urlpatterns as pack_urls
from governance.views import decisions, forums, glossary, measures, raci, risks

app_name = "governance"

urlpatterns: list = [
    # RACI matrix
    path("raci/", raci.matrix, name="raci"),
    path("raci/download.csv", raci.export_csv, name="raci_csv"),
    path("raci/rows-and-columns/", raci.structure, name="raci_structure"),
    path("raci/rows/add/", raci.row_form, name="raci_row_add"),
    path("raci/rows/suggested/", raci.starter, name="raci_starter"),
    path("raci/rows/<int:pk>/edit/", raci.row_form, name="raci_row_edit"),
    path("raci/rows/<int:pk>/move/", raci.row_move, name="raci_row_move"),
    path("raci/rows/<int:pk>/remove/", raci.row_remove, name="raci_row_remove"),
    path("raci/columns/add/", raci.column_form, name="raci_column_add"),
    path("raci/columns/from-bodies/", raci.columns_from_bodies, name="raci_columns_from_bodies"),
    path("raci/columns/<int:pk>/edit/", raci.column_form, name="raci_column_edit"),
    path("raci/columns/<int:pk>/move/", raci.column_move, name="raci_column_move"),
    path("raci/columns/<int:pk>/remove/", raci.column_remove, name="raci_column_remove"),
    # Forums and the escalation route
    path("forums/", forums.forums, name="forums"),
    path("forums/add/", forums.forum_form, name="forum_add"),
    path("forums/<int:pk>/edit/", forums.forum_form, name="forum_edit"),
    path("forums/<int:pk>/remove/", forums.forum_remove, name="forum_remove"),
    path("escalation/", forums.escalation, name="escalation"),
    path("escalation/levels/add/", forums.level_form, name="escalation_level_add"),
    path("escalation/levels/<int:pk>/edit/", forums.level_form, name="escalation_level_edit"),
    path("escalation/levels/<int:pk>/move/", forums.level_move, name="escalation_level_move"),
    path("escalation/levels/<int:pk>/remove/", forums.level_remove, name="escalation_level_remove"),
    # Decision log
    path("decisions/", decisions.decisions, name="decisions"),
    path("decisions/new/", decisions.decision_add, name="decision_add"),
    path("decisions/<int:number>/", decisions.decision_detail, name="decision"),
    path("decisions/<int:number>/edit/", decisions.decision_edit, name="decision_edit"),
    path("decisions/<int:number>/submit/", decisions.decision_submit, name="decision_submit"),
    path("decisions/<int:number>/resubmit/", decisions.decision_resubmit, name="decision_resubmit"),
    path("decisions/<int:number>/decide/", decisions.decision_decide, name="decision_decide"),
    path("decisions/<int:number>/change/", decisions.decision_change, name="decision_change"),
    path("decisions/<int:number>/escalate/", decisions.decision_escalate, name="decision_escalate"),
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
    # Assurance reviews and governance packs (issue 6).
    *assurance_urls,
    *pack_urls,
]
