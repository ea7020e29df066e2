"""A figure withdrawn in a later version keeps its page, in both languages: when, why (in the page's language),
and a link to what replaced it; the withdrawal check refuses the build without it."""

from schemas import PACKAGE
from scripts.cli import main
from scripts.site.data import Data
from scripts.site.publish import pages
from tests.conftest import copy_project
from tests.test_history import FIGURES, _regenerate, _released_figures, _rows, _withdraw


def test_a_withdrawn_figure_keeps_its_page_saying_when_why_and_what_replaced_it(tmp_path, drop_row, capsys):
    layout = copy_project(tmp_path)
    dropped, replacement = _released_figures(layout)[:2]
    drop_row(layout.csv(FIGURES), dropped)
    assert main(["--root", str(layout.root), "package"]) == 1, "a figure removed without a withdrawal is refused"
    assert f"a row for {FIGURES} {dropped}, removed in version {PACKAGE['version']}" in capsys.readouterr().out
    _withdraw(layout, FIGURES, dropped, replacement)
    _regenerate(layout)
    assert main(["--root", str(layout.root), "package"]) == 0
    assert main(["--root", str(layout.root), "database"]) == 0
    with Data(layout.database) as data:
        built = pages(data)
    reason = _rows(layout, "translations")[0]
    zh, en = built[f"f/{dropped}.md"], built[f"f/{dropped}.en.md"]
    for page, words in ((zh, ("撤下", reason["text_zh"][:10])), (en, ("withdrawn", reason["text_en"][:10]))):
        assert PACKAGE["version"] in page and f"](../f/{replacement}.md)" in page
        assert ("# 已撤下：撤下的旧数字" if page is zh else "# Withdrawn: A withdrawn figure") in page
        assert all(w in page for w in words), words
