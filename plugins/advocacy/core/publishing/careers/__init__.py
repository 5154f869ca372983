"""What makes the blog a careers site: the languages it speaks, the brand, the teams'
profiles (``teams.yml``) and the navigation, as plain data for the templates."""
