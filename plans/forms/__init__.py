"""Forms of the plans package."""
