"""Serving what the build made, on 127.0.0.1: the data package, and the database through Datasette.

Datasette serves build/taihang.db read-only and immutable, with time and size limits, the generated
metadata and the project's search plugin; the same configuration serves the tests in-process.
"""

import html
import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .layout import Layout

SERVED = ("/datapackage.json", "/data/", "/schemas/json/")
DATASETTE_SETTINGS = {
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "facet_time_limit_ms": 200,
    "default_page_size": 100,
}


class PackageHandler(SimpleHTTPRequestHandler):
    """Serves only the package's files, and an index page that lists them."""

    def do_GET(self) -> None:
        if self.path in ("/", "/index.html"):
            self._index()
        elif self.path.startswith(SERVED) and ".." not in self.path:
            super().do_GET()
        else:
            self.send_error(404, "Not part of the data package")

    def _index(self) -> None:
        package = json.loads((Layout(Path(self.directory)).descriptor).read_text(encoding="utf-8"))
        items = "".join(
            f'<li><a href="/{html.escape(r["path"])}">{html.escape(r["title"])}</a> '
            f'({r["bytes"]:,} bytes; <a href="/schemas/json/{html.escape(r["name"])}.schema.json">JSON Schema</a>)</li>'
            for r in package["resources"]
        )
        body = (
            f'<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>{html.escape(package["title"])}</title>'
            f"<h1>{html.escape(package['title'])}</h1><p>Version {html.escape(package['version'])}. "
            f'<a href="/datapackage.json">datapackage.json</a></p><ul>{items}</ul></html>'
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def server(layout: Layout, host: str, port: int) -> ThreadingHTTPServer:
    """An HTTP server for the package; port 0 picks a free port."""
    return ThreadingHTTPServer((host, port), partial(PackageHandler, directory=str(layout.root)))


def datasette(layout: Layout):
    """The Datasette instance: the database immutable, with the generated metadata and the search plugin."""
    from datasette.app import Datasette

    return Datasette(
        immutables=[str(layout.database)],
        metadata=json.loads(layout.datasette_metadata.read_text(encoding="utf-8")),
        plugins_dir=str(layout.root / "plugins"),
        settings=DATASETTE_SETTINGS,
    )


def serve(layout: Layout, host: str, port: int, datasette_port: int) -> None:
    """Serve the package and Datasette until interrupted, printing both addresses."""
    import uvicorn

    config = uvicorn.Config(datasette(layout).app(), host=host, port=datasette_port, log_level="warning")
    database_server = uvicorn.Server(config)
    threading.Thread(target=database_server.run, daemon=True).start()
    httpd = server(layout, host, port)
    print(f"Data package: http://{host}:{httpd.server_port}/", flush=True)
    print(f"Datasette:    http://{host}:{datasette_port}/", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        database_server.should_exit = True
        httpd.server_close()
