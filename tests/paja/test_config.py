"""Configuration from the environment; production refuses unsafe settings."""

import secrets
from pathlib import Path

import pytest

from paja import create_app
from paja.config import DEFAULT_SECRET_KEY, ConfigError, load_config

pytestmark = pytest.mark.nodb
STRONG_SECRET = "0f4c2d8e9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b"


PRODUCTION = {"PAJA_ENV": "production", "PAJA_BASE_URL": "https://paja.example.fi"}


@pytest.mark.parametrize(
    "secret",
    [
        None,
        "",
        DEFAULT_SECRET_KEY,
        "short-secret",
        " " * 32,
        "changeme" * 4,
        "changeme" * 12,
        "abcdefghijklmnopqrstuvwxyz012345",
        "qwertyuiopasdfghjklzxcvbnm123456",
        "Password1" * 5,
    ],
)
def test_production_refuses_a_missing_default_or_weak_secret(secret: str | None) -> None:
    env = dict(PRODUCTION)
    if secret is not None:
        env["SECRET_KEY"] = secret
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config(env)


def test_production_app_does_not_start_with_the_default_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PAJA_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        create_app()


@pytest.mark.parametrize("secret", [secrets.token_hex(32), secrets.token_urlsafe(32)])
def test_production_accepts_a_random_secret(secret: str) -> None:
    assert load_config({**PRODUCTION, "SECRET_KEY": secret})["SECRET_KEY"] == secret


@pytest.mark.parametrize(
    "base", [None, "", "http://paja.example.fi", "paja.example.fi", "https://"]
)
def test_production_needs_an_https_base_address(base: str | None) -> None:
    env = {"PAJA_ENV": "production", "SECRET_KEY": STRONG_SECRET}
    if base is not None:
        env["PAJA_BASE_URL"] = base
    with pytest.raises(ConfigError, match="PAJA_BASE_URL"):
        load_config(env)


def test_production_answers_only_its_own_hosts() -> None:
    config = load_config(
        {**PRODUCTION, "SECRET_KEY": STRONG_SECRET, "PAJA_TRUSTED_HOSTS": "10.0.0.5, paja.local"}
    )
    assert config["PAJA_BASE_URL"] == "https://paja.example.fi"
    assert config["TRUSTED_HOSTS"] == ["paja.example.fi", "10.0.0.5", "paja.local"]


def test_production_sets_secure_cookies_and_smtp() -> None:
    config = load_config({**PRODUCTION, "SECRET_KEY": STRONG_SECRET})
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["REMEMBER_COOKIE_SECURE"] is True
    assert config["MAIL_BACKEND"] == "smtp"
    assert config["SECRET_KEY"] == STRONG_SECRET


def test_development_defaults(tmp_path: Path) -> None:
    config = load_config({}, instance_path=tmp_path)
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'paja.sqlite3'}"
    assert config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert config["SESSION_COOKIE_SECURE"] is False
    assert config["MAIL_BACKEND"] == "console"
    assert config["BABEL_DEFAULT_LOCALE"] == "fi"
    assert config["BABEL_DEFAULT_TIMEZONE"] == "Europe/Helsinki"
    assert config["PAJA_BASE_URL"] == "http://localhost:5000"
    assert config["TRUSTED_HOSTS"] is None
    assert config["RATELIMIT_STORAGE_URI"] == f"paja-sqlite:///{tmp_path / 'ratelimits.sqlite3'}"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db/paja", "postgresql+psycopg://u:p@db/paja"),
        ("postgresql://u@db/paja", "postgresql+psycopg://u@db/paja"),
        ("postgresql+psycopg://u@db/paja", "postgresql+psycopg://u@db/paja"),
        ("sqlite:////srv/paja.db", "sqlite:////srv/paja.db"),
    ],
)
def test_database_url_names_the_psycopg_driver(given: str, expected: str) -> None:
    assert load_config({"DATABASE_URL": given})["SQLALCHEMY_DATABASE_URI"] == expected


def test_unknown_environment_is_refused() -> None:
    with pytest.raises(ConfigError, match="PAJA_ENV"):
        load_config({"PAJA_ENV": "staging"})


def test_seller_details_come_from_the_environment() -> None:
    config = load_config({"SELLER_NAME": "Koulutus Oy", "SELLER_BUSINESS_ID": "0112038-9"})
    assert config["SELLER_NAME"] == "Koulutus Oy"
    assert config["SELLER_BUSINESS_ID"] == "0112038-9"
