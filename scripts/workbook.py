"""The Excel workbook of a release: a README sheet, a data dictionary, and one sheet per table.

Made to be read in Excel: every sheet has a frozen header with a filter and columns fitted to their text
(a CJK character counts double), dates are dates, numbers carry thousands separators, and the dictionary
gives each column's unit and bilingual description. The same package gives the same bytes: the workbook's
date is the package's release date.
"""

import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .package import tabular
from .reader import Dataset

MAX_WIDTH, MIN_WIDTH = 60, 6
DICTIONARY_HEADER = ["resource", "column", "type", "unit", "required", "说明", "description"]


def width(text: str) -> int:
    """How many character cells a text takes: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class Sheet:
    """A worksheet written row by row that remembers how wide each column must be."""

    def __init__(self, workbook: Any, name: str, header: list[str], bold: Any):
        self.sheet = workbook.add_worksheet(name[:31])
        self.widths = [width(h) for h in header]
        self.rows = 0
        self.sheet.write_row(0, 0, header, bold)

    def write(self, column: int, value: Any, shown: str, fmt: Any = None) -> None:
        self.widths[column] = max(self.widths[column], width(shown))
        if isinstance(value, str):
            self.sheet.write_string(self.rows + 1, column, value, fmt)
        elif isinstance(value, date):
            self.sheet.write_datetime(self.rows + 1, column, datetime(value.year, value.month, value.day), fmt)
        elif value is not None:
            self.sheet.write_number(self.rows + 1, column, value, fmt)

    def next_row(self) -> None:
        self.rows += 1

    def close(self) -> None:
        """Freeze the header, add a filter on it and fit the columns."""
        for column, w in enumerate(self.widths):
            self.sheet.set_column(column, column, min(MAX_WIDTH, max(MIN_WIDTH, w + 2)))
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, self.rows, len(self.widths) - 1)


def _formats(workbook: Any) -> dict[str, Any]:
    return {
        "bold": workbook.add_format({"bold": True}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        "whole": workbook.add_format({"num_format": "#,##0"}),
        "decimal": workbook.add_format({"num_format": "#,##0.0###"}),
    }


def _cell(field: dict[str, Any], value: Any, formats: dict[str, Any]) -> tuple[Any, str, Any]:
    """(value, its text, its format) of one cell: dates as dates, numbers with separators."""
    if isinstance(value, bool):
        return ("true" if value else "false"), "false", None
    if isinstance(value, date):
        return value, "0000-00-00", formats["date"]
    if field["type"] == "number" and value is not None:
        whole = float(value).is_integer()
        return value, f"{value:,.0f}" if whole else f"{value:,.4f}", formats["whole" if whole else "decimal"]
    return value, "" if value is None else str(value), None


def write(dataset: Dataset, package: dict[str, Any], readme: str, created: datetime, path: Path) -> None:
    """Write the workbook of a package to path."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_urls": False})
    workbook.set_properties({"title": package["title"], "created": created, "comments": package["description"]})
    formats = _formats(workbook)
    about = workbook.add_worksheet("README")
    about.set_column(0, 0, 120)
    for row, line in enumerate(readme.splitlines()):
        about.write_string(row, 0, line)
    dictionary = Sheet(workbook, "dictionary", DICTIONARY_HEADER, formats["bold"])
    for resource in tabular(package):
        for field in resource["schema"]["fields"]:
            required = "yes" if field.get("constraints", {}).get("required") else ""
            cells = [resource["name"], field["name"], field["type"], field.get("unit", ""), required]
            for column, text in enumerate([*cells, field["description_zh"], field["description"]]):
                dictionary.write(column, text, text)
            dictionary.next_row()
    dictionary.close()
    for resource in tabular(package):
        fields = resource["schema"]["fields"]
        sheet = Sheet(workbook, resource["name"], [f["name"] for f in fields], formats["bold"])
        for row in dataset.rows(resource["name"]):
            for column, field in enumerate(fields):
                sheet.write(column, *_cell(field, getattr(row, field["name"]), formats))
            sheet.next_row()
        sheet.close()
    workbook.close()
