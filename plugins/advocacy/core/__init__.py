"""The core: model, schema, rules and publication decisions.

Nothing in this package imports MkDocs, so the same code serves the CLI, the MkDocs
plugin and whatever replaces MkDocs later.
"""
