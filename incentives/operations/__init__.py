"""Rules of the incentives package that change data: flush, never commit."""
