"""Rules of the feedback package that change data: flush, never commit."""
