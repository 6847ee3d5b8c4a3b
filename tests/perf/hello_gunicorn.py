"""gunicorn settings for the bare "hello" (instead of Paja's gunicorn.conf.py): two sync
workers and no logs, the ceiling the page benchmark measures against."""

workers = 2
worker_class = "sync"
loglevel = "warning"
