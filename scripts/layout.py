"""Where each step reads its input and writes its output, relative to the project root."""

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Layout:
    """The paths of one package tree: the project itself, or a test fixture."""

    root: Path = ROOT

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def descriptor(self) -> Path:
        return self.root / "datapackage.json"

    @property
    def json_schemas(self) -> Path:
        return self.root / "schemas" / "json"

    @property
    def database(self) -> Path:
        return self.root / "build" / "taihang.db"

    @property
    def lock(self) -> Path:
        return self.root / "build" / ".lock"

    @property
    def manifest(self) -> Path:
        return self.root / "build" / "manifest.json"

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def fragments(self) -> Path:
        return self.root / "build" / "fragments"

    @property
    def chart_data(self) -> Path:
        """The CSV of each chart's data, which the site serves under downloads/charts/."""
        return self.root / "build" / "charts"

    @property
    def jieba_userdict(self) -> Path:
        return self.root / "build" / "jieba_userdict.txt"

    @property
    def boundaries(self) -> Path:
        return self.root / "data" / "geo" / "counties.geojson"

    @property
    def outlines(self) -> Path:
        return self.root / "data" / "geo" / "provinces.geojson"

    @property
    def datasette_metadata(self) -> Path:
        return self.root / "metadata" / "datasette.json"

    def csv(self, resource: str) -> Path:
        return self.data / f"{resource}.csv"

    def refuses(self, path: Path) -> str | None:
        """Why a file of the package may not be read, or None: it must be a regular file inside data/,
        reached without leaving it (an absolute path, `..` or a link out of data/ is refused)."""
        resolved = path.resolve()
        if not resolved.is_relative_to(self.data.resolve()):
            return f"a file inside {self.name(self.data)}/, not a path or link that leads to {resolved}"
        if not resolved.is_file():
            return "a regular file"
        return None

    def name(self, path: Path) -> str:
        """How a file is named in messages: relative to the root, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
