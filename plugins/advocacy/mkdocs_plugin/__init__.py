"""The MkDocs plugin: a thin adapter from MkDocs' events to the core."""
