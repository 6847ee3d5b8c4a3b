"""Business rules of trainings; each flushes and never commits."""
