"""Comments: write, reply, edit, delete, resolve; mail only the mentioned and the thread."""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import gettext as _

from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.links import absolute_url
from paja.mail import send_mail
from paja.models import User
from plans.mentions import mentioned_in
from plans.models import Comment, Plan
from plans.worksheet import BY_KEY

MAX_LENGTH = 5000


def _checked(body: str) -> str:
    """A comment's text, refused when empty or too long."""
    body = body.strip()
    if not body:
        raise RuleViolation(_("Write a comment first."), "body")
    if len(body) > MAX_LENGTH:
        raise RuleViolation(_("A comment can be at most 5000 characters."), "body")
    return body


def post_comment(
    plan: Plan, section_key: str, author: User, body: str, people: Sequence[User],
    thread: Comment | None = None,
) -> Comment:  # fmt: skip
    """Add a comment (or a reply to a thread) and mail those it concerns."""
    if section_key not in BY_KEY:
        raise RuleViolation(_("This section does not exist."))
    if thread is not None and (thread.plan_id != plan.id or thread.thread_id is not None):
        raise RuleViolation(_("Reply to a thread of this plan."))
    comment = Comment(
        plan_id=plan.id, section_key=thread.section_key if thread else section_key,
        thread_id=thread.id if thread else None, author=author, body=_checked(body),
        mentioned=mentioned_in(body, people),
    )  # fmt: skip
    db.session.add(comment)
    if thread is not None:
        thread.replies.append(comment)
        thread.resolved_at = None  # a reply reopens the thread
    db.session.flush()
    _notify(plan, comment, thread, people)
    return comment


def _notify(plan: Plan, comment: Comment, thread: Comment | None, people: Sequence[User]) -> None:
    """Mail, once each, the people mentioned and those in the thread, never the writer."""
    on_plan = {person.id: person for person in people}
    concerned: dict[int, User] = {p.id: p for p in comment.mentioned}
    if thread is not None:
        for earlier in [thread, *thread.replies]:
            if earlier.author is not None and earlier.deleted_at is None:
                concerned.setdefault(earlier.author.id, earlier.author)
            for person in earlier.mentioned:
                concerned.setdefault(person.id, person)
    concerned.pop(comment.author_id or 0, None)
    link = absolute_url("plans.section", plan_id=plan.id, key=comment.section_key)
    for person in concerned.values():
        if person.id not in on_plan:
            continue  # left the organisation, or no longer shared: nothing to read
        send_mail(
            person.email, "plan_comment", person.locale, plan=plan, comment=comment,
            person=person, reply=thread is not None, mentioned=person in comment.mentioned,
            section=BY_KEY[comment.section_key], link=f"{link}#comment-{comment.id}",
        )  # fmt: skip


def edit_comment(comment: Comment, user: User, body: str, people: Sequence[User]) -> None:
    """Change one's own comment (new mentions are recorded, nobody is mailed again)."""
    if not comment.is_authors(user) or comment.deleted_at is not None:
        raise RuleViolation(_("You can only edit your own comments."))
    comment.body = _checked(body)
    comment.mentioned = mentioned_in(comment.body, people)
    comment.edited_at = utcnow()
    db.session.flush()


def delete_comment(comment: Comment, user: User) -> None:
    """Delete one's own comment; a thread's first comment leaves a note while replies remain."""
    if not comment.is_authors(user) or comment.deleted_at is not None:
        raise RuleViolation(_("You can only delete your own comments."))
    if comment.thread_id is None and comment.replies:
        comment.body = ""
        comment.mentioned = []
        comment.deleted_at = utcnow()
    else:
        db.session.delete(comment)
    db.session.flush()


def set_resolved(comment: Comment, resolved: bool) -> None:
    """Mark a thread resolved, or open it again."""
    if comment.thread_id is not None:
        raise RuleViolation(_("Resolve the thread from its first comment."))
    comment.resolved_at = utcnow() if resolved else None
    db.session.flush()
