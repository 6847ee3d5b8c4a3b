"""Forms of the incentives package."""
