"""A real HTTP server on 127.0.0.1 (http.server in a thread) serving press releases for the URL-ingest tests.

Paths:
- `/news/<name>.html`: the shared corpus article <name> as a web page (menu, script and footer around it);
  every request changes an invisible counter, so a second fetch gets different bytes (same address).
- `/slow.html`: answers at once, then sends a byte every half second for ever (beats per-read timeouts).
- `/big.html?bytes=N`: N bytes of HTML, no Content-Length (the size limit must be enforced while reading).
- `/missing.html`: 404.
The server counts requests per path, so a test can prove a known address was not fetched again.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from tests.shared_corpus import SHARED_CORPUS as CORPUS


def article_page(name: str, serial: int) -> bytes:
    data = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in data["text"].split("\n\n") if p.strip())
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(data['title'])}</title><script>document.title = 'x';</script></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/contact'>Contact</a></nav>"
        f"<article><h1>{html.escape(data['title'])}</h1>{paragraphs}</article>"
        f"<footer>© Ministry press office <!-- request {serial} --></footer></body></html>"
    ).encode()


@dataclass
class LocalServer:
    base: str
    hits: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve() -> Iterator[LocalServer]:
    """Start the server on a free port of 127.0.0.1 for the duration of the block."""
    state = LocalServer("")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            parsed = urlparse(self.path)
            state.hits[parsed.path] += 1
            try:
                if parsed.path.startswith("/news/"):
                    body = article_page(Path(parsed.path).stem, state.hits[parsed.path])
                    self._send(200, body)
                elif parsed.path == "/slow.html":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    self.wfile.write(b"<html><body><p>")
                    for _ in range(120):
                        time.sleep(0.5)
                        self.wfile.write(b"a")
                        self.wfile.flush()
                elif parsed.path == "/big.html":
                    size = int(parse_qs(parsed.query).get("bytes", ["0"])[0])
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()  # no Content-Length: read until the server closes
                    chunk = b"<p>" + b"x" * 65_530 + b"</p>"
                    for _ in range(size // len(chunk) + 1):
                        self.wfile.write(chunk)
                else:
                    self._send(404, b"<html><body>not here</body></html>")
            except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
                pass

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
