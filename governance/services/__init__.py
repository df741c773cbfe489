"""Writes to governance records, one module per area. Views call these; nothing else changes state."""
