"""What things are: the typed objects, site settings, findings and addresses."""
