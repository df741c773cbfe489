"""Assurance: reviewers assigned to an initiative, their reviews, recommendations and delivery confidence."""
