"""The search box at scale, against a real ``sticoop serve`` (issue 16's target): ``--scale 1m`` loads 1 M
projects + 1 M commitments + 100 k organisations (``100k``: 100 k + 100 k + 10 k; any ``<n>k`` / ``<n>m``),
then 50 concurrent HTTP clients (``benchmarks/load.py``'s async client loop) send searches, in turn for each
mode × role: ``like`` (today's list search, ``GET /api/v1/{projects|commitments|organizations}?q=`` — a
``LIKE '%…%'`` on ``search_text``, one list per request, the kind drawn at random), ``keyword``
(``/api/v1/search?mode=keyword``: FTS5 / tsvector) and ``fused`` (``/api/v1/search``: keyword fused with the
nearest vectors), as an admin and as a viewer of 3 of the 203 partnerships. Printed: requests/s, p50/p95/p99 and
the answers by status (errors and timeouts counted).

Workload, stated honestly: a closed loop with no think time by default (each client sends its next search as
soon as the last one answered: saturation, the hardest reading of "50 concurrent clients"); ``--wait S`` adds
think time as ``load.py`` does. Queries are drawn from the data's own words (English, French, Vietnamese, one
to three words), the same seeded list for every mode; each is sent once before a row is timed (for ``--warmup``
seconds at most), so a query's vector
is computed before (a new query's vector costs the embedder once per process, printed apart).

Data, loaded fast (Core executemany in batches of 10,000; the full-text index built after the load: FTS5
``rebuild`` on SQLite; the GIN index created after the rows on PostgreSQL) over the demo's partnerships plus 200
synthetic ones (organisations general, one record in ten confidential). Vectors: NOT the embedder's (embedding
2.1 M texts takes hours on this machine): each record's vector is its subject's vector — the real embedder's
vector of one of 40 subject phrases — plus Gaussian noise (cosine ≈ 0.85 to it), unit length, so a query's
vector lands near its subject's records and the fused path does all its work (graph walk, floor, re-read). The
scale test is about index speed, not relevance (``benchmarks/search.py --relevance`` measures that). The HNSW
graph is built after the load (timed) in the data folder the server uses.

``--reuse DIR`` keeps the database (SQLite: ``DIR/sticoop.db``; ``--url``: a PostgreSQL database, prepared once,
marked by a file in DIR) and the graph, and reuses them on the next run.

Run: ``.venv/bin/python benchmarks/search.py --scale 100k [--reuse DIR] [--url postgresql+psycopg://…/empty]
[--clients 50] [--seconds 30] [--wait 0] [--workers 2]``.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import numpy as np
from sqlalchemy import func, insert, select, text

SUBJECTS = [  # (English, French, Vietnamese) words of 40 subjects: what records say and queries ask
    ("wastewater treatment", "traitement des eaux usées", "xử lý nước thải"),
    ("rice breeding", "sélection du riz", "chọn giống lúa"),
    ("solar energy", "énergie solaire", "năng lượng mặt trời"),
    ("remote sensing", "télédétection", "viễn thám"),
    ("climate adaptation", "adaptation au climat", "thích ứng khí hậu"),
    ("fisheries management", "gestion des pêches", "quản lý thủy sản"),
    ("vaccine research", "recherche vaccinale", "nghiên cứu vắc xin"),
    ("mangrove restoration", "restauration des mangroves", "phục hồi rừng ngập mặn"),
    ("artificial intelligence", "intelligence artificielle", "trí tuệ nhân tạo"),
    ("biotechnology training", "formation en biotechnologie", "đào tạo công nghệ sinh học"),
    ("flood forecasting", "prévision des crues", "dự báo lũ"),
    ("coffee processing", "transformation du café", "chế biến cà phê"),
    ("battery recycling", "recyclage des batteries", "tái chế pin"),
    ("coastal erosion", "érosion côtière", "xói lở bờ biển"),
    ("malaria control", "lutte contre le paludisme", "phòng chống sốt rét"),
    ("smart grids", "réseaux intelligents", "lưới điện thông minh"),
    ("soil salinity", "salinité des sols", "nhiễm mặn đất"),
    ("drone mapping", "cartographie par drone", "lập bản đồ bằng máy bay không người lái"),
    ("food safety", "sécurité sanitaire des aliments", "an toàn thực phẩm"),
    ("air pollution", "pollution de l'air", "ô nhiễm không khí"),
    ("wind power", "énergie éolienne", "điện gió"),
    ("water supply", "approvisionnement en eau", "cấp nước"),
    ("genome sequencing", "séquençage du génome", "giải trình tự gen"),
    ("urban transport", "transport urbain", "giao thông đô thị"),
    ("plastic waste", "déchets plastiques", "rác thải nhựa"),
    ("cybersecurity", "cybersécurité", "an ninh mạng"),
    ("medical imaging", "imagerie médicale", "chẩn đoán hình ảnh"),
    ("aquaculture feed", "aliments aquacoles", "thức ăn thủy sản"),
    ("forest inventory", "inventaire forestier", "kiểm kê rừng"),
    ("earthquake monitoring", "surveillance sismique", "giám sát động đất"),
    ("hydrogen fuel", "carburant hydrogène", "nhiên liệu hydro"),
    ("textile dyeing", "teinture textile", "nhuộm vải"),
    ("rural electrification", "électrification rurale", "điện khí hóa nông thôn"),
    ("tropical diseases", "maladies tropicales", "bệnh nhiệt đới"),
    ("satellite data", "données satellitaires", "dữ liệu vệ tinh"),
    ("university exchange", "échange universitaire", "trao đổi đại học"),
    ("river delta", "delta du fleuve", "đồng bằng sông"),
    ("nanomaterials", "nanomatériaux", "vật liệu nano"),
    ("cold chain logistics", "chaîne du froid", "chuỗi cung ứng lạnh"),
    ("digital health", "santé numérique", "y tế số"),
]
FILLER = ("project partners joint committee session agreement report phase pilot network laboratory province "  # noqa: SIM905
          "programme coopération appui renforcement capacités hợp tác dự án phát triển tỉnh").split()
EXTRA_PARTNERSHIPS = 200
BATCH = 10_000
ROLES = ("admin", "viewer")
MODES = ("like", "keyword", "fused")


def parse_scale(value: str) -> int:
    """``"1m"`` → 1,000,000; ``"300k"`` → 300,000; a plain number as is. ``ValueError`` otherwise."""
    value = value.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(value[-1:], 1)
    return int(float(value[:-1] if factor > 1 else value) * factor)


def _sentence(rng: random.Random, subject: int, lang: int, words: int) -> str:
    phrase = SUBJECTS[subject][lang]
    return " ".join([phrase, *(rng.choice(FILLER) for _ in range(words))])


def queries(n: int = 60, seed: int = 11) -> list[str]:
    """``n`` queries drawn from the data's words: a subject's phrase (or its first one or two words) in English,
    French or Vietnamese, sometimes with a filler word."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = SUBJECTS[rng.randrange(len(SUBJECTS))][rng.randrange(3)].split()
        cut = words[:rng.randint(1, min(3, len(words)))]
        if rng.random() < 0.2:
            cut.append(rng.choice(FILLER))
        out.append(" ".join(cut))
    return out


def _subject_vectors() -> np.ndarray:
    from sticoop.search.vectors import embedder

    return np.asarray(embedder().embed([" / ".join(s) for s in SUBJECTS]), dtype=np.float32)


def _noisy(centres: np.ndarray, subjects: np.ndarray, gen: np.random.Generator) -> np.ndarray:
    """Unit vectors at cosine ≈ 0.85 to their subject's vector."""
    dim = centres.shape[1]
    vectors = centres[subjects] + gen.standard_normal((len(subjects), dim)).astype(np.float32) * 0.032
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype("<f4")


def load(url: str, n: int, data_dir: Path) -> None:
    """Migrate, seed, load the demo, then ``n`` projects, ``n`` commitments, ``n / 10`` organisations with their
    index entries (see the module docstring), the full-text index, statistics and the HNSW graph."""
    from benchmarks.load import prepare

    from sticoop.commitments.models import Commitment
    from sticoop.core.database import get_engine, session_scope
    from sticoop.core.planner_stats import analyze
    from sticoop.core.text import fold
    from sticoop.partners.models import Organization
    from sticoop.partnerships.models import Partnership
    from sticoop.projects.models import Project
    from sticoop.search.models import SearchEntry
    from sticoop.search.vectors import backfill, embedder

    prepare(url, 0)
    with session_scope(url) as db:  # the demo's own entries: their vectors, as the worker's job computes them
        backfill(db)
    engine = get_engine(url)
    pg = engine.dialect.name == "postgresql"
    name = embedder().name
    centres = _subject_vectors()
    rng, gen = random.Random(7), np.random.default_rng(7)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(Partnership), [{"name": f"Scale partnership {i}", "created_at": now, "updated_at": now}
                                           for i in range(EXTRA_PARTNERSHIPS)])
        pids = list(conn.execute(select(Partnership.id)).scalars())
        if pg:  # the GIN index of the words and the scope tokens (migration 0033), made again after the load
            gin = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = "
                                    "'ix_search_entries_scoped_fts'")).scalar_one()
            conn.execute(text("DROP INDEX ix_search_entries_scoped_fts"))
        else:  # the insert trigger as the migrations made it, put back after the load
            trigger = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                        "AND name = 'search_entries_ai'")).scalar_one()
            conn.execute(text("DROP TRIGGER IF EXISTS search_entries_ai"))
        entry_id = int(conn.execute(select(func.coalesce(func.max(SearchEntry.id), 0))).scalar() or 0)
        for kind, model, count in (("project", Project, n), ("commitment", Commitment, n),
                                   ("organization", Organization, n // 10)):
            first = int(conn.execute(select(func.coalesce(func.max(model.id), 0))).scalar() or 0) + 1
            for start in range(0, count, BATCH):
                records, entries = [], []
                size = min(BATCH, count - start)
                subjects = gen.integers(0, len(SUBJECTS), size)
                vectors = _noisy(centres, subjects, gen)
                for j in range(size):
                    rid = first + start + j
                    lang = rng.randrange(3)
                    title = _sentence(rng, int(subjects[j]), lang, 3)
                    body = _sentence(rng, int(subjects[j]), lang, 30)
                    pid = None if kind == "organization" else rng.choice(pids)
                    confidential = rng.random() < 0.1 and kind != "organization"
                    record: dict[str, Any] = {"id": rid, "created_at": now, "updated_at": now}
                    if kind == "project":
                        record.update(title=title, description=body, partnership_id=pid, confidential=confidential,
                                      search_text=fold(f"{title} \n{body}")[:2000])
                    elif kind == "commitment":
                        record.update(text=f"{title}. {body}", partnership_id=pid, confidential=confidential,
                                      search_text=fold(f"{title}. {body}")[:2000])
                    else:
                        record.update(name=f"{title} {rid}", search_text=fold(f"{title} {rid}"))
                    records.append(record)
                    entry_id += 1
                    shown = record.get("title") or record.get("name") or title
                    entry_body = body if kind != "organization" else ""
                    entries.append({"id": entry_id, "kind": kind, "record_id": rid, "partnership_id": pid,
                                    "editors_only": False, "confidential": confidential, "title": shown,
                                    "body": entry_body, "title_folded": fold(shown), "body_folded": fold(entry_body),
                                    "embedding": vectors[j].tobytes(), "embedder": name})
                conn.execute(insert(model), records)
                conn.execute(insert(SearchEntry), entries)
        print(f"  rows written in {time.perf_counter() - t0:.0f} s", flush=True)
        t1 = time.perf_counter()
        if pg:
            conn.execute(text(gin))
            if engine.dialect.name == "postgresql":
                for table in ("projects", "commitments", "organizations", "search_entries", "partnerships"):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                      f"(SELECT max(id) FROM {table}))"))
        else:
            conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('rebuild')"))
            conn.execute(text(trigger))
        print(f"  full-text index built in {time.perf_counter() - t1:.0f} s", flush=True)
    t2 = time.perf_counter()
    analyze(url)
    print(f"  statistics (ANALYZE) in {time.perf_counter() - t2:.0f} s", flush=True)


def build_graph(url: str, data_dir: Path) -> None:
    """Build the HNSW graph where a server with ``STICOOP_DATA_DIR=data_dir`` looks for it."""
    from sticoop.core.database import get_engine, new_session
    from sticoop.search.graph import build, folder_for
    from sticoop.search.vectors import embedder

    t0 = time.perf_counter()
    folder = folder_for(get_engine(url).url.render_as_string(hide_password=True), embedder().name, data_dir)
    db = new_session(url)
    try:
        count = build(db, embedder().name, embedder().dim, folder)
    finally:
        db.close()
    print(f"  HNSW graph of {count:,} vectors built in {time.perf_counter() - t0:.0f} s", flush=True)


def run(args: Any) -> None:
    """Prepare (or reuse) the data, serve it, and measure every mode × role (see the module docstring)."""
    from benchmarks.load import free_port, serve, show, sign_in
    from benchmarks.load import run as run_clients

    n = parse_scale(args.scale)
    data_dir = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="sticoop-search-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    url = args.url or f"sqlite:///{data_dir / 'sticoop.db'}"
    marker = data_dir / f"search-prepared-{n}"
    kind = url.split(":")[0].split("+")[0]
    print(f"{kind}: {n:,} projects + {n:,} commitments + {n // 10:,} organisations", flush=True)
    rows_marker = data_dir / f"search-rows-{n}"
    if not marker.exists() and not rows_marker.exists():
        load(url, n, data_dir)
        rows_marker.touch()
    modes = (args.modes or ",".join(MODES)).split(",")
    if not marker.exists() and "fused" in modes:  # the rows are kept when the graph's build stops: retried alone
        build_graph(url, data_dir)
        marker.touch()
    if args.prepare_only:
        return
    port = free_port()
    server = serve(url, data_dir, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    words = queries()
    try:
        print(f"sticoop serve --workers {args.workers}; {args.scale_clients or args.clients} clients, "
              f"wait {args.wait} s, "
              f"{args.seconds:.0f} s per row; {len(words)} queries en/fr/vi, limit 20")
        print(f"{'mode, role':28} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  answers")
        for role in ROLES:
            token, _cookie, _csrf = sign_in(url, role)
            headers = {"Authorization": f"Bearer {token}"}
            for mode in modes:
                paths = {}
                for i, q in enumerate(words):
                    if mode == "like":
                        lists = ("projects", "commitments", "organizations")
                        paths[f"q{i}"] = f"/api/v1/{lists[i % 3]}?q={quote(q)}&limit=20"
                    else:
                        paths[f"q{i}"] = f"/api/v1/search?q={quote(q)}&limit=20&mode={mode}"
                with httpx.Client(base_url=base, headers=headers, timeout=60) as http:  # warm-up: each query once
                    started = time.perf_counter()
                    for path in paths.values():
                        if time.perf_counter() - started > args.warmup:
                            break
                        http.get(path)
                for clients in (int(c) for c in str(args.scale_clients or args.clients).split(",")):
                    result = run_clients(base, clients, args.seconds, args.wait, headers, {}, paths, [1], False)
                    show(f"{mode}, {role}", clients, result)
    finally:
        server.terminate()
        server.wait(timeout=30)
