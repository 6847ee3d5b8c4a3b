"""Every page a person reaches by following links, and the Nu HTML Checker run over them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from flask.testing import FlaskClient

VNU_JAR = Path(__file__).parent / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Links that end the login, download files or change state on GET are not followed.
NOT_FOLLOWED = re.compile(
    r"^/(static|logout|healthz)|\.(ics|pdf|xlsx|csv|zip|json)$|/(export|download)"
)
NUMBER = re.compile(r"/\d+(?=/|$)")
TOKEN = re.compile(r"/([A-Za-z0-9_-]{20,}|[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})(?=/|$)")


@dataclass(frozen=True)
class Form:
    """A POST form found on a page: where it posts and the values it carries hidden."""

    action: str
    hidden: tuple[tuple[str, str], ...]
    required: bool


class _PageParser(HTMLParser):
    """Collect a page's links and its POST forms."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and values.get("href"):
            self.links.append(urldefrag(urljoin(self.base, values["href"]))[0])
        elif tag == "form" and values.get("method", "get").lower() == "post":
            action = urljoin(self.base, values.get("action") or self.base)
            self._form = {"action": action, "hidden": [], "required": False}
        elif self._form is not None and tag in ("input", "select", "textarea"):
            if values.get("type") == "hidden":
                self._form["hidden"].append((values.get("name", ""), values.get("value", "")))
            elif "required" in values:
                self._form["required"] = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form is not None:
            form = self._form
            self.forms.append(Form(form["action"], tuple(form["hidden"]), form["required"]))
            self._form = None


def pattern(path: str) -> str:
    """The kind of page an address is (ids and tokens left out)."""
    return TOKEN.sub("/<token>", NUMBER.sub("/<n>", path))


def crawl(client: FlaskClient, starts: list[str], per_kind: int = 2) -> Iterator[tuple[str, str]]:
    """(address, HTML) of each page reachable from `starts`, at most `per_kind` of each kind,
    then of each page kind's first POST form that has a required field, sent empty."""
    queue = list(starts)
    seen: set[str] = set()
    kinds: Counter[str] = Counter()
    forms: dict[str, Form] = {}
    while queue:
        address = queue.pop(0)
        parts = urlsplit(address)
        if parts.netloc not in ("", "localhost") or address in seen:
            continue
        seen.add(address)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        kind = pattern(parts.path)
        if NOT_FOLLOWED.search(parts.path) or kinds[kind] >= per_kind:
            continue
        kinds[kind] += 1
        response = client.get(path)
        assert response.status_code < 500, f"{path} answered {response.status_code}"
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        yield path, html
        parser = _PageParser(f"http://localhost{path}")
        parser.feed(html)
        queue.extend(parser.links)
        for form in parser.forms:
            form_kind = pattern(urlsplit(form.action).path)
            if form.required and form_kind not in forms:
                forms[form_kind] = form
    for form in forms.values():
        target = urlsplit(form.action)
        response = client.post(
            target.path + (f"?{target.query}" if target.query else ""), data=dict(form.hidden)
        )
        assert response.status_code < 500, f"POST {target.path} answered {response.status_code}"
        if response.status_code == 200 and response.mimetype == "text/html":
            yield f"POST {target.path}", response.get_data(as_text=True)


def check_html(pages: dict[str, str], folder: Path) -> list[str]:
    """The Nu HTML Checker's errors on the pages, as "address: message" lines."""
    java = shutil.which("java")
    assert java, "The HTML check needs Java (Debian package default-jre-headless)"
    assert VNU_JAR.exists(), "The HTML check needs vnu.jar: npm ci --prefix tests/vnu"
    names: dict[str, str] = {}
    for number, (address, html) in enumerate(pages.items()):
        name = folder / f"page{number}.html"
        name.write_text(html, encoding="utf-8")
        names[name.name] = address
    result = subprocess.run(
        [java, "-Xss1m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{names.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))}: "
        f"{message['message']}"
        f" [{message.get('extract', '').strip()[:80]}]"
        for message in messages
    ]
