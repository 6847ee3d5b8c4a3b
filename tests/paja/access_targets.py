"""The objects the access matrix points at, made on first use."""

from datetime import datetime, time
from functools import cached_property

from courses.models import Certificate, Course, EnrolmentKey
from feedback.models import Invitation, Survey, Wish, WishBoard
from incentives.models import Claim, Programme
from paja.api_tokens import ApiToken, create_token
from paja.extensions import db
from paja.job_failures import JobFailure
from paja.models import Organisation, User
from paja.prepared_files import PreparedFile
from paja.webhooks import Delivery, Webhook
from plans.models import Comment, Entry, PersonalFeed, Plan
from tests import factories
from tests.courses import factories as course_factories
from tests.feedback import factories as feedback_factories
from tests.incentives import factories as incentive_factories
from tests.plans import factories as plan_factories
from tests.trainings import event_factories
from tests.trainings import factories as training_factories
from trainings.models import (
    AgendaItem,
    AgendaKind,
    CalendarFeed,
    Channel,
    Event,
    Invoice,
    Offering,
    Order,
    PresentingProject,
    Registration,
    SharedLink,
    Trainer,
    TrainingSession,
)
from trainings.operations.feedback import attach_survey


class Targets:
    """Objects the URLs point at, made on first use; the visitor is not a member of any."""

    @cached_property
    def user(self) -> User:
        return factories.create_user()

    @cached_property
    def organisation(self) -> Organisation:
        return factories.create_organisation(members=(self.user,))

    @cached_property
    def job_failure(self) -> JobFailure:
        return factories.create_job_failure()

    @cached_property
    def prepared_file(self) -> PreparedFile:
        return factories.create_prepared_file(self.user)

    @cached_property
    def trainer(self) -> Trainer:
        return training_factories.create_trainer()

    @cached_property
    def offering(self) -> Offering:
        return training_factories.create_offering(trainers=(self.trainer,))

    @cached_property
    def order(self) -> Order:
        return training_factories.create_order(self.organisation, self.user, self.offering)

    @cached_property
    def private_session(self) -> TrainingSession:
        return training_factories.create_session(self.offering, organisation=self.organisation)

    @cached_property
    def open_session(self) -> TrainingSession:
        return training_factories.create_session(self.offering)

    @cached_property
    def registration(self) -> Registration:
        return training_factories.create_registration(self.open_session, user=self.user)

    @cached_property
    def feed(self) -> CalendarFeed:
        feed = CalendarFeed(user_id=self.user.id)
        db.session.add(feed)
        db.session.commit()
        return feed

    @cached_property
    def session_with_survey(self) -> TrainingSession:
        session = self.private_session
        attach_survey(session)
        db.session.commit()
        return session

    @cached_property
    def survey(self) -> Survey:
        return feedback_factories.create_survey(owner=self.user)

    @cached_property
    def invitation(self) -> Invitation:
        invitation = Invitation(survey_id=self.survey.id, email="kutsuttu@example.fi")
        db.session.add(invitation)
        db.session.commit()
        return invitation

    @cached_property
    def board(self) -> WishBoard:
        board = WishBoard(title="Teemat", owner_id=self.user.id)
        db.session.add(board)
        db.session.commit()
        return board

    @cached_property
    def wish(self) -> Wish:
        wish = Wish(board_id=self.board.id, text="Videot")
        db.session.add(wish)
        db.session.commit()
        return wish

    @cached_property
    def other_wish(self) -> Wish:
        wish = Wish(board_id=self.board.id, text="Podcastit")
        db.session.add(wish)
        db.session.commit()
        return wish

    @cached_property
    def course(self) -> Course:
        return course_factories.create_course(author=self.user)

    @cached_property
    def course_with_check(self) -> Course:
        course_factories.create_skill_check(self.course)
        return self.course

    @cached_property
    def enrolment_key(self) -> EnrolmentKey:
        key = EnrolmentKey(course_id=self.course.id, organisation_id=self.organisation.id)
        db.session.add(key)
        db.session.commit()
        return key

    @cached_property
    def api_token(self) -> ApiToken:
        token, _text = create_token(self.user, "Matriisi", ["account:read"], None)
        db.session.commit()
        return token

    @cached_property
    def webhook(self) -> Webhook:
        hook = Webhook(owner_id=self.user.id, url="http://127.0.0.1:9/x", secret="s" * 64,
                       events_text="registration.created")  # fmt: skip
        db.session.add(hook)
        db.session.commit()
        return hook

    @cached_property
    def webhook_delivery(self) -> Delivery:
        delivery = Delivery(webhook_id=self.webhook.id, event="registration.created",
                            body="{}", status="failed", attempts=7)  # fmt: skip
        db.session.add(delivery)
        db.session.commit()
        return delivery

    @cached_property
    def invoice(self) -> Invoice:
        return training_factories.create_invoice(self.order)

    @cached_property
    def certificate(self) -> Certificate:
        return course_factories.certificate_of(course_factories.complete(self.user, self.course))

    @cached_property
    def event(self) -> Event:
        return event_factories.create_event(days=1)

    @cached_property
    def event_day(self) -> TrainingSession:
        return event_factories.days_of(self.event)[0]

    @cached_property
    def event_registration(self) -> Registration:
        return event_factories.register(self.event, [self.event_day])[0]

    @cached_property
    def project(self) -> PresentingProject:
        project = PresentingProject(event_id=self.event.id, name="OmaKehu")
        db.session.add(project)
        db.session.commit()
        return project

    @cached_property
    def agenda_item(self) -> AgendaItem:
        item = AgendaItem(session_id=self.event_day.id, starts_at=time(9),
                          kind=AgendaKind.INTRODUCTION, title="Johdatus")  # fmt: skip
        db.session.add(item)
        db.session.commit()
        return item

    @cached_property
    def shared_link(self) -> SharedLink:
        link = SharedLink(event_id=self.event.id, email=self.event_registration.email,
                          owner_token=self.event_registration.personal_token,
                          url="https://x.com/hanke", channel="x")  # fmt: skip
        db.session.add(link)
        db.session.commit()
        return link

    @cached_property
    def channel(self) -> Channel:
        return training_factories.create_channel()

    @cached_property
    def plan(self) -> Plan:
        return plan_factories.org_plan()

    @cached_property
    def plan_entry(self) -> Entry:
        return plan_factories.entry(self.plan, datetime(2027, 3, 2, 10))

    @cached_property
    def plan_comment(self) -> Comment:
        comment = Comment(plan_id=self.plan.id, section_key="1", author=self.plan.owner, body="Hei")
        db.session.add(comment)
        db.session.commit()
        return comment

    @cached_property
    def personal_feed(self) -> PersonalFeed:
        feed = PersonalFeed(user_id=self.plan.owner_id)
        db.session.add(feed)
        db.session.commit()
        return feed

    @cached_property
    def programme(self) -> Programme:
        return incentive_factories.programme(self.organisation)

    @cached_property
    def claim(self) -> Claim:
        person = incentive_factories.participant(self.programme)
        made = Claim(participant=person, activity_type=incentive_factories.logged_type(self.programme),
                     done_on=self.programme.starts_on, evidence_text="Haastattelu")  # fmt: skip
        db.session.add(made)
        db.session.commit()
        return made
