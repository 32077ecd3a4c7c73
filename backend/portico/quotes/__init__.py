"""Quotes (seed 002): documents a customer can accept, with versions, visibility, validity and reminders."""
