"""Forms of the feedback package."""
