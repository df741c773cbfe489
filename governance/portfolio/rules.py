"""Who has a portfolio: members of a body (their bodies' initiatives), portfolio offices (what their
grant covers) and administrators (everything). Which initiatives it lists is
Initiative.objects.in_portfolio_of(user)."""

import rules

from initiatives.rules import is_administrator, is_body_member, is_portfolio_office

VIEW_PORTFOLIO = "governance.view_portfolio"

rules.add_perm(VIEW_PORTFOLIO, is_body_member | is_portfolio_office | is_administrator)
