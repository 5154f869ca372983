"""Checking: running the rules, consent, and the rules themselves."""
