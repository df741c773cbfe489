"""The RACI matrix: its cells, rows and columns."""

from django.urls import path

from collab.form_tokens import submit_once
from governance.raci import views

urlpatterns = [
    path("raci/", views.matrix, name="raci"),
    path("raci/download.csv", views.export_csv, name="raci_csv"),
    path("raci/rows-and-columns/", views.structure, name="raci_structure"),
    path("raci/rows/add/", submit_once(views.row_form), name="raci_row_add"),
    path("raci/rows/suggested/", submit_once(views.starter), name="raci_starter"),
    path("raci/rows/<int:pk>/edit/", views.row_form, name="raci_row_edit"),
    path("raci/rows/<int:pk>/move/", views.row_move, name="raci_row_move"),
    path("raci/rows/<int:pk>/remove/", views.row_remove, name="raci_row_remove"),
    path("raci/columns/add/", submit_once(views.column_form), name="raci_column_add"),
    path(
        "raci/columns/from-bodies/", submit_once(views.columns_from_bodies), name="raci_columns_from_bodies"
    ),
    path("raci/columns/<int:pk>/edit/", views.column_form, name="raci_column_edit"),
    path("raci/columns/<int:pk>/move/", views.column_move, name="raci_column_move"),
    path("raci/columns/<int:pk>/remove/", views.column_remove, name="raci_column_remove"),
]
