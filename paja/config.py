"""Configuration read from environment variables."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET_KEY = "dev-only-secret-change-me"  # noqa: S105 (a known placeholder, refused in production)


class ConfigError(RuntimeError):
    """The configuration cannot be used (e.g. production with a default secret)."""


def _bool(value: str | None, default: bool = False) -> bool:
    """Read a yes/no environment value."""
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# zxcvbn's estimate of the guesses an attacker needs (log10): a random 32-hex key is about 32,
# `changeme` repeated about 3, a keyboard run about 12.
MIN_SECRET_GUESSES_LOG10 = 28


def _check_secret(secret: str) -> None:
    """Production refuses a missing, default, short or low-entropy SECRET_KEY."""
    from zxcvbn import zxcvbn  # 12 MB of word lists: only where they are needed

    if (
        secret == DEFAULT_SECRET_KEY
        or len(secret) < 32
        or len(set(secret)) < 12
        or zxcvbn(secret[:100])["guesses_log10"] < MIN_SECRET_GUESSES_LOG10
    ):
        raise ConfigError(
            "PAJA_ENV=production needs SECRET_KEY: a random value of at least 32 characters, "
            "e.g. python -c 'import secrets; print(secrets.token_hex(32))'"
        )


def _base_url(env: dict[str, str], production: bool) -> str:
    """PAJA_BASE_URL: where Paja is reached; every link in mails, feeds and PDFs starts with it."""
    url = env.get("PAJA_BASE_URL", "").strip().rstrip("/")
    if not url and not production:
        return "http://localhost:5000"
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.query:
        raise ConfigError(
            f"PAJA_BASE_URL must be an address like https://paja.example.fi, not {url!r}"
        )
    if production and parts.scheme != "https":
        raise ConfigError("PAJA_ENV=production needs an https:// PAJA_BASE_URL")
    return url


def _trusted_hosts(env: dict[str, str], base_url: str, production: bool) -> list[str] | None:
    """The Host headers production answers (others get 400): the base address's and any extra."""
    extra = [h.strip() for h in env.get("PAJA_TRUSTED_HOSTS", "").split(",") if h.strip()]
    if not production and not extra:
        return None
    return [str(urlsplit(base_url).hostname), *extra]


def _database_url(env: dict[str, str], instance_path: Path) -> str:
    """The SQLAlchemy URL: DATABASE_URL, else a SQLite file in instance/."""
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{instance_path / 'paja.sqlite3'}"
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy needs the driver named.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_config(
    env: dict[str, str] | None = None, instance_path: Path | None = None
) -> dict[str, Any]:
    """Build the Flask configuration from environment variables."""
    env = dict(os.environ if env is None else env)
    instance_path = instance_path or PROJECT_ROOT / "instance"
    paja_env = env.get("PAJA_ENV", "development").strip().lower()
    if paja_env not in {"development", "production"}:
        raise ConfigError(f"PAJA_ENV must be 'development' or 'production', not {paja_env!r}")
    production = paja_env == "production"
    secret = env.get("SECRET_KEY", "")
    if production:
        _check_secret(secret)
    base_url = _base_url(env, production)
    return {
        "PAJA_ENV": paja_env,
        "SECRET_KEY": secret or DEFAULT_SECRET_KEY,
        "PAJA_BASE_URL": base_url,
        # Proxies in front of Paja whose X-Forwarded-For/-Proto to trust (rate limits count
        # the visitor's address, not the proxy's); 0 when browsers reach Paja directly.
        "PAJA_PROXIES": int(env.get("PAJA_PROXIES", "0") or 0),
        # Set by gunicorn.conf.py: a web worker leaves out what only `paja` commands need.
        "PAJA_WEB_WORKER": _bool(env.get("PAJA_WEB_WORKER"), default=False),
        "TRUSTED_HOSTS": _trusted_hosts(env, base_url, production),
        "SQLALCHEMY_DATABASE_URI": _database_url(env, instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_DURATION": timedelta(days=30),
        "PREFERRED_URL_SCHEME": "https" if production else "http",
        "WTF_CSRF_TIME_LIMIT": None,
        "PASSWORD_HASH_METHOD": "scrypt",
        "BOOTSTRAP_SERVE_LOCAL": True,
        "BABEL_DEFAULT_LOCALE": "fi",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Helsinki",
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
        # Counters shared by every process on this machine; redis://… for several machines.
        "RATELIMIT_STORAGE_URI": env.get(
            "RATELIMIT_STORAGE_URI", f"paja-sqlite:///{instance_path / 'ratelimits.sqlite3'}"
        ),
        "RATELIMIT_ENABLED": _bool(env.get("RATELIMIT_ENABLED"), default=True),
        "RATELIMIT_HEADERS_ENABLED": True,
        # Where background jobs wait: run at once (development), a SQLite file `paja jobs`
        # works through (one machine), or redis://… (several machines).
        "JOBS_URL": env.get(
            "JOBS_URL", f"sqlite:///{instance_path / 'jobs.sqlite3'}" if production else "immediate"
        ),
        # Where the data generation of cached public pages is shared: a folder (one machine),
        # redis://… (several machines), memory (tests) or off.
        "CACHE_URL": env.get("CACHE_URL", f"file://{instance_path / 'cache'}"),
        "MAIL_BACKEND": env.get("MAIL_BACKEND", "smtp" if production else "console"),
        "MAIL_FOLDER": env.get("MAIL_FOLDER", str(instance_path / "mail")),
        "MAIL_SERVER": env.get("MAIL_SERVER", "localhost"),
        "MAIL_PORT": int(env.get("MAIL_PORT", "587")),
        "MAIL_USERNAME": env.get("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD", ""),
        "MAIL_USE_TLS": _bool(env.get("MAIL_USE_TLS"), default=True),
        "MAIL_DEFAULT_SENDER": env.get("MAIL_DEFAULT_SENDER", "Paja <no-reply@paja.example>"),
        "SELLER_NAME": env.get("SELLER_NAME", "Viestintä-Piritta Oy"),
        "SELLER_BUSINESS_ID": env.get("SELLER_BUSINESS_ID", "1234567-1"),
        "SELLER_ADDRESS": env.get("SELLER_ADDRESS", "Esimerkkikatu 1, 00100 Helsinki"),
        "SELLER_EMAIL": env.get("SELLER_EMAIL", "tilaukset@paja.example"),
        "SELLER_IBAN": env.get("SELLER_IBAN", "FI21 1234 5600 0007 85"),
        "SELLER_VAT_ID": env.get("SELLER_VAT_ID", "FI12345671"),
        "SELLER_LOGO": env.get("SELLER_LOGO", ""),  # a PNG or JPEG file for certificates
        "SELLER_BIC": env.get("SELLER_BIC", "NDEAFIHH"),
        # The provider's brand on pages, mails and PDFs: a name, and PNG/SVG/ICO files.
        "SITE_NAME": env.get("SITE_NAME", "Paja"),
        "SITE_LOGO": env.get("SITE_LOGO", ""),
        "SITE_FAVICON": env.get("SITE_FAVICON", ""),
        # Invoices: days to pay, and the reference kind: "fi" (viitenumero, barcode
        # version 4) or "rf" (RF creditor reference, version 5).
        "PAYMENT_TERMS_DAYS": int(env.get("PAYMENT_TERMS_DAYS", "14")),
        "INVOICE_REFERENCE": env.get("INVOICE_REFERENCE", "fi"),
        "INVOICE_FIRST_NUMBER": int(env.get("INVOICE_FIRST_NUMBER", "1001")),
        # How many days before an ordered workshop its customer contact gets the reminder.
        "CUSTOMER_REMINDER_DAYS": int(env.get("CUSTOMER_REMINDER_DAYS", "3")),
        # The Ed25519 key Open Badges credentials are signed with (PEM); made on first use.
        "OB3_KEY_FILE": env.get("OB3_KEY_FILE", str(instance_path / "ob3-ed25519.pem")),
    }
