"""security and privacy: personal pages per registration, link owners, anonymous answers

Revision ID: 0010_security_privacy
Revises: 0009_network_days
Create Date: 2026-11-30 08:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0010_security_privacy'
down_revision = '0009_network_days'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('personal_token', sa.String(length=64), nullable=True))
    # An earlier personal link (a registration's cancel token) keeps opening that day only.
    op.execute("UPDATE registrations SET personal_token = cancel_token")
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.alter_column('personal_token', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_index(batch_op.f('ix_registrations_personal_token'), ['personal_token'], unique=False)

    with op.batch_alter_table('shared_links', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_token', sa.String(length=64), server_default='', nullable=False))
    # A participant's link belongs to the page of their first registration to the event.
    op.execute(
        "UPDATE shared_links SET owner_token = COALESCE(("
        " SELECT r.personal_token FROM registrations r JOIN sessions s ON s.id = r.session_id"
        " WHERE s.event_id = shared_links.event_id AND r.email = shared_links.email"
        " ORDER BY r.id LIMIT 1), '') WHERE email != ''"
    )
    with op.batch_alter_table('shared_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shared_links_owner_token'), ['owner_token'], unique=False)


    with op.batch_alter_table('surveys', schema=None) as batch_op:
        batch_op.add_column(sa.Column('open_to_accounts', sa.Boolean(), server_default=sa.false(), nullable=False))
    # Surveys of their own kept their link for logged-in users; a session's feedback is by invitation.
    op.execute(
        "UPDATE surveys SET open_to_accounts = true WHERE id NOT IN ("
        " SELECT feedback_survey_id FROM sessions WHERE feedback_survey_id IS NOT NULL)"
    )
    op.create_table('survey_answerers',
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_answerers_survey_id_surveys'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_survey_answerers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('survey_id', 'user_id', name=op.f('pk_survey_answerers'))
    )
    with op.batch_alter_table('survey_answerers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_answerers_user_id'), ['user_id'], unique=False)
    op.execute(
        "INSERT INTO survey_answerers (survey_id, user_id)"
        " SELECT survey_id, user_id FROM responses WHERE user_id IS NOT NULL"
    )
    # The anonymity promise: an anonymous survey's answers link to no account or invitation.
    op.execute(
        "UPDATE responses SET user_id = NULL, invitation_id = NULL"
        " WHERE survey_id IN (SELECT id FROM surveys WHERE anonymous = true)"
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('erased_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_entries_actor_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_at'), ['at'], unique=False)
    op.create_table('pending_signups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=False),
    sa.Column('locale', sa.String(length=5), nullable=True),
    sa.Column('purpose', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pending_signups')),
    sa.UniqueConstraint('token', name=op.f('uq_pending_signups_token'))
    )
    with op.batch_alter_table('pending_signups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pending_signups_email'), ['email'], unique=False)


def downgrade():
    op.drop_table('pending_signups')
    op.drop_table('audit_entries')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('erased_at')
    with op.batch_alter_table('survey_answerers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_answerers_user_id'))
    op.drop_table('survey_answerers')
    with op.batch_alter_table('surveys', schema=None) as batch_op:
        batch_op.drop_column('open_to_accounts')
    with op.batch_alter_table('shared_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shared_links_owner_token'))
        batch_op.drop_column('owner_token')
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registrations_personal_token'))
        batch_op.drop_column('personal_token')
