"""Datasette's canned queries: each with a bilingual title and description, most with parameters."""

from dataclasses import dataclass

from .base import Statement


@dataclass(frozen=True)
class Query(Statement):
    example: dict[str, str]  # parameters for a known input; the tests run every query with them


QUERIES = (
    Query(
        "aid_received_by_county",
        "某县获得的全部帮扶",
        "All aid received by a county",
        "输入县的区划代码（如 140427 壶关县），列出原文写明的帮扶单位、包括该县在内的成组帮扶，以及各单位报告的成效数字。",
        "Give a county's code (e.g. 140427, Huguan): the bodies paired with it, the group aid that includes it, "
        "and the figures each body reported.",
        """
SELECT 'assignment' AS row_kind, a.program, a.pairing, o.name_zh AS body_zh, o.name_en AS body_en,
       a.start_year, a.end_year, a.status, NULL AS metric_zh, NULL AS figure_text, NULL AS value, NULL AS unit,
       a.source_id, a.locator
FROM aid_assignments a
JOIN organizations o ON o.id = a.organization_id
JOIN regions r ON r.code = :region_code
WHERE a.region_code = r.code
   OR (a.pairing = 'group' AND a.region_code = r.parent_code
       AND instr(a.counties_zh, CASE WHEN length(r.name_zh) > 2 THEN substr(r.name_zh, 1, length(r.name_zh) - 1)
                                     ELSE r.name_zh END) > 0)
UNION ALL
SELECT 'outcome', NULL, NULL, organization_zh, organization_en, NULL, NULL, NULL, metric_zh, figure_text, value, unit,
       source_id, locator
FROM aid_outcomes WHERE region_code = :region_code
ORDER BY row_kind DESC, start_year, body_zh""",
        {"region_code": "140427"},
    ),
    Query(
        "what_a_body_leads",
        "某机构牵头或负责的条目",
        "What a body leads or shares",
        "输入机构标识（如 shanxi-drc 省发展改革委），列出它在晋政发〔2021〕36号中牵头或按职责分工负责的条目。",
        "Give an organization id (e.g. shanxi-drc): the measures of 晋政发〔2021〕36号 it leads or shares responsibility for.",
        """
SELECT m.number, m.title_zh, m.title_en, r.role, r.position, m.summary_en, r.source_id, r.locator
FROM measure_responsibilities r
JOIN policy_measures m ON m.id = r.measure_id
WHERE r.organization_id = :organization_id
ORDER BY r.role, m.number""",
        {"organization_id": "shanxi-drc"},
    ),
    Query(
        "figures_by_metric",
        "某指标在各区划的数字",
        "Figures for a metric across regions",
        "输入指标标识（如 aid-free-funds-invested 直接投入无偿帮扶资金），列出各区划、各来源的全部数字。",
        "Give a metric id (e.g. aid-free-funds-invested): every figure for it, by region and source.",
        """
SELECT region_code, region_zh, region_en, organization_zh, period_start, period_end, as_of,
       value, unit, qualifier, figure_text, source_id, locator
FROM observations_labelled
WHERE metric_id = :metric_id
ORDER BY region_code, period_start""",
        {"metric_id": "aid-free-funds-invested"},
    ),
    Query(
        "county_timeline",
        "某县及其所在市的大事记",
        "Timeline of a county and its city",
        "输入县的区划代码（如 140425 平顺县），按时间列出该县及其所在市的事件。",
        "Give a county's code (e.g. 140425, Pingshun): the events of the county and its city, in date order.",
        """
SELECT e.date, e.date_precision, e.title_zh, e.title_en, e.kind, g.name_zh AS region_zh, e.note, e.source_id, e.locator
FROM events e
JOIN regions r ON r.code = :region_code
LEFT JOIN regions g ON g.code = e.region_code
WHERE e.region_code IN (r.code, r.parent_code)
ORDER BY e.date""",
        {"region_code": "140425"},
    ),
    Query(
        "search_everything",
        "全文搜索",
        "Search everything",
        "用中文或英文搜索所有表的名称、标题、摘要、备注和原文数字（中文按 jieba 分词），如 光伏、总工会、乡村振兴。",
        "Search names, titles, summaries, notes and figures in every table, in Chinese (segmented with jieba) or "
        "English, e.g. 光伏, 总工会 or rural revitalization.",
        """
SELECT resource, key, label, snippet(search_index, 3, '[', ']', '…', 12) AS snippet
FROM search_index
WHERE search_index MATCH segment_query(:q)
ORDER BY rank
LIMIT 100""",
        {"q": "总工会"},
    ),
    Query(
        "projects_in_city",
        "某市及其各县的项目",
        "Projects in a city and its counties",
        "输入市的区划代码（如 140400 长治市），列出点名该市或其下属县、或位于其中的项目。",
        "Give a city's code (e.g. 140400, Changzhi): the projects that name the city or one of its counties, or lie in them.",
        """
SELECT DISTINCT project_id, name_zh, name_en, category, action_zh, measure_number, region_zh, basis
FROM projects_by_region
WHERE region_code = :city_code OR parent_code = :city_code
ORDER BY measure_number, project_id""",
        {"city_code": "140400"},
    ),
    Query(
        "targets_due_by",
        "某年前要实现的目标",
        "Targets due by a year",
        "输入年份（如 2025），列出晋政发〔2021〕36号在该年及以前要实现的目标。",
        "Give a year (e.g. 2025): the targets of 晋政发〔2021〕36号 due by then.",
        """
SELECT target_year, area, text_zh, text_en, quantified, figure_text, value, unit, locator
FROM policy_targets
WHERE target_year <= CAST(:year AS INTEGER)
ORDER BY target_year, area""",
        {"year": "2025"},
    ),
    Query(
        "figures_from_source",
        "某来源的全部数字和勘误",
        "Every figure from a source, with its errata",
        "输入来源标识（如 sxrb-2022-changzhi-development），列出从中摘录的全部数字，以及所在行的勘误。",
        "Give a source id (e.g. sxrb-2022-changzhi-development): every figure taken from it, with the erratum of its line.",
        """
SELECT o.locator, o.figure_text, o.value, o.unit, o.qualifier, o.metric_zh, o.region_zh,
       e.kind AS erratum_kind, e.as_printed, e.reading
FROM observations_labelled o
LEFT JOIN errata e ON e.id = o.erratum_id
WHERE o.source_id = :source_id
ORDER BY o.locator, o.id""",
        {"source_id": "sxrb-2022-changzhi-development"},
    ),
    Query(
        "old_area_counties",
        "太行革命老区 35 个县（市、区）",
        "The 35 counties of the Taihang old area",
        "按市列出列入山西太行革命老区的 35 个县（市、区）及其帮扶单位。",
        "The 35 counties of Shanxi's Taihang revolutionary old area, by city, with the bodies that aided them.",
        """
SELECT city_zh, city_en, code, qualified_name_zh, name_en, kind_zh, aid_bodies_zh
FROM county_profiles
WHERE taihang_old_area = 1
ORDER BY city_code, code""",
        {},
    ),
)
