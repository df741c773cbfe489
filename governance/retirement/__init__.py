"""Retire, don't delete: closing, retiring, withdrawing, ending and standing down records, and restoring them.

One set of fields (models.Retirable), one pair of services (services.retire and services.restore)
and one set of pages (views, driven by the registers in registers.py) serve every register.
See docs/adr/0009-retire-dont-delete.md.
"""
