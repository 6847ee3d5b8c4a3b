"""Forms of the courses package."""
