"""The aid history: who helped which county, dated events, and the defects of the sources."""

from typing import Annotated

from pydantic import model_validator

from .base import Citation, Cite, EndsWithSuccession, Meta, Pairs, Table, column
from .codes import ERRATUM_KIND, EVENT_KIND, PAIRING, PROGRAM, STATUS
from .fields import (
    Flag,
    Integer,
    Locator,
    Note,
    OrganizationRef,
    PartialDate,
    Precision,
    RegionRef,
    Rendered,
    Slug,
    SourceId,
    Text,
)


class AidAssignment(Table):
    meta = Meta(
        resource="aid_assignments",
        title_zh="帮扶结对",
        reader=("帮扶", "Aid"),
        title_en="Aid assignments",
        description_zh="帮扶单位与受援县的结对，按原文所述；原文未说明具体县时不臆造结对。",
        description_en="Pairings of a helping body with a county, as the text states them; pairings the text does not state are not invented.",
        primary_key=("id",),
        facets=("program", "pairing", "status"),
        sort="start_year",
        cites=Citation(texts=(Cite("organization_id"),), label="organization_id"),
        pairs=Pairs(body="organization_id", region="region_code", members="counties_zh"),
    )

    id: Slug = column("结对标识", "Assignment identifier (stable slug).")
    organization_id: OrganizationRef = column("帮扶单位", "Helping body.")
    region_code: RegionRef = column("受援区划代码", "Code of the region helped.")
    program: Annotated[str, PROGRAM] = column("帮扶类型", "Programme.")
    pairing: Annotated[str, PAIRING] = column("结对依据", "What the text states of the pairing.")
    counties_zh: Text | None = column(
        "`pairing` 为 `group` 时，原文所列的县", "For a group pairing, the counties the text lists."
    )
    start_year: Integer | None = column("开始年份", "Year the assignment began.", unit="year", ge=1949, le=2100)
    end_year: Integer | None = column(
        "结束年份（仍在进行或原文未说明则为空）",
        "Year it ended; empty while ongoing or when the text does not say.",
        unit="year",
        ge=1949,
        le=2100,
    )
    status: Annotated[str, STATUS, EndsWithSuccession("organization_id", ended="ended")] = column(
        "截至来源日期的状态；帮扶单位已不存在（更名、合并或撤销）的为“已结束”：已被继任机构取代的，除非备注点出继任机构并说明原因；"
        "已撤销的，在该单位的备注中说明",
        "Status as of the source's date; ended when the helping body no longer exists, whether renamed, merged or "
        "abolished: replaced by a successor (its aid goes on, if at all, as the successor's own pairing), unless "
        "the note says why not; abolished, as the body's note says.",
    )
    source_id: SourceId
    locator: Locator
    note: Note

    @model_validator(mode="after")
    def _years_in_order(self):
        if self.start_year and self.end_year and self.start_year > self.end_year:
            raise ValueError("start_year must not be later than end_year")
        if (self.pairing == "group") != (self.counties_zh is not None):
            raise ValueError("counties_zh is given for a group pairing, and only then")
        if self.end_year and self.status != "ended":
            raise ValueError("an assignment with an end_year has status 'ended'")
        return self


class Event(Table):
    meta = Meta(
        resource="events",
        title_zh="大事记",
        title_en="Events",
        description_zh="来源所述的有日期的事件，日期精度如实记录。",
        description_en="Dated happenings the sources report, each with the precision of its date.",
        primary_key=("id",),
        label_column="title_zh",
        facets=("kind", "date_precision"),
        sort="date",
        cites=Citation(texts=(Cite("date", form="date"),)),
    )

    id: Slug = column("事件标识", "Event identifier (stable slug).")
    date: PartialDate = column("日期（年、年-月 或 年-月-日）", "Date as YYYY, YYYY-MM or YYYY-MM-DD.")
    date_precision: Precision = column("日期精度", "Precision of the date.")
    title_zh: Text = column("中文标题（本项目撰写）", "Title in Chinese, in our own words.", ours=True)
    title_en: Text = column("英文标题（本项目撰写）", "Title in English, in our own words.", ours=True)
    kind: Annotated[str, EVENT_KIND] = column("类型", "Kind of event.")
    region_code: RegionRef | None = column("相关区划", "Region concerned.")
    organization_id: OrganizationRef | None = column("相关机构", "Organization concerned.")
    source_id: SourceId
    locator: Locator
    note: Rendered | None = column(
        "备注（如日期为推断）", "Note, e.g. how an incomplete date was completed.", ours=True
    )
    aid_history: Flag = column(
        "是否列入帮扶历史时间线（帮扶的开始、帮扶单位的沿革、老区政策的出台）",
        "Whether the aid history's timeline shows it: aid beginning, the bodies' reorganizations, the old-area "
        "policies coming out.",
    )

    @model_validator(mode="after")
    def _precision_matches_date(self):
        expected = {4: "year", 7: "month", 10: "day"}[len(self.date)]
        if self.date_precision != expected:
            raise ValueError(f"date_precision must be {expected!r} for a date written as {self.date!r}")
        return self


class Erratum(Table):
    meta = Meta(
        resource="errata",
        title_zh="勘误",
        title_en="Errata",
        description_zh="来源中影响所录事实的排印缺陷：原文如何印、本项目如何读、为何这样读。",
        description_en="Defects of the sources that touch a recorded fact: what was printed, the reading we chose, and why.",
        primary_key=("id",),
        facets=("kind", "source_id"),
        cites=Citation(texts=(Cite("as_printed"),), label="as_printed", reading="reading"),
    )

    id: Slug = column("勘误标识", "Erratum identifier (stable slug).")
    source_id: SourceId
    locator: Locator
    kind: Annotated[str, ERRATUM_KIND] = column("缺陷类型", "Kind of defect.")
    as_printed: Text = column("原文所印", "The text as printed.")
    reading: Text = column("本项目采用的读法", "The reading we chose.")
    reason: Rendered = column("理由（英文）", "Why we chose this reading.", ours=True)
