"""/api/: the versioned REST API, its OpenAPI schema and its docs."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from api import docs_views, views

app_name = "api"

router = SimpleRouter(use_regex_path=False)
router.register("initiatives", views.InitiativeViewSet, basename="initiative")
parts = SimpleRouter(use_regex_path=False)
parts.register("risks", views.RiskViewSet, basename="risk")
parts.register("decisions", views.DecisionViewSet, basename="decision")
parts.register("measures", views.MeasureViewSet, basename="measure")

# The API answers for itself (401 with WWW-Authenticate), never with the sign-in page.
urlpatterns = [
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
    path("docs/", login_not_required(docs_views.SwaggerDocs.as_view(url_name="api:schema")), name="docs"),
    path("v1/", include([*router.urls, path("initiatives/<slug:slug>/", include(parts.urls))])),
]
