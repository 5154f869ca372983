"""People in what the site publishes: their names however written, their photos, and the
texts besides posts that name them (pages, profiles, teams, settings)."""
