"""REST plumbing: a session per request and a router factory giving every entity the same five routes.

(No ``from __future__ import annotations`` here: FastAPI reads the schema classes from the closures'
annotations at definition time.)
"""

import io
import json
from collections.abc import Callable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from sticoop.core.bounds import DB_INT_RANGE, INT_MAX, INT_MIN, DbInt
from sticoop.core.crud import RecordService, flush
from sticoop.core.database import get_engine, new_session
from sticoop.core.downloads import attachment, download_responses
from sticoop.core.errors import Unavailable
from sticoop.core.export import readable
from sticoop.core.keyset import count_bounded
from sticoop.core.listing import ListParams, Page, page_of
from sticoop.core.replicas import replica_for
from sticoop.core.spreadsheet import CsvWriter

#: a record id in a URL path (within the database's integer range: beyond it 422, never a 500)
PathId = Annotated[int, Path(ge=INT_MIN, le=INT_MAX, description=f"Record id ({DB_INT_RANGE})")]

#: a list export is for a person's spreadsheet; a full dump of the database is `sticoop export`
EXPORT_MAX_ROWS = 1_000_000
#: rows read, written and dropped at a time by a streamed export
EXPORT_BATCH = 1_000


def jsonable(item: Any) -> dict[str, Any]:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else jsonable_encoder(item)


def csv_of(records: list[dict[str, Any]], columns: list[str] | None = None, header: bool = True) -> str:
    """Records as CSV with a header row (``columns``, default: every key in order of appearance); lists
    become "a; b" so each record stays on one line. Spreadsheet-safe (``sticoop.core.spreadsheet``): starts
    with a BOM so spreadsheet programs read Vietnamese and French names as UTF-8, formulas neutralised.
    ``header=False``: the rows alone, no BOM (a later batch of a streamed file)."""
    if columns is None:
        columns = []
        for record in records:
            columns.extend(k for k in record if k not in columns)
    out = io.StringIO()
    writer = CsvWriter(out, bom=header)  # BOM, and formulas neutralised (core/spreadsheet.py)
    if header:
        writer.writerow(columns)
    for record in records:
        writer.writerow([_csv_value(record.get(k)) for k in columns])
    return out.getvalue()


def _csv_value(v: Any) -> Any:
    if isinstance(v, list):
        return "; ".join(json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else str(x) for x in v)
    return json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v


def _open_session(request: Request) -> Iterator[Session]:
    """The request's database session, open until the response has been sent (streamed bodies may read)
    and closed then: whatever was not committed by :func:`get_db` is rolled back by the close. A read may be
    served by a replica (:mod:`sticoop.core.replicas`); its session knows the primary for what it must write."""
    primary = getattr(request.app.state, "database_url", None)
    replica = replica_for(request.method, dict(request.headers), dict(request.cookies))
    db = new_session(replica or primary)
    if replica:
        db.info["primary_engine"] = get_engine(primary)
    try:
        yield db
    finally:
        db.close()


def get_db(db: Annotated[Session, Depends(_open_session)]) -> Iterator[Session]:
    """One transaction per request, **committed before the response is sent** (the dependency has
    ``scope="function"``: FastAPI leaves it as soon as the route has returned and its response is built).
    So a 2xx means committed; a failed commit raises and the client gets a 409/5xx, never a 2xx. Any
    error in the route rolls everything back."""
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    commit(db)


def commit(db: Session) -> None:
    """Commit, or raise the error the client should get: a constraint clash or a lost race is a 409, a
    database that cannot take the write now (locked, gone) a 503; the transaction is rolled back either way."""
    try:
        flush(db, "The change")
        db.commit()
    except OperationalError as exc:
        db.rollback()
        raise Unavailable("The database could not save the change; nothing was saved, try again") from exc
    except BaseException:
        db.rollback()
        raise


def request_session(request: Request) -> Session:
    """A short read-only session of the request's own user, for page parts that look things up themselves
    (the Sources and History boxes): scoped exactly like the request's main session."""
    from sticoop.core.principal import ANONYMOUS, act_as

    db = new_session(getattr(request.app.state, "database_url", None))
    act_as(db, getattr(request.state, "principal", ANONYMOUS))
    return db


def current_actor(request: Request) -> str:
    """The signed-in user's name, for created_by/updated_by and the audit log (set by authentication)."""
    principal = getattr(request.state, "principal", None)
    return principal.username if principal is not None and principal.signed_in else "system"


DB = Annotated[Session, Depends(get_db, scope="function")]
Actor = Annotated[str, Depends(current_actor)]


def crud_router(
    service: RecordService[Any],
    path: str,
    out_schema: type[BaseModel],
    in_schema: type[BaseModel],
    patch_schema: type[BaseModel],
    tag: str,
    serialize: Callable[[Session, Any], Any] | None = None,
) -> APIRouter:
    router = APIRouter(prefix=path, tags=[tag])
    label = service.label
    to_out = serialize or (lambda _db, obj: out_schema.model_validate(obj))

    # the page's item schema is chosen at run time (pydantic builds the generic), which mypy cannot express
    @router.get("", response_model=Page[out_schema], summary=f"List {label.lower()} records")  # type: ignore[valid-type]
    def list_records(db: DB, params: Annotated[ListParams, Query()]) -> Any:
        items, total = service.list(db, params)
        after = service.cursor_after(params.sort, items[-1]) if len(items) == params.limit else None
        return page_of([to_out(db, i) for i in items], total, params, after)

    @router.get("/export.csv", summary=f"Export the {label.lower()} list as CSV (same filters as the list)",
                response_class=Response,
                responses=download_responses("text/csv", "The list as CSV (UTF-8 with a BOM), one row per record"))
    def export_records(request: Request, db: DB, params: Annotated[ListParams, Query()]) -> Response:
        """Raw columns for machines, each id, country code and coded value followed by a readable column
        (names, labels in the request's language: see core/export.py). Streamed in batches of
        :data:`EXPORT_BATCH` rows read by keyset, each batch written then dropped: memory stays flat whatever
        the size; at most :data:`EXPORT_MAX_ROWS` rows (``X-Export-Truncated`` says when the list has more)."""
        service.check_params(params)  # a bad sort or cursor is a 422 now, not a broken download
        more = not count_bounded(db, service.filtered_query(params), EXPORT_MAX_ROWS).exact
        make_labels = getattr(request.app.state, "export_labels", None)
        labels = make_labels(request) if make_labels else None
        headers = attachment(f"{path.strip('/').replace('/', '-')}.csv")
        if more:
            headers["X-Export-Truncated"] = f"first {EXPORT_MAX_ROWS} rows; narrow the filters or use `sticoop export`"

        def body() -> Iterator[str]:
            reader = request_session(request)  # the request's own session ends with the route; this one streams
            try:
                columns: list[str] | None = None
                for batch in service.export_batches(reader, params, EXPORT_MAX_ROWS, EXPORT_BATCH):
                    found, records = readable(reader, service.model, out_schema, in_schema,
                                              [jsonable(to_out(reader, obj)) for obj in batch], labels)
                    text = csv_of(records, columns or found, header=columns is None)
                    columns = columns or found
                    reader.expunge_all()
                    yield text
                if columns is None:
                    yield csv_of([], readable(reader, service.model, out_schema, in_schema, [], labels)[0])
            finally:
                reader.close()

        return StreamingResponse(body(), media_type="text/csv; charset=utf-8", headers=headers)

    @router.get("/{record_id}", response_model=out_schema, summary=f"Get one {label.lower()}")
    def get_record(record_id: PathId, db: DB) -> Any:
        return to_out(db, service.get(db, record_id))

    @router.post("", response_model=out_schema, status_code=201, summary=f"Create a {label.lower()}")
    def create_record(payload: in_schema, db: DB, actor: Actor) -> Any:  # type: ignore[valid-type]
        return to_out(db, service.create(db, payload, actor))

    @router.patch("/{record_id}", response_model=out_schema,
                  summary=f"Change a {label.lower()} (send the version you read)")
    def update_record(record_id: PathId, payload: patch_schema, db: DB, actor: Actor) -> Any:  # type: ignore[valid-type]
        return to_out(db, service.update(db, record_id, payload, actor))

    @router.delete("/{record_id}", status_code=204, summary=f"Delete a {label.lower()}")
    def delete_record(record_id: PathId, db: DB, actor: Actor, version: DbInt | None = None) -> Response:
        service.delete(db, record_id, version, actor)
        return Response(status_code=204)

    if service.mergeable:
        @router.post("/{record_id}/merge", response_model=out_schema,
                     summary=f"Merge a duplicate {label.lower()} into the one kept (send both versions you read)")
        def merge_record(record_id: PathId, payload: MergeIn, db: DB, actor: Actor) -> Any:
            kept = service.merge(db, record_id, payload.into, payload.version, payload.into_version, actor)
            return to_out(db, kept)

    return router


class MergeIn(BaseModel):
    """``POST /things/{id}/merge``: record ``id`` (the duplicate) is merged into ``into`` and removed."""

    model_config = ConfigDict(extra="forbid")
    into: DbInt = Field(description=f"id of the record to keep ({DB_INT_RANGE})")
    version: DbInt = Field(
        description=f"version of the duplicate {{id}} you read: a stale one gets 409 ({DB_INT_RANGE})")
    into_version: DbInt | None = Field(
        None, description=f"version of the kept record you read, checked when sent ({DB_INT_RANGE})")
