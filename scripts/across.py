"""Pass 2 on columns: the checks across rows and tables, as crosscheck.py declares them, found with joins.

Keys are unique; foreign keys resolve; `AtMost` and `Equals` hold. Joins and group-bys find the rows that
may fail a check; their problems come from the same code as the streaming pass (`crosscheck.duplicate`,
`dangling`, `compared`, `loops`), and for who did it and rows that must agree (`attribution.py`,
`consistency.py`), from the same objects, fed the rows that may fail (all rows of the small tables they
remember: bodies, regions, pairings), in file order. A file's rows are kept as the columns these need.
"""

from collections.abc import Callable, Iterator

import polars as pl

from schemas import BY_NAME, Table
from schemas.base import AtMost, Distinct, EndsWithSuccession, Equals, Line, PairedWith

from .consistency import normalized
from .crosscheck import CrossCheck, compared, dangling, duplicate, loops
from .parsed import Parsed
from .problems import Problem

ISO = r"^[12][0-9]{3}-[0-9]{2}-[0-9]{2}$"


def _compared(model: type[Table]) -> list[tuple[str, AtMost | Equals, str]]:
    markers = model.marked(AtMost) + model.marked(Equals)
    return [(column, marker, CrossCheck._target(model, marker.via)) for column, marker in markers]


def _remembered(model: type[Table]) -> bool:
    """Whether the checks of who did it remember this table's rows (bodies, regions, pairings)."""
    resource = model.meta.resource
    for other in BY_NAME.values():
        pairs = other.meta.pairs
        vias = [marker.via for _, marker in other.marked(EndsWithSuccession)]
        targets = [CrossCheck._target(other, c) for c in ([pairs.body, pairs.region] if pairs else []) + vias]
        if resource in targets:
            return True
    return bool(model.meta.pairs)


def needed(model: type[Table]) -> list[str]:
    """The columns pass 2 reads of a table's rows (every column of a table that is remembered)."""
    if _remembered(model):
        return model.columns()
    meta = model.meta
    wanted = [*meta.primary_key, *(fk.field for fk in model.foreign_keys())]
    wanted += [c for column, marker, _ in _compared(model) for c in (column, marker.via)]
    wanted += [m.column for other in BY_NAME.values() for _, m, t in _compared(other) if t == meta.resource]
    wanted += [c for column, marker in model.marked(PairedWith) for c in (column, marker.region)]
    wanted += [c for column, marker in model.marked(EndsWithSuccession) for c in (column, marker.via)]
    wanted += [column for column, _ in model.marked(Distinct)]
    return list(dict.fromkeys(wanted))


def hashes(model: type[Table]) -> list[pl.Expr]:
    """The identity a row states a figure of, and the figure, as hashes (rows alike in the first are compared)."""
    identity = model.meta.identity
    if identity is None:
        return []
    return [
        pl.concat_str(list(identity.of), separator="\x1f").hash().alias("_of"),
        pl.concat_str(list(identity.values), separator="\x1f").hash().alias("_values"),
    ]


def check(models: list[type[Table]], parsed: dict[str, Parsed], name_of: Callable[[str], str]) -> list[Problem]:
    """Every problem across rows and tables, in the dependency order of the streaming pass."""
    cross = CrossCheck(models)
    problems: list[Problem] = []
    for model in models:
        table = parsed[model.meta.resource]
        problems += _keys(table)
        problems += _references(table, parsed)
        problems += _bounds(table, parsed, models)
        problems += _attribution(table, cross)
        problems += _consistency(table, cross)
        cross.keys[model.meta.resource] = {}
    problems += cross.missing(name_of)
    return problems


def _distinct(frame: pl.DataFrame, hashed: pl.Expr) -> bool:
    """Whether every row has its own hash: then no two rows are alike (a cheap test before a costly search)."""
    return frame.select(hashed.n_unique()).item() == frame.height


def _keys(table: Parsed) -> Iterator[Problem]:
    """Each row whose primary key an earlier row has."""
    key = list(table.model.meta.primary_key)
    if table.frame.is_empty() or _distinct(table.frame, pl.struct(key).hash()):
        return
    repeated = table.frame.filter(pl.struct(key).is_duplicated()).sort("_index")
    first: dict[tuple[str, ...], int] = {}
    for row in repeated.select("_line", *key).iter_rows():
        line, cells = row[0], tuple(row[1:])
        if cells in first:
            yield duplicate(table.model, table.name, line, cells, first[cells])
        else:
            first[cells] = line


def _references(table: Parsed, parsed: dict[str, Parsed]) -> Iterator[Problem]:
    """Each foreign key that resolves to no row; a self-reference that leads back to its row."""
    model, frame = table.model, table.frame
    if frame.is_empty():
        return
    columns = model.columns()
    for fk in model.foreign_keys():
        if fk.resource not in parsed:
            continue  # crosscheck.missing says the file is absent
        target = parsed[fk.resource]
        [key] = target.model.meta.primary_key
        keys = target.frame.get_column(key) if not target.frame.is_empty() else pl.Series(key, [], pl.String)
        refs = frame.filter((pl.col(fk.field) != "") & ~pl.col(fk.field).is_in(keys.implode()))
        for line, value in refs.select("_line", fk.field).iter_rows():
            yield dangling(table.name, line, columns.index(fk.field) + 1, fk.field, value, fk.resource)
    link = model.self_reference()
    if link:
        [key] = model.meta.primary_key
        seen: dict[tuple[str, ...], int] = {}
        for line, cell in frame.select("_line", key).iter_rows():
            seen.setdefault((cell,), line)
        linked = frame.filter(pl.col(link) != "").select("_line", link, key)
        links = [(line, link, value, own) for line, value, own in linked.iter_rows()]
        yield from loops(table.name, columns, seen, links)


def _bounds(table: Parsed, parsed: dict[str, Parsed], models: list[type[Table]]) -> Iterator[Problem]:
    """Each value marked `AtMost` or `Equals` that may not hold against the row its foreign key points to (a
    table read before this one, as the streaming pass reads them)."""
    model, frame = table.model, table.frame
    order = [m.meta.resource for m in models]
    for column, marker, target in _compared(model):
        if target not in parsed or order.index(target) >= order.index(model.meta.resource) or frame.is_empty():
            continue
        other = parsed[target]
        if other.frame.is_empty():
            continue
        [key] = other.model.meta.primary_key
        values = other.frame.select(pl.col(key).alias(marker.via), pl.col(marker.column).alias("_bound"))
        joined = frame.select("_line", column, marker.via).join(
            values.unique(marker.via, keep="last", maintain_order=True), on=marker.via, how="inner"
        )
        value, bound = pl.col(column), pl.col("_bound")
        if isinstance(marker, Equals):
            maybe = value != bound
        else:
            dates = value.str.contains(ISO) & bound.str.contains(ISO)
            numbers = value.cast(pl.Float64, strict=False) < bound.cast(pl.Float64, strict=False)
            maybe = ~((dates & (value <= bound)) | (~dates & numbers.fill_null(False)))
        if isinstance(marker, Line):  # given exactly when the source has lines
            maybe = maybe | ((value == "") != (bound == ""))
        for line, cell, via, limit in joined.filter(((value != "") | isinstance(marker, Line)) & maybe).iter_rows():
            row = {column: cell, marker.via: via}
            problem = compared(model, table.name, line, row, column, marker, target, limit)
            if problem:
                yield problem


def _attribution(table: Parsed, cross: CrossCheck) -> Iterator[Problem]:
    """Who did it: every row of a table the checks remember, and the rows of others that may fail."""
    model, frame, attribution = table.model, table.frame, cross.attribution
    resource = model.meta.resource
    if frame.is_empty():
        return
    if _remembered(model):
        for line, row in zip(frame["_line"], frame.select(model.columns()).iter_rows(named=True), strict=True):
            yield from attribution.row(model, table.name, line, row)
        return
    maybe = pl.lit(False)
    for column, marker in attribution.claims.get(resource, ()):
        pairs = frame.filter(pl.col(column) != "").select(column, marker.region).unique().iter_rows()
        unpaired = [(body, region) for body, region in pairs if not attribution.paired(model, body, region, marker)]
        if unpaired:
            wrong = pl.DataFrame(unpaired, schema=[column, marker.region], orient="row")
            maybe |= pl.struct(column, marker.region).is_in(wrong.to_struct().implode())
    for column, marker in attribution.statuses.get(resource, ()):
        bodies = attribution.linked.get(CrossCheck._target(model, marker.via))
        if bodies:
            maybe |= pl.col(marker.via).is_in(list(bodies.link)) & (pl.col(column) != marker.ended)
    indices = frame.filter(maybe)["_index"].to_list()
    for line, row in table.rows(indices):
        yield from attribution.row(model, table.name, line, row)


def _consistency(table: Parsed, cross: CrossCheck) -> Iterator[Problem]:
    """Rows that must agree: those of an identity stated with more than one figure, and those whose distinct
    column reads like another row's."""
    model, frame = table.model, table.frame
    if frame.is_empty():
        return
    indices: set[int] = set()
    if model.meta.identity and not _distinct(frame, pl.col("_of")):
        stated = frame.group_by("_of").agg(pl.col("_values").n_unique().alias("_figures"))
        differ = stated.filter(pl.col("_figures") > 1)["_of"]
        indices.update(frame.filter(pl.col("_of").is_in(differ.implode()))["_index"].to_list())
    for column in cross.consistency.columns.get(model.meta.resource, ()):
        cells = frame.filter(pl.col(column) != "").select("_index", column)
        forms = {value: normalized(value) for value in cells[column].unique().to_list()}
        read = cells.with_columns(pl.col(column).replace_strict(forms, return_dtype=pl.String).alias("_form"))
        indices.update(read.filter(pl.col("_form").is_duplicated())["_index"].to_list())
    for line, row in table.rows(sorted(indices)):
        yield from cross.consistency.row(model, table.name, line, row)
