"""Reference tables: the archived sources, the regions and the organizations."""

from typing import Annotated

from pydantic import model_validator

from .base import Citation, Cite, ColumnError, GivenWhen, Meta, Table, column
from .codes import (
    CONSULTED,
    LANGUAGE,
    ORGANIZATION_KIND,
    PRECISION,
    REGION_KIND,
    REGION_LEVEL,
    SOURCE_KIND,
    URL_KIND,
)
from .fields import (
    Flag,
    GovernmentLevel,
    Integer,
    IsoDate,
    Locator,
    Note,
    OrganizationRef,
    RegionCode,
    RegionRef,
    Rendered,
    RenderedLine,
    Slug,
    SourceId,
    Text,
)

NO_HEADLINE = "Headline not seen"  # how a web source's notes say that the stored copy showed no headline
NO_PUBLIC_COPY = "No public copy"  # how a source's notes say that none was found (and where they looked)


class Source(Table):
    meta = Meta(
        resource="sources",
        pages="sources",
        title_zh="来源",
        title_en="Sources",
        description_zh="本数据集引用的每一份文献，连同其发布者和日期：存档的文献附存档文件的 SHA-256；只引用而未存档的网页附网址和查阅方式。",
        description_en="Every document the dataset cites, with its publisher and date: an archived one with the SHA-256 of "
        "the archived file; a web page cited but not archived with its address and how it was consulted.",
        primary_key=("id",),
        label_column="title_zh",
        facets=("kind", "archived", "language"),
        sort="published",
    )

    id: Slug = column("来源标识", "Source identifier (stable slug).")
    title_zh: Text | None = column(
        "中文标题（原文字形；英文来源为本项目的翻译；未存档的网页若存储副本未显示标题则为空，备注中说明）",
        "Title in Chinese, in the script the source uses (our translation for a source in English); empty only for "
        "a web page whose stored copy showed no headline, which the notes say.",
    )
    title_en: Text | None = column(
        "英文标题（本项目翻译；英文来源为原文标题；无中文标题时为空）",
        "Title in English: our translation, or as printed for a source in English.",
    )
    publisher_zh: Text = column("发布者中文名", "Publisher, in Chinese.")
    publisher_en: Text = column("发布者英文名", "Publisher, in English.")
    publisher_id: OrganizationRef = column(
        "发布者在机构表中的标识", "The publisher as a body of the organizations table (add the body first)."
    )
    publisher_inferred: Flag = column(
        "发布者是否为推断（存档文本未写明发布者）",
        "Whether the publisher is inferred because the archived text does not name it.",
    )
    publisher_note: RenderedLine | None = column(
        "发布者说明：推断的依据（推断时必填）",
        "How the publisher was established; required when it is inferred.",
        ours=True,
    )
    published: IsoDate = column(
        "发布日期（ISO 8601）；只知区间时为区间的第一天",
        "Date of publication (ISO 8601); for a date known only as a window, the window's first day.",
    )
    published_precision: Annotated[str, PRECISION] = column("发布日期的精度", "Precision of the publication date.")
    published_earliest: IsoDate | None = column(
        "最早可能的发布日期（精度为“区间”时必填）",
        "Earliest possible date of publication; given when, and only when, the precision is window.",
    )
    published_latest: IsoDate | None = column(
        "最晚可能的发布日期（精度为“区间”时必填）",
        "Latest possible date of publication; given when, and only when, the precision is window.",
    )
    date_inferred: Flag = column(
        "发布日期是否为推断（原文未印日期）",
        "Whether the date is inferred because the source does not print it.",
    )
    date_note: Rendered | None = column(
        "日期说明：推断依据（推断时必填）或转载信息",
        "How the date was established (required when it is inferred), or how it was republished.",
        ours=True,
    )
    language: Annotated[str, LANGUAGE] = column("原文语言（BCP 47）", "Language of the source (BCP 47).")
    kind: Annotated[str, SOURCE_KIND] = column("文献类型", "Kind of document.")
    url: str | None = column(
        "可公开访问的网址（未找到则为空，备注中说明）",
        "Web address of a public copy; empty when none was found, which the notes say.",
        pattern=r"^https?://\S+$",
        max_length=2000,
    )
    url_kind: Annotated[str, URL_KIND] | None = column(
        "网址是原发还是转载（有网址时必填）", "Whether the address is the original publication or a republication."
    )
    host_zh: Text | None = column(
        "转载网站的中文名（转载时必填；发布者一栏是它所注明的原发布者）",
        "The site that republished it, in Chinese; given for a republication, whose publisher is the one it credits.",
    )
    host_en: Text | None = column("转载网站的英文名（转载时必填）", "The republishing site, in English.")
    url_checked: IsoDate = column(
        "查找公开副本的日期（有网址时也是查阅该网址的日期）",
        "Date a public copy was looked for and, with an address, consulted.",
    )
    consulted: Annotated[str, CONSULTED] | None = column(
        "网址的查阅方式（有网址时必填）",
        "How the address was consulted: against the archived file, or, for a page not archived, in a stored copy.",
    )
    archived: Flag = column(
        "是否存档（存档的文献逐行核对；未存档的网页只引用原文词语）",
        "Whether the document is archived here: an archived one is checked line by line; a web page that is not "
        "is cited by its address and the words as printed.",
    )
    archive_file: str | None = column(
        "存档文件名（存档时必填）",
        "File name of the archived copy; given when archived.",
        pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$",
    )
    sha256: str | None = column(
        "存档文件（原样）的 SHA-256（存档时必填）",
        "SHA-256 of the archived file exactly as archived; given when archived.",
        pattern=r"^[0-9a-f]{64}$",
    )
    lines: Integer | None = column(
        "存档文件的行数（存档时必填）",
        "Number of lines in the archived file; locators are 1 to this. Given when archived.",
        unit="line",
        ge=1,
    )
    notes: Rendered | None = column("备注", "Notes on the source: its structure, republication and defects.", ours=True)

    @model_validator(mode="after")
    def _what_is_inferred_is_explained(self):
        if self.date_inferred and not self.date_note:
            raise ValueError("an inferred date (date_inferred true) needs a date_note saying how it was inferred")
        if self.publisher_inferred and not self.publisher_note:
            raise ValueError("an inferred publisher (publisher_inferred true) needs a publisher_note saying how")
        return self

    @model_validator(mode="after")
    def _a_window_brackets_the_date(self):
        earliest, latest = self.published_earliest, self.published_latest
        if (self.published_precision == "window") != bool(earliest and latest) or bool(earliest) != bool(latest):
            raise ValueError(
                "published_earliest and published_latest are given when, and only when, the precision is window"
            )
        if earliest and latest and not earliest <= self.published <= latest:
            raise ValueError("published must lie between published_earliest and published_latest")
        return self

    @model_validator(mode="after")
    def _an_address_says_what_it_is(self):
        if bool(self.url) != bool(self.url_kind) or (self.url and not self.url_checked):
            raise ValueError("an address (url) has a url_kind and a url_checked date, and url_kind has a url")
        return self

    @model_validator(mode="after")
    def _archived_or_cited_by_address(self):
        files = (self.archive_file, self.sha256, self.lines)
        if self.archived and None in files:
            raise ColumnError("archive_file", "an archive_file, sha256 and lines: the source is archived")
        if not self.archived and files != (None, None, None):
            raise ColumnError("archive_file", "no archive_file, sha256 or lines: the source is not archived")
        if self.title_zh is None and (self.archived or NO_HEADLINE not in (self.notes or "")):
            expected = (
                "a title: the source is archived" if self.archived else f"a title, or notes that say {NO_HEADLINE!r}"
            )
            raise ColumnError("title_zh", expected)
        if (self.title_zh is None) != (self.title_en is None):
            raise ColumnError("title_en", "a title in English exactly when there is one in Chinese")
        if not self.archived and not self.url:
            raise ColumnError("url", "the address of the page: a source that is not archived is cited by it")
        if bool(self.host_zh and self.host_en) != (self.url_kind == "republication"):
            raise ColumnError("host_zh", "host_zh and host_en, the republishing site, exactly for a republication")
        if bool(self.url) != bool(self.consulted):
            raise ColumnError("consulted", "how the address was consulted" if self.url else "no value: no address")
        if self.url and (self.consulted == "archived_copy") != self.archived:
            web = "'stored_copy' or 'live_page': the page is not archived"
            raise ColumnError("consulted", "'archived_copy': the source is archived" if self.archived else web)
        return self

    @model_validator(mode="after")
    def _no_address_is_explained(self):
        said = NO_PUBLIC_COPY in (self.notes or "")
        if not self.url and not said:
            raise ColumnError("notes", f"notes that say {NO_PUBLIC_COPY!r} and where it was looked for: no url")
        if self.url and said:
            raise ColumnError("notes", f"no {NO_PUBLIC_COPY!r}: the source has a url")
        return self


class Region(Table):
    meta = Meta(
        resource="regions",
        pages="regions",
        title_zh="行政区划",
        title_en="Regions",
        description_zh="来源中出现的省、市、县级行政区划，以 GB/T 2260 六位代码为主键（采用现行代码）。",
        description_en="Province, prefecture and county-level divisions named in the sources, keyed on current six-digit GB/T 2260 codes.",
        primary_key=("code",),
        label_column="qualified_name_zh",
        facets=("level", "kind_zh", "parent_code"),
        names=(Cite("name_zh", form="place"),),
    )

    code: RegionCode = column(
        "GB/T 2260 六位行政区划代码",
        "Six-digit GB/T 2260 administrative division code.",
    )
    name_zh: Text = column("中文名称（如 城区）", "Name in Chinese, as used locally (e.g. 城区).")
    qualified_name_zh: Text = column(
        "带上级名称的中文全称（如 阳泉市城区），用于区分同名区划",
        "Chinese name qualified by its parent (e.g. 阳泉市城区), unique across the table.",
    )
    name_en: Text = column(
        "英文名称（汉语拼音；城区、郊区、矿区加注所属市）",
        "English name in official pinyin; 城区, 郊区 and 矿区 are qualified by their city.",
    )
    level: Annotated[str, REGION_LEVEL] = column("层级", "Level.")
    kind_zh: Annotated[str, REGION_KIND] = column("区划类型（中文）", "Kind of division, in Chinese.")
    parent_code: RegionRef | None = column("上级区划代码", "Code of the parent division.")
    note: Note


class Organization(Table):
    meta = Meta(
        resource="organizations",
        pages="organizations",
        title_zh="机构",
        title_en="Organizations",
        description_zh="来源中出现的机构：发文机关、政策牵头和责任单位、帮扶单位；改名或合并的机构以 `successor_id` 相连。",
        description_en="Bodies named in the sources: issuers, lead and responsible bodies, helping units; renamed or merged bodies link by successor_id.",
        primary_key=("id",),
        label_column="name_zh",
        facets=("level", "kind"),
        names=(Cite("name_zh"), Cite("short_name_zh"), Cite("other_names_zh", form="list")),
        cites=Citation(texts=(Cite("name_zh"), Cite("short_name_zh"), Cite("other_names_zh", form="list"))),
    )

    id: Slug = column("机构标识", "Organization identifier (stable slug).")
    name_zh: Text = column("规范中文全称", "Canonical full name in Chinese.")
    name_en: Text = column(
        "英文名称（有官方英文名的用官方名）",
        "Name in English: the body's own official English where it has one.",
    )
    short_name_zh: Text | None = column(
        "来源中的简称（如 省发展改革委）",
        "Short form as printed in the source (e.g. 省发展改革委).",
    )
    other_names_zh: Text | None = column(
        "来源中出现的其他写法，以“、”分隔（如 省检察院）",
        "Other forms of the name printed in the sources, separated by 、 (e.g. 省检察院).",
    )
    level: (
        Annotated[GovernmentLevel, GivenWhen("kind", "enterprise", what="the level of government", unless=True)] | None
    ) = column(
        "所属政府层级（企业没有）",
        "The level of government the body belongs to; an enterprise, state-owned or not, has none.",
    )
    kind: Annotated[str, ORGANIZATION_KIND] = column("类型", "Kind of body.")
    successor_id: OrganizationRef | None = column("改名或合并后的机构", "The body this one was renamed or merged into.")
    source_id: SourceId
    locator: Locator
    note: Note
