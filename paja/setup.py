"""Binding extensions, template helpers and blueprints to an app."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Flask, has_request_context
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.util import identity_key
from werkzeug.routing import IntegerConverter, Map

from paja.access import AnonymousUser
from paja.api import API_RATE, api_rate_key, init_api
from paja.audit import purge_audit
from paja.config import PROJECT_ROOT
from paja.database import render_migration_item
from paja.extensions import babel, bootstrap, csrf, db, limiter, login_manager
from paja.fields import INT_MAX
from paja.forms import ROLE_LABELS, page_has_errors
from paja.i18n import (
    LANGUAGE_NAMES,
    clock,
    content_lang,
    current_language,
    day,
    days,
    hours,
    money,
    number,
    period,
    select_locale,
    select_timezone,
    when,
)
from paja.job_failures import purge_failures, recent_failures
from paja.links import absolute_url
from paja.markdown import render_markdown
from paja.models import Role, User
from paja.page_cache import init_page_cache, remembered
from paja.prepared_files import purge_files
from paja.ratelimits import SQLiteStorage
from paja.security import install_security_headers
from paja.signups import purge_pending
from paja.start_page import Panel, add_panel
from paja.webhooks import purge_deliveries


def init_extensions(app: Flask) -> None:
    """Bind every extension and the template helpers to the app."""
    db.init_app(app)
    if not app.config["PAJA_WEB_WORKER"]:  # web workers never migrate: 11 MB less each
        from flask_migrate import Migrate

        Migrate(
            app,
            db,
            directory=str(PROJECT_ROOT / "migrations"),
            render_as_batch=True,
            compare_type=True,
            render_item=render_migration_item,
        )
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    bootstrap.init_app(app)
    limiter.init_app(app)
    init_page_cache(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.anonymous_user = AnonymousUser
    login_manager.user_loader(load_user)
    app.jinja_env.filters.update(
        money=money,
        number=number,
        when=when,
        day=day,
        clock=clock,
        period=period,
        days=days,
        hours=hours,
        markdown=render_markdown,
    )
    app.jinja_env.globals.update(
        LANGUAGE_NAMES=LANGUAGE_NAMES,
        absolute_url=absolute_url,
        current_language=current_language,
        content_lang=content_lang,
        page_has_errors=page_has_errors,
        role_labels=ROLE_LABELS,
        Role=Role,
    )
    app.jinja_env.add_extension("jinja2.ext.do")

    from paja.cli import PURGERS, register_commands

    register_commands(app)
    app.extensions.setdefault(PURGERS, {})["audit entries"] = purge_audit
    app.extensions[PURGERS]["rate-limit counters"] = purge_counters
    app.extensions[PURGERS]["unconfirmed sign-ups"] = purge_pending
    app.extensions[PURGERS]["failed background jobs"] = purge_failures
    app.extensions[PURGERS]["prepared files"] = purge_files
    app.extensions[PURGERS]["webhook deliveries"] = purge_deliveries
    failed_jobs = Panel(
        "failed_jobs", "start/failed_jobs.html", frozenset({Role.ADMIN}), recent_failures, 12
    )
    add_panel(app, failed_jobs)


def purge_counters(now: datetime) -> int:
    """Delete rate-limit counters whose window is over (when they live in the SQLite file)."""
    if not limiter.enabled:  # switched off: no storage was opened
        return 0
    storage = limiter.storage
    return storage.purge() if isinstance(storage, SQLiteStorage) else 0


def load_user(login_id: str) -> User | None:
    """Load the logged-in user from the session, if still active and the token matches."""
    user_id, _, token = login_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = _known_user(int(user_id))
    if user is None or not user.active or user.session_token != token:
        return None
    return user


def _known_user(user_id: int) -> User | None:
    """The user with their roles (which every menu and access check needs): while nothing
    has changed anywhere, from this process's remembered copy without SQL, else one query."""
    if identity_key(User, user_id) in db.session.identity_map:
        return db.session.get(User, user_id)
    kept = remembered(
        f"login:{user_id}",
        lambda: db.session.get(User, user_id, options=[joinedload(User.role_links)]),
    )
    return None if kept is None else db.session.merge(kept, load=False)


class IdConverter(IntegerConverter):
    """`<int:…>` in every route: a number a 32-bit id column can hold, else 404 (not a 500)."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", INT_MAX)
        super().__init__(url_map, *args, **kwargs)


def register_blueprints(app: Flask) -> None:
    """Register the shell's and the domain packages' blueprints, and the error pages.

    This is the one place that names every blueprint.
    """
    app.url_map.converters["int"] = IdConverter
    import courses
    import feedback
    import incentives
    import plans
    import trainings
    from paja.views import (
        account,
        admin,
        api_docs,
        api_tokens,
        auth,
        errors,
        files,
        main,
        organisations,
        webhooks,
    )

    blueprints = (
        *(main, auth, account, admin, organisations, files),
        *(feedback, trainings, courses, plans, incentives),
    )
    for module in blueprints:
        app.register_blueprint(module.bp)
    app.register_blueprint(courses.verify_bp)
    app.register_blueprint(courses.views.badges.well_known_bp)
    app.register_blueprint(api_tokens.bp)
    app.register_blueprint(api_docs.bp)
    app.register_blueprint(webhooks.bp)
    _register_api(app)
    errors.register(app)
    install_security_headers(app)

    @app.context_processor
    def navigation() -> dict[str, object]:
        """What the header shows depends on the user's roles."""
        user = current_user
        if not has_request_context():  # a mail from a `paja` command: nobody is logged in
            return {"is_admin": False}
        return {"is_admin": user.is_authenticated and user.has_role(Role.ADMIN)}


def _register_api(app: Flask) -> None:
    """The REST API: each package's API blueprint, token-authenticated (so no CSRF token,
    which protects cookie sessions), rate-limited per token."""
    import courses.api
    import feedback.api
    import incentives.api
    import plans.api
    import trainings.api
    from paja.views import api_account

    api = init_api(app)
    packages = (api_account, feedback.api, trainings.api, courses.api, plans.api, incentives.api)
    for blueprint in (package.blp for package in packages):
        csrf.exempt(blueprint)
        limiter.limit(API_RATE, key_func=api_rate_key)(blueprint)
        api.register_blueprint(blueprint)


def connect_subscriptions() -> None:
    """Connect each listening package's receivers of lower packages' signals.

    Every cross-package reaction is in a package's subscriptions.py; this names them all.
    Connecting is idempotent, so building several apps (tests do) connects each receiver once.
    """
    import courses.subscriptions
    import incentives.subscriptions

    courses.subscriptions.connect()
    incentives.subscriptions.connect()
