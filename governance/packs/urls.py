from django.urls import path

from governance.packs import views

urlpatterns = [
    path("packs/", views.packs, name="packs"),
    # No one-time token here: asking again for unchanged content is already answered by the pack service,
    # which names the version being built (one pack per content fingerprint, under a row lock).
    path("packs/new/", views.pack_request, name="pack_request"),
    path("packs/v<int:version>/status/", views.pack_status, name="pack_status"),
    path("packs/v<int:version>/download/", views.pack_download, name="pack_download"),
]
