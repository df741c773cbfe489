"""/api/: the versioned REST API, its OpenAPI schema and its docs."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, register_converter
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from api import docs_views, glossary_views, register_views, views

app_name = "api"


class AnyText:
    """Any rest of a path, newlines included (`<path:>` stops at one), so no address under /api/
    falls through to the web's HTML 404 page."""

    regex = "(?s:.+)"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(AnyText, "any_text")

router = SimpleRouter(use_regex_path=False)
router.register("initiatives", views.InitiativeViewSet, basename="initiative")
parts = SimpleRouter(use_regex_path=False)
parts.register("risks", register_views.RiskViewSet, basename="risk")
parts.register("decisions", views.DecisionViewSet, basename="decision")
parts.register("measures", register_views.MeasureViewSet, basename="measure")
parts.register("bodies", views.BodiesTakingPart, basename="participation")
parts.register("roles", views.Roles, basename="role")
parts.register("assessments", views.Assessments, basename="assessment")
parts.register("raci-rows", views.RaciRows, basename="raci-row")
parts.register("raci-columns", views.RaciColumns, basename="raci-column")
parts.register("forums", views.Forums, basename="forum")
parts.register("escalation-levels", views.EscalationLevels, basename="escalation-level")
parts.register("terms", glossary_views.Terms, basename="term")
parts.register("data-sharing-agreements", views.Agreements, basename="agreement")
parts.register("assurance-reviews", views.Reviews, basename="review")
parts.register("packs", views.Packs, basename="pack")

# The API answers for itself (401 with WWW-Authenticate), never with the sign-in page.
urlpatterns = [
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
    path("docs/", login_not_required(docs_views.SwaggerDocs.as_view(url_name="api:schema")), name="docs"),
    path("v1/", include([*router.urls, path("initiatives/<slug:slug>/", include(parts.urls))])),
    path("<any_text:anything>", views.without_its_slash, name="no_such_address"),
]
