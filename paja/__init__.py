"""Paja: workshops, courses, feedback and certificates for training providers."""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from flask import Flask

from paja.config import PROJECT_ROOT, load_config

try:
    __version__ = version("paja")
except PackageNotFoundError:  # pragma: no cover (running from a plain checkout)
    __version__ = "0.0.0"


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the application: configure, bind extensions, register blueprints."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    app.config.from_mapping(load_config(instance_path=PROJECT_ROOT / "instance"))
    if test_config:
        app.config.from_mapping(test_config)
    app.config["PAJA_VERSION"] = __version__
    if (
        app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
        and ":memory:" not in (app.config["SQLALCHEMY_DATABASE_URI"])
    ):
        PROJECT_ROOT.joinpath("instance").mkdir(exist_ok=True)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    from paja.jobs import init_jobs
    from paja.setup import connect_subscriptions, init_extensions, register_blueprints

    if app.config.get("PAJA_PROXIES"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = int(app.config["PAJA_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    init_extensions(app)
    register_blueprints(app)
    connect_subscriptions()
    init_jobs(app)
    return app
