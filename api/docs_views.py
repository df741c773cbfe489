"""The API's documentation page: Swagger UI from drf-spectacular-sidecar's static files, no CDN, and its
start-up script fetched as a file so the Content Security Policy needs no exception."""

from drf_spectacular.views import SpectacularSwaggerSplitView


class SwaggerDocs(SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
    title = "API documentation \N{EN DASH} Joined-up"
