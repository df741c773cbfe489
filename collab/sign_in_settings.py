"""Settings for signing in: django-allauth (accounts, two-step verification, single sign-on) and
django-axes' lockout. collab/settings.py imports each by name; Django reads them from there.
"""

import datetime

from collab.env import env_bool

# Signing in (django-allauth): by email address and password, or through a body's own identity
# provider (single sign-on, people/single_sign_on.py). Nobody signs up: an account is made by
# accepting an invitation (people/invitations/), so allauth's sign-up is closed.
ACCOUNT_ADAPTER = "people.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# The invitation email proved the address; administrators create the rest.
ACCOUNT_EMAIL_VERIFICATION = "none"
# A password reset for an address with no account sends nothing, and says the same as for one with.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Tell people when their password or two-step verification changes, in case it was not them.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Sessions last while the browser is open and end after SESSION_COOKIE_AGE idle: no "remember me".
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_FORMS = {
    "login": "people.sign_in.forms.SignInForm",
    "reset_password": "people.sign_in.forms.PasswordResetForm",
    "reset_password_from_key": "people.sign_in.forms.PasswordResetFromKeyForm",
    "change_password": "people.sign_in.forms.PasswordChangeForm",
    "set_password": "people.sign_in.forms.PasswordSetForm",
    "reauthenticate": "people.sign_in.forms.ReauthenticateForm",
}
# django-axes counts failed sign-ins per email address (below); allauth's own limits on sign-in
# would be a second, different lockout, and its per-IP limit would lock out a whole department
# behind one office address at nine in the morning. Its limits on other actions stay.
ACCOUNT_RATE_LIMITS = {"login_failed": False, "login": False}
# A password reset link works once (it is tied to the current password) and for an hour.
PASSWORD_RESET_TIMEOUT = 60 * 60

# Two-step verification: an authenticator app (TOTP) with recovery codes. Required for senior
# owners, assurance reviewers and administrators, or for everyone with MFA_REQUIRED_FOR_ALL;
# offered to all (people/two_step.py).
MFA_ADAPTER = "people.adapters.TwoStepAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Joined-up"
# One 30-second step either side, for phones whose clocks drift.
MFA_TOTP_TOLERANCE = 1
# Addresses come from invitations and administrators, never from self sign-up, so allauth's guard
# against an attacker adding two-step to an unverified address does not apply.
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_REQUIRED_FOR_ALL = env_bool("MFA_REQUIRED_FOR_ALL", False)
MFA_FORMS = {
    "authenticate": "people.sign_in.two_step_forms.AuthenticateForm",
    "reauthenticate": "people.sign_in.two_step_forms.ReauthenticateForm",
    "activate_totp": "people.sign_in.two_step_forms.ActivateTOTPForm",
    "deactivate_totp": "people.sign_in.two_step_forms.DeactivateTOTPForm",
    "generate_recovery_codes": "people.sign_in.two_step_forms.GenerateRecoveryCodesForm",
}

# Single sign-on: each body's OpenID Connect identity provider is set in the admin (people.
# IdentityProvider); people/single_sign_on.py turns them into allauth's provider apps.
SOCIALACCOUNT_ADAPTER = "people.single_sign_on.SingleSignOnAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_OPENID_CONNECT_URL_PREFIX = ""
# "Sessions signed in elsewhere" lists sessions as they sign in; not each request (a write per page).
USERSESSIONS_TRACK_ACTIVITY = False

# Sign-in lockout: five failures for one email address lock it for 15 minutes, whether or
# not the address has an account, so the answer never reveals which addresses exist.
# Attempts are kept in the database, so this works while Redis is down. The person is emailed a
# password reset link, which unlocks the address (people/lockout.py).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
# The address as the sign-in form posts it ("login") or allauth passes it on ("email"), lower-cased,
# so changing its case is not a fresh set of attempts.
AXES_USERNAME_CALLABLE = "people.lockout.attempted_email"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# axes.W006 wants the IP address in the lockout key. We lock by email address alone on
# purpose: many civil servants share one office egress address, so an IP lock would let one
# person's typos (or one attacker) lock out a whole department, while rotating user agents
# or cookies gains an attacker nothing against a per-address lock.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
