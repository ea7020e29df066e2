"""A Datasette that deploys (issue 15): the folder `datasette package` makes from the README's command runs its
`datasette serve` command from another directory, the project out of reach; the command installs what the
plugin imports, at the locked versions, and serves with the settings of `make serve`."""

import ast
import json
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from click.testing import CliRunner
from test_datasette import EXPECTED

from schemas.statements import QUERIES
from scripts.layout import ROOT
from scripts.serve import DATASETTE_SETTINGS

PLUGIN = ROOT / "plugins" / "taihang_search.py"


def documented(command: str) -> list[str]:
    """The arguments of the README's `datasette COMMAND …`, after the command (line continuations joined)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```sh\n(.*?)```", readme, re.S) if b.startswith(f"datasette {command} ")]
    return shlex.split(block.replace("\\\n", " "))[1 + len(command.split()) :]


def options(args: list[str], name: str) -> list[str]:
    return [args[i + 1] for i, arg in enumerate(args) if arg == name]


def settings(args: list[str]) -> dict[str, str]:
    [extra] = options(args, "--extra-options")
    words = extra.split()
    return {words[i + 1]: words[i + 2] for i, word in enumerate(words) if word == "--setting"}


def undeclared_imports(source: str, installed: list[str]) -> list[str]:
    """The modules a plugin imports that are neither in the standard library nor installed by the command."""
    tree = ast.parse(source)
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    packages = {re.split(r"[=<>\[]", requirement)[0].lower() for requirement in installed}
    return sorted({n.split(".")[0] for n in names} - set(sys.stdlib_module_names) - packages)


def _as_option(value: object) -> str:
    return ("on" if value else "off") if isinstance(value, bool) else str(value)


def locked() -> dict[str, str]:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return dict(re.findall(r"^([a-z0-9_.-]+)==(\S+)", lock, re.M))


@pytest.mark.parametrize("command", ["package", "publish cloudrun"])
def test_the_documented_commands_install_what_the_plugin_imports_with_the_settings_of_serve(command):
    args = documented(command)
    assert options(args, "--plugins-dir") == ["plugins"]
    assert options(args, "--metadata") == ["metadata/datasette.json"]
    installed = options(args, "--install")
    assert undeclared_imports(PLUGIN.read_text(encoding="utf-8"), installed) == []
    pins = dict(requirement.split("==") for requirement in installed)
    assert pins == {name: locked()[name] for name in pins}
    assert {k: _as_option(v) for k, v in DATASETTE_SETTINGS.items()}.items() <= settings(args).items()


def test_a_plugin_that_imports_the_build_is_caught():
    """Seeded defect: the plugin as it was, importing the project's `scripts` package (absent from an image)."""
    source = PLUGIN.read_text(encoding="utf-8") + "\nfrom scripts.segment import to_simplified\n"
    assert undeclared_imports(source, options(documented("package"), "--install")) == ["scripts"]
    assert undeclared_imports("import opencc\nimport jieba\n", ["jieba==0.42.1"]) == ["opencc"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except HTTPError as err:
        return err.code, err.read().decode("utf-8")


@pytest.fixture(scope="module")
def image(built, tmp_path_factory) -> Path:
    """What `docker build` would be given: the folder `datasette package` makes from the README's arguments
    in the built project, docker replaced by a copy of that folder."""
    from datasette.cli import cli

    image = tmp_path_factory.mktemp("image") / "app"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(built.root)
        patch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
        patch.setattr("datasette.cli.call", lambda args: shutil.copytree(".", image))
        result = CliRunner().invoke(cli, ["package", *documented("package")])
    assert result.exit_code == 0, result.output
    return image


def _steps(image: Path, port: int) -> tuple[dict[str, str], list[str], list[str]]:
    """The environment of a Python that cannot import the project (no PYTHONPATH; the folder holds only the
    database, the metadata and the plugins), and the image's `datasette inspect` and `datasette serve`."""
    dockerfile = (image / "Dockerfile").read_text(encoding="utf-8")
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(image)}
    [inspect] = re.findall(r"^RUN (datasette inspect .*)$", dockerfile, re.M)
    [serve] = re.findall(r"^CMD (datasette serve .*)$", dockerfile, re.M)
    return env, shlex.split(inspect), shlex.split(serve.replace("0.0.0.0", "127.0.0.1").replace("$PORT", str(port)))


@pytest.fixture(scope="module")
def packaged(image):
    """The image's steps, run in its folder: the port of its Datasette."""
    assert sorted(p.name for p in image.iterdir() if p.name != "Dockerfile") == [
        "metadata.json",
        "plugins",
        "taihang.db",
    ]
    port = _free_port()
    env, inspect, serve = _steps(image, port)
    subprocess.run(inspect, cwd=image, env=env, check=True, capture_output=True)
    process = subprocess.Popen(serve, cwd=image, env=env, stderr=subprocess.PIPE, text=True)
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"Datasette did not start: {process.stderr.read()[-2000:] if process.stderr else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield port
    process.terminate()
    process.communicate(timeout=30)


def test_a_plugin_that_imports_the_build_does_not_start_there(packaged, image, tmp_path):
    """Seeded defect: in a copy of the image, the plugin imports the project's `scripts` package, as it did."""
    copy = shutil.copytree(image, tmp_path / "app")
    plugin = copy / "plugins" / "taihang_search.py"
    plugin.write_text(plugin.read_text(encoding="utf-8") + "\nfrom scripts.segment import to_simplified\n", "utf-8")
    env, _, serve = _steps(copy, _free_port())
    result = subprocess.run([*serve, "--get", "/-/versions.json"], cwd=copy, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "No module named 'scripts'" in result.stderr


def test_the_image_holds_no_file_of_the_build(image):
    plugins = sorted(p.name for p in (image / "plugins").iterdir() if p.suffix == ".py")
    assert plugins == ["taihang_search.py"]
    assert json.loads((image / "metadata.json").read_text(encoding="utf-8"))["databases"]["taihang"]["queries"]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_every_canned_query_answers_from_another_directory(packaged, query):
    params = "&".join(f"{k}={quote(str(v))}" for k, v in query.example.items())
    status, body = _get(packaged, f"/taihang/{query.name}.json?_shape=array&{params}")
    assert status == 200, body[:500]
    rows = json.loads(body)
    assert rows and EXPECTED[query.name](rows), rows[:3]


def test_the_search_box_finds_a_compound_term_from_another_directory(packaged):
    status, body = _get(packaged, "/taihang/policy_measures.json?_shape=array&_search=" + quote("乡村振兴"))
    found = json.loads(body)
    assert status == 200 and {r["id"] for r in found} >= {"jinzhengfa-2021-36-17"}
    status, html = _get(packaged, "/taihang/policy_measures?_search=" + quote("乡村振兴"))
    assert status == 200 and f"{len(found)} rows where search matches" in html  # the page says what the JSON holds


def test_the_image_answers_as_a_cdn_and_other_sites_need(packaged):
    """Cacheable for an hour (the CDN), readable from any origin (CORS), and read-only."""
    with urlopen(f"http://127.0.0.1:{packaged}/taihang/regions.json?_size=1", timeout=30) as response:
        assert response.headers["cache-control"] == "max-age=3600"
        assert response.headers["access-control-allow-origin"] == "*"
    status, body = _get(packaged, "/-/databases.json")
    assert status == 200 and [(d["name"], d["is_mutable"]) for d in json.loads(body)] == [("taihang", False)]
