from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from initiatives import views as initiative_views

# The admin signs in through the service's own sign-in, with two-step verification, never its own form.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", initiative_views.home, name="home"),
    path("your-work/<slug:key>/", initiative_views.your_work_kind, name="your_work"),
    path("", include("people.sign_in.urls")),
    path("", include("people.urls")),
    path("", include("governance.calendar.urls")),
    path("initiatives/", include("initiatives.urls")),
    path("initiatives/<slug:slug>/", include("governance.urls")),
    path("search/", include("governance.search.urls")),
    path("portfolio/", include("governance.portfolio.urls")),
    # Before api/: its catch-all answers any other /api/ address with a problem-details 404.
    path("api/v1/schemas/", include("governance.export.urls")),
    path("account/api-tokens/", include("api.account.urls")),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "collab.errors.bad_request"
handler500 = "collab.errors.server_error"
