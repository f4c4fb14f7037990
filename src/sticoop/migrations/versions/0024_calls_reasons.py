"""Funding decisions' reasons as data: ``funding_decisions.reason_code`` and ``reason_args`` (see
``sticoop.calls.reasons``), backfilled from the English sentences earlier decisions stored; and a project
partner's funding: ``project_partners.amount`` and ``currency`` (what a funder pays, what a partner receives); and
the language applicants chose for their evaluation summary report, ``proposals.language`` (existing rows: en).

Revision ID: 0024_calls_reasons
Revises: 0020_search
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0024_calls_reasons"
down_revision = "0023_search_vectors"
branch_labels = None
depends_on = None

#: "kind: reason" pairs inside "ineligible (...)", split on "; " before the next known rule kind
KINDS = ("min_partners", "distinct_countries", "region_quota", "coordinator_funded", "funded_partner_per_region",
         "trl_range", "max_budget_per_partner", "max_total_budget", "deadline", "admissibility", "funder_rules")
PAIR = re.compile(r"(?:^|; )(" + "|".join(KINDS) + r"): ")


def read_reason(text: str, shortfalls: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """The (code, arguments) of a reason sentence written by the decisions before this migration."""
    if text.startswith("funded:"):
        return "funded", {}
    if text.startswith("reserve:"):
        return "reserve", {"lacking": [{"funder_id": x["funder_id"], "amount": x["lacking"],
                                        "currency": x["currency"]} for x in shortfalls]}
    if text.startswith("below threshold: "):
        return "below_threshold", {"failing": [k for k in text.removeprefix("below threshold: ").split(", ") if k]}
    found = re.fullmatch(r"not submitted \((\w+)\)", text)
    if found:
        return "not_submitted", {"status": found.group(1)}
    if text == "no consensus report yet":
        return "no_consensus", {}
    if text.startswith("ineligible (") and text.endswith(")"):
        inner = text[len("ineligible ("):-1]
        marks = list(PAIR.finditer(inner))
        rules = [{"kind": m.group(1), "text": inner[m.end():marks[i + 1].start() if i + 1 < len(marks) else None]}
                 for i, m in enumerate(marks)]
        if rules:
            return "ineligible", {"rules": rules}
    return "legacy", {"text": text}


def upgrade() -> None:
    with op.batch_alter_table("funding_decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason_code", sa.String(length=40), nullable=False,
                                      server_default="legacy"))
        batch_op.add_column(sa.Column("reason_args", sa.JSON(), nullable=True))
    decisions = sa.table("funding_decisions", sa.column("id", sa.Integer()), sa.column("reason", sa.String()),
                         sa.column("shortfalls", sa.JSON()), sa.column("reason_code", sa.String()),
                         sa.column("reason_args", sa.JSON()))
    bind = op.get_bind()
    for row in bind.execute(sa.select(decisions.c.id, decisions.c.reason, decisions.c.shortfalls)).all():
        code, args = read_reason(row.reason or "", row.shortfalls or [])
        bind.execute(decisions.update().where(decisions.c.id == row.id).values(reason_code=code, reason_args=args))
    bind.execute(decisions.update().where(decisions.c.reason_args.is_(None)).values(reason_args={}))
    with op.batch_alter_table("funding_decisions", schema=None) as batch_op:  # no table refers to it: safe
        batch_op.alter_column("reason_code", server_default=None, existing_type=sa.String(length=40))
        batch_op.alter_column("reason_args", nullable=False, existing_type=sa.JSON())
    # only ADD COLUMN on proposals: altering a column would make SQLite's batch mode re-create the table, and
    # dropping it would cascade to the rows that refer to it (decisions, reviews, consortium rows...)
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=2), nullable=False, server_default="en"))
    with op.batch_alter_table("project_partners", schema=None) as batch_op:
        batch_op.add_column(sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=True))
        batch_op.add_column(sa.Column("currency", sa.String(length=3), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.drop_column("language")
    with op.batch_alter_table("project_partners", schema=None) as batch_op:
        batch_op.drop_column("currency")
        batch_op.drop_column("amount")
    with op.batch_alter_table("funding_decisions", schema=None) as batch_op:
        batch_op.drop_column("reason_args")
        batch_op.drop_column("reason_code")
