from django.urls import path

from collab.form_tokens import submit_once
from governance.packs import views

urlpatterns = [
    path("packs/", views.packs, name="packs"),
    path("packs/new/", submit_once(views.pack_request), name="pack_request"),
    path("packs/v<int:version>/status/", views.pack_status, name="pack_status"),
    path("packs/v<int:version>/download/", views.pack_download, name="pack_download"),
]
