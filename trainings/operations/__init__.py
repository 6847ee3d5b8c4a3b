"""Rules of the trainings package that change data: flush, never commit."""
