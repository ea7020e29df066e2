"""The words of the ledger's pages, in Chinese and English (merged into `words.WORDS`)."""

LEDGER_WORDS = {
    "no_report_found": ("未找到报道", "No report found"),
    "show_projects": ("列出这 {n} 个项目", "List these {n} projects"),
    "no_report_since": ("未找到 2021 年以后的报道（检索于 {date}）", "No report after 2021 found (searched on {date})"),
    "newest_report": ("{date}（距本版数据发布 {months} 个月）", "{date} ({months} months before this release)"),
    "ledger_counts": (
        "政策点名的 {n} 个项目，按报道中最远的进展分组；点击一组跳到它的名单：",
        "The {n} projects the policy names, grouped by the furthest stage a report gives them; select a group to go to its list:",
    ),
    "newest": ("最近的证据", "Newest evidence"),
    "opened": ("已投用（含部分）", "In service (or part)"),
    "started_count": ("已开工、在建", "Started or being built"),
    "our_assessment": ("本站评估（推断）", "Our assessment (inferred)"),
    "decided_by": ("怎样判定", "What would decide it"),
    "ledger_line": (
        "落实台账：政策点名的 {total} 个项目中，{reported} 个有 2021 年 11 月以后的报道，其中 {begun} 个有开工、在建或建成的报道（数据截至 {date}）。[查看台账]({ledger})",
        "The ledger: of the {total} projects the policy names, {reported} have a report after November 2021, and {begun} of them a report that work started, is under way or is done (data as of {date}). [See the ledger]({ledger})",
    ),
    "describe_project": (
        "{name}：晋政发〔2021〕36号点名的项目。进展：{standing}；{newest}。每一步注明来源，并可在原文中查看。",
        "{name}: a project named by 晋政发〔2021〕36号. Where it stands: {standing}; {newest}. Every step cites its source, with a link to the words on the page.",
    ),
    "standing": ("进展", "Where it stands"),
    "policy_says": ("政策原文", "The policy says"),
    "timeline_steps": ("时间线", "Timeline"),
    "searches": ("检索记录", "Searches made"),
    "searched_on": ("检索日期", "Searched on"),
    "result": ("结果", "Result"),
    "queries": ("检索词", "Queries"),
    "queries_n": ("{n} 个（检索词见数据中的 {table} 表）", "{n} (the queries are in the data's table {table})"),
    "event_date": ("日期", "Date"),
    "timeline_kinds": (
        "出处为“第 N 行”的，已与本站存档的原文逐行核对；出处附“在原文中查看”的，引自未存档的网页，链接会在原网页上标出所引的词语。",
        "A source cited by line was checked against the copy archived here; one with “See it on the page” is a web page that is not archived, and the link highlights the words cited on that page.",
    ),
    "feed_title": ("太行革命老区落实台账", "Taihang old area: where the promises stand"),
    "feed_author": ("太行革命老区振兴开放数据", "Taihang Old Area Open Data"),
    "feed_summary": (
        "原文词语：{words}。来源：{publisher}，{date}。",
        "Words as printed: {words}. Source: {publisher}, {date}.",
    ),
    "not_archived": (
        "未存档：引用网页本身（{how}，{date}）",
        "Not archived: the web page itself is cited ({how}, {date})",
    ),
    "feed_name": ("订阅源", "Atom feed"),
    "feed_link": (
        "台账的每一条报道也以 {feed} 发布，最新的在前。",
        "Every report of the ledger is also published as an {feed}, newest first.",
    ),
}
