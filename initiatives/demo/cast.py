"""The bodies and people every demo story draws on."""

from __future__ import annotations

from initiatives.models import Body

DEMO_PASSWORD = "joined-up-demo"  # noqa: S105 - printed for people trying the demo

BODIES = [
    ("Department for Work and Pensions", "DWP", Body.Kind.MINISTERIAL_DEPARTMENT, Body.Nation.UK_WIDE),
    ("HM Revenue and Customs", "HMRC", Body.Kind.NON_MINISTERIAL_DEPARTMENT, Body.Nation.UK_WIDE),
    ("Cabinet Office", "CO", Body.Kind.MINISTERIAL_DEPARTMENT, Body.Nation.UK_WIDE),
    ("NHS England", "NHSE", Body.Kind.NHS_BODY, Body.Nation.ENGLAND),
    ("Scottish Government", "SG", Body.Kind.DEVOLVED_ADMINISTRATION, Body.Nation.SCOTLAND),
    ("Manchester City Council", "MCC", Body.Kind.LOCAL_AUTHORITY, Body.Nation.ENGLAND),
    ("HM Passport Office", "HMPO", Body.Kind.EXECUTIVE_AGENCY, Body.Nation.UK_WIDE),
    ("Infrastructure and Projects Authority", "IPA", Body.Kind.OTHER, Body.Nation.UK_WIDE),
]

# (key, email, full name, bodies, job title)
PEOPLE = [
    ("programme_manager", "priya.shah@dwp.example", "Priya Shah", ["DWP"], "Programme manager"),
    ("senior_owner", "david.okafor@dwp.example", "David Okafor", ["DWP"], "Director, Bereavement Services"),
    ("partner_member", "sian.evans@hmrc.example", "Siân Evans", ["HMRC"], "Policy lead"),
    ("council_member", "tom.barker@manchester.example", "Tom Barker", ["MCC"], "Head of Registration"),
    ("nhs_member", "amara.nwosu@nhse.example", "Amara Nwosu", ["NHSE"], "Data lead"),
    ("co_programme_manager", "hannah.lee@cabinetoffice.example", "Hannah Lee", ["CO"], "Programme manager"),
    ("co_senior_owner", "james.reid@cabinetoffice.example", "James Reid", ["CO"], "Deputy Director"),
    # A portfolio office at the centre: sees every initiative's row on the portfolio page.
    ("portfolio_office", "olivia.grant@cabinetoffice.example", "Olivia Grant", ["CO"], "Portfolio office"),
    ("outsider", "fiona.mackay@gov-scot.example", "Fiona MacKay", ["SG"], "Analyst"),
    ("assurance_reviewer", "ruth.adeyemi@ipa.example", "Ruth Adeyemi", ["IPA"], "Assurance reviewer"),
    # In the reviewers group but assigned to nothing, so "Assign a reviewer" has someone to offer.
    ("unassigned_reviewer", "kwame.mensah@ipa.example", "Kwame Mensah", ["IPA"], "Assurance reviewer"),
]
LOGIN_LABELS = {
    "programme_manager": "Programme manager",
    "senior_owner": "Senior owner",
    "partner_member": "Partner body member",
    "council_member": "Partner body member",
    "nhs_member": "Consulted body member",
    "co_programme_manager": "Programme manager",
    "co_senior_owner": "Senior owner",
    "portfolio_office": "Portfolio office, all bodies",
    "outsider": "Unrelated body member",
    "assurance_reviewer": "Assurance reviewer",
    "unassigned_reviewer": "Assurance reviewer, not assigned yet",
}
ADMIN = ("admin@joined-up.example", "Service Administrator")
