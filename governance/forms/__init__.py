"""Governance forms, one module per area."""
