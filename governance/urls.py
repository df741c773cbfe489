"""Every governance page of an initiative, mounted under /initiatives/<slug>/; each domain lists its own."""

from governance.assurance.urls import urlpatterns as assurance
from governance.decisions.changes.urls import urlpatterns as decision_changes
from governance.decisions.urls import urlpatterns as decisions
from governance.forums.urls import urlpatterns as forums
from governance.glossary.urls import urlpatterns as glossary
from governance.measures.urls import urlpatterns as measures
from governance.packs.urls import urlpatterns as packs
from governance.raci.urls import urlpatterns as raci
from governance.retirement.urls import urlpatterns as retirement
from governance.risks.urls import urlpatterns as risks
from governance.setup.urls import urlpatterns as setup
from governance.spreadsheets.urls import urlpatterns as imports

app_name = "governance"

urlpatterns = [
    *raci,
    *forums,
    *decisions,
    *decision_changes,
    *risks,
    *measures,
    *imports,
    *glossary,
    *assurance,
    *packs,
    *setup,
    *retirement,
]
