"""Rules of the plans package that change data: flush, never commit."""
