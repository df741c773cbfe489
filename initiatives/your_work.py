"""Your work: what each kind of record asks of the signed-in person, for the home page.

initiatives sits below governance and people and never imports them: each app registers its
kinds here in its AppConfig.ready (initiatives: "stop doing" commitments; governance: decisions,
risks, actions, measures and assurance; people: invitations). A kind's finder takes the person and
returns its items from one queryset (two at most), so the home page costs the same number of
queries however many initiatives the person works on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict, overload

from django.db.models import Count, Window

from initiatives.querysets import visibility_read_once

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from initiatives.models import User


class WorkItem(TypedDict):
    """One task-list row: what to do, where it is done, a hint, and a status (a TAG_COLOURS key)."""

    title: str
    href: str
    hint: str
    status: str
    status_label: str
    # Said to screen readers after the title, so two items titled alike in two initiatives
    # ("D001: Approve the budget") are two different links.
    context: NotRequired[str]


# The home page shows this many items of each kind, each kind's count, and a link to all of them, so it
# stays short however much is waiting.
SHOWN_AT_HOME = 5


class WorkItems(Sequence[WorkItem]):
    """A kind's items built only for the rows shown: for a kind that can run to thousands (a programme
    manager's actions), so the home page and each page of the kind cost the same however many there
    are. Counted once, in the database; a slice is one query for its rows, and the home page's first
    few come with the count in that one query."""

    def __init__(self, records: QuerySet, item: Callable[[Any], WorkItem]) -> None:
        self.records = records
        self.item = item

    @cached_property
    def _count(self) -> int:
        return self.records.count()

    def __len__(self) -> int:
        return self._count

    def count(self) -> int:  # type: ignore[override]  # as a queryset's, for the paginator
        return self._count

    def first(self, number: int) -> list[WorkItem]:
        """The first `number` items, counting all of them in the same query (a window over the
        rows before the LIMIT), so the home page asks once per kind."""
        rows = list(self.records.annotate(in_all=Window(Count("pk")))[:number])
        self.__dict__["_count"] = rows[0].in_all if rows else 0
        return [self.item(record) for record in rows]

    @overload
    def __getitem__(self, index: int) -> WorkItem: ...
    @overload
    def __getitem__(self, index: slice) -> list[WorkItem]: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.item(record) for record in self.records[index]]
        return self.item(self.records[index])


@dataclass(frozen=True)
class WorkKind:
    key: str  # the section's id on the home page
    heading: str
    items: Sequence[WorkItem]

    @property
    def count(self) -> int:
        return len(self.items)

    @cached_property
    def first_items(self) -> list[WorkItem]:
        """What the home page shows of the kind: the rest are on the kind's own page."""
        if isinstance(self.items, WorkItems):
            return self.items.first(SHOWN_AT_HOME)
        return list(self.items[:SHOWN_AT_HOME])

    @property
    def has_more(self) -> bool:
        return self.count > SHOWN_AT_HOME


WorkFinder = Callable[["User"], WorkKind]

_finders: list[tuple[int, WorkFinder]] = []


def register_work(order: int) -> Callable[[WorkFinder], WorkFinder]:
    """Register a finder, shown at its `order` among the others (10: decisions awaiting you, ...)."""

    def register(finder: WorkFinder) -> WorkFinder:
        if all(registered is not finder for _, registered in _finders):
            _finders.append((order, finder))
            _finders.sort(key=lambda each: each[0])
        return finder

    return register


def your_work(user: User) -> list[WorkKind]:
    """Every kind with something for the person to do, in order; nothing for someone signed out."""
    if not user.is_authenticated:
        return []
    with visibility_read_once():
        kinds = (finder(user) for _, finder in _finders)
        # The first items before the count: a lazy kind gets both from one query.
        return [kind for kind in kinds if kind.first_items]


def work_of_kind(user: User, key: str) -> WorkKind | None:
    """All of one kind of the person's work, for its own page; None when no app registered the key."""
    with visibility_read_once():
        for _, finder in _finders:
            kind = finder(user)
            if kind.key == key:
                return kind
    return None
