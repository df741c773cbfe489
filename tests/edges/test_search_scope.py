"""Search never returns a record of an initiative the person cannot see: a property over personas and words.

The seeded demo (several initiatives, bodies and people) is loaded once for the module; each example
searches as one persona for words drawn from every record's title, whichever initiative holds it, or
for any text at all. What the persona may see is worked out here from memberships and review
assignments, not through the queryset the search itself uses.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.search.kinds import KINDS
from governance.search.results import search
from initiatives.models import Initiative, InitiativeRole, Participation
from tests.edges.conftest import PERSONA_EMAILS

pytestmark = pytest.mark.django_db


def initiatives_seen_by(person) -> set[int]:
    bodies = set(person.memberships.values_list("body_id", flat=True))
    by_body = Participation.objects.filter(body_id__in=bodies).values_list("initiative_id", flat=True)
    reviewing = InitiativeRole.objects.filter(
        user=person, role=InitiativeRole.Role.ASSURANCE_REVIEWER
    ).values_list("initiative_id", flat=True)
    return set(by_body) | set(reviewing)


def every_title_word() -> list[str]:
    words: set[str] = set()
    for kind in KINDS.values():
        for title in kind.model._base_manager.values_list(kind.title_field, flat=True):
            words.update(word for word in re.findall(r"\w+", title.lower()) if len(word) > 2)
    return sorted(words)


def every_hit(person, words: str):
    page_number = 1
    while True:
        page = search(user=person, words=words, page_number=page_number).page
        yield from page.object_list
        if not page.has_next():
            return
        page_number += 1


def test_search_never_returns_a_record_of_an_initiative_the_person_cannot_see(seed):
    vocabulary = every_title_word()
    assert Initiative.objects.count() > 1 and len(vocabulary) > 20
    seen = {persona: initiatives_seen_by(person) for persona, person in seed.people.items()}
    assert seen["outsider"] != seen["partner"]
    some_words = st.lists(st.sampled_from(vocabulary), min_size=1, max_size=3).map(" ".join)
    any_text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40)

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(persona=st.sampled_from(sorted(PERSONA_EMAILS)), words=st.one_of(some_words, any_text))
    def no_leaks(persona, words):
        person = seed.people[persona]
        for hit in every_hit(person, words):
            assert hit.kind.initiative_of(hit.record).pk in seen[persona], (persona, words, hit.title)

    no_leaks()


def test_the_demo_gives_the_property_something_to_find(seed):
    """Words of another initiative's records do match there: the property is not vacuously true."""
    partner = seed.people["partner"]
    hits = list(every_hit(partner, seed.initiative.title.split()[0]))
    assert any(hit.kind.initiative_of(hit.record) == seed.initiative for hit in hits)
