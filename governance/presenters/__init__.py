"""Shaping governance pages so templates stay free of logic, one module per area."""
