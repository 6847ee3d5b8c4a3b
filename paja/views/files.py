"""A person's prepared files: the page that says a file is on its way, and its download."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from paja.access import role_required
from paja.downloads import prepared_file
from paja.prepared_files import FILE_HOURS, FileStatus, PreparedFile, file_by_token, files_of

bp = Blueprint("files", __name__, url_prefix="/files")


def own_file(token: str) -> PreparedFile:
    """The visitor's file with that token (403 for anyone else's)."""
    prepared = file_by_token(token)
    if prepared is None:
        abort(404)
    if not prepared.belongs_to(current_user):
        abort(403)
    return prepared


@bp.get("/")
@role_required()
def index() -> ResponseReturnValue:
    """The visitor's files of the last day."""
    return render_template("files/index.html", files=files_of(current_user), hours=FILE_HOURS)


@bp.get("/<token>")
@role_required()
def file_page(token: str) -> ResponseReturnValue:
    """Whether the file is ready, and its download link when it is."""
    return render_template(
        "files/file.html", prepared=own_file(token), Status=FileStatus, hours=FILE_HOURS
    )


@bp.get("/<token>/download")
@role_required()
def download(token: str) -> ResponseReturnValue:
    """The file itself, once made."""
    prepared = own_file(token)
    if prepared.status != FileStatus.READY or prepared.data is None:
        abort(404)
    return prepared_file(prepared.data, prepared.content_type, prepared.filename)
