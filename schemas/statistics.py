"""Statistics: the metrics and every figure the sources print."""

from typing import Annotated

from pydantic import model_validator

from .base import Citation, Cite, Equals, InUnitOf, Meta, RowError, Table, column
from .codes import QUALIFIER, UNIT
from .fields import (
    ErratumRef,
    IsoDate,
    Locator,
    MetricRef,
    Note,
    Number,
    OrganizationRef,
    PartialDate,
    Prose,
    RegionRef,
    Slug,
    SourceId,
    Text,
)

Unit = Annotated[str, UNIT]


def _period_start(value: str) -> str:
    """The first day of a period written as YYYY, YYYY-MM or YYYY-MM-DD."""
    return value + "-01-01"[len(value) - 4 :]


def _period_end(value: str) -> str:
    """The last day of a period written as YYYY, YYYY-MM or YYYY-MM-DD (months end on the 31st for ordering)."""
    return value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value


class Metric(Table):
    meta = Meta(
        resource="metrics",
        title_zh="指标",
        title_en="Metrics",
        description_zh="观测值所度量的概念，各有中英文名称、基本单位和定义；同一概念在不同来源中共用一个指标。",
        description_en="What an observation measures, with bilingual names, a base unit and a definition; one metric per concept across sources.",
        primary_key=("id",),
        label_column="name_zh",
        facets=("unit",),
    )

    id: Slug = column("指标标识", "Metric identifier (stable slug).")
    name_zh: Text = column("中文名称", "Name in Chinese.")
    name_en: Text = column("英文名称", "Name in English.")
    unit: Unit = column("基本单位", "Base unit of every value of the metric.")
    definition_zh: Prose = column("中文定义", "Definition in Chinese.", ours=True)
    definition_en: Prose = column("英文定义", "Definition in English.", ours=True)


class Observation(Table):
    meta = Meta(
        resource="observations",
        title_zh="观测值",
        title_en="Observations",
        description_zh="来源中印出的每一个数字，以基本单位存储，并保留原文写法、限定词和出处行号。",
        description_en="Every figure the sources print, stored in base units beside the figure as printed, its qualifier and its line.",
        primary_key=("id",),
        facets=("source_id", "metric_id", "region_code", "qualifier"),
        indexes=(("source_id", "locator", "id"),),  # the per-source listing, in line order
        cites=Citation(texts=(Cite("figure_text"),), figure="figure_text", erratum="erratum_id", label="figure_text"),
    )

    id: Slug = column("观测值标识", "Observation identifier (stable slug).")
    metric_id: MetricRef = column("指标", "Metric.")
    region_code: RegionRef = column(
        "区划代码（村级数字记其所在县）",
        "Region code; a village's figure keeps its county's code.",
    )
    organization_id: OrganizationRef | None = column("实施或提供者（帮扶成果）", "Who delivered it, for aid outcomes.")
    place_zh: Text | None = column("县以下地点（村、园区等）", "Place below county level: a village or site.")
    period_start: PartialDate | None = column(
        "期间起点（年、年-月 或 日期）",
        "Start of the period: YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    period_end: PartialDate | None = column("期间终点", "End of the period: YYYY, YYYY-MM or YYYY-MM-DD.")
    as_of: IsoDate | None = column("截至日期（累计数）", "Date a cumulative figure is as of.")
    value: Annotated[Number, InUnitOf("unit")] = column(
        "数值（基本单位）", "Value in the unit column's base unit.", allow_inf_nan=False
    )
    unit: Annotated[Unit, Equals("metric_id", "unit")] = column(
        "基本单位（与指标一致）", "Base unit; equals the metric's unit."
    )
    qualifier: Annotated[str, QUALIFIER] = column("限定", "Qualifier of the figure as printed.")
    figure_text: Text = column(
        "原文写法（如 574.55万余元）",
        "The figure exactly as printed, e.g. 574.55万余元.",
    )
    source_id: SourceId
    locator: Locator
    erratum_id: ErratumRef | None = column("所在行的勘误", "Erratum of the defective line the figure was read from.")
    note: Note

    @model_validator(mode="after")
    def _period_in_order(self):
        start, end = self.period_start, self.period_end
        if start and end and _period_start(start) > _period_end(end):
            raise RowError("period_end", f"a period_end not before period_start {start!r}")
        return self
