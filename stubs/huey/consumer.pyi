from typing import Any

from huey import Huey

class Consumer:
    def __init__(self, huey: Huey, workers: int = ..., **kwargs: Any) -> None: ...
    def run(self) -> None: ...
