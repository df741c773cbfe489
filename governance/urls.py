from django.urls import path

from governance.views import decisions, forums, raci

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
]
