"""Forms of the trainings package."""
