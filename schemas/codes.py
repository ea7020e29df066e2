"""Code tables: every enumeration of the package, declared once with its labels in both languages.

A `CodeTable` is used as a column's type marker (`Annotated[str, UNIT]`): Pydantic accepts exactly its
codes, and the generators derive from it the Table Schema `enum`, the column's description, the data
dictionary, Datasette's metadata, the published `codes` resource and every label the site shows. This
follows PUDL's coding tables: a code is a stable ASCII value, its labels are for people.
"""

from dataclasses import dataclass
from typing import Any

from pydantic_core import core_schema


@dataclass(frozen=True)
class Code:
    """One value of a code table, with what people read for it."""

    code: str
    zh: str  # the Chinese label, as the Chinese site shows it
    en: str  # the English label
    definition_zh: str = ""
    definition_en: str = ""
    words: tuple[str, ...] = ()  # for a unit: the words printed after a figure stored in it (元, 人次...)
    marks: tuple[str, ...] = ()  # for a unit: the words printed before a number stored in it (第 of 第二)
    nonnegative: bool = False  # for a unit: no figure in it is negative (persons, counts, areas...)
    after_en: str | None = None  # for a unit: what an English page writes after a number, if not its label
    # for a count: the measure words a page keeps from the figure as printed (59支, not 59个)
    measure_words: str = ""
    # for a unit or a qualifier: how a page writes a number in it, in Chinese and English ({n} the number,
    # {nth} its English ordinal): 第2位, 2nd; with the qualifier, 前3位, top 3
    form: tuple[str, str] | None = None
    stage: int = 0  # for a status: its place in a project's course (0: not a stage), which dated steps follow


@dataclass(frozen=True)
class CodeTable:
    """A named enumeration: its codes in order, each with bilingual labels."""

    name: str
    title_zh: str
    title_en: str
    codes: tuple[Code, ...]

    def values(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.codes)

    def __getitem__(self, code: str) -> Code:
        for c in self.codes:
            if c.code == code:
                return c
        raise KeyError(f"{code!r} is not a code of {self.name}")

    def label(self, code: str, lang: str) -> str:
        """The label of a code in a language ('zh' or 'en'); an unknown code is shown as itself."""
        try:
            found = self[code]
        except KeyError:
            return code
        return found.zh if lang == "zh" else found.en

    def only(self, *codes: str) -> "CodeTable":
        """The same table restricted to some of its codes, for a column that allows fewer."""
        return CodeTable(self.name, self.title_zh, self.title_en, tuple(self[c] for c in codes))

    def describe(self, lang: str) -> str:
        """The codes and their labels as a sentence of a column description."""
        if lang == "zh":
            return "取值：" + "，".join(f"{c.code} {c.zh}" for c in self.codes) + "。"
        shown = [c.code if c.en == c.code.replace("_", " ") else f"{c.code} ({c.en})" for c in self.codes]
        return "One of: " + "; ".join(shown) + "."

    # A CodeTable in a column's Annotated type makes Pydantic accept exactly its codes.
    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.literal_schema(list(self.values()))

    def __hash__(self) -> int:
        return hash((self.name, self.values()))


def _table(name: str, title_zh: str, title_en: str, *codes: tuple[str, ...] | Code) -> CodeTable:
    """A code table from (code, Chinese, English[, definition in Chinese, definition in English]) tuples, or
    codes declared in full."""
    padded = [c if isinstance(c, Code) else (*c, "", "")[:5] for c in codes]
    made = [c if isinstance(c, Code) else Code(c[0], c[1], c[2], c[3], c[4]) for c in padded]
    return CodeTable(name, title_zh, title_en, tuple(made))


PRECISION = _table(
    "precision",
    "日期精度",
    "Date precision",
    ("day", "日", "day"),
    ("month", "月", "month"),
    ("year", "年", "year"),
    (
        "window",
        "区间",
        "window",
        "只知日期落在某一区间内，区间的首尾另行记录",
        "Known only to fall within a window of days, whose first and last day are recorded.",
    ),
)
GOVERNMENT_LEVEL = _table(
    "government_level",
    "层级",
    "Level of government",
    ("central", "中央", "central"),
    ("provincial", "省级", "provincial"),
    ("municipal", "市级", "municipal"),
    ("county", "县级", "county"),
    ("township", "乡镇", "township"),
    ("village", "村", "village"),
)
LANGUAGE = _table(
    "language",
    "语言",
    "Language",
    ("zh-Hans", "简体中文", "Chinese (simplified)"),
    ("zh-Hant", "繁体中文", "Chinese (traditional)"),
    ("en", "英文", "English"),
)
URL_KIND = _table(
    "url_kind",
    "网址类型",
    "Kind of address",
    ("original", "原发", "original", "发布者本身的网页", "The publisher's own page."),
    ("republication", "转载", "republication", "另一网站转载的副本", "A copy published again by another site."),
)
SOURCE_KIND = _table(
    "source_kind",
    "文献类型",
    "Kind of source",
    ("policy", "政策文件", "policy document"),
    ("news", "新闻", "news report"),
    ("feature", "专题文章", "feature article"),
    ("newspaper_page", "报纸整版", "newspaper page"),
)
REGION_LEVEL = _table(
    "region_level",
    "区划层级",
    "Level of division",
    (
        "country",
        "国家",
        "country",
        "全国，用于报道中与全国对照的数字",
        "The whole country, for the national figures a report gives for comparison.",
    ),
    ("province", "省级", "province"),
    ("prefecture", "地级", "prefecture"),
    ("county", "县级", "county"),
)
REGION_KIND = _table(
    "region_kind",
    "区划类型",
    "Kind of division",
    ("国家", "国家", "country"),
    ("省", "省", "province"),
    ("市", "市", "city"),
    ("区", "区", "district"),
    ("县", "县", "county"),
    ("县级市", "县级市", "county-level city"),
)
ORGANIZATION_KIND = _table(
    "organization_kind",
    "机构类型",
    "Kind of body",
    ("government", "人民政府", "government"),
    ("department", "政府部门", "government department"),
    ("party", "党的机关", "Party organ"),
    ("mass_organization", "群团组织", "mass organization"),
    ("judicial", "检察审判机关", "procuratorate or court"),
    ("enterprise", "企业", "enterprise"),
    ("financial", "金融机构或监管", "financial body or regulator"),
    ("university", "高校", "university"),
    ("media", "媒体", "media"),
    ("social_organization", "社会组织", "social organization"),
    (
        "collective",
        "泛指的一组机构",
        "group of bodies",
        "泛指的一组机构，如 相关市人民政府，不是单一机构",
        "A generic group such as 相关市人民政府, not a single body.",
    ),
)
UNIT = CodeTable(
    "unit",
    "单位",
    "Unit",
    (
        Code("yuan", "元", "yuan", words=("元",)),
        Code("yuan_per_person", "元/人", "yuan per person", words=("元",)),
        Code("yuan_per_household", "元/户", "yuan per household", words=("元",)),
        Code("person", "人", "persons", words=("人", "名"), nonnegative=True),
        Code("person_time", "人次", "person-times", words=("人次",), nonnegative=True),
        Code("household", "户", "households", words=("户", "农户"), nonnegative=True),
        Code("mu", "亩", "mu", words=("亩",), nonnegative=True),
        Code("hectare", "公顷", "hectares", words=("公顷",), nonnegative=True),
        Code("km", "公里", "km", words=("公里",), nonnegative=True),
        Code("square_km", "平方公里", "km²", words=("平方公里", "方公里"), nonnegative=True),
        Code("tonne", "吨", "tonnes", words=("吨",), nonnegative=True),
        Code("percent", "%", "%", words=("%",)),
        Code("percentage_point", "个百分点", "percentage points", words=("个百分点",)),
        Code(
            "count",
            "个",
            "count",
            words=(*"个座所家支条项处场种颗头村县大区类方届纵横台", "标准机架"),
            measure_words="个座所家支条项处场种颗头台届",
            nonnegative=True,
            after_en="",  # 35 counties read as 35, not 35 count
        ),
        Code(
            "rank",
            "位次",
            "rank",
            "原文写作“第…”（第二）或“前…”（前三：位列前三）",
            "Printed as 第… (第二, second) or 前… (前三, among the first three).",
            marks=("第", "前"),
            nonnegative=True,
            form=("第{n}位", "{nth}"),
        ),
        Code("hour", "小时", "hours", words=("小时",), nonnegative=True),
        Code("day", "天", "days", words=("天",), nonnegative=True),
        Code("year", "年", "years", words=("年",), nonnegative=True),
    ),
)
QUALIFIER = _table(
    "qualifier",
    "限定",
    "Qualifier",
    ("exact", "确数", "exact"),
    ("more_than", "余/多", "more than", "原文写作“余”“多”“突破”“超过”", "Printed with 余, 多, 突破 or 超过."),
    ("about", "约", "about", "原文写作“约”“左右”", "Printed with 约 or 左右."),
    ("at_least", "以上", "at least", "原文写作“以上”", "Printed with 以上."),
    (
        "range",
        "范围",
        "range",
        "原文写作范围（如“2至3”）：数值为下限，value_max 为上限",
        "Printed as a range (2至3): the value is its lower end, value_max its upper end.",
    ),
    Code(
        "at_most",
        "至多",
        "at most",
        "原文写作“前…”，如 前三",
        "Printed as 前 before a number, such as 前三 (top three).",
        form=("前{n}位", "top {n}"),
    ),
)
ROLE = _table(
    "role",
    "角色",
    "Role",
    ("lead", "牵头", "lead", "括注中写明“牵头”", "The clause says the body leads (牵头)."),
    ("responsible", "按职责分工负责", "responsible", "按职责分工负责", "Responsible by its duties (按职责分工负责)."),
    ("support", "配合", "support"),
)
DESIGNATION = _table(
    "designation",
    "所列名单",
    "List",
    ("taihang_old_area", "山西太行革命老区", "Taihang revolutionary old area of Shanxi"),
)
PROJECT_CATEGORY = _table(
    "project_category",
    "项目类别",
    "Project category",
    ("railway", "铁路", "railways"),
    ("expressway", "高速公路", "expressways"),
    ("airport", "机场", "airports"),
    ("road", "公路", "roads"),
    ("water", "水利", "water"),
    ("energy", "能源", "energy"),
    ("pipeline", "管道", "pipelines"),
    ("digital", "数字基础设施", "digital infrastructure"),
    ("heritage", "革命文物", "revolutionary heritage"),
    ("tourism", "旅游", "tourism"),
    ("education", "干部教育", "cadre education"),
    (
        "culture",
        "红色文化宣传",
        "red culture and publicity",
        "爱国主义教育基地、示范点和文艺作品",
        "Patriotic-education bases, model sites and works of art.",
    ),
    ("health", "医疗", "health"),
    ("schooling", "学校教育", "schooling"),
    ("welfare", "社会福利", "social welfare"),
    ("industry", "产业", "industry"),
    ("agriculture", "农业", "agriculture"),
    ("logistics", "物流", "logistics"),
    ("ecology", "生态", "ecology"),
    ("rural", "乡村振兴", "rural revitalization"),
    ("urban", "城镇", "towns and cities"),
)
PROJECT_ACTION = _table(
    "project_action",
    "动作归类",
    "Action",
    ("build", "建设", "build"),
    ("accelerate", "加快", "accelerate"),
    ("upgrade", "改造提升", "upgrade"),
    ("study", "研究论证", "study"),
    ("pilot", "试点", "pilot"),
    ("support", "支持", "support"),
    ("protect", "保护", "protect"),
    ("promote", "推进", "promote"),
)
PROJECT_STATUS = CodeTable(
    "project_status",
    "进展状态",
    "Status reported",
    (
        Code(
            "planned",
            "谋划中",
            "planned",
            "列入规划或正在谋划，未报告开工",
            "In a plan or being prepared; no work reported.",
            stage=1,
        ),
        Code(
            "preliminary_work",
            "前期工作",
            "preliminary work",
            "开展前期研究、列入前期项目等",
            "Studies, approvals, or a place among the projects being prepared.",
            stage=2,
        ),
        Code(
            "approved",
            "已获批",
            "approved",
            "可研批复、核准或获批；试点、品牌获认定",
            "Formally approved; a pilot or brand designated.",
            stage=3,
        ),
        Code(
            "started",
            "开工",
            "started",
            "报道开工（日期为开工日期）",
            "Construction started (dated by the start).",
            stage=4,
        ),
        Code(
            "under_construction",
            "在建",
            "under construction",
            "报道正在建设或某段贯通",
            "Reported as being built.",
            stage=5,
        ),
        Code(
            "partly_in_service",
            "部分投用",
            "partly in service",
            "部分建成投用",
            "Part of it opened or in use.",
            stage=6,
        ),
        Code(
            "in_service",
            "建成投用",
            "in service",
            "建成、通车、投运或通过竣工验收",
            "Completed, opened, in operation or accepted.",
            stage=7,
        ),
        Code(
            "implementing",
            "实施中",
            "being carried out",
            "制度、行动或试点正在实施",
            "A system, campaign or pilot being carried out.",
        ),
        Code(
            "reported_figure",
            "报告数字",
            "figure reported",
            "来源报告了一个数字（如已建成的里程），未说明所处阶段",
            "The source reports a figure, such as the length built so far, without naming a stage.",
        ),
        Code(
            "expected",
            "预计完成",
            "completion expected",
            "报道预计建成或投用的时间",
            "An expected date of completion is announced.",
        ),
    ),
)
ASSESSMENT = _table(
    "assessment",
    "目标评估",
    "Assessment",
    ("met", "已实现", "met", "公开数字表明目标已实现", "Published figures show the target was met."),
    ("partly_met", "部分实现", "partly met", "公开数字表明目标部分实现", "Published figures show it was met in part."),
    ("missed", "未实现", "missed", "公开数字表明目标未实现", "Published figures show it was missed."),
    (
        "no_official_figure",
        "无官方数字",
        "no official figure",
        "没有公布能判定目标是否实现的数字",
        "No published figure decides whether the target was met.",
    ),
    ("not_due", "未到期", "not yet due", "目标年份未到", "The target's year has not come."),
)
CONSULTED = _table(
    "consulted",
    "查阅方式",
    "How consulted",
    ("archived_copy", "与存档文件核对", "checked against the archived file", "", ""),
    (
        "stored_copy",
        "查阅网页的存储副本",
        "read in a stored copy of the page",
        "未在本项目存档",
        "Not archived by this project.",
    ),
    ("live_page", "查阅网页本身", "read on the live page", "未在本项目存档", "Not archived by this project."),
)
SEARCH_RESULT = _table(
    "search_result",
    "检索结果",
    "Search result",
    (
        "found",
        "找到新报道",
        "new reports found",
        "检索到此前未记录的报道或公开副本",
        "The search found a report or public copy not recorded before.",
    ),
    (
        "none_found",
        "未找到新报道",
        "no new report found",
        "检索没有找到此前未记录的报道或公开副本；已记录的报道仍然有效",
        "The search found no report or public copy not already recorded; reports recorded before stand.",
    ),
)
BASIS = _table(
    "basis",
    "依据",
    "Basis",
    ("named", "原文点名", "named", "原文点名该区划", "The text names the region."),
    (
        "located",
        "所在区划",
        "located",
        "原文点名的场所位于该区划（原文未写区划名）",
        "The site the text names lies in the region; the text does not name the region.",
    ),
)
TARGET_AREA = _table(
    "target_area",
    "目标领域",
    "Area of a target",
    ("infrastructure", "基础设施", "infrastructure"),
    ("public_services", "公共服务", "public services"),
    ("industry", "产业", "industry"),
    ("culture", "文化", "culture"),
    ("ecology", "生态", "ecology"),
    ("poverty", "巩固脱贫成果", "poverty"),
    ("income", "收入", "income"),
    ("modernization", "现代化", "modernization"),
    ("wellbeing", "民生福祉", "well-being"),
)
PROGRAM = _table(
    "program",
    "帮扶类型",
    "Aid programme",
    ("central_designated_aid", "中央定点帮扶", "central designated aid"),
    ("provincial_designated_aid", "省直定点帮扶", "provincial designated aid"),
    ("village_resident_team", "驻村工作队", "village-resident team"),
    ("social_aid", "社会组织帮扶", "aid by social organizations"),
)
PAIRING = _table(
    "pairing",
    "结对方式",
    "How paired",
    ("stated", "原文点名", "named in the text", "原文写明该单位帮扶该县", "The text pairs this body with this region."),
    (
        "group",
        "一组县",
        "a group of counties",
        "原文只说一组单位帮扶一组县，未说明哪个单位去哪个县，此时 region_code 记这组县所在的市",
        "The text says a list of bodies aided a group of counties without saying which went where; "
        "region_code holds the city of the group.",
    ),
)
STATUS = _table(
    "status",
    "状态",
    "Status",
    ("ongoing", "至今", "ongoing", "截至来源日期仍在进行（如“至今”）", "Still under way as of the source's date."),
    ("ended", "已结束", "ended"),
    ("unknown", "原文未说明", "not stated", "原文未说明", "The text does not say."),
)
EVENT_KIND = _table(
    "event_kind",
    "事件类型",
    "Kind of event",
    ("aid", "帮扶", "aid"),
    ("policy", "政策", "policy"),
    ("meeting", "会议", "meeting"),
    ("activity", "活动", "activity"),
    ("institution", "机构设立", "institution founded"),
    ("project", "项目", "project"),
    ("reorganization", "机构改革", "reorganization"),
)
ERRATUM_KIND = _table(
    "erratum_kind",
    "缺陷类型",
    "Kind of defect",
    ("duplicated_characters", "重复字", "duplicated characters"),
    ("duplicated_item", "重复列项", "duplicated list item"),
    ("garbled_repeat", "错乱重复", "garbled repeat"),
    ("stray_bracket", "多余括号", "stray bracket"),
    ("typo", "错字", "typo"),
    ("pinyin_gloss", "插入拼音", "inserted pinyin gloss"),
    ("markup", "残留网页标记", "leftover web markup"),
    ("split_line", "断行", "line split mid-word"),
    ("missing_text", "缺字", "missing text"),
    ("spam", "垃圾文字", "spam"),
)
EXCLUSION_KIND = _table(
    "exclusion_kind",
    "不录入的原因",
    "Why a number is not data",
    (
        "page_chrome",
        "页面框架",
        "page chrome",
        "",
        "Navigation, header, footer, contact details or spam around the article.",
    ),
    (
        "publication_date",
        "发布日期",
        "publication date",
        "",
        "The date and time of publication, recorded in sources.published.",
    ),
    ("list_ordinal", "列表序号", "list ordinal", "", "The number of an item in a list."),
    (
        "identifier",
        "名称或代码的一部分",
        "identifier",
        "",
        "Part of a name or code, not a quantity (5G, a road number).",
    ),
    ("restated", "重复出现", "restated", "", "A figure restated from another line or source, and captured there."),
    ("time_phrase", "时间短语", "time phrase", "", "A span of time used as a phrase, such as 5年来."),
    ("reporting_date", "采访日期", "reporting date", "", "The date a reporter visited, not an event of the history."),
    ("context_date", "背景日期", "context date", "", "A date of background context, kept in a row's note."),
    ("descriptive_count", "描述性计数", "descriptive count", "", "A small count that describes rather than measures."),
    (
        "listed_count",
        "逐项记录的计数",
        "listed count",
        "",
        "A count of items the data records one by one: each as a row, or each named in a cell of the rows.",
    ),
    ("personal_detail", "个人细节", "personal detail", "", "A detail of a person in an anecdote, such as an age."),
    ("photo_caption", "图片说明", "photo caption", "", "The date of a news photograph."),
    (
        "wording",
        "措辞",
        "wording",
        "",
        "A number word used as a figure of speech, or counting the parts of a phrase, not a measure "
        "(第一支撑, 三个方面, 花开两处).",
    ),
)
FEATURE = _table(
    "feature",
    "网站展示",
    "Site feature",
    ("key_figure", "首页关键数字", "key figure of the home page"),
    ("central_aid_chart", "中央单位帮扶成效图", "chart of the central bodies' aid"),
    ("income_chart", "收入折线图", "income line chart"),
    ("income_note", "收入图的说明", "figure named in the income chart's caption"),
)

ROW_CHANGE = _table(
    "row_change",
    "变动",
    "Change",
    ("added", "新增", "added", "该版本新增的行", "A row new in this version."),
    ("changed", "修改", "changed", "该版本内容有改动的行", "A row whose content changed in this version."),
    ("removed", "删除", "removed", "该版本删去的行", "A row this version removed."),
)

CODE_TABLES: tuple[CodeTable, ...] = (
    PRECISION,
    GOVERNMENT_LEVEL,
    LANGUAGE,
    URL_KIND,
    SOURCE_KIND,
    REGION_LEVEL,
    REGION_KIND,
    ORGANIZATION_KIND,
    UNIT,
    QUALIFIER,
    ROLE,
    DESIGNATION,
    PROJECT_CATEGORY,
    PROJECT_ACTION,
    PROJECT_STATUS,
    ASSESSMENT,
    CONSULTED,
    SEARCH_RESULT,
    BASIS,
    TARGET_AREA,
    PROGRAM,
    PAIRING,
    STATUS,
    EVENT_KIND,
    ERRATUM_KIND,
    EXCLUSION_KIND,
    FEATURE,
    ROW_CHANGE,
)
