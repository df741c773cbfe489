from django.urls import path

from collab.form_tokens import submit_once
from initiatives import views
from initiatives.wizard import views as wizard

app_name = "initiatives"

urlpatterns = [
    path("new/", submit_once(views.initiative_create), name="create"),
    path("<slug:slug>/", views.overview, name="overview"),
    path("<slug:slug>/edit/", views.initiative_edit, name="edit"),
    path("<slug:slug>/bodies/", submit_once(views.bodies), name="bodies"),
    path("<slug:slug>/bodies/<int:pk>/edit/", views.participation_edit, name="participation_edit"),
    path("<slug:slug>/bodies/<int:pk>/remove/", views.participation_remove, name="participation_remove"),
    path("<slug:slug>/team/", submit_once(views.team), name="team"),
    path("<slug:slug>/team/<int:pk>/remove/", views.role_remove, name="role_remove"),
    path("<slug:slug>/operating-model/", wizard.start, name="wizard_start"),
    path("<slug:slug>/operating-model/check/", wizard.check_answers, name="wizard_check"),
    path("<slug:slug>/operating-model/recommendation/", wizard.result, name="wizard_result"),
    path("<slug:slug>/operating-model/assessments/", wizard.history, name="assessments"),
    path("<slug:slug>/operating-model/<slug:step>/", wizard.question, name="wizard_question"),
]
