from typing import Any

class Task:
    name: str
    args: tuple[Any, ...]
    retries: int

class TaskWrapper:
    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...
    def s(self, *args: Any, **kwargs: Any) -> Task: ...
