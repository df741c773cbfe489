"""Shaping the packs page and its status answers."""

from __future__ import annotations

from dataclasses import dataclass

from governance.packs.models import GovernancePack
from governance.packs.rules import REQUEST_GOVERNANCE_PACK
from governance.packs.services import PackRequest
from initiatives.models import Initiative, User

PENDING = (GovernancePack.Status.QUEUED, GovernancePack.Status.BUILDING)


@dataclass
class PacksPage:
    initiative: Initiative
    packs: list[GovernancePack]
    can_request: bool

    @property
    def latest(self) -> GovernancePack | None:
        return self.packs[0] if self.packs else None

    @property
    def pending(self) -> GovernancePack | None:
        return next((pack for pack in self.packs if pack.status in PENDING), None)

    @property
    def latest_failed(self) -> GovernancePack | None:
        """The newest version, when building it failed: the page says why where the download link would be."""
        latest = self.latest
        return latest if latest and latest.status == GovernancePack.Status.FAILED else None

    @property
    def latest_ready(self) -> GovernancePack | None:
        return next((pack for pack in self.packs if pack.status == GovernancePack.Status.READY), None)


def packs_page(initiative: Initiative, user: User) -> PacksPage:
    packs = list(initiative.packs.without_content().select_related("requested_by").order_by("-version"))
    return PacksPage(
        initiative=initiative, packs=packs, can_request=user.has_perm(REQUEST_GOVERNANCE_PACK, initiative)
    )


def pack_request_message(outcome: PackRequest) -> str:
    pack = outcome.pack
    if outcome.created:
        return (
            f"Version {pack.version} of the governance pack is being built. It usually takes a few seconds."
        )
    if pack.status == GovernancePack.Status.READY:
        return (
            f"Nothing has changed since version {pack.version} was built, so it is still the latest pack. "
            "Download it below."
        )
    return f"Version {pack.version}, with the same content, is already being built."


def pack_status_announcement(pack: GovernancePack) -> str:
    """What the packs page's live region says when the pack it waits for moves on."""
    if pack.status == GovernancePack.Status.READY:
        return f"Governance pack ready. Version {pack.version} can be downloaded."
    if pack.status == GovernancePack.Status.FAILED:
        return f"Governance pack failed. Version {pack.version} could not be built: {pack.failure_reason}"
    return f"Governance pack version {pack.version}: {pack.get_status_display()}."


def pack_status_payload(pack: GovernancePack, download_url: str) -> dict:
    ready = pack.status == GovernancePack.Status.READY
    return {
        "announcement": pack_status_announcement(pack),
        "version": pack.version,
        "status": pack.status,
        "status_label": pack.get_status_display(),
        "finished": pack.status not in PENDING,
        "download_url": download_url if ready else None,
        "failure_reason": pack.failure_reason if pack.status == GovernancePack.Status.FAILED else None,
    }
