"""The portfolio: every initiative in a person's scope, with its governance facts side by side."""
