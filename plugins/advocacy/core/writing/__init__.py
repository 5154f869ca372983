"""Employees' tools: new posts, story templates and story ideas."""
