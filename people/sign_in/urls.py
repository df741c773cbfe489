"""django-allauth's views at our addresses, under allauth's own URL names (its views reverse them).

The sign-in and sign-out pages also answer to Django's names, "login" and "logout".
"""

from allauth.account import views as account
from allauth.mfa.base import views as two_step
from allauth.mfa.recovery_codes import views as recovery_codes
from allauth.mfa.totp import views as totp
from allauth.socialaccount import views as social
from allauth.socialaccount.providers.openid_connect import views as openid_connect
from allauth.usersessions import views as usersessions
from django.urls import path, re_path

from people.sign_in import views
from people.single_sign_on import forms_may_go_to_identity_providers

sign_in = forms_may_go_to_identity_providers(account.login)

urlpatterns = [
    path("sign-in/", sign_in, name="login"),
    path("sign-in/", sign_in, name="account_login"),
    path("sign-out/", account.logout, name="logout"),
    path("sign-out/", account.logout, name="account_logout"),
    path("sign-in/security-code/", two_step.authenticate, name="mfa_authenticate"),
    path("account/confirm-password/", account.reauthenticate, name="account_reauthenticate"),
    path("account/confirm-security-code/", two_step.reauthenticate, name="mfa_reauthenticate"),
    path("sign-in/account-inactive/", account.account_inactive, name="account_inactive"),
    path(
        "sign-in/with/<str:provider_id>/",
        forms_may_go_to_identity_providers(openid_connect.login),
        name="openid_connect_login",
    ),
    path("sign-in/with/<str:provider_id>/callback/", openid_connect.callback, name="openid_connect_callback"),
    path("sign-in/single-sign-on-cancelled/", social.login_cancelled, name="socialaccount_login_cancelled"),
    path("sign-in/single-sign-on-failed/", social.login_error, name="socialaccount_login_error"),
    path("sign-in/single-sign-on-sign-up/", views.sign_up_closed, name="socialaccount_signup"),
    path("sign-up/", views.sign_up_closed, name="account_signup"),
    path("password/forgotten/", account.password_reset, name="account_reset_password"),
    path("password/forgotten/sent/", account.password_reset_done, name="account_reset_password_done"),
    re_path(
        r"^password/reset/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        account.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "password/reset/done/",
        account.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    path("account/password/", account.password_change, name="account_change_password"),
    path("account/password/create/", account.password_set, name="account_set_password"),
    path("account/two-step/", views.two_step_index, name="mfa_index"),
    path("account/two-step/authenticator/", views.SetUpAuthenticatorView.as_view(), name="mfa_activate_totp"),
    path("account/two-step/authenticator/turn-off/", totp.deactivate_totp, name="mfa_deactivate_totp"),
    path(
        "account/two-step/recovery-codes/", views.RecoveryCodesView.as_view(), name="mfa_view_recovery_codes"
    ),
    path(
        "account/two-step/recovery-codes/new/",
        recovery_codes.generate_recovery_codes,
        name="mfa_generate_recovery_codes",
    ),
    path(
        "account/two-step/recovery-codes/download/",
        recovery_codes.download_recovery_codes,
        name="mfa_download_recovery_codes",
    ),
    path("account/sessions/", usersessions.list_usersessions, name="usersessions_list"),
]
