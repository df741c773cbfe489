"""Single sign-on per body, without a browser: which provider answers for an address, and who the
adapter lets in (the browser test runs the whole journey against a real provider)."""

import pytest
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from initiatives.models import User
from people.invitations.services import invitation_send
from people.models import IdentityProvider, Invitation, validate_issuer
from people.single_sign_on import SingleSignOnAdapter, identity_provider_origins, provider_for_email
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hmrc_sign_on(world, monkeypatch):
    world.partner_body.allowed_email_domains = "hmrc.example"
    world.partner_body.save()
    monkeypatch.setenv("HMRC_SECRET", "from-the-environment")
    return IdentityProvider.objects.create(
        body=world.partner_body,
        slug="hmrc",
        issuer="https://login.hmrc.example",
        client_id="joined-up",
        client_secret_variable="HMRC_SECRET",
    )


def arriving(email: str, *, provider="hmrc") -> SocialLogin:
    """A first sign-in from the provider, as allauth hands it to the adapter."""
    return SocialLogin(user=User(email=email), account=SocialAccount(provider=provider, uid=email))


def refusal_of(sociallogin) -> str:
    request = RequestFactory().get("/sign-in/with/hmrc/callback/")
    with pytest.raises(ImmediateHttpResponse) as refused:
        SingleSignOnAdapter(request).pre_social_login(request, sociallogin)
    return refused.value.response.content.decode()


class TestWhichProvider:
    def test_an_address_at_the_bodys_domain_goes_to_its_provider(self, hmrc_sign_on):
        assert provider_for_email("someone@hmrc.example") == hmrc_sign_on
        assert provider_for_email("someone@digital.hmrc.example") == hmrc_sign_on

    def test_other_addresses_and_turned_off_providers_sign_in_with_a_password(self, hmrc_sign_on):
        assert provider_for_email("someone@dwp.example") is None
        hmrc_sign_on.enabled = False
        hmrc_sign_on.save()
        assert provider_for_email("someone@hmrc.example") is None

    def test_the_secret_comes_from_the_environment_and_without_it_there_is_no_provider(
        self, hmrc_sign_on, monkeypatch
    ):
        [app] = SingleSignOnAdapter().list_apps(None, provider="hmrc")
        assert app.secret == "from-the-environment"
        assert app.settings["server_url"] == "https://login.hmrc.example"

        monkeypatch.delenv("HMRC_SECRET")
        assert SingleSignOnAdapter().list_apps(None, provider="hmrc") == []

    def test_forms_may_post_on_to_the_providers_and_nowhere_else(self, hmrc_sign_on):
        assert identity_provider_origins() == ["https://login.hmrc.example"]

    def test_a_provider_must_be_https_unless_on_this_machine(self):
        validate_issuer("http://127.0.0.1:9000/openid")
        with pytest.raises(ValidationError):
            validate_issuer("http://login.hmrc.example")


class TestWhoGetsIn:
    def test_the_provider_cannot_vouch_for_another_bodys_address(self, world, hmrc_sign_on):
        page = refusal_of(arriving(world.programme_manager.email))

        assert "does not look after here" in page

    def test_someone_new_without_an_invitation_is_refused(self, hmrc_sign_on):
        page = refusal_of(arriving("stranger@hmrc.example"))

        assert "no invitation waiting" in page
        assert not User.objects.filter(email="stranger@hmrc.example").exists()

    def test_a_deactivated_account_is_refused(self, world, hmrc_sign_on):
        world.partner_member.is_active = False
        world.partner_member.save()

        assert "has been deactivated" in refusal_of(arriving(world.partner_member.email))

    def test_someone_new_with_an_invitation_is_let_through_to_have_their_account_made(
        self, world, hmrc_sign_on
    ):
        invitation_send(
            initiative=world.initiative,
            email="nia.roberts@hmrc.example",
            body=world.partner_body,
            role=Invitation.Role.MEMBER,
            by=world.programme_manager,
        )
        request = RequestFactory().get("/")

        SingleSignOnAdapter(request).pre_social_login(request, arriving("nia.roberts@hmrc.example"))

    def test_an_existing_account_at_the_bodys_domain_is_linked_on_first_sign_in(
        self, world, hmrc_sign_on, rf
    ):
        person = UserFactory(email="aled.jones@hmrc.example")
        request = rf.get("/")
        request.session = SessionStore()
        sociallogin = arriving("Aled.Jones@HMRC.example")

        with allauth_context.request_context(request):
            SingleSignOnAdapter(request).pre_social_login(request, sociallogin)

        assert SocialAccount.objects.get(user=person).provider == "hmrc"
        [notice] = mail.outbox
        assert notice.subject == "Single sign-on is linked to your Joined-up account"


def test_a_provider_that_does_not_answer_gets_a_page_saying_so_not_an_error(client, world, hmrc_sign_on):
    hmrc_sign_on.issuer = "http://127.0.0.1:9"  # nothing listens on the discard port
    hmrc_sign_on.save()

    response = client.post("/sign-in/", {"username": world.partner_member.email, "password": ""})

    assert response.status_code == 502
    assert "Single sign-on did not work" in response.content.decode()


def test_without_its_secret_a_bodys_people_sign_in_with_their_password(
    client, world, hmrc_sign_on, monkeypatch
):
    monkeypatch.delenv("HMRC_SECRET")

    response = client.post("/sign-in/", {"username": world.partner_member.email, "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.partner_member.pk)
