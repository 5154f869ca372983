"""Tests in Chromium (see conftest.py and harness.py)."""
