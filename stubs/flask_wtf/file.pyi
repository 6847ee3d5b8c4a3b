# Types of Flask-WTF's file fields that Paja uses.
from typing import Any

from wtforms import FileField as _FileField

class FileField(_FileField):
    data: Any

class FileRequired:
    def __init__(self, message: str | None = ...) -> None: ...
    def __call__(self, form: object, field: object) -> None: ...
