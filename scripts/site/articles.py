"""The measures of the policies together: listed under their parts, and who is responsible for which."""

from collections import defaultdict

from .context import Context
from .labels import code, in_code_order
from .links import measure_link, org_link
from .markup import esc, link, table
from .words import GAP, section_number

SYMBOLS = "◆●○◇■□"  # a role in the matrix, in the order of the role code table
MATRIX_ANCHOR = "matrix"


def by_part(ctx: Context, level: int, summaries: bool) -> str:
    """Each part under a heading of `level`, with its measures as links; with our summary of each, or bare."""
    parts: dict[int, list] = defaultdict(list)
    for m in ctx.data.measures.values():
        parts[m["section_number"]].append(m)
    out = []
    for number, measures in parts.items():
        out += [f"{'#' * level} {esc(section_number(number, ctx.lang) + ctx.text(measures[0], 'section_title'))}", ""]
        for m in measures:
            said = f"{ctx.colon}{esc(ctx.text(m, 'summary'))}" if summaries else ""
            out.append(f"- {measure_link(ctx, m['id'])}{said}")
        out.append("")
    return "\n".join(out)


def matrix(ctx: Context) -> str:
    """Which body has which role in which measure: a list per body for phones, and a table with a row per body
    and a column per measure for wider screens."""
    roles = ctx.data.rows("SELECT * FROM measure_responsibilities")
    present = in_code_order("measure_responsibilities", "role", (r["role"] for r in roles))
    symbol = {role: SYMBOLS[i] if i < len(SYMBOLS) else "·" for i, role in enumerate(present)}
    grid: dict[str, dict[str, str]] = defaultdict(dict)
    for r in roles:
        grid[r["organization_id"]][r["measure_id"]] = symbol[r["role"]]
    columns = [mid for mid in ctx.data.measures if any(mid in cells for cells in grid.values())]
    first = symbol[present[0]] if present else ""
    order = sorted(grid, key=lambda oid: (-sum(v == first for v in grid[oid].values()), -len(grid[oid]), oid))
    rows = [[org_link(ctx, oid)] + [grid[oid].get(mid, "") for mid in columns] for oid in order]
    number = {mid: link(str(ctx.data.measures[mid]["number"]), f"{ctx.up}measures/{mid}.md") for mid in columns}
    header = [ctx.word("bodies")] + [number[mid] for mid in columns]
    legend = GAP[ctx.lang].join(
        f"{symbol[role]} {esc(code('measure_responsibilities', 'role', role, ctx.lang))}" for role in present
    )
    listed = [
        f"- {org_link(ctx, oid)}{ctx.colon}"
        + ctx.semicolon.join(
            f"{esc(code('measure_responsibilities', 'role', role, ctx.lang))} "
            + " ".join(number[mid] for mid in columns if grid[oid].get(mid) == symbol[role])
            for role in present
            if symbol[role] in grid[oid].values()
        )
        for oid in order
    ]
    return (
        f"{ctx.word('matrix_columns')}\n\n"
        '<div class="matrix-list" markdown="1">\n\n' + "\n".join(listed) + "\n\n</div>\n\n"
        f'<div class="matrix" markdown="1">\n\n{legend}\n\n{table(header, rows)}\n</div>\n'
    )
