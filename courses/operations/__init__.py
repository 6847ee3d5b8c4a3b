"""Rules of the courses package that change data: flush, never commit."""
