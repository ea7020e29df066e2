"""The aid history: who helped which county, dated events, and the defects of the sources."""

from typing import Literal

from pydantic import model_validator

from .base import SOURCE_FK, ForeignKey, Meta, Table, cited_line, cited_source, column
from .fields import Integer, PartialDate, Precision, RegionCode, Slug, Text


class AidAssignment(Table):
    meta = Meta(
        resource="aid_assignments",
        title_zh="帮扶结对",
        title_en="Aid assignments",
        description_zh="帮扶单位与受援县的结对，按原文所述；原文未说明具体县时不臆造结对。",
        description_en="Pairings of a helping body with a county, as the text states them; pairings the text does not state are not invented.",
        primary_key=("id",),
        foreign_keys=(
            ForeignKey("organization_id", "organizations", "id"),
            ForeignKey("region_code", "regions", "code"),
            SOURCE_FK,
        ),
        facets=("program", "pairing", "status"),
        sort="start_year",
    )

    id: Slug = column("结对标识", "Assignment identifier (stable slug).")
    organization_id: Slug = column("帮扶单位", "Helping body.")
    region_code: RegionCode = column("受援区划代码", "Code of the region helped.")
    program: Literal["central_designated_aid", "provincial_designated_aid", "village_resident_team", "social_aid"] = (
        column(
            "帮扶类型：中央定点帮扶、省直定点帮扶、驻村工作队、社会组织帮扶",
            "Programme: central designated aid, provincial designated aid, village-resident team, or aid by social organizations.",
        )
    )
    pairing: Literal["stated", "group"] = column(
        "结对依据：stated 原文写明该单位帮扶该县；group 原文只说一组单位帮扶一组县，未说明哪个单位去哪个县，"
        "此时 region_code 记这组县所在的市",
        "stated: the text pairs this body with this region; group: the text says a list of bodies aided a group of "
        "counties without saying which went where, so region_code holds the city of the group.",
    )
    counties_zh: Text | None = column(
        "pairing 为 group 时，原文所列的县", "For a group pairing, the counties the text lists."
    )
    start_year: Integer | None = column("开始年份", "Year the assignment began.", ge=1949, le=2100)
    end_year: Integer | None = column(
        "结束年份（仍在进行或原文未说明则为空）",
        "Year it ended; empty while ongoing or when the text does not say.",
        ge=1949,
        le=2100,
    )
    status: Literal["ongoing", "ended", "unknown"] = column(
        "截至来源日期的状态：ongoing 仍在进行（如“至今”），ended 已结束，unknown 原文未说明",
        "Status as of the source's date: ongoing (e.g. 至今), ended, or unknown where the text does not say.",
    )
    source_id: Slug = cited_source()
    locator: Integer = cited_line()
    note: Text | None = column("备注", "Note.")

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
        foreign_keys=(
            ForeignKey("region_code", "regions", "code"),
            ForeignKey("organization_id", "organizations", "id"),
            SOURCE_FK,
        ),
        label_column="title_zh",
        facets=("kind", "date_precision"),
        sort="date",
    )

    id: Slug = column("事件标识", "Event identifier (stable slug).")
    date: PartialDate = column("日期（年、年-月 或 年-月-日）", "Date as YYYY, YYYY-MM or YYYY-MM-DD.")
    date_precision: Precision = column("日期精度", "Precision of the date.")
    title_zh: Text = column("中文标题（本项目撰写）", "Title in Chinese, in our own words.")
    title_en: Text = column("英文标题（本项目撰写）", "Title in English, in our own words.")
    kind: Literal["aid", "policy", "meeting", "activity", "institution", "project", "reorganization"] = column(
        "类型：aid 帮扶，policy 政策，meeting 会议，activity 活动，institution 机构设立，project 项目，reorganization 机构改革",
        "Kind: aid, policy, meeting, activity, institution, project or reorganization.",
    )
    region_code: RegionCode | None = column("相关区划", "Region concerned.")
    organization_id: Slug | None = column("相关机构", "Organization concerned.")
    source_id: Slug = cited_source()
    locator: Integer = cited_line()
    note: Text | None = column("备注（如日期为推断）", "Note, e.g. how an incomplete date was completed.")

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
        foreign_keys=(SOURCE_FK,),
        facets=("kind", "source_id"),
    )

    id: Slug = column("勘误标识", "Erratum identifier (stable slug).")
    source_id: Slug = cited_source()
    locator: Integer = cited_line()
    kind: Literal[
        "duplicated_characters",
        "duplicated_item",
        "garbled_repeat",
        "stray_bracket",
        "typo",
        "pinyin_gloss",
        "markup",
        "split_line",
        "missing_text",
        "spam",
    ] = column(
        "缺陷类型：重复字、重复列项、错乱重复、多余括号、错字、插入拼音、残留网页标记、断行、缺字、垃圾文字",
        "Kind of defect: duplicated characters or list item, garbled repeat, stray bracket, typo, inserted pinyin "
        "gloss, leftover web markup, a line split mid-word, missing text, or spam.",
    )
    as_printed: Text = column("原文所印", "The text as printed.")
    reading: Text = column("本项目采用的读法", "The reading we chose.")
    reason: Text = column("理由（英文）", "Why we chose this reading.")
