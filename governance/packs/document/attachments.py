"""The files attached inside the pack's PDF: the complete registers as CSV, as their pages download them."""

from __future__ import annotations

from dataclasses import dataclass

from collab.csv_export import csv_text

# Each register in the snapshot: its file's name after the initiative's, and what it holds.
REGISTER_FILES = [
    ("risks", "risk-register", "The complete risk register: every risk with its scores"),
    ("measures", "measures", "Every shared measure, retired ones too, with its latest reading"),
    ("decisions", "decision-log", "The complete decision log"),
]


@dataclass(frozen=True)
class PackAttachment:
    name: str
    description: str
    text: str


def pack_attachments(content: dict) -> list[PackAttachment]:
    """Packs built from an older snapshot have no registers: nothing is attached to them."""
    registers = content.get("registers") or {}
    slug = content["initiative"]["slug"]
    return [
        PackAttachment(
            name=f"{slug}-{stem}.csv",
            description=description,
            text=csv_text(registers[key]["header"], registers[key]["rows"]),
        )
        for key, stem, description in REGISTER_FILES
        if key in registers
    ]
