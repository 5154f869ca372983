"""The ``advocacy`` command line."""
