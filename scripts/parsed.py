"""One CSV file read columnarly, as pass 2 of validation (`columnar`, `across`) sees it."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from schemas import Table


def scan(path: Path) -> pl.LazyFrame:
    return pl.scan_csv(path, infer_schema=False, empty_string_is_null=False, raise_if_empty=False)


@dataclass
class Parsed:
    """One file read columnarly: what pass 2 needs of each row (`_index`, `_line` and some columns)."""

    model: type[Table]
    name: str
    path: Path
    frame: pl.DataFrame

    def rows(self, indices: list[int]) -> Iterator[tuple[int, dict[str, str]]]:
        """(line, cells) of the rows at these indices, in file order."""
        wanted = self.frame.filter(pl.col("_index").is_in(indices)).select("_index", "_line")
        if wanted.is_empty():
            return
        found = scan(self.path).with_row_index("_index").join(wanted.lazy(), on="_index")
        for row in found.sort("_index").drop("_index").collect().iter_rows(named=True):
            yield row.pop("_line"), row
