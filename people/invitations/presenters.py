"""Invitations as the team page lists them."""

from __future__ import annotations

from dataclasses import dataclass

from initiatives.models import Initiative, User
from people.models import Invitation
from people.rules import INVITE_PEOPLE, MANAGE_INVITATION


@dataclass
class InvitationRow:
    invitation: Invitation
    can_resend: bool
    can_withdraw: bool

    @property
    def status_tag(self) -> str:
        return f"invitation_{self.invitation.state}"


@dataclass
class TeamInvitations:
    initiative: Initiative
    rows: list[InvitationRow]
    can_invite: bool


def team_invitations(initiative: Initiative, user: User) -> TeamInvitations:
    can_invite = user.has_perm(INVITE_PEOPLE, initiative)
    rows = []
    if can_invite:
        for invitation in initiative.invitations.for_team_page():
            can_manage = user.has_perm(MANAGE_INVITATION, invitation)
            rows.append(
                InvitationRow(
                    invitation=invitation,
                    can_resend=can_manage and invitation.can_be_resent,
                    can_withdraw=can_manage and invitation.status == Invitation.Status.PENDING,
                )
            )
    return TeamInvitations(initiative=initiative, rows=rows, can_invite=can_invite)
