"""Statistics: the metrics and every figure the sources print."""

from typing import Annotated

from .base import (
    Above,
    Citation,
    Cite,
    Distinct,
    Equals,
    GivenWhen,
    Identity,
    InUnitOf,
    Meta,
    NotBefore,
    PairedWith,
    Table,
    column,
)
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
    name_zh: Annotated[Text, Distinct()] = column(
        "中文名称（各指标不同）", "Name in Chinese; no two metrics share one."
    )
    name_en: Annotated[Text, Distinct()] = column(
        "英文名称（各指标不同）", "Name in English; no two metrics share one."
    )
    unit: Unit = column("基本单位", "Base unit of every value of the metric.")
    definition_zh: Annotated[Prose, Distinct()] = column(
        "中文定义（只说原文所说）", "Definition in Chinese, saying no more than the sources.", ours=True
    )
    definition_en: Annotated[Prose, Distinct()] = column(
        "英文定义（只说原文所说）", "Definition in English, saying no more than the sources.", ours=True
    )


class Observation(Table):
    meta = Meta(
        resource="observations",
        pages="f",
        title_zh="观测值",
        reader=("数字", "Figures"),
        title_en="Observations",
        description_zh="来源中印出的每一个数字，以基本单位存储，并保留原文写法、限定词和出处行号。",
        description_en="Every figure the sources print, stored in base units beside the figure as printed, its qualifier and its line.",
        primary_key=("id",),
        facets=("source_id", "metric_id", "region_code", "qualifier"),
        indexes=(("source_id", "locator", "id"),),  # the per-source listing, in line order
        cites=Citation(texts=(Cite("figure_text"),), figure="figure_text", erratum="erratum_id", label="figure_text"),
        identity=Identity(
            of=(
                "metric_id",
                "region_code",
                "organization_id",
                "place_zh",
                "subset_zh",
                "period_start",
                "period_end",
                "as_of",
            ),
            values=("value", "value_max", "qualifier"),
        ),
    )

    id: Slug = column("观测值标识", "Observation identifier (stable slug).")
    metric_id: MetricRef = column("指标", "Metric.")
    region_code: RegionRef = column(
        "区划代码（村级数字记其所在县）",
        "Region code; a village's figure keeps its county's code.",
    )
    organization_id: Annotated[OrganizationRef, PairedWith("region_code", by="aid_assignments")] | None = column(
        "帮扶成果的实施者：把帮扶带到该地区的单位，须有与该地区的帮扶结对",
        "For an aid outcome, the helping body that delivered it to the region (the team that brought it in); "
        "an aid assignment must pair it, or a predecessor or successor, with the region.",
    )
    donor_zh: Text | None = column(
        "捐赠者，按原文写法（如 武大校友企业）；仅当原文所说的捐赠者不是送来帮扶的单位（本行所记单位）时填写",
        "Who donated it, as the text names them (e.g. 武大校友企业, Wuhan University alumni firms); only when the "
        "text names a donor other than the body that delivered it (organization_id).",
    )
    place_zh: Text | None = column("县以下地点（村、园区等）", "Place below county level: a village or site.")
    subset_zh: Text | None = column(
        "所计的部分，按原文用语（如 重点）；为全体则为空",
        "The part of the whole the figure counts, in the text's word (e.g. 重点, key); empty for the whole.",
    )
    period_start: PartialDate | None = column(
        "期间起点（年、年-月 或 日期）",
        "Start of the period: YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    period_end: Annotated[PartialDate, NotBefore("period_start")] | None = column(
        "期间终点", "End of the period: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    as_of: IsoDate | None = column("截至日期（累计数）", "Date a cumulative figure is as of.")
    value: Annotated[Number, InUnitOf("unit")] = column(
        "数值（基本单位；范围为其下限）",
        "Value in the unit column's base unit; for a range, its lower end.",
        unit="given by the column unit",
        reading=True,
        allow_inf_nan=False,
    )
    value_max: (
        Annotated[
            Number,
            InUnitOf("unit"),
            GivenWhen("qualifier", "range", what="the upper end of the range"),
            Above("value", what="the lower end"),
        ]
        | None
    ) = column(
        "范围的上限（仅当限定为“范围”）",
        "Upper end of a range (2至3), in the same unit; given exactly when the qualifier is range.",
        unit="given by the column unit",
        reading=True,
        allow_inf_nan=False,
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
