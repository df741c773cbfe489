import logging

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import GovernancePack
from governance.packs.storage import write_atomically
from tests.factories import UserFactory
from tests.governance.pack_fixtures import private_files  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_files")]


def url(name, world, **kwargs):
    return reverse(f"governance:{name}", kwargs={"slug": world.initiative.slug, **kwargs})


def ready_pack(world, version=1, data=b"%PDF-1.7 test pack"):
    pack = GovernancePack.objects.create(
        initiative=world.initiative,
        version=version,
        status=GovernancePack.Status.READY,
        content_fingerprint=f"{version:064d}",
        file_path=f"packs/{world.initiative.pk}/governance-pack-x-v{version}.pdf",
        file_size=len(data),
        page_count=13,
        requested_by=world.programme_manager,
        finished_at=timezone.now(),
    )
    write_atomically(pack.file_path, data)
    return pack


class TestPacksPage:
    def test_a_partner_sees_the_versions_but_cannot_ask_for_a_pack(self, client, world):
        ready_pack(world)
        client.force_login(world.partner_member)

        body = client.get(url("packs", world)).content.decode()

        assert "Download version 1 (PDF, 18\xa0bytes, 13 pages)" in body
        assert "Create a governance pack" not in body

    @pytest.mark.parametrize("persona", ["programme_manager", "assurance_reviewer", "administrator"])
    def test_managers_reviewers_and_administrators_can_ask_for_a_pack(self, client, world, persona):
        client.force_login(getattr(world, persona))

        assert "Create a governance pack" in client.get(url("packs", world)).content.decode()

    def test_a_pack_being_built_shows_its_status_with_a_refresh_link_and_the_polling_script(
        self, client, world
    ):
        client.force_login(world.assurance_reviewer)
        client.post(url("pack_request", world))

        body = client.get(url("packs", world)).content.decode()

        assert f'data-pack-status-url="{url("pack_status", world, version=1)}"' in body
        assert "Status: <span data-pack-status-text>Queued</span>" in body
        assert "Refresh the page" in body
        assert "js/pack-status.mjs" in body
        # The live region is there, empty, before the script has anything to say.
        live_region = 'role="status" aria-live="polite" data-pack-announcement></div>'
        assert live_region in " ".join(body.split())

    def test_when_the_newest_version_failed_the_page_says_why_above_the_last_download(self, client, world):
        ready_pack(world)
        GovernancePack.objects.filter(pk=ready_pack(world, version=2).pk).update(
            status=GovernancePack.Status.FAILED,
            failure_reason="The worker stopped 3 times before it finished.",
        )
        client.force_login(world.partner_member)

        body = client.get(url("packs", world)).content.decode()

        assert "Version 2 could not be built: The worker stopped 3 times before it finished." in body
        assert "Download version 1 (PDF" in body

    def test_an_unrelated_body_cannot_find_the_page(self, client, world):
        client.force_login(world.outsider)

        assert client.get(url("packs", world)).status_code == 404


class TestRequest:
    def test_a_programme_manager_asks_for_a_pack_and_is_told_it_is_being_built(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(url("pack_request", world), follow=True)

        assert response.redirect_chain == [(url("packs", world), 302)]
        assert "Version 1 of the governance pack is being built" in response.content.decode()
        assert GovernancePack.objects.get().requested_by == world.programme_manager

    def test_asking_again_for_unchanged_content_says_so_instead_of_making_a_second_pack(self, client, world):
        client.force_login(world.assurance_reviewer)
        client.post(url("pack_request", world))

        response = client.post(url("pack_request", world), follow=True)

        assert "Version 1, with the same content, is already being built" in response.content.decode()
        assert GovernancePack.objects.count() == 1

    def test_asking_with_the_annex_makes_its_own_pack_and_the_page_says_which_prints_the_registers(
        self, client, world
    ):
        client.force_login(world.programme_manager)
        assert 'name="annex"' in client.get(url("packs", world)).content.decode()

        client.post(url("pack_request", world))
        client.post(url("pack_request", world), {"annex": "on"})
        client.post(url("pack_request", world), {"annex": "not a checkbox value"})

        # The third asked for the same as the second, so it is the second.
        packs = GovernancePack.objects.order_by("version")
        assert [pack.content["annex"] for pack in packs] == [False, True]
        packs.update(status=GovernancePack.Status.READY)
        assert [pack.with_annex for pack in packs.without_content()] == [False, True]
        body = client.get(url("packs", world)).content.decode()
        assert body.count("with the complete registers in an annex") == 1

    def test_a_partner_member_may_read_but_not_ask(self, client, world):
        client.force_login(world.partner_member)

        assert client.post(url("pack_request", world)).status_code == 403
        assert not GovernancePack.objects.exists()

    def test_an_unrelated_body_gets_not_found(self, client, world):
        client.force_login(world.outsider)

        assert client.post(url("pack_request", world)).status_code == 404

    def test_it_refuses_get(self, client, world):
        client.force_login(world.programme_manager)

        assert client.get(url("pack_request", world)).status_code == 405

    def test_it_needs_the_csrf_token(self, world):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(world.programme_manager)

        assert client.post(url("pack_request", world)).status_code == 403


class TestStatus:
    def test_it_answers_with_the_status_as_json_that_is_never_cached(self, client, world):
        client.force_login(world.assurance_reviewer)
        client.post(url("pack_request", world))

        response = client.get(url("pack_status", world, version=1))

        assert "no-store" in response["Cache-Control"]
        assert response.json() == {
            "announcement": "Governance pack version 1: Queued.",
            "version": 1,
            "status": "queued",
            "status_label": "Queued",
            "finished": False,
            "download_url": None,
            "failure_reason": None,
        }

    def test_a_ready_pack_gives_its_download_link(self, client, world):
        ready_pack(world)
        client.force_login(world.partner_member)

        payload = client.get(url("pack_status", world, version=1)).json()

        assert (payload["finished"], payload["download_url"]) == (
            True,
            url("pack_download", world, version=1),
        )
        assert payload["announcement"] == "Governance pack ready. Version 1 can be downloaded."

    def test_a_failed_pack_gives_the_reason_to_announce(self, client, world):
        ready_pack(world)
        GovernancePack.objects.update(
            status=GovernancePack.Status.FAILED, failure_reason="The file went missing."
        )
        client.force_login(world.partner_member)

        payload = client.get(url("pack_status", world, version=1)).json()

        assert (payload["finished"], payload["download_url"], payload["failure_reason"]) == (
            True,
            None,
            "The file went missing.",
        )
        assert payload["announcement"] == (
            "Governance pack failed. Version 1 could not be built: The file went missing."
        )

    def test_an_unrelated_body_gets_not_found(self, client, world):
        ready_pack(world)
        client.force_login(world.outsider)

        assert client.get(url("pack_status", world, version=1)).status_code == 404


class TestDownload:
    def test_the_assigned_reviewer_downloads_the_pdf_with_a_safe_name_and_no_caching(self, client, world):
        ready_pack(world, version=3)
        client.force_login(world.assurance_reviewer)

        response = client.get(url("pack_download", world, version=3))

        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.7 test pack"
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="tell-us-once-governance-pack-v3.pdf"'
        assert "no-store" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"

    def test_each_download_is_in_the_audit_log(self, client, world, caplog):
        ready_pack(world, version=3)
        client.force_login(world.assurance_reviewer)
        caplog.set_level(logging.INFO, logger="joinedup.audit")

        client.get(url("pack_download", world, version=3))

        [record] = [r for r in caplog.records if getattr(r, "audit", {}).get("event") == "pack_downloaded"]
        assert record.audit == {
            "event": "pack_downloaded",
            "user_id": world.assurance_reviewer.pk,
            "initiative_id": world.initiative.pk,
            "version": 3,
        }

    def test_earlier_versions_stay_downloadable(self, client, world):
        ready_pack(world, version=1, data=b"%PDF version one")
        ready_pack(world, version=2, data=b"%PDF version two")
        client.force_login(world.partner_member)

        response = client.get(url("pack_download", world, version=1))

        assert b"".join(response.streaming_content) == b"%PDF version one"

    def test_a_user_of_an_unrelated_body_is_refused_with_not_found(self, client, world):
        ready_pack(world)
        client.force_login(world.outsider)

        assert client.get(url("pack_download", world, version=1)).status_code == 404

    def test_a_reviewer_no_longer_assigned_is_refused(self, client, world):
        ready_pack(world)
        world.initiative.roles.filter(user=world.assurance_reviewer).delete()
        client.force_login(world.assurance_reviewer)

        assert client.get(url("pack_download", world, version=1)).status_code == 404

    def test_a_reviewer_of_another_initiative_is_refused(self, client, world):
        from tests.factories import InitiativeFactory, InitiativeRoleFactory, with_two_step

        ready_pack(world)
        other_reviewer = with_two_step(UserFactory(email="other-reviewer@ipa.example"))
        InitiativeRoleFactory(initiative=InitiativeFactory(), user=other_reviewer, role="assurance_reviewer")
        client.force_login(other_reviewer)

        assert client.get(url("pack_download", world, version=1)).status_code == 404

    def test_anonymous_visitors_are_asked_to_sign_in(self, client, world):
        ready_pack(world)

        response = client.get(url("pack_download", world, version=1))

        assert response.status_code == 302
        assert response.url.startswith("/sign-in/")

    def test_a_pack_that_is_not_ready_cannot_be_downloaded(self, client, world):
        client.force_login(world.programme_manager)
        client.post(url("pack_request", world))

        assert client.get(url("pack_download", world, version=1)).status_code == 404

    def test_a_stored_path_outside_the_private_root_is_never_served(self, client, world):
        pack = ready_pack(world)
        GovernancePack.objects.filter(pk=pack.pk).update(file_path="../../../../etc/passwd")
        client.force_login(world.programme_manager)

        assert client.get(url("pack_download", world, version=1)).status_code == 404

    def test_a_missing_file_is_not_found_rather_than_an_error(self, client, world, settings):
        pack = ready_pack(world)
        (settings.PRIVATE_FILES_ROOT / pack.file_path).unlink()
        client.force_login(world.programme_manager)

        assert client.get(url("pack_download", world, version=1)).status_code == 404
