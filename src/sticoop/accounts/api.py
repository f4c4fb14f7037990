from datetime import datetime

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from sticoop.accounts.models import ApiToken
from sticoop.accounts.restore import restore
from sticoop.accounts.service import create_token, history, revoke_own_token, signed_in_user
from sticoop.core.api import DB, Actor
from sticoop.core.errors import Forbidden

router = APIRouter(prefix="/audit", tags=["audit"])
tokens_router = APIRouter(prefix="/tokens", tags=["account"])
MAX_TOKEN_DAYS = 365


class AuditOut(BaseModel):
    """One entry of the audit log: a create, change or delete of one record, with its state before and after."""

    model_config = ConfigDict(from_attributes=True)
    id: int = Field(description="The entry's id (increasing with time)")
    at: object = Field(description="When it happened (ISO 8601 date-time, UTC)")
    actor: str = Field(description="User name of who did it (\"system\" for imports and the command line)")
    action: str = Field(description="create, update, status (a status change), delete or merge")
    entity_type: str = Field(description="Kind of record, e.g. commitment, agreement (at most 40 characters)")
    entity_id: int = Field(description="The record's id")
    before: dict | None = Field(description="The record's state before (column: value; null on create)")
    after: dict | None = Field(description="The record's state after (column: value; null on delete)")


@router.get("", response_model=list[AuditOut], summary="The history of one record, newest first")
def record_history(db: DB, entity_type: str = Query(max_length=40), entity_id: int = Query(),
                   limit: int = Query(100, ge=1, le=500)) -> list:
    return history(db, entity_type, entity_id, limit)


@router.post("/{entry_id}/restore", summary="Restore the record to the state this entry recorded (audited)")
def restore_entry(entry_id: int, db: DB, actor: Actor) -> dict:
    obj = restore(db, entry_id, actor)
    return {"entity_id": obj.id, "version": obj.version}


class TokenIn(BaseModel):
    """A new API token for your own account."""

    name: str = Field(min_length=1, max_length=120, description="Your name for it, e.g. \"nightly import\" "
                                                                 "(1–120 characters)")
    days: int = Field(default=90, ge=1, le=MAX_TOKEN_DAYS,
                      description="Days until it expires: 1–365 (at most a year; default 90).")


class TokenOut(BaseModel):
    """One of your API tokens, without its secret."""

    model_config = ConfigDict(from_attributes=True)
    id: int = Field(description="The token's id")
    name: str = Field(description="Your name for it")
    prefix: str = Field(description="First characters of the secret, to tell tokens apart")
    created_at: datetime = Field(description="When it was created (ISO 8601 date-time, UTC)")
    expires_at: datetime | None = Field(description="When it stops working (ISO 8601 date-time, UTC)")
    revoked_at: datetime | None = Field(description="When it was revoked (ISO 8601 date-time, UTC); null if not")
    last_used_at: datetime | None = Field(description="When it was last used (ISO 8601 date-time, UTC; updated at "
                                                      "most once a minute)")


class NewTokenOut(TokenOut):
    """A token just created, with its secret shown this once."""

    token: str = Field(description="The secret: shown this once, store it now.")


@tokens_router.get("", response_model=list[TokenOut], summary="Your API tokens (never their secrets)")
def my_tokens(request: Request, db: DB) -> list:
    user_id = request.state.principal.user_id
    return list(db.scalars(select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id.desc())
                           .limit(200)))


@tokens_router.post("", response_model=NewTokenOut, status_code=201, summary="Create a token; its secret is shown once")
def new_token(payload: TokenIn, request: Request, db: DB) -> dict:
    if request.state.principal.via == "token":
        # a leaked token must not be able to extend itself: new tokens come from a signed-in browser
        raise Forbidden("Create tokens from your account page (signed in), not with another token")
    user = signed_in_user(db, request.state.principal)
    token, secret = create_token(db, user, payload.name, payload.days)
    return {**TokenOut.model_validate(token).model_dump(), "token": secret}


@tokens_router.delete("/{token_id}", status_code=204, summary="Revoke one of your tokens")
def revoke(token_id: int, request: Request, db: DB) -> Response:
    revoke_own_token(db, request.state.principal.user_id, token_id)
    return Response(status_code=204)
