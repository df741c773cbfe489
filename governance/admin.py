"""Django's admin autodiscovery imports this module: it loads each domain's admin registrations."""

from governance.assurance import admin as assurance
from governance.decisions import admin as decisions
from governance.forums import admin as forums
from governance.glossary import admin as glossary
from governance.measures import admin as measures
from governance.packs import admin as packs
from governance.raci import admin as raci
from governance.risks import admin as risks

__all__ = ["assurance", "decisions", "forums", "glossary", "measures", "packs", "raci", "risks"]
