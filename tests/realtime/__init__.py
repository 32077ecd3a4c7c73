"""Tests for portico.realtime (the live-event brokers)."""
