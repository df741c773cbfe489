"""Every figure the governance pack prints is the figure the overview shows.

Both read governance.health.facts; each figure is marked with its name (data-figure), so this
test reads the figures off the rendered pages themselves, over many generated initiatives.
"""

import re

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from governance.health.checks import HealthFacts, health_check
from governance.health.facts import FIGURES
from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.document import pack_document
from governance.packs.rendering import pack_html
from tests.governance.varied_initiatives import varied_initiatives

pytestmark = pytest.mark.django_db

FIGURE = re.compile(r'<span data-figure="(?P<name>[a-z_]+)">(?P<value>\d+)</span>')
SEED = 20261203


def figures_in(html: str) -> list[tuple[str, int]]:
    return [(match["name"], int(match["value"])) for match in FIGURE.finditer(html)]


def health_findings(pack: str) -> list[str]:
    """The third cell of each row of the pack's health check table."""
    table = pack.split('id="health"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.DOTALL)[1:]
    return [strip_tags(re.findall(r"<td>(.*?)</td>", row, flags=re.DOTALL)[-1]).strip() for row in rows]


def pack_for(initiative) -> str:
    content = gather_pack_content(initiative.pk)
    document = pack_document(
        content, version_label="1", generated_at=timezone.now(), fingerprint=content_fingerprint(content)
    )
    return pack_html(document)


def test_the_pack_prints_the_overviews_figures_for_twenty_four_varied_initiatives(client, world):
    client.force_login(world.programme_manager)
    printed = set()

    for initiative in varied_initiatives(world, count=24, seed=SEED):
        overview_html = client.get(initiative.get_absolute_url()).content.decode()
        overview = dict(figures_in(overview_html))
        pack = pack_for(initiative)

        assert set(overview) == set(FIGURES), initiative.title
        for name, value in figures_in(pack):
            assert value == overview[name], f"{initiative.title}: the pack says {name} = {value}"
            printed.add(name)
        # The health check's findings read the same facts, so they read the same words.
        findings = health_findings(pack)
        assert len(findings) == len(health_check(HealthFacts())), initiative.title
        for finding in findings:
            assert finding in strip_tags(overview_html), f"{initiative.title}: {finding}"

    # Over the generated initiatives, the pack printed most of the figures at least once.
    assert len(printed) >= 20, sorted(set(FIGURES) - printed)


def test_a_disputed_term_is_disputed_in_every_place_the_pack_and_overview_mention_it(client, world):
    from tests.governance.register_factories import BodyMeaningFactory, DataDefinitionFactory

    term = DataDefinitionFactory(initiative=world.initiative, term="customer", status="proposed")
    BodyMeaningFactory(definition=term, body=world.lead_body, meaning="A claimant")
    BodyMeaningFactory(definition=term, body=world.partner_body, meaning="A taxpayer")
    DataDefinitionFactory(initiative=world.initiative, term="household", status="proposed")
    client.force_login(world.programme_manager)

    pack = strip_tags(pack_for(world.initiative))
    overview = dict(figures_in(client.get(world.initiative.get_absolute_url()).content.decode()))

    assert (overview["terms_disputed"], overview["terms_not_yet_agreed"]) == (1, 1)
    assert "1 disputed; 1 not yet agreed" in pack
    assert "1 term disputed" in pack
    assert "customer" in pack and "Proposed" not in pack.split("customer", 1)[1].split("household", 1)[0]
