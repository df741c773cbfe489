from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from collab.auth_forms import SignInForm
from initiatives import views as initiative_views

urlpatterns = [
    path("", initiative_views.home, name="home"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="registration/sign_in.html", authentication_form=SignInForm
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("initiatives/", include("initiatives.urls")),
    path("initiatives/<slug:slug>/", include("governance.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "collab.errors.bad_request"
handler500 = "collab.errors.server_error"
