"""HR's tools: what a pull request changes, its review, consent and the policy page."""
