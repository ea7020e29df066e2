"""Serving what the build made, on 127.0.0.1: the site (with the downloads), and the database through Datasette.

Datasette serves build/taihang.db read-only and immutable, with time and size limits, the generated
metadata and the project's search plugin; the same configuration serves the tests in-process.
"""

import gzip
import json
import threading
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from schemas import PACKAGE

from .layout import Layout

# The site is served under the path of its public address, so that its absolute links work locally too.
PREFIX = urlsplit(PACKAGE["site_url"]).path
NOT_FOUND = "404.html"  # the site's page for an address without a page
DATASETTE_SETTINGS = {
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "facet_time_limit_ms": 200,
    "default_page_size": 100,
    "suggest_facets": False,  # the facets worth showing are declared; guessing others costs every table page
}


COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


@lru_cache(maxsize=512)
def _compressed(path: Path, mtime_ns: int) -> bytes:
    """A file gzipped once per version of it (its modification time is part of the key), with no timestamp."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves site/ under PREFIX, and its 404 page where there is no page, as a static host does; the root
    redirects there."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / NOT_FOUND
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path in ("/", ""):
            self.send_response(302)
            self.send_header("Location", PREFIX)
            self.end_headers()
        elif self.path.startswith(PREFIX):
            self.path = "/" + self.path[len(PREFIX) :]
            if not self._gzipped():
                super().do_GET()
        else:
            self.send_error(404, "Not part of the site")

    def _gzipped(self) -> bool:
        """Send a text file gzipped, as a static host does, when the client accepts it; False otherwise."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() and self.path.endswith("/") else path
        kind = self.guess_type(str(path))
        if not path.is_file() or not kind.startswith(COMPRESSED):
            return False
        body = _compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return True

    def log_message(self, format: str, *args) -> None:  # quiet: Datasette and the build already report
        pass


def server(layout: Layout, host: str, port: int) -> ThreadingHTTPServer:
    """An HTTP server for the built site; port 0 picks a free port."""
    return ThreadingHTTPServer((host, port), partial(SiteHandler, directory=str(layout.root / "site")))


def counts(layout: Layout) -> dict[str, dict]:
    """What `datasette inspect` would record of the database: each table's row count, counted once here, so
    that no table page counts a million rows again (the database is immutable)."""
    import sqlite3

    with sqlite3.connect(f"file:{layout.database}?mode=ro", uri=True) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        tables = {name: {"count": conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]} for name in names}
    conn.close()
    size = layout.database.stat().st_size
    return {layout.database.stem: {"hash": None, "size": size, "file": str(layout.database), "tables": tables}}


def datasette(layout: Layout):
    """The Datasette instance: the database immutable, with its row counts, the generated metadata and the search
    plugin."""
    from datasette.app import Datasette

    return Datasette(
        immutables=[str(layout.database)],
        inspect_data=counts(layout),
        metadata=json.loads(layout.datasette_metadata.read_text(encoding="utf-8")),
        plugins_dir=str(layout.root / "plugins"),
        settings=DATASETTE_SETTINGS,
        cors=True,  # the JSON API is open data: a page on another site may fetch it
    )


def serve(layout: Layout, host: str, port: int, datasette_port: int) -> None:
    """Serve the site and Datasette until interrupted, printing both addresses."""
    import uvicorn

    config = uvicorn.Config(datasette(layout).app(), host=host, port=datasette_port, log_level="warning")
    database_server = uvicorn.Server(config)
    threading.Thread(target=database_server.run, daemon=True).start()
    httpd = server(layout, host, port)
    print(f"Site:      http://{host}:{httpd.server_port}{PREFIX}", flush=True)
    print(f"Datasette: http://{host}:{datasette_port}/", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        database_server.should_exit = True
        httpd.server_close()
