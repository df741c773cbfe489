"""Who gets what from every URL the project defines: the table the authorization matrix test checks.

Each entry names a URL, how to fill its parameters from the seeded demo (Tell Us Once, led by
DWP), and the outcome for each persona:

- anonymous: nobody signed in
- outsider: Fiona MacKay, Scottish Government, which takes no part
- partner: Siân Evans, HMRC, a partner body
- programme_manager: Priya Shah, DWP, manages the initiative
- senior_owner: David Okafor, DWP, the senior owner (and the RACI holder for DWP's SRO column)
- reviewer: Ruth Adeyemi, IPA, the assigned assurance reviewer
- portfolio_office: Olivia Grant, Cabinet Office (which takes no part), granted the portfolio office
  role on all bodies: she sees every initiative's row on the portfolio and nothing behind it, so
  everywhere else she gets what the outsider gets unless her row says otherwise

Outcomes: LOGIN (redirect to sign in), OK (200), DONE (200 with form errors or 302 after success),
MOVED (a 302 onward, e.g. a wizard step sending you to the first question), 403, 404, 405.

`action` entries are state-changing URLs that take POST only: GET answers 405. Every entry with
`post` expectations must refuse a POST without a CSRF token. A URL the project defines that is
missing here fails the test, so a new page cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

LOGIN, OK, DONE, MOVED = "login", "ok", "done", "moved"
PERSONAS = (
    "anonymous",
    "outsider",
    "partner",
    "programme_manager",
    "senior_owner",
    "reviewer",
    "portfolio_office",
)
# Not yet given: the portfolio office gets what the outsider gets.
AS_OUTSIDER = object()


def expect(
    anonymous=LOGIN,
    outsider=404,
    partner=403,
    programme_manager=403,
    senior_owner=403,
    reviewer=403,
    portfolio_office=AS_OUTSIDER,
) -> dict[str, object]:
    return {
        "anonymous": anonymous,
        "outsider": outsider,
        "partner": partner,
        "programme_manager": programme_manager,
        "senior_owner": senior_owner,
        "reviewer": reviewer,
        "portfolio_office": outsider if portfolio_office is AS_OUTSIDER else portfolio_office,
    }


# Reading the initiative: every participant and the assigned reviewer; outsiders cannot tell it exists.
READ = expect(partner=OK, programme_manager=OK, senior_owner=OK, reviewer=OK)
# The programme managers' own pages and forms.
MANAGE_PAGE = expect(programme_manager=OK)
MANAGE_POST = expect(programme_manager=DONE)
# An action only the programme manager may take: GET is refused, whoever asks.
ACTION_GET = expect(outsider=405, partner=405, programme_manager=405, senior_owner=405, reviewer=405)


SIGNED_IN = PERSONAS[1:]
EVERYONE_OK = dict.fromkeys(PERSONAS, OK)
SIGNED_IN_PAGE = expect(outsider=OK, partner=OK, programme_manager=OK, senior_owner=OK, reviewer=OK)
SIGNED_IN_POST = expect(outsider=DONE, partner=DONE, programme_manager=DONE, senior_owner=DONE, reviewer=DONE)
SIGNED_IN_MOVED = expect(
    outsider=MOVED, partner=MOVED, programme_manager=MOVED, senior_owner=MOVED, reviewer=MOVED
)
# An authenticator's pages: 404 without one; with one (the senior owner and reviewer), confirm first.
TWO_STEP_OWN = expect(outsider=404, partner=404, programme_manager=404, senior_owner=MOVED, reviewer=MOVED)
BODY_LEAD_PAGE = expect(outsider=403, programme_manager=OK)
BODY_LEAD_POST = expect(outsider=403, programme_manager=DONE)
BODY_LEAD_ACTION_GET = expect(
    outsider=405, partner=405, programme_manager=405, senior_owner=405, reviewer=405
)


@dataclass(frozen=True)
class Access:
    params: Callable[[object], dict] = lambda seed: {"slug": seed.initiative.slug}
    get: dict | None = None
    post: dict | None = None
    patch: dict | None = None  # the API's changes only (bearer)
    action: bool = False
    # For POSTs: form data that passes validation is not needed; only who gets through.
    data: dict = field(default_factory=dict)
    # An API route: each persona calls it with a read-write personal access token of theirs, not a
    # session (anonymous sends none), and its POSTs need no CSRF token.
    bearer: bool = False


def nothing(seed) -> dict:
    return {}


def dwp_colleague(seed) -> dict:
    return {"pk": seed.dwp_colleague.pk}


def initiative(seed) -> dict:
    return {"slug": seed.initiative.slug}


def with_pk(attribute: str) -> Callable:
    return lambda seed: {"slug": seed.initiative.slug, "pk": getattr(seed, attribute).pk}


def dwp_risk_action(seed) -> dict[str, object]:
    return {"slug": seed.initiative.slug, "pk": seed.dwp_risk.pk, "action_pk": seed.dwp_action.pk}


def decision(attribute: str) -> Callable:
    return lambda seed: {"slug": seed.initiative.slug, "number": getattr(seed, attribute).number}


def linked_to_the_draft(seed) -> dict:
    """A record linked to the draft decision: the demo's (it proposes agreeing a term), else one made here."""
    from governance.decisions.changes.models import DecisionLink

    draft = seed.draft_decision
    link = draft.links.order_by("pk").first() or DecisionLink.objects.create(
        decision=draft, kind="operating_model", target_id=draft.initiative_id, added_by=draft.created_by
    )
    return {"slug": seed.initiative.slug, "number": draft.number, "link_id": link.pk}


def import_token(seed) -> dict:
    """An import preview's token; none is waiting under this one."""
    return {"slug": seed.initiative.slug, "token": "no-such-upload"}


def import_job(seed) -> dict:
    """A finished import job of the initiative's risks."""
    return {"slug": seed.initiative.slug, "job_id": seed.import_job.pk}


def a_failed_email(seed) -> dict:
    """An email about the submitted decision that did not reach its decider and awaits a resend."""
    from governance.decisions.models import DecisionEmailFailure

    submitted = seed.submitted_decision
    failure = submitted.email_failures.filter(resent_at=None).first() or DecisionEmailFailure.objects.create(
        decision=submitted,
        transition=submitted.transitions.newest_first().first(),
        kind=DecisionEmailFailure.Kind.AWAITING,
        recipient=submitted.decider,
        address=submitted.decider.email,
        reason="The mail server refused the address",
    )
    return {"slug": seed.initiative.slug, "number": submitted.number, "pk": failure.pk}


def manage_action(params=initiative) -> Access:
    return Access(params=params, get=ACTION_GET, post=MANAGE_POST, action=True)


def manage_form(params=initiative) -> Access:
    return Access(params=params, get=MANAGE_PAGE, post=MANAGE_POST)


# A record DWP owns (risk, measure, term): DWP's members (the senior owner) and the programme managers.
OWNER_PAGE = expect(programme_manager=OK, senior_owner=OK)
OWNER_POST = expect(programme_manager=DONE, senior_owner=DONE)


def owner_form(params: Callable) -> Access:
    return Access(params=params, get=OWNER_PAGE, post=OWNER_POST)


# A record any participant adds for their own body (risk, measure, term).
def participant_form() -> Access:
    return Access(
        get=expect(partner=OK, programme_manager=OK, senior_owner=OK),
        post=expect(partner=DONE, programme_manager=DONE, senior_owner=DONE),
    )


SIGN_IN = Access(
    params=lambda seed: {},
    # Signed in already, the sign-in page sends you home.
    get=expect(
        anonymous=OK,
        outsider=MOVED,
        partner=MOVED,
        programme_manager=MOVED,
        senior_owner=MOVED,
        reviewer=MOVED,
    ),
    post=dict.fromkeys(PERSONAS, DONE),
)

# The API (/api/v1/): a missing token is 401, not the sign-in page; the same people read as on the web.
API_READ = expect(anonymous=401, outsider=404, partner=OK, programme_manager=OK, senior_owner=OK, reviewer=OK)
API_SIGNED_IN = expect(
    anonymous=401,
    outsider=OK,
    partner=OK,
    programme_manager=OK,
    senior_owner=OK,
    reviewer=OK,
    portfolio_office=OK,
)

# Changing a record DWP owns: its people and the programme managers get through (400: the version or the
# details are missing).
API_OWNER_CHANGE = expect(
    anonymous=401, outsider=404, partner=403, programme_manager=400, senior_owner=400, reviewer=403
)
# What only the programme managers write: they get through (400: the details are missing).
API_MANAGE_WRITE = expect(
    anonymous=401, outsider=404, partner=403, programme_manager=400, senior_owner=403, reviewer=403
)
# Adding a record any participant adds for their own body: those who are no programme manager name none,
# so the web's form asks them which (400); the reviewer takes no part; the outsider cannot see it.
API_ADD_FOR_OWN_BODY = expect(
    anonymous=401, outsider=404, partner=400, programme_manager=201, senior_owner=400, reviewer=403
)

# The rest of the record, read only: each resource with a record of the demo's to fetch.
API_RECORDS = {
    "participation": "partner_participation",
    "role": "reviewer_role",
    "assessment": "assessment",
    "raci-row": "raci_row",
    "raci-column": "raci_column",
    "forum": "forum",
    "escalation-level": "escalation_level",
    "term": "dwp_definition",
    "agreement": "agreement",
    "review": "review",
    "pack": "ready_pack",
}


def api_read(params=initiative) -> Access:
    return Access(params=params, get=API_READ, bearer=True)


def a_token_of_the_programme_manager(seed) -> dict:
    from api.models import ApiToken
    from api.services import token_create

    # The same token every time it is asked for, so a page found once still offers its form later.
    token = ApiToken.objects.filter(person=seed.people["programme_manager"], name="A dashboard").first()
    if token is None:
        token, _secret = token_create(
            person=seed.people["programme_manager"], name="A dashboard", scope="read", expires_in_days=30
        )
    return {"pk": token.pk}


TABLE: dict[str, Access] = {
    # The API's schema and docs are public, as the schema is in the repository; the data is not.
    "api:schema": Access(params=nothing, get=EVERYONE_OK),
    "api:docs": Access(params=nothing, get=EVERYONE_OK),
    "api:no_such_address": Access(
        params=lambda seed: {"anything": "v1/initiatives/not a slug/"},
        get=dict.fromkeys(PERSONAS, 404),
        bearer=True,
    ),
    "api:initiative-list": Access(params=nothing, get=API_SIGNED_IN, bearer=True),
    "api:initiative-detail": api_read(),
    "api:initiative-export": api_read(),
    # Adding a risk: any participant, for their own body (the partner and senior owner name none, so the
    # web's form asks them which: 400); the reviewer takes no part; the outsider cannot see the initiative.
    "api:risk-list": Access(
        get=API_READ,
        post=API_ADD_FOR_OWN_BODY,
        data={
            "title": "A risk added through the API",
            "category": "technology",
            "is_joint": False,
            **{f"{p}_{a}": 3 for p in ("inherent", "current", "target") for a in ("likelihood", "impact")},
            "appetite": "cautious",
            "treatment": "treat",
        },
        bearer=True,
    ),
    "api:risk-detail": Access(params=with_pk("dwp_risk"), get=API_READ, patch=API_OWNER_CHANGE, bearer=True),
    # Decisions: the programme managers add drafts and change them while draft or returned (the demo's
    # approved decision: 409, changed only by a new decision, on the web).
    "api:decision-list": Access(get=API_READ, post=API_MANAGE_WRITE, bearer=True),
    "api:decision-detail": Access(
        params=with_pk("approved_decision"),
        get=API_READ,
        patch={**API_MANAGE_WRITE, "programme_manager": 409},
        bearer=True,
    ),
    # Submitting a draft: its programme manager; the rest of those who read it may not.
    "api:decision-submit": Access(
        params=with_pk("draft_decision"),
        post=expect(
            anonymous=401, outsider=404, partner=403, programme_manager=200, senior_owner=403, reviewer=403
        ),
        bearer=True,
    ),
    # Controls and actions on DWP's risk: its owner body's people and the programme managers.
    "api:risk-actions": Access(
        params=with_pk("dwp_risk"),
        post=API_OWNER_CHANGE,
        bearer=True,
    ),
    "api:measure-readings": Access(
        params=with_pk("dwp_measure"),
        post=API_OWNER_CHANGE,
        bearer=True,
    ),
    # Adding a measure: any participant, for their own body (those who are no programme manager must
    # name theirs: 400); changing DWP's: its people and the programme managers (400: no version sent).
    "api:measure-list": Access(
        get=API_READ,
        post=API_ADD_FOR_OWN_BODY,
        data={
            "name": "A measure added through the API",
            "definition": "Counted",
            "unit": "days",
            "direction": "lower",
        },
        bearer=True,
    ),
    "api:measure-detail": Access(
        params=with_pk("dwp_measure"),
        get=API_READ,
        patch=API_OWNER_CHANGE,
        bearer=True,
    ),
    **{
        f"api:{resource}-{kind}": api_read(with_pk(record) if kind == "detail" else initiative)
        for resource, record in API_RECORDS.items()
        for kind in ("list", "detail")
    },
    # Adding a term: any participant; changing DWP's: its people and the programme managers change the
    # term, the partner records HMRC's meaning (400 for each of them: no version sent).
    "api:term-list": Access(
        get=API_READ,
        post=expect(
            anonymous=401, outsider=404, partner=201, programme_manager=201, senior_owner=201, reviewer=403
        ),
        data={"term": "A term added through the API"},
        bearer=True,
    ),
    "api:term-detail": Access(
        params=with_pk("dwp_definition"),
        get=API_READ,
        patch={**API_OWNER_CHANGE, "partner": 400},
        bearer=True,
    ),
    # A ready pack's PDF: whoever reads the initiative, as its web page's download.
    "api:pack-download": api_read(with_pk("ready_pack")),
    # Your API tokens: each person's own; another person's token is not found.
    "api_tokens:tokens": Access(params=nothing, get=SIGNED_IN_PAGE),
    "api_tokens:token_create": Access(params=nothing, get=SIGNED_IN_PAGE, post=SIGNED_IN_POST),
    "api_tokens:token_revoke": Access(
        params=a_token_of_the_programme_manager,
        get=expect(outsider=404, partner=404, programme_manager=OK, senior_owner=404, reviewer=404),
        post=expect(outsider=404, partner=404, programme_manager=DONE, senior_owner=404, reviewer=404),
    ),
    # Signing in (django-allauth's views at our addresses), out, and the home page.
    **dict.fromkeys(("login", "account_login"), SIGN_IN),
    **dict.fromkeys(
        ("logout", "account_logout"),
        Access(
            params=nothing,
            # Signed in, a page asks to confirm; signing out, signed in or not, lands on the sign-in page.
            get=expect(outsider=OK, partner=OK, programme_manager=OK, senior_owner=OK, reviewer=OK),
            post=dict.fromkeys(PERSONAS, LOGIN),
        ),
    ),
    # The second step of signing in, only between a password and the code: otherwise back to the start.
    "mfa_authenticate": Access(params=nothing, get=SIGNED_IN_MOVED, post=SIGNED_IN_MOVED),
    "account_reauthenticate": Access(params=nothing, get=SIGNED_IN_PAGE, post=SIGNED_IN_POST),
    "mfa_reauthenticate": Access(
        params=nothing,
        # Only someone with an authenticator can confirm with a code; the others are sent on.
        get=expect(outsider=MOVED, partner=MOVED, programme_manager=MOVED, senior_owner=OK, reviewer=OK),
        post=expect(outsider=MOVED, partner=MOVED, programme_manager=MOVED, senior_owner=DONE, reviewer=DONE),
    ),
    "account_inactive": Access(params=nothing, get=EVERYONE_OK),
    # Nobody signs up: accounts come from invitations.
    "account_signup": Access(params=nothing, get=EVERYONE_OK),
    "socialaccount_signup": Access(params=nothing, get=EVERYONE_OK),
    # Single sign-on through a body's identity provider; the demo configures none, so none is found.
    **dict.fromkeys(
        ("openid_connect_login", "openid_connect_callback"),
        Access(params=lambda seed: {"provider_id": "no-such-body"}, get=dict.fromkeys(PERSONAS, 404)),
    ),
    "socialaccount_login_cancelled": Access(params=nothing, get=EVERYONE_OK),
    # allauth answers its single sign-on error page with 401 Unauthorized.
    "socialaccount_login_error": Access(params=nothing, get=expect(**dict.fromkeys(SIGNED_IN, 401))),
    # Forgotten passwords: anyone may ask; a link that does not work says so.
    "account_reset_password": Access(params=nothing, get=EVERYONE_OK, post=dict.fromkeys(PERSONAS, DONE)),
    "account_reset_password_done": Access(params=nothing, get=EVERYONE_OK),
    "account_reset_password_from_key": Access(
        params=lambda seed: {"uidb36": "zz", "key": "not-a-reset-key"},
        get=EVERYONE_OK,
        post=dict.fromkeys(PERSONAS, DONE),
    ),
    "account_reset_password_from_key_done": Access(params=nothing, get=EVERYONE_OK),
    # Your account: every signed-in person, for themselves.
    "people:account": Access(params=nothing, get=SIGNED_IN_PAGE),
    "people:account_name": Access(params=nothing, get=SIGNED_IN_PAGE, post=SIGNED_IN_POST),
    "people:email_preferences": Access(params=nothing, get=SIGNED_IN_PAGE, post=SIGNED_IN_POST),
    # Resetting one's own calendar link: a confirmation page, then the POST from its button.
    "people:calendar_reset": Access(params=nothing, get=SIGNED_IN_PAGE, post=SIGNED_IN_POST),
    # The personal calendar feed: no sign-in (calendar apps cannot), the secret address is the key.
    # Whoever asks, signed in or not, an address that is not someone's current feed is not found;
    # tests/governance/test_calendar.py fetches real addresses.
    # The export's JSON Schema is documentation: anyone may read it, signed in or not.
    "api_schemas:initiative_export": Access(params=nothing, get=EVERYONE_OK),
    "calendar:feed": Access(
        params=lambda seed: {"token": "not-a-calendar-token"}, get=dict.fromkeys(PERSONAS, 404)
    ),
    "account_change_password": Access(params=nothing, get=SIGNED_IN_PAGE, post=SIGNED_IN_POST),
    # Everyone in the demo has a password: setting one is changing it.
    "account_set_password": Access(params=nothing, get=SIGNED_IN_MOVED, post=SIGNED_IN_MOVED),
    "mfa_index": Access(params=nothing, get=SIGNED_IN_MOVED),
    # Setting up an authenticator asks for the password first (signed in a while ago); the senior
    # owner and reviewer already have one, so they go to turning it off.
    "mfa_activate_totp": Access(params=nothing, get=SIGNED_IN_MOVED, post=SIGNED_IN_MOVED),
    # Turning it off, and the recovery codes: only the senior owner and reviewer have an authenticator
    # (and codes), and are asked to confirm it is them first (they signed in a while ago); the others
    # have nothing to turn off or see.
    "mfa_deactivate_totp": Access(params=nothing, get=TWO_STEP_OWN, post=TWO_STEP_OWN),
    "mfa_view_recovery_codes": Access(params=nothing, get=TWO_STEP_OWN),
    "mfa_generate_recovery_codes": Access(params=nothing, get=SIGNED_IN_MOVED, post=SIGNED_IN_MOVED),
    "mfa_download_recovery_codes": Access(params=nothing, get=TWO_STEP_OWN),
    "usersessions_list": Access(params=nothing, get=SIGNED_IN_PAGE, post=SIGNED_IN_POST),
    # The idle timeout's "Stay signed in", and the page a timed-out tab goes to.
    "people:keep_alive": Access(
        params=nothing,
        get=expect(outsider=405, partner=405, programme_manager=405, senior_owner=405, reviewer=405),
        post=SIGNED_IN_POST,
        action=True,
    ),
    "people:timed_out": Access(params=nothing, get=expect(anonymous=OK, **dict.fromkeys(SIGNED_IN, MOVED))),
    "home": Access(
        params=nothing,
        get=expect(outsider=OK, partner=OK, programme_manager=OK, senior_owner=OK, reviewer=OK),
    ),
    # All of one kind of the signed-in person's own work (the home page shows the first few): anyone
    # signed in, seeing only their own; a kind that holds nothing for them says so.
    "your_work": Access(params=lambda seed: {"key": "decisions-awaiting"}, get=SIGNED_IN_PAGE),
    # Search: every signed-in person searches, within the initiatives they may see.
    "search:results": Access(params=nothing, get=SIGNED_IN_PAGE),
    # The portfolio: every persona belongs to a body, so each sees their bodies' portfolio (which
    # initiatives, and a portfolio office's grants, tests/governance/test_portfolio.py proves).
    **dict.fromkeys(("portfolio:portfolio", "portfolio:export"), Access(params=nothing, get=SIGNED_IN_PAGE)),
    # Invitations: the programme managers send, resend and withdraw them from the team page; the
    # emailed link works for anyone holding it, until it is used.
    "people:invite": manage_form(),
    "people:invitation_resend": manage_action(with_pk("pending_invitation")),
    "people:invitation_withdraw": manage_form(with_pk("pending_invitation")),
    "people:invitation_accept": Access(
        params=lambda seed: {"token": seed.invitation_token},
        # Signed in as someone else, the page says the invitation is not theirs.
        get=expect(anonymous=OK, **dict.fromkeys(SIGNED_IN, 403)),
        post=expect(anonymous=DONE, **dict.fromkeys(SIGNED_IN, 403)),
    ),
    # People and leavers: administrators, and body leads for their own body's people (the programme
    # manager leads DWP in the demo; Sam Patel works for DWP).
    "people:people": Access(params=nothing, get=BODY_LEAD_PAGE),
    "people:person": Access(params=dwp_colleague, get=BODY_LEAD_PAGE),
    "people:deactivate": Access(params=dwp_colleague, get=BODY_LEAD_PAGE, post=BODY_LEAD_POST),
    "people:reactivate": Access(
        params=dwp_colleague, get=BODY_LEAD_ACTION_GET, post=BODY_LEAD_POST, action=True
    ),
    "people:unlock": Access(params=dwp_colleague, get=BODY_LEAD_ACTION_GET, post=BODY_LEAD_POST, action=True),
    # Any member of a body may start an initiative, led by their own body.
    "initiatives:create": Access(
        params=lambda seed: {},
        get=expect(outsider=OK, partner=OK, programme_manager=OK, senior_owner=OK, reviewer=OK),
        post=expect(outsider=DONE, partner=DONE, programme_manager=DONE, senior_owner=DONE, reviewer=DONE),
    ),
    # The initiative, its bodies and its people.
    "initiatives:overview": Access(get=READ),
    "initiatives:edit": manage_form(),
    "initiatives:bodies": Access(get=READ, post=MANAGE_POST),
    "initiatives:participation_edit": manage_form(with_pk("partner_participation")),
    # Destructive actions answer GET with their confirmation page (tests/test_confirmations.py).
    "initiatives:participation_remove": manage_form(with_pk("partner_participation")),
    "initiatives:team": Access(get=READ, post=MANAGE_POST),
    "initiatives:role_remove": manage_form(with_pk("reviewer_role")),
    # The operating-model checklist: the programme managers run it; everyone who reads sees its history.
    "initiatives:wizard_start": Access(get=expect(programme_manager=MOVED)),
    "initiatives:wizard_question": Access(
        params=lambda seed: {"slug": seed.initiative.slug, "step": seed.first_wizard_step},
        get=MANAGE_PAGE,
        post=MANAGE_POST,
    ),
    "initiatives:wizard_check": Access(get=expect(programme_manager=MOVED), post=MANAGE_POST),
    "initiatives:wizard_result": Access(get=expect(programme_manager=MOVED), post=MANAGE_POST),
    "initiatives:assessments": Access(get=READ),
    # Setting the initiative up from its operating model: the programme managers' one page.
    "governance:setup": manage_form(),
    # RACI matrix: everyone who reads sees it; the programme managers change it.
    "governance:raci": Access(get=READ, post=MANAGE_POST),
    "governance:raci_csv": Access(get=READ),
    "governance:raci_structure": Access(get=MANAGE_PAGE),
    "governance:raci_row_add": manage_form(),
    "governance:raci_starter": manage_form(),
    "governance:raci_row_edit": manage_form(with_pk("raci_row")),
    "governance:raci_row_move": manage_action(with_pk("raci_row")),
    "governance:raci_row_remove": manage_form(with_pk("raci_row")),
    "governance:raci_column_add": manage_form(),
    "governance:raci_columns_from_bodies": manage_action(),
    "governance:raci_column_edit": manage_form(with_pk("raci_column")),
    "governance:raci_column_move": manage_action(with_pk("raci_column")),
    "governance:raci_column_remove": manage_form(with_pk("raci_column")),
    # Forums and the escalation route.
    "governance:forums": Access(get=READ),
    "governance:forum_add": manage_form(),
    "governance:forum_edit": manage_form(with_pk("forum")),
    "governance:escalation": Access(get=READ),
    "governance:escalation_level_add": manage_form(),
    "governance:escalation_level_edit": manage_form(with_pk("escalation_level")),
    "governance:escalation_level_move": manage_action(with_pk("escalation_level")),
    "governance:escalation_level_remove": manage_form(with_pk("escalation_level")),
    # The decision log: programme managers draft and submit; only the named decider decides.
    "governance:decisions": Access(get=READ),
    "governance:decisions_export": Access(get=READ),
    "governance:decision_add": manage_form(),
    "governance:decision": Access(params=decision("submitted_decision"), get=READ),
    "governance:decision_edit": manage_form(decision("draft_decision")),
    "governance:decision_submit": manage_action(decision("draft_decision")),
    "governance:decision_resubmit": manage_action(decision("deferred_decision")),
    "governance:decision_decide": Access(
        params=decision("submitted_decision"),
        get=ACTION_GET,
        post=expect(senior_owner=DONE),
        action=True,
        data={"outcome": "approve", "comment": "Agreed"},
    ),
    "governance:decision_change": manage_form(decision("approved_decision")),
    "governance:decision_email_resend": manage_action(a_failed_email),
    # What a draft decision changes: its programme managers link records and take them off.
    "governance:decision_changes": Access(params=decision("draft_decision"), get=MANAGE_PAGE),
    "governance:decision_link_add": manage_form(
        lambda seed: {**decision("draft_decision")(seed), "kind": "risk"}
    ),
    "governance:decision_link_remove": manage_form(linked_to_the_draft),
    "governance:decision_escalate": Access(
        params=decision("submitted_decision"),
        get=expect(programme_manager=OK, senior_owner=OK),
        post=expect(programme_manager=DONE, senior_owner=DONE),
    ),
    # Shared risk register: any participant adds risks for their own body; the owner body's
    # members and the programme managers change a risk (DWP owns this one, and the senior owner
    # belongs to DWP); importing and adopting checklist items is for programme managers.
    "governance:risk_register": Access(get=READ),
    "governance:risk_create": participant_form(),
    "governance:risks_export": Access(get=READ),
    "governance:risks_import": manage_form(),
    # A preview no upload is waiting under sends the programme manager back to the upload page.
    "governance:risks_import_preview": Access(params=import_token, get=expect(programme_manager=MOVED)),
    "governance:risks_import_confirm": manage_action(import_token),
    "governance:risks_from_checklist": manage_action(),
    "governance:risk_detail": Access(params=with_pk("dwp_risk"), get=READ),
    "governance:risk_edit": owner_form(with_pk("dwp_risk")),
    "governance:risk_escalate": owner_form(with_pk("dwp_risk")),
    "governance:risk_action_add": owner_form(with_pk("dwp_risk")),
    "governance:risk_action_complete": Access(
        params=dwp_risk_action,
        get=ACTION_GET,
        post=expect(programme_manager=DONE, senior_owner=DONE),
        action=True,
    ),
    "governance:risk_action_remove": Access(
        params=dwp_risk_action,
        get=OWNER_PAGE,
        post=OWNER_POST,
    ),
    # Shared measures: the same pattern as risks (DWP owns this measure).
    "governance:measures": Access(get=READ),
    "governance:measure_create": participant_form(),
    "governance:measures_export": Access(get=READ),
    "governance:measures_import": manage_form(),
    # A preview no upload is waiting under sends the programme manager back to the upload page.
    "governance:measures_import_preview": Access(params=import_token, get=expect(programme_manager=MOVED)),
    "governance:measures_import_confirm": manage_action(import_token),
    "governance:measures_from_checklist": manage_action(),
    # A confirmed import's progress page and its status answer: the programme managers', as importing is.
    "governance:import_job": Access(params=import_job, get=MANAGE_PAGE),
    "governance:import_job_status": Access(params=import_job, get=MANAGE_PAGE),
    "governance:measure_detail": Access(params=with_pk("dwp_measure"), get=READ),
    "governance:measure_edit": owner_form(with_pk("dwp_measure")),
    "governance:reading_add": Access(
        params=with_pk("dwp_measure"),
        get=ACTION_GET,
        post=expect(programme_manager=DONE, senior_owner=DONE),
        action=True,
    ),
    "governance:reading_remove": Access(
        params=lambda seed: {
            "slug": seed.initiative.slug,
            "pk": seed.dwp_measure.pk,
            "reading_pk": seed.dwp_reading.pk,
        },
        get=OWNER_PAGE,
        post=OWNER_POST,
    ),
    # Shared data definitions: any participant adds a term and records their own body's meaning;
    # the master body's members and programme managers change the term (DWP masters this one).
    "governance:glossary": Access(get=READ),
    "governance:glossary_export": Access(get=READ),
    "governance:definition_create": participant_form(),
    "governance:definitions_from_checklist": manage_action(),
    "governance:definition_edit": Access(
        params=with_pk("dwp_definition"),
        get=expect(partner=OK, programme_manager=OK, senior_owner=OK),
        post=expect(partner=DONE, programme_manager=DONE, senior_owner=DONE),
    ),
    "governance:data_sharing": Access(get=READ),
    "governance:agreement_create": manage_form(),
    "governance:agreement_edit": manage_form(with_pk("agreement")),
    # Assurance: everyone who reads sees reviews; programme managers assign reviewers; only the
    # assigned reviewer records a review, and only its author changes it. Closing a recommendation is
    # proposed by the programme managers or the members of the body that owns it (DWP here), and
    # confirmed or reopened by the assigned reviewer.
    "governance:assurance": Access(get=READ),
    "governance:assurance_reviewers": manage_form(),
    "governance:assurance_reviewer_remove": manage_form(with_pk("reviewer_role")),
    "governance:review_create": Access(get=expect(reviewer=OK), post=expect(reviewer=DONE)),
    "governance:review_detail": Access(params=with_pk("review"), get=READ),
    "governance:review_edit": Access(
        params=with_pk("review"), get=expect(reviewer=OK), post=expect(reviewer=DONE)
    ),
    "governance:recommendation_add": Access(
        params=with_pk("review"), get=expect(reviewer=OK), post=expect(reviewer=DONE)
    ),
    "governance:recommendation_propose_closure": Access(
        params=with_pk("dwp_recommendation"),
        get=expect(programme_manager=OK, senior_owner=OK),
        post=expect(programme_manager=DONE, senior_owner=DONE),
    ),
    "governance:recommendation_review_closure": Access(
        params=with_pk("proposed_recommendation"),
        get=expect(reviewer=OK),
        post=expect(reviewer=DONE),
    ),
    # Governance packs: everyone who reads may download; programme managers and reviewers ask for one.
    "governance:packs": Access(get=READ),
    # One initiative's dates as an .ics download, for anyone who may read the initiative.
    "calendar:initiative": Access(get=READ),
    "governance:pack_request": Access(
        get=ACTION_GET, post=expect(programme_manager=DONE, reviewer=DONE), action=True
    ),
    "governance:pack_status": Access(
        params=lambda seed: {"slug": seed.initiative.slug, "version": seed.ready_pack.version}, get=READ
    ),
    "governance:pack_download": Access(
        params=lambda seed: {"slug": seed.initiative.slug, "version": seed.ready_pack.version}, get=READ
    ),
    # Retire, don't delete: each register's retire page, restore action and closed view.
    "governance:risks_retire": owner_form(with_pk("dwp_risk")),
    "governance:risks_restore": Access(
        params=with_pk("dwp_risk"), get=ACTION_GET, post=OWNER_POST, action=True
    ),
    "governance:risks_closed": Access(get=READ),
    "governance:measures_retire": owner_form(with_pk("dwp_measure")),
    "governance:measures_restore": Access(
        params=with_pk("dwp_measure"), get=ACTION_GET, post=OWNER_POST, action=True
    ),
    "governance:measures_closed": Access(get=READ),
    "governance:glossary_retire": owner_form(with_pk("dwp_definition")),
    "governance:glossary_restore": Access(
        params=with_pk("dwp_definition"), get=ACTION_GET, post=OWNER_POST, action=True
    ),
    "governance:glossary_closed": Access(get=READ),
    "governance:data_sharing_retire": manage_form(with_pk("agreement")),
    "governance:data_sharing_restore": manage_action(with_pk("agreement")),
    "governance:data_sharing_closed": Access(get=READ),
    "governance:forums_retire": manage_form(with_pk("forum")),
    "governance:forums_restore": manage_action(with_pk("forum")),
    "governance:forums_closed": Access(get=READ),
    # Only its drafter (the programme manager) withdraws a decision; withdrawn ones are not restored.
    "governance:decisions_retire": manage_form(decision("draft_decision")),
    "governance:decisions_closed": Access(get=READ),
}
