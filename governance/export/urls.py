from django.urls import path

from governance.export import views

app_name = "api_schemas"

urlpatterns = [
    path("initiative-export.json", views.initiative_export_schema, name="initiative_export"),
]
