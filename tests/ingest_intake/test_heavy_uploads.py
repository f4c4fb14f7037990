"""One upload never freezes the server: against a real ``sticoop serve`` process, another user's GET answers in
under a second while a 1.5 MB text is being read and extracted (in a worker process, under a time limit), and
zip bombs of every shape are refused with 422 naming the limit, before anything is inflated (the server and
its workers do not grow)."""

from __future__ import annotations

import io
import random
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.core.test_durability import (
    Server,
    data_dir,  # noqa: F401  (a fixture: a migrated data dir with an admin)
)

#: the time limit the test server runs extraction under (seconds)
LIMIT = 25
#: the latency another user may see at worst while the big upload is processed (the issue's bar)
MAX_LATENCY = 1.0


def big_text(size: int = 1_500_000) -> bytes:
    """A press-release-like English text of ``size`` bytes (numbers and names vary, as in real minutes)."""
    rng = random.Random(13)
    parts = []
    total = 0
    while total < size:
        n = rng.randint(1, 40)
        topic = rng.choice(["rice", "biochar", "water", "health"])
        sentence = (f"On {rng.randint(1, 28)} March {rng.randint(1995, 2024)} the Ministry of Science and Technology "
                    f"of Vietnam and the Belgian Science Policy Office held the {n}th session of the joint committee "
                    f"in Hanoi and agreed on {rng.randint(2, 9)} projects in marine science and {topic} research, "
                    f"to be funded with EUR {rng.randint(1, 900)},000 by {rng.randint(2025, 2030)}.\n")
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts).encode()[:size]


def _docx(parts: dict[str, bytes], level: int = 6) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def _words(size: int) -> bytes:
    """``size`` bytes of XML text compressing about 10:1 (words from a small vocabulary, in random order)."""
    rng = random.Random(7)
    vocabulary = [b"<w:t>cooperation</w:t>", b"<w:t>science</w:t>", b"<w:t>Vietnam</w:t>", b"<w:t>Belgium</w:t>",
                  b"<w:t>committee</w:t>", b"<w:t>session</w:t>", b"<w:t>project</w:t>", b"<w:t>agreement</w:t>"]
    block = b"".join(rng.choice(vocabulary) for _ in range(400_000))
    return (block * (size // len(block) + 1))[:size]


def bombs() -> dict[str, tuple[str, bytes, str]]:
    """name → (file name, content, words the refusal must contain)."""
    mb = 1024 * 1024
    return {
        # the case: a ~20 MB DOCX that inflates to 199 MB, "under every limit" then
        "inflates to 199 MB": ("report.docx", _docx({"word/document.xml": _words(199 * mb)}, level=9),
                               "over the limit of 100 MB"),
        "compressed 1000:1": ("minutes.docx", _docx({"word/document.xml": b"<w:p/>" * (8 * mb)}),
                              "over the limit of 100:1"),
        "2,001 parts": ("minutes.docx", _docx({f"word/part{i}.xml": b"<w:p/>" for i in range(2001)}),
                        "over the limit of 2,000"),
        "40 MB of XML to parse": ("minutes.docx", _docx({"word/document.xml": _words(40 * mb)}),
                                  "over the limit of 25 MB"),
    }


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _family(pid: int) -> list[int]:
    """The process and its descendants (uvicorn, the worker processes)."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in children:
            found += _family(int(child))
    return found


@pytest.fixture
def server(data_dir: tuple[Path, str, str, str],  # noqa: F811
           monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Server, dict[str, str]]]:
    directory, token, _cookie, _csrf = data_dir
    monkeypatch.setenv("STICOOP_WORK_TIMEOUT_SECONDS", str(LIMIT))
    running = Server(directory)
    running.start()
    try:
        yield running, {"Authorization": f"Bearer {token}"}
    finally:
        running.kill()


def _post(server: Server, headers: dict[str, str], path: str, name: str, content: bytes) -> httpx.Response:
    return httpx.post(f"{server.url}{path}", headers=headers, timeout=LIMIT + 60,
                      files={"file": (name, content, "application/octet-stream")})


def test_others_are_answered_within_a_second_while_a_big_text_is_extracted(
        server: tuple[Server, dict[str, str]]) -> None:
    running, headers = server
    small = _post(running, headers, "/api/v1/intakes", "warm-up.txt", big_text(3000))
    assert small.status_code == 201, small.text  # the workers are up

    def get() -> float:
        started = time.monotonic()
        response = httpx.get(f"{running.url}/api/v1/organizations?limit=20", headers=headers, timeout=30)
        assert response.status_code == 200
        return time.monotonic() - started

    idle = [get() for _ in range(100)]
    outcome: dict[str, httpx.Response] = {}
    upload = threading.Thread(target=lambda: outcome.setdefault(
        "r", _post(running, headers, "/api/v1/intakes", "big.txt", big_text())))
    started = time.monotonic()
    upload.start()
    busy: list[float] = []
    stamps: list[float] = []
    while upload.is_alive() and time.monotonic() - started < LIMIT + 30:
        stamps.append(time.monotonic() - started)
        busy.append(get())
        time.sleep(0.05)
    upload.join()
    took = time.monotonic() - started
    response = outcome["r"]
    print(f"GET while idle: median {sorted(idle)[50] * 1000:.0f} ms; while extracting 1.5 MB for {took:.1f} s: "
          f"{len(busy)} GETs, median {sorted(busy)[len(busy) // 2] * 1000:.0f} ms, max {max(busy) * 1000:.0f} ms; "
          f"upload answered {response.status_code}; idle max {max(idle) * 1000:.0f} ms")
    assert took > 3 and len(busy) >= 20  # the work really was heavy, and others asked meanwhile
    # a blocked server makes every GET of the upload's time wait (tens of seconds); a busy machine makes one
    # now and then slow whatever the server does: the bar is the second for nearly all, and for the
    # slowest no worse than twice the slowest seen with the server idle
    slow = ", ".join(f"{s:.1f} s in: {b:.2f} s" for s, b in zip(stamps, busy, strict=True) if b > MAX_LATENCY)
    assert sorted(busy)[int(len(busy) * 0.95)] < MAX_LATENCY, f"other users waited over {MAX_LATENCY} s: {slow}"
    assert max(busy) < max(MAX_LATENCY, 2 * max(idle)), f"another user waited {max(busy):.2f} s: {slow}"
    if response.status_code != 201:  # over the limit: stopped, said plainly, named
        assert response.status_code == 422 and f"limit of {LIMIT} s" in response.json()["detail"], response.text
    assert _post(running, headers, "/api/v1/intakes", "after.txt", b"Hanoi, 2 May 2024. " + big_text(2000)
                 ).status_code == 201  # the pool works again after the stopped task


def test_zip_bombs_are_refused_naming_the_limit_before_anything_inflates(
        server: tuple[Server, dict[str, str]]) -> None:
    running, headers = server
    assert _post(running, headers, "/api/v1/intakes", "warm-up.txt", big_text(3000)).status_code == 201
    assert running.proc is not None
    family = _family(running.proc.pid)
    before = {pid: _peak_rss_kb(pid) for pid in family}
    for case, (name, content, limit) in bombs().items():
        assert len(content) < 20 * 1024 * 1024, case  # under the upload limit: the bomb check must catch it
        for path in ("/api/v1/intakes", "/api/v1/documents"):
            response = _post(running, headers, path, name, content)
            assert response.status_code == 422, (case, path, response.text)
            assert limit in response.json()["detail"] and name in response.json()["detail"], (case, path)
    grown = {pid: (_peak_rss_kb(pid) - before.get(pid, 0)) // 1024 for pid in _family(running.proc.pid)}
    print(f"peak memory growth per process while refusing the bombs (MB): {grown}")
    assert max(grown.values()) < 150, f"a process grew while refusing zip bombs: {grown} MB"
