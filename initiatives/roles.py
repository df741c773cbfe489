"""The roles a person can hold on an initiative, and the group that makes someone eligible to assure one.

Beneath models and querysets, so both can name a role without importing each other.
"""

from django.db import models


class TeamRole(models.TextChoices):
    PROGRAMME_MANAGER = "programme_manager", "Programme manager"
    ASSURANCE_REVIEWER = "assurance_reviewer", "Assurance reviewer"


# An administrator puts people in this group (in Django admin) to make them eligible as assurance reviewers.
ASSURANCE_REVIEWERS_GROUP = "Assurance reviewers"
