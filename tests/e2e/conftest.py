"""Browser tests: a live server on a SQLite file, Debian's Chromium through Playwright, axe-core."""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Locator, Page, Playwright, expect, sync_playwright
from werkzeug.serving import make_server

from paja.demo import DEMO_PASSWORD, load_demo
from paja.extensions import db
from tests.conftest import make_file_app

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}
BLOCKING = {"serious", "critical"}


# When the browser leaves a page while the test server is still sending it a static file,
# werkzeug's development server (used only here; production runs gunicorn) drops the
# connection and the file's handle is finalised in its thread: a ResourceWarning that pytest
# reports on whichever test comes next. It says nothing about Paja, so only that one is let by
# (the pattern has no colon: filterwarnings splits on them).
DROPPED_STATIC = (
    "ignore:Exception ignored in. <_io.FileIO name='[^']*/static/"
    ":pytest.PytestUnraisableExceptionWarning"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/e2e is a browser test."""
    for item in items:
        if "/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.filterwarnings(DROPPED_STATIC))


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The app with demo data on its own database, CSRF on as in production."""
    app = make_file_app(tmp_path_factory.mktemp("live"), WTF_CSRF_ENABLED=True, SERVER_NAME=None)
    with app.app_context():
        load_demo()
        db.session.commit()
    return app


@pytest.fixture(scope="session")
def base_url(live_app: Flask) -> Iterator[str]:
    """Serve the app on a free loopback port in a background thread."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium (PAJA_CHROMIUM, else /usr/bin/chromium)."""
    executable = os.environ.get("PAJA_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"Chromium not found at {executable}; install Debian's chromium package")
    args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    playwright: Playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=executable, headless=True, args=args)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh browser profile (no cookies) of a Finnish user for each test."""
    context = browser.new_context(
        base_url=base_url, locale="fi-FI", viewport={"width": 1440, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def check_page(page: Page, name: str) -> None:
    """Save a screenshot; fail on a serious or critical axe-core violation or sideways scrolling."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.evaluate(AXE_SOURCE)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    blocking = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]],
        }
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]
    assert blocking == [], f"axe on {name} ({page.url}):\n{json.dumps(blocking, indent=2)}"
    assert result["passes"], "axe ran no checks"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow} px (WCAG 1.4.10 reflow)"
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})  # 1280 px zoomed to 400 %
    try:
        narrow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    finally:
        if size:
            page.set_viewport_size(size)
    assert narrow <= 0, f"{name} scrolls sideways by {narrow} px at 320 px (WCAG 1.4.10)"


def lang_of(page: Page) -> str:
    """The page's <html lang>."""
    return page.locator("html").get_attribute("lang") or ""


def wait_for_path(page: Page, pattern: str) -> None:
    """Wait until the URL path matches a regular expression."""
    page.wait_for_url(re.compile(rf"^[^?]*//[^/]+{pattern}(\?.*)?$"))


def field(page: Page, label: str) -> Locator:
    """A form field by its label (required fields' labels end with an asterisk)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def log_in(page: Page, email: str) -> None:
    """Log in as a demo user through the form."""
    page.goto("/auth/login")
    field(page, "Sähköposti").fill(email)
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page.get_by_role("status")).to_contain_text("Olet kirjautunut sisään.")


def mailed_path(app: Flask, to: str, marker: str) -> str:
    """The path of the newest link containing `marker` in a mail the app sent to `to`."""
    from paja.mail import outbox

    with app.app_context():
        for mail in reversed(outbox()):
            found = re.search(rf"https?://[^/\s]+({re.escape(marker)}\S*)", mail.body)
            if mail.to == to and found:
                return found.group(1)
    raise AssertionError(f"no mail to {to} with a link to {marker}")


def sign_up(page: Page, app: Flask, name: str, email: str, password: str) -> None:
    """Create an account through the sign-up form and the mailed confirmation link."""
    page.goto("/auth/signup")
    field(page, "Nimi").fill(name)
    field(page, "Sähköposti").fill(email)
    page.get_by_role("textbox", name="Salasana", exact=True).fill(password)
    field(page, "Salasana uudelleen").fill(password)
    page.get_by_role("button", name="Luo tili").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Katso sähköpostisi")
    page.goto(mailed_path(app, email, "/auth/confirm/"))
    page.get_by_role("button", name="Luo tilini").click()
    expect(page.get_by_role("status")).to_contain_text("Tervetuloa Pajaan")


def error_message(page: Page) -> Locator:
    """What the page says went wrong: the error summary (which gets the focus) or a message."""
    return page.locator(".error-summary, [role='alert']").first
