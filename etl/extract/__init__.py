"""Extraction: pure functions from article text to facts. No database here."""
