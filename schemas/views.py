"""The database views: the common questions, answered directly. Each column is described in both languages."""

from dataclasses import dataclass

from .base import Statement


@dataclass(frozen=True)
class View(Statement):
    columns: dict[str, tuple[str, str]]  # column → (Chinese, English) description
    label_column: str | None = None


# Columns that mean the same in every view, described once.
SHARED = {
    "region_code": ("区划代码", "GB/T 2260 code of the region."),
    "region_zh": ("区划（带上级名称）", "Region, in Chinese, qualified by its parent."),
    "region_en": ("区划（英文）", "Region, in English."),
    "organization_id": ("帮扶单位标识", "Helping body, for aid figures."),
    "organization_zh": ("帮扶单位", "Helping body, in Chinese."),
    "metric_id": ("指标标识", "Metric."),
    "metric_zh": ("指标", "Metric, in Chinese."),
    "metric_en": ("指标（英文）", "Metric, in English."),
    "value": ("数值（基本单位）", "Value in the base unit."),
    "unit": ("基本单位", "Base unit."),
    "qualifier": ("限定", "Qualifier: exact, more_than, about or at_least."),
    "figure_text": ("原文写法", "The figure as printed."),
    "period_start": ("期间起点", "Start of the period."),
    "as_of": ("截至日期", "Date a cumulative figure is as of."),
    "source_id": ("来源", "Source."),
    "place_zh": ("原文所写的县以下地点", "Place below county level, as the text names it."),
}


def shared(*names: str) -> dict[str, tuple[str, str]]:
    """The shared descriptions of the named columns."""
    return {name: SHARED[name] for name in names}


COUNTY_PROFILES = View(
    name="county_profiles",
    title_zh="县概况",
    title_en="County profiles",
    description_zh="每个县级区划一行：所属市、是否列入太行革命老区、帮扶单位和主要数字。",
    description_en="One row per county-level region: its city, whether it is in the Taihang old area, who aided it, and key figures.",
    sql="""
SELECT
  r.code,
  r.name_zh,
  r.qualified_name_zh,
  r.name_en,
  r.kind_zh,
  c.code AS city_code,
  c.name_zh AS city_zh,
  c.name_en AS city_en,
  CASE WHEN d.region_code IS NULL THEN 0 ELSE 1 END AS taihang_old_area,
  d.policy_id AS designated_by,
  (SELECT group_concat(name_zh, '、') FROM (
     SELECT DISTINCT o.name_zh FROM aid_assignments a JOIN organizations o ON o.id = a.organization_id
     WHERE a.region_code = r.code ORDER BY o.name_zh)) AS aid_bodies_zh,
  (SELECT group_concat(name_en, '; ') FROM (
     SELECT DISTINCT o.name_en FROM aid_assignments a JOIN organizations o ON o.id = a.organization_id
     WHERE a.region_code = r.code ORDER BY o.name_en)) AS aid_bodies_en,
  (SELECT sum(value) FROM observations o
     WHERE o.region_code = r.code AND o.metric_id = 'aid-free-funds-invested') AS aid_free_funds_invested_yuan,
  (SELECT count(*) FROM observations o WHERE o.region_code = r.code) AS observations,
  (SELECT count(DISTINCT p.project_id) FROM project_regions p WHERE p.region_code = r.code) AS projects,
  (SELECT count(*) FROM events e WHERE e.region_code = r.code) AS events
FROM regions r
JOIN regions c ON c.code = r.parent_code
LEFT JOIN designations d ON d.region_code = r.code AND d.designation = 'taihang_old_area'
WHERE r.level = 'county'
ORDER BY r.code""",
    columns={
        "code": ("GB/T 2260 区划代码", "GB/T 2260 code of the county."),
        "name_zh": ("中文名称", "Name in Chinese."),
        "qualified_name_zh": ("带市名的中文全称", "Chinese name qualified by its city."),
        "name_en": ("英文名称", "Name in English."),
        "kind_zh": ("区划类型", "Kind of division: 区, 县 or 县级市."),
        "city_code": ("所属市代码", "Code of the city."),
        "city_zh": ("所属市", "City, in Chinese."),
        "city_en": ("所属市（英文）", "City, in English."),
        "taihang_old_area": (
            "是否列入太行革命老区（1 是，0 否）",
            "1 if the county is in the Taihang old area, else 0.",
        ),
        "designated_by": ("认定政策", "Policy that designates it."),
        "aid_bodies_zh": ("原文写明帮扶该县的单位", "Bodies the sources pair with this county, in Chinese."),
        "aid_bodies_en": ("帮扶单位（英文）", "Those bodies, in English."),
        "aid_free_funds_invested_yuan": (
            "直接投入无偿帮扶资金合计（元）",
            "Free aid funds invested directly in the county, summed over bodies (yuan).",
        ),
        "observations": ("该县的观测值个数", "Figures recorded for the county."),
        "projects": ("涉及该县的项目个数", "Projects that name the county or lie in it."),
        "events": ("该县的大事记条数", "Events recorded for the county."),
    },
    label_column="name_zh",
)

AID_OUTCOMES = View(
    name="aid_outcomes",
    title_zh="帮扶成效",
    title_en="Aid outcomes",
    description_zh="每个受援县、每个帮扶单位报告的成效数字，附指标、原文写法和出处。",
    description_en="The results each helping body reported for each county it aided, with metric, figure as printed and source.",
    sql="""
SELECT
  o.region_code,
  r.qualified_name_zh AS region_zh,
  r.name_en AS region_en,
  o.organization_id,
  g.name_zh AS organization_zh,
  g.name_en AS organization_en,
  o.metric_id,
  m.name_zh AS metric_zh,
  m.name_en AS metric_en,
  o.value,
  o.unit,
  o.qualifier,
  o.figure_text,
  o.period_start,
  o.as_of,
  o.source_id,
  o.locator,
  o.id AS observation_id
FROM observations o
JOIN organizations g ON g.id = o.organization_id
JOIN regions r ON r.code = o.region_code
JOIN metrics m ON m.id = o.metric_id
ORDER BY o.region_code, o.organization_id, o.metric_id""",
    columns=shared(
        "region_code",
        "region_zh",
        "region_en",
        "organization_id",
        "organization_zh",
        "metric_id",
        "metric_zh",
        "metric_en",
        "value",
        "unit",
        "qualifier",
        "figure_text",
        "period_start",
        "as_of",
        "source_id",
    )
    | {
        "organization_en": ("帮扶单位（英文）", "Helping body, in English."),
        "locator": ("来源行号", "Line of the source."),
        "observation_id": ("观测值标识", "Observation."),
    },
    label_column="figure_text",
)

MEASURE_LEADS = View(
    name="measure_leads",
    title_zh="条目与牵头单位",
    title_en="Measures and their lead bodies",
    description_zh="晋政发〔2021〕36号每个条目的牵头单位和按职责分工负责单位，按原文顺序。",
    description_en="Each measure of 晋政发〔2021〕36号 with its lead bodies and responsible bodies, in the order of the text.",
    sql="""
SELECT
  m.id AS measure_id,
  m.policy_id,
  m.number,
  m.section_number,
  m.title_zh,
  m.title_en,
  (SELECT group_concat(name, '、') FROM (SELECT o.name_zh AS name FROM measure_responsibilities r
     JOIN organizations o ON o.id = r.organization_id
     WHERE r.measure_id = m.id AND r.role = 'lead' ORDER BY r.position)) AS lead_zh,
  (SELECT group_concat(name, '; ') FROM (SELECT o.name_en AS name FROM measure_responsibilities r
     JOIN organizations o ON o.id = r.organization_id
     WHERE r.measure_id = m.id AND r.role = 'lead' ORDER BY r.position)) AS lead_en,
  (SELECT group_concat(name, '、') FROM (SELECT o.name_zh AS name FROM measure_responsibilities r
     JOIN organizations o ON o.id = r.organization_id
     WHERE r.measure_id = m.id AND r.role = 'responsible' ORDER BY r.position)) AS responsible_zh,
  (SELECT count(*) FROM measure_responsibilities r WHERE r.measure_id = m.id) AS bodies,
  m.source_id,
  m.locator
FROM policy_measures m
ORDER BY m.policy_id, m.number""",
    columns=shared("source_id")
    | {
        "measure_id": ("条目标识", "Measure."),
        "policy_id": ("所属政策", "Policy."),
        "number": ("条目序号", "Article number."),
        "section_number": ("所属部分序号", "Section number."),
        "title_zh": ("条目中文标题", "Article title in Chinese."),
        "title_en": ("条目英文标题", "Article title in English."),
        "lead_zh": ("牵头单位", "Lead bodies (牵头), in Chinese; empty where the clause names none."),
        "lead_en": ("牵头单位（英文）", "Lead bodies, in English."),
        "responsible_zh": ("按职责分工负责单位", "Bodies responsible by their duties (按职责分工负责), in Chinese."),
        "bodies": ("括注中的单位个数", "Number of bodies the clause names."),
        "locator": ("来源行号", "Line of the article's title."),
    },
    label_column="title_zh",
)

PROJECTS_BY_REGION = View(
    name="projects_by_region",
    title_zh="各区划的项目",
    title_en="Projects by region",
    description_zh="每个区划所涉及的项目：原文点名（named）或场所位于该区划（located）。",
    description_en="The projects of each region: the text names the region (named), or the site lies in it (located).",
    sql="""
SELECT
  pr.region_code,
  r.qualified_name_zh AS region_zh,
  r.name_en AS region_en,
  r.level AS region_level,
  r.parent_code,
  p.id AS project_id,
  p.name_zh,
  p.name_en,
  p.category,
  p.action,
  p.action_zh,
  pr.basis,
  pr.place_zh,
  m.number AS measure_number,
  p.source_id,
  p.locator
FROM project_regions pr
JOIN projects p ON p.id = pr.project_id
JOIN regions r ON r.code = pr.region_code
JOIN policy_measures m ON m.id = p.measure_id
ORDER BY pr.region_code, p.id""",
    columns=shared("region_code", "region_zh", "region_en", "place_zh", "source_id")
    | {
        "region_level": ("区划层级", "Level of the region: province, prefecture or county."),
        "parent_code": ("上级区划代码", "Code of the region's parent."),
        "project_id": ("项目标识", "Project."),
        "name_zh": ("项目中文名称", "Project name in Chinese."),
        "name_en": ("项目英文名称", "Project name in English."),
        "category": ("类别", "Category."),
        "action": ("动作归类", "Action, normalized."),
        "action_zh": ("原文动作用语", "Action as the text words it."),
        "basis": ("依据", "named or located."),
        "measure_number": ("所在条目序号", "Number of the measure that names the project."),
        "locator": ("来源行号", "Line of the source."),
    },
    label_column="name_zh",
)

OBSERVATIONS_LABELLED = View(
    name="observations_labelled",
    title_zh="观测值（附名称）",
    title_en="Observations, labelled",
    description_zh="所有观测值，并入指标名称、区划名称、帮扶单位和来源标题。",
    description_en="Every observation with its metric, region, body and source titles joined in.",
    sql="""
SELECT
  o.id,
  o.metric_id,
  m.name_zh AS metric_zh,
  m.name_en AS metric_en,
  o.region_code,
  r.qualified_name_zh AS region_zh,
  r.name_en AS region_en,
  o.organization_id,
  g.name_zh AS organization_zh,
  o.place_zh,
  o.period_start,
  o.period_end,
  o.as_of,
  o.value,
  o.unit,
  o.qualifier,
  o.figure_text,
  o.source_id,
  s.title_zh AS source_title_zh,
  s.publisher_zh AS source_publisher_zh,
  s.published AS source_published,
  o.locator,
  o.erratum_id,
  o.note
FROM observations o
JOIN metrics m ON m.id = o.metric_id
JOIN regions r ON r.code = o.region_code
JOIN sources s ON s.id = o.source_id
LEFT JOIN organizations g ON g.id = o.organization_id
ORDER BY o.source_id, o.locator, o.id""",
    columns=shared(
        "metric_id",
        "metric_zh",
        "metric_en",
        "region_code",
        "region_zh",
        "region_en",
        "organization_id",
        "organization_zh",
        "place_zh",
        "period_start",
        "as_of",
        "value",
        "unit",
        "qualifier",
        "figure_text",
        "source_id",
    )
    | {
        "id": ("观测值标识", "Observation."),
        "period_end": ("期间终点", "End of the period."),
        "source_title_zh": ("来源标题", "Title of the source."),
        "source_publisher_zh": ("来源发布者", "Publisher of the source."),
        "source_published": ("来源发布日期", "Date of the source."),
        "locator": ("来源行号", "Line of the source."),
        "erratum_id": ("所在行的勘误", "Erratum of the line."),
        "note": ("备注", "Note."),
    },
    label_column="figure_text",
)

VIEWS = (COUNTY_PROFILES, AID_OUTCOMES, MEASURE_LEADS, PROJECTS_BY_REGION, OBSERVATIONS_LABELLED)
