"""Messages and interface words in Danish and English."""
