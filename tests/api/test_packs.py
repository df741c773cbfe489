"""A governance pack's PDF through the API, as its web page's download: whoever reads the initiative."""

import pytest

from governance.models import GovernancePack
from tests.governance.pack_fixtures import private_files  # noqa: F401
from tests.governance.test_pack_views import ready_pack

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_files")]


def download_url(world, pack) -> str:
    return f"/api/v1/initiatives/{world.initiative.slug}/packs/{pack.pk}/download/"


def test_a_reader_downloads_a_ready_packs_pdf(world, api_as):
    pack = ready_pack(world)

    for accept in ("*/*", "application/pdf"):
        response = api_as(world.partner_member).get(download_url(world, pack), HTTP_ACCEPT=accept)

        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == b"%PDF-1.7 test pack"
        assert "attachment" in response["Content-Disposition"]


def test_a_pack_not_ready_is_a_conflict_and_a_missing_file_not_found(world, api_as):
    building = ready_pack(world)
    GovernancePack.objects.filter(pk=building.pk).update(status=GovernancePack.Status.BUILDING)
    lost = ready_pack(world, version=2)
    GovernancePack.objects.filter(pk=lost.pk).update(file_path="packs/not-there.pdf")
    client = api_as(world.programme_manager)

    not_ready = client.get(download_url(world, building), HTTP_ACCEPT="application/pdf")
    missing = client.get(download_url(world, lost))

    assert not_ready.status_code == 409 and "building" in not_ready.json()["detail"]
    assert not_ready["Content-Type"] == "application/problem+json"
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"


def test_the_outsider_and_another_initiatives_pack_are_not_found(world, api_as):
    pack = ready_pack(world)

    assert api_as(world.outsider).get(download_url(world, pack)).status_code == 404
    assert (
        api_as(world.programme_manager)
        .get(f"{download_url(world, pack)}".replace(str(pack.pk), "0"))
        .status_code
        == 404
    )
