"""Media: pictures, picture markup, video and captions, share cards, workers."""
