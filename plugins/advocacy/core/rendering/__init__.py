"""Rendering Markdown as readers get it, and text with disguises undone."""
