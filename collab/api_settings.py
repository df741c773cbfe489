"""Settings of the REST API: Django REST framework and drf-spectacular (docs/adr/0033-api-shape.md)."""

from collab.env import env_str

API_APPS = [
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # The REST API: the top layer, imported by nothing but the project's URLs.
    "api",
]

# The REST API (docs/adr/0033-api-shape.md): personal access tokens only, so no session and no CSRF
# questions; every list paged by cursor; errors as RFC 9457 problem details; a rate limit per token.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "api.permissions.TokenScope",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.ListCursor",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerToken"],
    "DEFAULT_THROTTLE_RATES": {"token": env_str("API_RATE_LIMIT", "600/minute")},
    "EXCEPTION_HANDLER": "api.problems.problem_response",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DATETIME_FORMAT": "iso-8601",
    "DATE_FORMAT": "iso-8601",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Joined-up API",
    "DESCRIPTION": (
        "Read an initiative's governance record and write its common registers. Send a personal access "
        "token (Your account, API tokens) as `Authorization: Bearer <token>`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_problem_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "InitiativeStatusEnum": "initiatives.models.Initiative.Status",
        "RiskStatusEnum": "governance.risks.models.Risk.Status",
        "RiskActionStatusEnum": "governance.risks.models.RiskAction.Status",
        "DecisionStatusEnum": "governance.decisions.models.Decision.Status",
        "RiskActionKindEnum": "governance.risks.models.RiskAction.Kind",
        "RaciRowKindEnum": "governance.raci.models.RaciRow.Kind",
        "TermStatusEnum": "governance.glossary.models.DataDefinition.Status",
        "OperatingModelEnum": "initiatives.operating_models.OperatingModel",
    },
}
