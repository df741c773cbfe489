"""Setting an initiative up from its operating model, on one page."""

from django.urls import path

from governance.setup import views

urlpatterns = [
    path("set-up/", views.set_up, name="setup"),
]
