"""The old blogs an archive can come from: Jekyll, Hugo and WordPress (WXR), each read into
the importer's common posts and authors."""
