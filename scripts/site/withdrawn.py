"""The pages of withdrawn rows: a row that a later version removed from a table whose rows have pages keeps
its address, and the page there says in which version and why it was withdrawn, and what replaced it."""

from schemas import BY_NAME, Withdrawal

from ..frontmatter import front_matter
from .context import Context
from .labels import in_language, naming_column, title
from .markup import esc, link
from .words import suffix

SEARCH_BOOST = 0.1  # found by its old name, but after every page of what is there now
WITHDRAWN = f"""
SELECT w.*, c.version, r.released FROM {Withdrawal.meta.resource} AS w
JOIN row_changes AS c ON c.resource = w.resource AND c.key = w.key AND c.change = 'removed'
JOIN releases AS r ON r.version = c.version
ORDER BY w.resource, w.key
"""


def pages(ctx: Context) -> dict[str, str]:
    """Each withdrawn row's page, by its path under docs/."""
    out = {}
    for w in ctx.data.rows(WITHDRAWN):
        model = BY_NAME[w["resource"]]
        kind, folder = title(model, ctx.lang), model.meta.pages
        said = ctx.word("withdrawn", kind=kind, entry=w["key"], version=w["version"], date=w["released"])
        if w["replaced_by"]:
            label = in_language(ctx.data.row(w["resource"], w["replaced_by"]), naming_column(model), ctx.lang)
            instead = ctx.word("replaced_by", link=link(label, f"{ctx.up}{folder}/{w['replaced_by']}.md"))
        else:
            instead = ctx.word("not_replaced")
        name = ctx.text(w, "name")
        body = f"# {ctx.word('withdrawn_title', name=esc(name))}\n\n{esc(said)}\n\n"
        body += f"{ctx.word('withdrawn_why')}{ctx.colon}{ctx.ours(w['reason'])}\n\n{instead}\n"
        page = front_matter(said, [name, w["key"]], SEARCH_BOOST) + body
        out[f"{folder}/{w['key']}{suffix(ctx.lang)}.md"] = page
    return out
