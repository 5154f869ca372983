"""The build cache: what a build keeps so the next one does only what changed."""
