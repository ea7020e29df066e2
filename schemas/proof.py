"""The reader's proof: independent public reports of a figure (另见), and the searches made for a public copy
of an archived source or for such reports."""

from typing import Annotated

from .base import Citation, Cite, Equals, Meta, Table, column
from .codes import QUALIFIER, SEARCH_RESULT, UNIT
from .fields import (
    IsoDate,
    Locator,
    Note,
    Number,
    ObservationRef,
    Prose,
    RenderedLine,
    Slug,
    SourceId,
    SourceRef,
    Text,
)


class Corroboration(Table):
    meta = Meta(
        resource="corroborations",
        title_zh="另见：同一数字的其他公开报道",
        title_en="See also: other public reports of a figure",
        description_zh="另一家发布者的公开网页印出同一事物、同一地点、同一时间的同一数字：读者可在那里核对。"
        "只记原文写法，数值须与所佐证的观测值相同。",
        description_en="Another publisher's public page that prints the same figure for the same thing, place and "
        "time, where a reader can check it. Only the figure as printed is recorded; its value must equal the "
        "observation it corroborates.",
        primary_key=("id",),
        label_column="figure_text",
        facets=("source_id", "observation_id"),
        cites=Citation(texts=(Cite("figure_text"),), figure="figure_text", label="figure_text"),
    )

    id: Slug = column("佐证标识", "Corroboration identifier (stable slug).")
    observation_id: ObservationRef = column("所佐证的数字（观测值）", "The figure corroborated (an observation).")
    value: Annotated[Number, Equals("observation_id", "value")] = column(
        "数值（基本单位；与所佐证的观测值相同）",
        "Value in base units; equals the observation's.",
        unit="given by the column unit",
        reading=True,
        allow_inf_nan=False,
    )
    unit: Annotated[str, UNIT, Equals("observation_id", "unit")] = column(
        "基本单位（与所佐证的观测值一致）", "Base unit; equals the observation's."
    )
    qualifier: Annotated[str, QUALIFIER] = column("限定", "Qualifier of the figure as printed on this page.")
    figure_text: Text = column("原文写法（该网页的写法）", "The figure exactly as this page prints it.")
    source_id: SourceId
    locator: Locator
    note: Note


class AddressSearch(Table):
    meta = Meta(
        resource="address_searches",
        title_zh="公开网址与佐证的检索记录",
        title_en="Searches for public copies and corroboration",
        description_zh="为每份存档文献查找其公开网页、为没有公开网页的文献中的数字查找其他公开报道的记录：检索日期、所用检索词、是否找到。"
        "没有找到的，也照实记录。",
        description_en="The searches made for a public copy of each archived source, and, for the figures of a source "
        "with none, for other public reports of them: when, with which queries, and whether anything was found. A "
        "search that found nothing is recorded as such.",
        primary_key=("id",),
        label_column="queries",
        facets=("result", "source_id"),
        sort="searched_on",
    )

    id: Slug = column("检索记录标识", "Search record identifier (stable slug).")
    source_id: SourceRef = column("检索其公开网页的存档文献", "The archived source whose public copy was searched for.")
    observation_id: ObservationRef | None = column(
        "检索其他公开报道的数字（为空：检索文献本身）",
        "The figure whose other public reports were searched for; empty for a search for the source itself.",
    )
    searched_on: IsoDate = column("检索日期", "Date of the search.")
    queries: Prose = column(
        "所用检索词，以“ | ”分隔", "The queries tried, separated by ' | ', in the order they were tried.", ours=True
    )
    result: Annotated[str, SEARCH_RESULT] = column("检索结果", "Whether anything was found.")
    searched_in: RenderedLine = column("检索范围", "Where the search looked.", ours=True)
    note: Note
