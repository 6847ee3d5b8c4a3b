"""Pages rendered once and served again to the same person until anything changes.

A cached page is never stale after a change: its key holds the data *generation*, a random
value replaced after every committed transaction that wrote to the database, in whatever
process it ran (web worker, job worker, `paja` command). The generation lives where every
process sees it: a folder in instance/ by default (one machine, nothing to run), Redis for
several machines (`CACHE_URL`). Pages themselves are kept in each process's memory for
PAGE_SECONDS at most, which also bounds how long a page may lag behind the clock (a session
whose registration has just closed). The form tokens (CSRF) in a page differ per visitor:
the page is rendered with a placeholder and each visitor's own token goes in when served.
A page is kept per person (anonymous visitors share theirs), language and address, after
the view's own access checks have passed for that person; pages with a message (flash),
pages that set a cookie and anything but a plain 200 page are never kept. Pages are kept
compressed, so a worker's memory stays small with many people's pages in it. Anonymous
visitors' pages carry an ETag (generation, address and the visitor's own form token), so a
browser may keep them and ask again with If-None-Match: 304 while nothing changed. Personal
pages stay `no-store`: nothing of a person is kept on a shared computer.
"""

from __future__ import annotations

import hashlib
import secrets
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar
from urllib.parse import urlsplit

from cachelib import BaseCache, FileSystemCache, NullCache, RedisCache, SimpleCache
from flask import (
    Flask,
    Response,
    current_app,
    g,
    get_flashed_messages,
    has_app_context,
    request,
    session,
)
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from paja.extensions import db
from paja.i18n import select_language

CACHE_KEY = "paja.page_cache"
WROTE_KEY = "paja.wrote"
GENERATION_KEY = "paja-generation"
PLACEHOLDER = "paja-form-token-placeholder"
PAGE_SECONDS = 60
PAGES_PER_PROCESS = 200

GENERATION_SEEN = "paja_generation"  # g: the generation when the request began
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
P = ParamSpec("P")


@dataclass
class PageCache:
    """Where the generation is shared and where this process keeps pages."""

    shared: BaseCache
    pages: BaseCache

    def generation(self) -> str:
        """The current data generation (a new one when none is stored yet)."""
        value = self.shared.get(GENERATION_KEY)
        if value is None:
            value = self.renew()
        return str(value)

    def renew(self) -> str:
        """Start a new generation: every page rendered before is unreachable from now on."""
        value = secrets.token_hex(8)
        self.shared.set(GENERATION_KEY, value, timeout=0)
        return value


def init_page_cache(app: Flask) -> None:
    """Give the app its page cache from CACHE_URL."""
    url = app.config["CACHE_URL"]
    pages: BaseCache = SimpleCache(threshold=PAGES_PER_PROCESS, default_timeout=PAGE_SECONDS)
    shared: BaseCache
    if url == "off":
        shared = pages = NullCache()
    elif url == "memory":
        shared = SimpleCache()
    elif url.startswith("file://"):
        folder = Path(urlsplit(url).path)
        folder.mkdir(parents=True, exist_ok=True)
        shared = FileSystemCache(str(folder), threshold=100)
    elif url.startswith(("redis://", "rediss://", "unix://")):
        import redis

        shared = RedisCache(redis.Redis.from_url(url), key_prefix="paja:")
    else:
        raise ValueError(f"CACHE_URL must be off, memory, file:///… or redis://…, not {url!r}")
    app.extensions[CACHE_KEY] = PageCache(shared, pages)
    app.before_request_funcs.setdefault(None, []).insert(0, _note_generation)


def _note_generation() -> None:
    """Read the generation before the request reads any row: what it then computes is at
    least as new as that generation, so it may be remembered under it."""
    setattr(g, GENERATION_SEEN, page_cache().generation())


def _generation_seen() -> str:
    """The generation this request began in (read now outside requests)."""
    return str(g.get(GENERATION_SEEN) or page_cache().generation())


def remember(key: Callable[..., str]) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Make a query function's plain-data result remembered() under key(*its arguments)."""

    def decorate(query: Callable[P, T]) -> Callable[P, T]:
        @wraps(query)
        def remembering(*args: P.args, **kwargs: P.kwargs) -> T:
            return remembered(
                f"{query.__module__}.{query.__name__}:{key(*args, **kwargs)}",
                lambda: query(*args, **kwargs),
            )

        return remembering

    return decorate


def remembered(key: str, compute: Callable[[], T]) -> T:
    """A value computed from the database (plain data, no ORM objects), kept in this process
    until anything changes anywhere, or PAGE_SECONDS at most."""
    cache = page_cache()
    full_key = f"{_generation_seen()}|data|{key}"
    value: T | None = cache.pages.get(full_key)
    if value is None:
        value = compute()
        if not db.session.info.get(WROTE_KEY):  # never what an uncommitted change shows
            cache.pages.set(full_key, value)
    return value


def page_cache() -> PageCache:
    """The current app's page cache."""
    cache: PageCache = current_app.extensions[CACHE_KEY]
    return cache


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, flush_context: Any) -> None:
    """The unit of work wrote rows."""
    session.info[WROTE_KEY] = True


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    """An INSERT, UPDATE or DELETE statement ran through the session."""
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[WROTE_KEY] = True


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    """A committed write starts a new generation."""
    if session.info.pop(WROTE_KEY, False) and has_app_context():
        cache = current_app.extensions.get(CACHE_KEY)
        if cache is not None:
            cache.renew()


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session: Session, previous_transaction: Any) -> None:
    """Nothing of a rolled-back transaction was written."""
    if previous_transaction.parent is None:
        session.info.pop(WROTE_KEY, None)


def _cacheable() -> bool:
    """Whether this request may be answered from, and stored into, the cache."""
    return request.method in {"GET", "HEAD"} and "_flashes" not in session


def _page_key() -> str:
    """Where this request's page is kept: generation, language, person and address."""
    person = str(current_user.id) if current_user.is_authenticated else "-"
    return f"{_generation_seen()}|{select_language()}|{person}|{request.full_path}"


def _with_token(page: str, key: str) -> Response:
    """The page with this visitor's own form token in place of the placeholder; for an
    anonymous visitor with an ETag, or 304 when their browser holds this very page."""
    if PLACEHOLDER in page:
        g.pop("csrf_token", None)
        page = page.replace(PLACEHOLDER, generate_csrf())
    if current_user.is_authenticated:
        return Response(page, mimetype="text/html")
    # The form token stays valid while the session's own token does (no time limit).
    tag = hashlib.sha256(f"{key}|{session.get('csrf_token', '')}".encode()).hexdigest()[:32]
    headers = {"ETag": f'"{tag}"', "Cache-Control": "private, no-cache"}
    if tag in request.if_none_match:
        return Response(status=304, headers=headers)
    return Response(page, mimetype="text/html", headers=headers)


def cached_page(view: F) -> F:
    """Serve the view's page from the cache to the same person (see the module); put it
    below the route's access decorators, which therefore run on every request."""

    @wraps(view)
    def serve(*args: Any, **kwargs: Any) -> Any:
        if not _cacheable():
            return view(*args, **kwargs)
        cache = page_cache()
        key = _page_key()
        kept: bytes | None = cache.pages.get(key)
        if kept is not None:
            return _with_token(zlib.decompress(kept).decode(), key)
        g.csrf_token = PLACEHOLDER
        response = current_app.make_response(view(*args, **kwargs))
        g.pop("csrf_token", None)
        if (
            response.status_code != 200
            or response.mimetype != "text/html"
            or "Set-Cookie" in response.headers
            or get_flashed_messages()
            or db.session.info.get(WROTE_KEY)
        ):
            return _restore_token(response)
        page = response.get_data(as_text=True)
        cache.pages.set(key, zlib.compress(page.encode(), 1))
        return _with_token(page, key)

    return serve  # type: ignore[return-value]


def _restore_token(response: Response) -> Response:
    """An uncached response with this visitor's own form token (if it carried one)."""
    if not response.direct_passthrough and response.mimetype == "text/html":
        text = response.get_data(as_text=True)
        if PLACEHOLDER in text:
            response.set_data(text.replace(PLACEHOLDER, generate_csrf()))
    return response
