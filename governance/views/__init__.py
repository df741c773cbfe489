"""Governance pages, one module per area."""
