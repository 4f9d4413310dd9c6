"""timeline: blocking keys of mentions

Revision ID: 0002c
Revises: 0002b

Two mentions can be one event only when one's anchor (its main participant) is among the
other's participants. `mention.anchor_key` and the `mentionkey` rows (one per participant) are
the two indexed sides of that test, so the resolver reads only the neighbours of a new mention.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002c'
down_revision = '0002b'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.add_column(sa.Column('anchor_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_mention_anchor_key'), ['anchor_key'], unique=False)
    op.create_table('mentionkey',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mention_id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['mention_id'], ['mention.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mentionkey', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentionkey_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentionkey_mention_id'), ['mention_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('mentionkey', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentionkey_mention_id'))
        batch_op.drop_index(batch_op.f('ix_mentionkey_key'))
    op.drop_table('mentionkey')
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mention_anchor_key'))
        batch_op.drop_column('anchor_key')
