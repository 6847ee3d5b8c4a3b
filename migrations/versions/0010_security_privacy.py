"""security and privacy: personal pages per registration, link owners

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


def downgrade():
    with op.batch_alter_table('shared_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shared_links_owner_token'))
        batch_op.drop_column('owner_token')
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registrations_personal_token'))
        batch_op.drop_column('personal_token')
