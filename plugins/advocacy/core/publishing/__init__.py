"""Publishing: what is published today, generated pages, views, feeds, previews."""
