"""A bare Flask app answering "hello": the ceiling the page benchmark measures pages against."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    """The cheapest page Flask can serve."""
    return "hello"
