"""timeline: what the resolver needs to re-read from a stored mention

Revision ID: 0002b
Revises: 0001

Settlement is a pure function over a follow-up's stored mentions, so a mention keeps everything
the resolver read from it: subject, claim, whether it looks forward, the time's modifier, and the
block key the resolver files it under (indexed: a block is re-read whenever a mention joins it).
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002b'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('claim', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('forward', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('time_mod', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('time_start', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('block_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_mention_block_key'), ['block_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mention_block_key'))
        for col in ('block_key', 'time_start', 'time_mod', 'forward', 'claim', 'subject'):
            batch_op.drop_column(col)
