"""Read-side functions of the plans package that views call."""
