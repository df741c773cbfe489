from django.urls import path

from initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("new/", views.initiative_create, name="create"),
    path("<slug:slug>/", views.overview, name="overview"),
    path("<slug:slug>/edit/", views.initiative_edit, name="edit"),
    path("<slug:slug>/bodies/", views.bodies, name="bodies"),
    path("<slug:slug>/bodies/<int:pk>/edit/", views.participation_edit, name="participation_edit"),
    path("<slug:slug>/bodies/<int:pk>/remove/", views.participation_remove, name="participation_remove"),
    path("<slug:slug>/team/", views.team, name="team"),
    path("<slug:slug>/team/<int:pk>/remove/", views.role_remove, name="role_remove"),
]
