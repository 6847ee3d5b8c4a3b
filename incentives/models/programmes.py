"""A programme: its managers, categories, teams and the activity types that give points."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from courses.models import Course
from incentives.labels import Source, StandingView
from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.extensions import db
from paja.i18n import current_language
from paja.models import Membership, Organisation, User
from trainings.models import Offering

programme_offerings = sa.Table(
    "programme_offerings",
    Base.metadata,
    sa.Column("programme_id", sa.ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("offering_id", sa.ForeignKey("offerings.id", ondelete="CASCADE"), primary_key=True),
)
programme_courses = sa.Table(
    "programme_courses",
    Base.metadata,
    sa.Column("programme_id", sa.ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("course_id", sa.ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
)


class ProgrammeManager(Base):
    """A member an organisation's customer contact (or an admin) named to run its programmes."""

    __tablename__ = "programme_managers"

    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(lazy="joined", innerjoin=True)


def manages(organisation_id: int, user: User) -> bool:
    """Whether the user is a programme manager of the organisation (and still its member)."""
    if not user.is_authenticated:
        return False
    named = db.session.get(ProgrammeManager, (organisation_id, user.id)) is not None
    return named and db.session.get(Membership, (organisation_id, user.id)) is not None


class Programme(Base):
    """An organisation's incentive programme: opt-in, with its own categories and boards."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(200))
    purpose: Mapped[str] = mapped_column(sa.Text)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    standing_view: Mapped[StandingView] = mapped_column(
        string_enum(StandingView), default=StandingView.NEIGHBOURS
    )
    level_points: Mapped[int] = mapped_column(default=50)  # points from one level to the next
    keep_days: Mapped[int] = mapped_column(default=365)  # personal ledger kept after the end
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship(lazy="joined", innerjoin=True)
    categories: Mapped[list[Category]] = relationship(
        order_by="Category.position", lazy="selectin", cascade="all, delete-orphan"
    )
    teams: Mapped[list[Team]] = relationship(
        order_by="Team.name", lazy="selectin", cascade="all, delete-orphan"
    )
    offerings: Mapped[list[Offering]] = relationship(secondary=programme_offerings)
    courses: Mapped[list[Course]] = relationship(secondary=programme_courses)

    def is_running(self, today: date) -> bool:
        """Whether points are counted today."""
        return self.starts_on <= today <= self.ends_on

    def can_view(self, user: User) -> bool:
        """Members of the organisation read the programme (and may join it)."""
        if not user.is_authenticated:
            return False
        return db.session.get(Membership, (self.organisation_id, user.id)) is not None

    def can_manage(self, user: User) -> bool:
        """The organisation's programme managers run it (admins name managers, nothing more)."""
        return manages(self.organisation_id, user)


class Category(Base):
    """A category with its own points, levels and boards, named in the three languages."""

    __tablename__ = "programme_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name_fi: Mapped[str] = mapped_column(sa.String(120))
    name_sv: Mapped[str] = mapped_column(sa.String(120), default="")
    name_en: Mapped[str] = mapped_column(sa.String(120), default="")

    activity_types: Mapped[list[ActivityType]] = relationship(
        back_populates="category",
        order_by="ActivityType.id",
        lazy="selectin",
        cascade="all, delete-orphan",
    )

    @property
    def name(self) -> str:
        """The name in the page's language (Finnish when not translated)."""
        language = current_language()
        return str(getattr(self, f"name_{language}", "") or self.name_fi)


class Team(Base):
    """A unit of the organisation; its board shows only when it has three participants."""

    __tablename__ = "programme_teams"
    __table_args__ = (sa.UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(120))


class ActivityType(Base):
    """What gives points in a category: logged with evidence, or counted from what people do."""

    __tablename__ = "programme_activity_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programme_categories.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(200))
    points: Mapped[int]
    source: Mapped[Source] = mapped_column(string_enum(Source), default=Source.LOGGED)
    evidence_required: Mapped[bool] = mapped_column(default=False)
    needs_approval: Mapped[bool] = mapped_column(default=True)
    cap_day: Mapped[int | None]
    cap_week: Mapped[int | None]
    cap_programme: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)

    category: Mapped[Category] = relationship(back_populates="activity_types", lazy="joined")
