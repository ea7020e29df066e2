"""The policy tables: documents, their measures, who is responsible, designations, projects and targets,
and what later sources report on them."""

from typing import Annotated

from pydantic import model_validator

from .base import AtMost, Citation, Cite, ColumnError, Equals, InUnitOf, Meta, Table, Timeline, column
from .codes import (
    ASSESSMENT,
    BASIS,
    DESIGNATION,
    PROJECT_ACTION,
    PROJECT_CATEGORY,
    PROJECT_STATUS,
    ROLE,
    SEARCH_RESULT,
    TARGET_AREA,
    UNIT,
)
from .fields import (
    Flag,
    GovernmentLevel,
    Integer,
    IsoDate,
    Locator,
    MeasureRef,
    Note,
    Number,
    ObservationRef,
    OrganizationRef,
    PartialDate,
    PolicyRef,
    ProjectRef,
    Prose,
    RegionRef,
    Rendered,
    RenderedLine,
    Slug,
    SourceId,
    TargetRef,
    Text,
)


class Policy(Table):
    meta = Meta(
        resource="policies",
        title_zh="政策文件",
        title_en="Policies",
        description_zh="晋政发〔2021〕36号、它所落实的国务院意见，以及来源中按标题提到的其他政策文件。",
        description_en="晋政发〔2021〕36号, the State Council opinion it implements, and every other policy document the sources name by title.",
        primary_key=("id",),
        label_column="title_zh",
        facets=("level", "issuer_id"),
        cites=Citation(texts=(Cite("title_zh"), Cite("doc_number"))),
    )

    id: Slug = column("政策标识", "Policy identifier (stable slug).")
    doc_number: Text | None = column(
        "发文字号（如 晋政发〔2021〕36号）",
        "Document number as printed, e.g. 晋政发〔2021〕36号.",
    )
    title_zh: Text = column("中文标题", "Title in Chinese.")
    title_en: Text = column("英文标题（本项目翻译）", "Title in English (our translation).")
    issuer_id: OrganizationRef | None = column(
        "发文机关（来源未说明则为空）", "Issuing body, where the source states it."
    )
    signed: IsoDate | None = column("成文日期", "Date of signature.")
    published: IsoDate | None = column("印发或发布日期", "Date of issue or publication.")
    level: GovernmentLevel = column("政策层级", "Level of government that issued it.")
    implements_id: PolicyRef | None = column("所落实的上位政策", "The policy this one implements.")
    source_id: SourceId
    locator: Locator
    note: Note

    @model_validator(mode="after")
    def _signed_before_published(self):
        if self.signed and self.published and self.signed > self.published:
            raise ColumnError("published", f"a published date not before signed {self.signed.isoformat()!r}")
        return self


class PolicyMeasure(Table):
    meta = Meta(
        resource="policy_measures",
        pages="measures",
        title_zh="政策条目",
        title_en="Policy measures",
        description_zh="政策文件的编号条目，含所属部分、中英文标题和本项目撰写的摘要。",
        description_en="The numbered articles of a policy, with their section, bilingual titles and our own summaries.",
        primary_key=("id",),
        label_column="title_zh",
        facets=("section_number",),
        sort="number",
        cites=Citation(texts=(Cite("title_zh"),)),
    )

    id: Slug = column("条目标识", "Measure identifier (stable slug).")
    policy_id: PolicyRef = column("所属政策", "Policy the measure belongs to.")
    number: Integer = column("条目序号（（一）为 1）", "Article number: (一) is 1.", ge=1)
    section_number: Integer = column("所属部分序号（一为 1）", "Section number: 一 is 1.", ge=1)
    section_title_zh: Text = column("所属部分中文标题", "Section title in Chinese.")
    section_title_en: Text = column("所属部分英文标题", "Section title in English.")
    title_zh: Text = column("条目中文标题", "Article title in Chinese.")
    title_en: Text = column("条目英文标题", "Article title in English.")
    summary_zh: Prose = column("本项目撰写的中文摘要", "Summary in Chinese, in our own words.", ours=True)
    summary_en: Prose = column(
        "本项目撰写的英文摘要（一至三句）",
        "Summary in English, one to three sentences, in our own words.",
        ours=True,
    )
    source_id: SourceId
    locator: Locator


class MeasureResponsibility(Table):
    meta = Meta(
        resource="measure_responsibilities",
        title_zh="条目责任分工",
        reader=("责任单位", "Bodies responsible"),
        title_en="Measure responsibilities",
        description_zh="每个条目括注中的牵头和按职责分工负责单位，严格按原文分配角色。",
        description_en="Who leads and who shares responsibility for each measure, exactly as its clause assigns it.",
        primary_key=("measure_id", "organization_id"),
        facets=("role", "organization_id"),
        cites=Citation(texts=(Cite("organization_id"),), label="organization_id"),
    )

    measure_id: MeasureRef = column("条目", "Measure.")
    organization_id: OrganizationRef = column("机构", "Organization.")
    role: Annotated[str, ROLE] = column("角色", "Role.")
    position: Integer = column(
        "在括注中的位次（从 1 起）", "Position of the body in the clause, from 1.", reading=True, ge=1
    )
    source_id: SourceId
    locator: Locator


class Designation(Table):
    meta = Meta(
        resource="designations",
        title_zh="政策列出的区域",
        title_en="Regions a policy lists",
        description_zh="政策文件列出的区域，如晋政发〔2021〕36号附件所列、已列入山西太行革命老区的县（市、区）。"
        "文件支持这些地方，并不认定它们。",
        description_en="Regions that a policy lists, such as the counties (cities, districts) already in Shanxi's Taihang "
        "revolutionary old area that the annex of 晋政发〔2021〕36号 lists. The policy supports them; it does not "
        "designate them.",
        primary_key=("region_code", "designation"),
        facets=("designation",),
        cites=Citation(texts=(Cite("region_code"),), label="region_code"),
    )

    region_code: RegionRef = column("区划代码", "Region code.")
    designation: Annotated[str, DESIGNATION] = column("所列名单", "The list the region is on.")
    policy_id: PolicyRef = column("列出该区域的政策", "Policy that lists the region.")
    source_id: SourceId
    locator: Locator


class Project(Table):
    meta = Meta(
        resource="projects",
        pages="projects",
        title_zh="项目",
        title_en="Projects",
        description_zh="政策条目中点名的项目、工程、行动、试点、品牌、设施和场所。",
        description_en="Every project, programme, facility or site that a policy measure names.",
        primary_key=("id",),
        label_column="name_zh",
        facets=("category", "action", "measure_id"),
        names=(Cite("printed_zh"),),
        cites=Citation(texts=(Cite("printed_zh"),)),
    )

    id: Slug = column("项目标识", "Project identifier (stable slug).")
    measure_id: MeasureRef = column("所在条目", "Measure that names the project.")
    name_zh: Text = column("中文全称", "Full name in Chinese.")
    name_en: Text = column("英文名称", "Name in English.")
    printed_zh: Text = column(
        "原文写法（并列的几项共用的后缀可能省略，如 长治—邯郸—聊城）",
        "The name as printed on the line; items listed together may share a suffix (e.g. 长治—邯郸—聊城).",
    )
    category: Annotated[str, PROJECT_CATEGORY] = column("类别", "Category.")
    action: Annotated[str, PROJECT_ACTION] = column("原文所用动作的归类", "The action the text words, normalized.")
    action_zh: Text = column("原文动作用语（如 加快建设、开展前期研究）", "The action as the text words it.")
    source_id: SourceId
    locator: Locator
    note: Note


class ProjectRegion(Table):
    meta = Meta(
        resource="project_regions",
        title_zh="项目所涉区划",
        reader=("项目所在地", "Where a project is"),
        title_en="Project regions",
        description_zh="项目所在或经过、且原文点名（或原文点名的场所位于其中）的每个区划；项目只服务或通往的区划不算。",
        description_en="Every region a project lies in or runs through that the text names (or in which a site the text "
        "names lies); a region the project only serves or leads to is not one of them.",
        primary_key=("project_id", "region_code"),
        facets=("basis", "region_code"),
        # the place as printed, if given; for a site that lies in the region, the project as printed; for a
        # region the text names, its name (a project is placed only where the text puts it: a region that it
        # serves or leads to, but that the line does not name, is not one of its places)
        cites=Citation(
            texts=(
                Cite("place_zh"),
                Cite("project_id", when=("basis", "located")),
                Cite("region_code", when=("basis", "named")),
            ),
            every=True,
            label="region_code",
        ),
    )

    project_id: ProjectRef = column("项目", "Project.")
    region_code: RegionRef = column("区划代码", "Region code.")
    basis: Annotated[str, BASIS] = column("依据", "Basis: how the text ties the project to the region.")
    place_zh: Text | None = column(
        "原文所写地点（比区划更细或无区划代码时，如 雄安新区）",
        "The place as the text names it, where finer than the region or without a code of its own (e.g. 雄安新区).",
    )
    source_id: SourceId
    locator: Locator


class PolicyTarget(Table):
    meta = Meta(
        resource="policy_targets",
        title_zh="政策目标",
        title_en="Policy targets",
        description_zh="政策文件提出的 2025 年、2035 年目标和各条目中的量化承诺，逐项记录。",
        description_en="The goals a policy sets for 2025 and 2035, and the quantified commitments in its measures, item by item.",
        primary_key=("id",),
        label_column="text_zh",
        facets=("target_year", "area", "quantified"),
        cites=Citation(texts=(Cite("text_zh"),), figure="figure_text"),
    )

    id: Slug = column("目标标识", "Target identifier (stable slug).")
    policy_id: PolicyRef = column("所属政策", "Policy that sets the target.")
    measure_id: MeasureRef = column("所在条目", "Measure that states the target.")
    target_year: Integer | None = column(
        "目标年份（原文未写则为空）",
        "Year the target is due; empty where the text gives none.",
        unit="year",
        ge=2000,
        le=2100,
    )
    area: Annotated[str, TARGET_AREA] = column("领域", "Area of the target.")
    text_zh: Text = column("原文表述（短语）", "The target as the text words it (a short phrase).")
    text_en: Text = column("英文表述（本项目翻译）", "The target in English (our translation).")
    quantified: Flag = column("是否有数字目标", "Whether the target is stated as a number.")
    figure_text: Text | None = column("数字的原文写法", "The number as printed, for a quantified target.")
    value: Annotated[Number, InUnitOf("unit")] | None = column(
        "数值（基本单位）",
        "The number in base units.",
        unit="given by the column unit",
        reading=True,
        allow_inf_nan=False,
    )
    unit: Annotated[str, UNIT.only("percent", "year", "count")] | None = column("单位", "Unit of the value.")
    source_id: SourceId
    locator: Locator

    @model_validator(mode="after")
    def _quantified_has_a_value(self):
        if self.quantified != (self.value is not None) or (self.value is None) != (self.unit is None):
            raise ValueError("a quantified target has a value and a unit; any other has neither")
        return self


SUBJECTS = ("project_id", "target_id", "measure_id")  # what a ledger row is about: exactly one of them


def one_subject(row: Table) -> None:
    """A ledger row is about exactly one project, target or measure."""
    given = [c for c in SUBJECTS if getattr(row, c) is not None]
    if len(given) != 1:
        raise ColumnError(given[1] if given else SUBJECTS[0], "exactly one of project_id, target_id and measure_id")


class ProjectUpdate(Table):
    meta = Meta(
        resource="project_updates",
        title_zh="落实台账：后续进展",
        title_en="Ledger: what later reports say",
        description_zh="晚于政策的来源对政策所列项目、目标或条目的报道，逐条记录：事件日期、进展状态、原文词语和来源，报告了数字的连同观测值。"
        "引用存档文献的注明行号；引用未存档网页的只记原文词语。",
        description_en="What sources later than a policy report on its projects, targets or measures, one dated step "
        "at a time: the date of the event, the status, the words as printed and the source, with the observation "
        "where a figure is reported. A row citing an archived source gives its line; one citing a web page gives "
        "only the words as printed.",
        primary_key=("id",),
        label_column="status_zh",
        facets=("status", "source_id", "project_id", "measure_id"),
        sort="as_of",
        cites=Citation(texts=(Cite("status_zh"),), label="status_zh"),
        timeline=Timeline(SUBJECTS, "as_of", "status", since=("policies", "published"), course="project_id"),
    )

    id: Slug = column("进展标识", "Update identifier (stable slug).")
    project_id: ProjectRef | None = column("所报道的项目", "Project the source reports on.")
    target_id: TargetRef | None = column("所报道的目标", "Target the source reports on, where it is not a project.")
    measure_id: MeasureRef | None = column(
        "所报道的条目（报道不针对某个项目或目标时）",
        "Measure the source reports on, where the report concerns no one project or target.",
    )
    source_id: Annotated[SourceId, Equals("observation_id", "source_id")]
    locator: Annotated[Locator, Equals("observation_id", "locator")]
    as_of: Annotated[PartialDate, AtMost("source_id", "published")] = column(
        "事件或截至日期（年、年-月 或 年-月-日；不晚于来源的发布日期）",
        "Date of the event reported, or that the report is as of (YYYY, YYYY-MM or YYYY-MM-DD); not later than "
        "the source's date.",
    )
    status_zh: Text = column(
        "原文词语：状态所依据的几个字（如 开工、建成通车）",
        "The words as printed that the status rests on (a few characters).",
    )
    status: Annotated[str, PROJECT_STATUS] = column("进展状态", "Status, normalized.")
    observation_id: ObservationRef | None = column(
        "所报告的数字（同一来源、同一行的观测值）", "The figure reported: an observation of the same source line."
    )
    note: Note

    @model_validator(mode="after")
    def _reports_on_one_thing(self):
        one_subject(self)
        if (self.status == "reported_figure") and self.observation_id is None:
            raise ValueError("a reported_figure status names the observation of its figure (observation_id)")
        return self


class LedgerSearch(Table):
    meta = Meta(
        resource="ledger_searches",
        title_zh="落实台账：检索记录",
        title_en="Ledger: searches made",
        description_zh="为每个项目、目标和条目检索公开报道的记录：检索日期、所用检索词、是否找到报道。没有找到报道的，也照实记录。",
        description_en="The searches of the public record made for each project, target and measure: when, with which "
        "queries, and whether any report was found. A search that found nothing is recorded as such.",
        primary_key=("id",),
        label_column="queries",
        facets=("result", "searched_on"),
        sort="searched_on",
        timeline=Timeline(SUBJECTS, "searched_on"),
    )

    id: Slug = column("检索记录标识", "Search record identifier (stable slug).")
    project_id: ProjectRef | None = column("检索的项目", "Project searched for.")
    target_id: TargetRef | None = column("检索的目标", "Target searched for.")
    measure_id: MeasureRef | None = column("检索的条目", "Measure searched for.")
    searched_on: IsoDate = column("检索日期", "Date of the search.")
    queries: Prose = column(
        "所用检索词，以“ | ”分隔", "The queries tried, separated by ' | ', in the order they were tried.", ours=True
    )
    result: Annotated[str, SEARCH_RESULT] = column("检索结果", "Whether any report was found.")
    searched_in: RenderedLine = column("检索范围", "Where the search looked.", ours=True)

    @model_validator(mode="after")
    def _one_subject(self):
        one_subject(self)
        return self


class TargetAssessment(Table):
    meta = Meta(
        resource="target_assessments",
        title_zh="落实台账：目标评估",
        title_en="Ledger: targets assessed",
        description_zh="本项目对政策每个目标在其期限后是否实现的评估：已实现、部分实现、未实现、无官方数字或未到期，连同理由；"
        "这是我们的推断，依据见台账条目。",
        description_en="Our assessment of whether each target of a policy was met by its date: met, partly met, missed, "
        "no official figure, or not yet due, with the reasoning. It is our inference, resting on the ledger's entries.",
        primary_key=("target_id",),
        label_column="assessment",
        facets=("assessment",),
        sort="assessed_on",
    )

    target_id: TargetRef = column("目标", "Target assessed.")
    assessed_on: IsoDate = column("评估日期", "Date of the assessment.")
    assessment: Annotated[str, ASSESSMENT] = column("评估结论", "Assessment.")
    reasoning: Rendered = column("理由（本项目撰写）", "Our reasoning, in our own words.", ours=True)
    decided_by: Rendered | None = column(
        "怎样才能判定（相对目标）",
        "For a relative target: what figure would decide it, and whether the published figures do.",
        ours=True,
    )
