"""Serving what the build made, on 127.0.0.1: the data package (descriptor, CSVs and JSON Schemas)."""

import html
import json
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .layout import Layout

SERVED = ("/datapackage.json", "/data/", "/schemas/json/")


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


def serve(layout: Layout, host: str, port: int) -> None:
    """Serve until interrupted, printing the address."""
    httpd = server(layout, host, port)
    print(f"Data package: http://{host}:{httpd.server_port}/", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
