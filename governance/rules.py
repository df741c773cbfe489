"""Loads every governance domain's permissions (rules' autodiscovery imports this module).

Each domain declares its own in `governance/<domain>/rules.py`; shared predicates are in
`governance/predicates.py`.
"""

from governance import predicates
from governance.assurance import rules as assurance
from governance.decisions import rules as decisions
from governance.forums import rules as forums
from governance.glossary import rules as glossary
from governance.measures import rules as measures
from governance.packs import rules as packs
from governance.portfolio import rules as portfolio
from governance.raci import rules as raci
from governance.risks import rules as risks
from governance.setup import rules as setup

__all__ = [
    "assurance",
    "decisions",
    "forums",
    "glossary",
    "measures",
    "packs",
    "portfolio",
    "predicates",
    "raci",
    "risks",
    "setup",
]
