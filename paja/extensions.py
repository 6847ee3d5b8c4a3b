"""Flask extensions, created here and bound to the app in create_app."""

from __future__ import annotations

from flask import request
from flask_babel import Babel
from flask_bootstrap import Bootstrap5
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

import paja.ratelimits  # noqa: F401 (registers the paja-sqlite:// counter storage)
from paja.database import Base

# Every form sent more often than this is refused with 429; forms that mail someone or check
# a password have tighter limits of their own.
FORM_LIMIT = "60 per 10 minutes"


def limit_key() -> str:
    """Whom a limit counts: the account when logged in, else the address the request came from."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return get_remote_address()


def _not_a_form() -> bool:
    """Only sent forms count towards the default limit; reading pages does not."""
    return request.method != "POST"


db = SQLAlchemy(model_class=Base)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
bootstrap = Bootstrap5()
limiter = Limiter(
    key_func=limit_key, default_limits=[FORM_LIMIT], default_limits_exempt_when=_not_a_form
)
