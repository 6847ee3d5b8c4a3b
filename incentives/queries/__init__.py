"""Read-side functions of the incentives package that views call."""
