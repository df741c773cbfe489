"""Forums and the escalation route."""

from django.urls import path

from collab.form_tokens import submit_once
from governance.forums import views

urlpatterns = [
    path("forums/", views.forums, name="forums"),
    path("forums/add/", submit_once(views.forum_form), name="forum_add"),
    path("forums/<int:pk>/edit/", views.forum_form, name="forum_edit"),
    path("escalation/", views.escalation, name="escalation"),
    path("escalation/levels/add/", submit_once(views.level_form), name="escalation_level_add"),
    path("escalation/levels/<int:pk>/edit/", views.level_form, name="escalation_level_edit"),
    path("escalation/levels/<int:pk>/move/", views.level_move, name="escalation_level_move"),
    path("escalation/levels/<int:pk>/remove/", views.level_remove, name="escalation_level_remove"),
]
