"""Reading the repository: YAML with lines, the schema, posts, authors, the policy."""
