"""Confirmed imports of either register: the progress page and its status answer."""

from django.urls import path

from governance.spreadsheets import views

urlpatterns = [
    path("imports/<int:job_id>/", views.import_job, name="import_job"),
    path("imports/<int:job_id>/status/", views.import_job_status, name="import_job_status"),
]
