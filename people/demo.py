"""Demonstration sign-in: email domains per body, a body lead, and two-step verification for the
demo people who need it (administrator, senior owners, assurance reviewers).

Their authenticator uses one published secret, DEMO_TOTP_SECRET, so anyone trying the demo can add
it to an authenticator app, or run `python manage.py demo_code` for the code of the moment. Real
accounts never share a secret: each is made when its owner sets up their own app.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from initiatives.demo.cast import DEMO_PASSWORD
from initiatives.models import Membership, User
from people.two_step import two_step_reasons

DEMO_TOTP_SECRET = "JOINEDUPDEMOJOINEDUPDEMO"  # noqa: S105 - published for the demo, like its password
EMAIL_DOMAINS = {
    "DWP": "dwp.example",
    "HMRC": "hmrc.example",
    "CO": "cabinetoffice.example",
    "NHSE": "nhse.example",
    "SG": "gov-scot.example",
    "MCC": "manchester.example",
    "HMPO": "hmpo.example",
    "IPA": "ipa.example",
}
BODY_LEADS = [("priya.shah@dwp.example", "DWP")]
# A DWP colleague with no role yet, so the body lead has someone to try deactivating.
COLLEAGUE = ("sam.patel@dwp.example", "Sam Patel", "DWP", "Analyst")


def demo_code(at: float) -> str:
    """The demo authenticator's code at a moment (a Unix time)."""
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(at) // 30))


def _ensure_colleague(world) -> None:
    email, full_name, short_name, job_title = COLLEAGUE
    person, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
    if created:
        person.set_password(DEMO_PASSWORD)
        person.save(update_fields=["password"])
        world.logins.append(("Body member, leaving (DWP)", email, DEMO_PASSWORD))
    Membership.objects.get_or_create(
        user=person, body=world.bodies[short_name], defaults={"job_title": job_title}
    )


def seed_sign_in(world) -> None:
    for short_name, domain in EMAIL_DOMAINS.items():
        body = world.bodies.get(short_name)
        if body is not None and not body.allowed_email_domains:
            body.allowed_email_domains = domain
            body.save(update_fields=["allowed_email_domains"])
    _ensure_colleague(world)
    for email, short_name in BODY_LEADS:
        Membership.objects.filter(user__email=email, body__short_name=short_name).update(is_body_lead=True)
    needing = [
        person
        for person in User.objects.filter(email__in=[email for _role, email, _password in world.logins])
        if two_step_reasons(person)
    ]
    for person in needing:
        if not Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(person, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(person)
    world.notes.append(
        f"Two-step verification is on for {len(needing)} of these people (administrator, senior owners, "
        f"assurance reviewers). Add the key {DEMO_TOTP_SECRET} to an authenticator app, or run "
        "`.venv/bin/python manage.py demo_code` for the current code."
    )
