"""The site's own words in Chinese and English, the punctuation of each language, and numbers as words.

Nothing here is data: the labels of coded values come from the code tables (labels.py), and every
name, title and figure from the database. A Chinese page takes full-width punctuation (：、；（）。),
an English page the ASCII forms.
"""

from .figure_words import FIGURE_WORDS
from .ledger_words import LEDGER_WORDS
from .policy_words import POLICY_WORDS

CHINESE, ENGLISH = "zh", "en"
LANGS = (CHINESE, ENGLISH)  # Chinese first: the default language of the site

WORDS = {
    **LEDGER_WORDS,
    **FIGURE_WORDS,
    **POLICY_WORDS,
    "aid": ("帮扶", "Aid received"),
    "aid_given": ("提供的帮扶", "Aid given"),
    "body": ("帮扶单位", "Helping body"),
    "bodies_n": ("{n} 个单位", "{n} bodies"),
    "program": ("类型", "Programme"),
    "pairing": ("结对方式", "How paired"),
    "years": ("年份", "Years"),
    "status": ("状态", "Status"),
    "source": ("出处", "Source"),
    "figures": ("数字", "Figures"),
    "metric": ("指标", "Metric"),
    "printed": ("原文写法", "As printed"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "qualifier": ("限定", "Qualifier"),
    "period": ("期间或截至", "Period or as of"),
    "as_of": ("截至 ", "as of "),
    "place": ("地点", "Place"),
    "projects": ("项目", "Projects"),
    "project": ("项目", "Project"),
    "category": ("类别", "Category"),
    "action": ("政策用语", "The policy's words"),
    "status_count": ("{status} {n} 个", "{status}: {n}"),
    "events": ("大事记", "Events"),
    "date": ("日期", "Date"),
    "event": ("事件", "Event"),
    "children": ("下辖地区", "Regions within"),
    "region": ("地区", "Region"),
    "parent": ("上级区划", "Part of"),
    "city": ("所属市", "City"),
    "yes_by": ("是，见", "Yes, listed in "),
    "no": ("否", "No"),
    "level": ("层级", "Level"),
    "kind": ("类型", "Kind"),
    "successor": ("后继机构", "Became"),
    "predecessors": ("前身", "Formerly"),
    "other_names": ("其他写法", "Other forms printed"),
    "target": ("目标", "Target"),
    "year": ("年份", "Year"),
    "cited": ("引用的行", "Lines cited"),
    "report": ("后续报道（最新）", "Latest later report"),
    "no_report": ("此后的来源没有报道", "No later source reports on it"),
    "later_reports": ("后续报道", "What later sources report"),
    "as_of_date": ("截至", "As of"),
    "figure": ("数字", "Figure"),
    "line": ("行", "Line"),
    "rows": ("本数据集中的记录", "Rows in this dataset"),
    "errata": ("勘误", "Errata"),
    "as_printed": ("原文所印", "As printed"),
    "reading": ("采用的读法", "Our reading"),
    "reason": ("理由", "Why"),
    "publisher": ("发布者", "Publisher"),
    "published": ("日期", "Date"),
    "inferred": ("（推断）", " (inferred)"),
    "address": ("网址", "Address"),
    "language": ("语言", "Language"),
    "archive": ("存档文件", "Archived file"),
    "lines": ("共 {n} 行", "{n} lines"),
    "name": ("名称", "Name"),
    "regions": ("地区", "Regions"),
    "organizations": ("机构", "Organizations"),
    "sources": ("来源", "Sources"),
    "data": ("数据：", "Data: "),
    "table": ("表格", "table"),
    "totals": ("均为截至 {dates} 的累计数，单位见各图。", "Running totals as of {dates}, in each chart's unit. "),
    "qualifier_means": ("“{label}”：{definition}", "“{label}”: {definition}"),
    "also_given": ("另有：{items}，不画在线上。", "Also given, not plotted: {items}. "),
    "list_of": ("名单见{policy}（{cite}）", "the list is in {policy} ({cite})"),
    "citation_other": ("英文引用格式：", "In Chinese (GB/T 7714):"),
    "organization": ("单位", "Body"),
    "and": ("和", " and "),
    "since_status": ("{year}年起，{status}", "since {year}, {status}"),
    "figures_count": ("{n} 个，如：", "{n}, among them: "),
    "projects_named": ("政策点名 {n} 个：", "{n} named by the policy: "),
    "and_more": ("等", " and more"),
    "nothing_specific": (
        "来源中没有专门写到这里的内容，有关情况见{places}的页面。",
        "The sources say nothing specific about it; the pages of {places} cover it.",
    ),
    "compare": ("与老区其他县比较", "Compare it with the other counties of the old area"),
    "county": ("县（市、区）", "County"),
    "paired_bodies": ("结对帮扶单位", "Bodies paired with it"),
    "group_bodies": ("成组帮扶单位", "Bodies in groups"),
    "describe_region": (
        "{name}：受到的帮扶、来源中的 {figures} 个数字和政策点名的 {projects} 个项目，每一项注明原文出处。",
        "{name}: the aid it received, {figures} figures from the sources and {projects} projects the policy "
        "names, each traced to its source line.",
    ),
    "describe_organization": (
        "{name}：提供的帮扶、在政策中承担的条目和来源中的数字，每一项注明原文出处。",
        "{name}: the aid it gave, the policy measures it is responsible for and the figures the sources credit to "
        "it, each traced to its source line.",
    ),
    "describe_measure": (
        "{title}：负责单位、目标、点名的项目和后来的报道，每一项注明原文出处。",
        "{title}: the bodies responsible, the targets, the projects it names and what later sources report, each "
        "traced to its source line.",
    ),
    "describe_source": (
        "{title}（{publisher}，{date}）：从中取得的数字、它的勘误和被引用的每一行。",
        "{title} ({publisher}, {date}): the figures taken from it, its errata and every line the dataset cites.",
    ),
    "describe_comparison": (
        "老区各县（市、区）并列对比：帮扶单位、帮扶资金、来源中的数字和政策点名的项目，可按任一列排序。",
        "The counties of the old area side by side: helping bodies, aid funds, figures from the sources and the "
        "projects the policy names, sortable by any column.",
    ),
    "rows_shown": ("共 {total} 条，这里列出前 {shown} 条。", "{total} rows; the first {shown} are shown here. "),
    "rows_in_datasette": (
        "全部 {total} 条可以在 {datasette} 中查看、筛选和下载。",
        "See, filter and download all {total} in {datasette}.",
    ),
    "rows_downloaded": (
        "全部 {total} 条见[数据下载]({data})：{table} 表中 {column} 为 {value} 的行。",
        "All {total} are in the [downloads]({data}): the rows of the table {table} whose {column} is {value}.",
    ),
    "since_as_of": ("{start} 起，截至 {date}", "since {start}, as of {date}"),
    "chart_csv": ("本图数据", "this chart's data"),
    "timeline": ("帮扶历史时间线", "Timeline of the aid history"),
    "describe_index": ("{what}：{n} 项，每一项都有自己的页面。", "{what}: {n}, each with a page of its own."),
    "comparison": ("老区各县对比", "The counties of the old area compared"),
    "comparison_intro": (
        "山西太行革命老区 {n} 个县（市、区），按区划代码排列；点击表头可按该列排序。"
        "结对帮扶单位是原文写明与该县结对的单位，成组帮扶单位是原文列在一组名单中、帮扶包括该县在内几个县的单位。"
        "帮扶成效各列即帮扶历史图表中的指标，各附期间和出处；各单位开始帮扶的年份不同，累计数不宜直接比较。"
        "数字和项目两列是来源中关于该县的数字和政策点名的项目的个数；最后两列是这些项目中，落实台账里有开工或在建报道的、有投用报道的个数。"
        "“—”表示来源中没有，并不等于没有帮扶或没有进展。",
        "The {n} counties of Shanxi's Taihang revolutionary old area, by division code; select a column's heading "
        "to sort by it. Bodies paired with it are those the text pairs with the county; bodies in groups are those "
        "the text lists as a group aiding several counties, this one among them. The aid results are the metrics of "
        "the aid history's charts, each with its period and source; the bodies began in different years, so the "
        "running totals are not directly comparable. Then come the figures the sources give for the county, the "
        "projects the policy names for it, and of those how many the ledger has reports of as started or being "
        "built, and as in service. A dash means the sources say nothing, not that no aid was given or nothing "
        "was done.",
    ),
    "division_code": ("行政区划代码（GB/T 2260）", "Division code (GB/T 2260)"),
    "errata_elsewhere": (
        "另有 {n} 条“{kind}”勘误，见{sources}页面。",
        "A further {n} errata of the kind “{kind}” are listed on the page of {sources}.",
    ),
}

# Punctuation, by language.
COLON = {"zh": "：", "en": ": "}
SEPARATOR = {"zh": "、", "en": ", "}
SEMICOLON = {"zh": "；", "en": "; "}
STOP = {"zh": "。", "en": ". "}
GAP = {"zh": "　", "en": "   "}  # between the items of a legend
PARENS = {"zh": ("（", "）"), "en": (" (", ")")}

_CHINESE_DIGITS = "零一二三四五六七八九"
_CHINESE_PLACES = ("", "十", "百", "千")
_ENGLISH = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def word(key: str, lang: str, **values: object) -> str:
    """One of the site's words in a language, with any {placeholders} filled in."""
    text = WORDS[key][LANGS.index(lang)]
    return text.format(**values) if values else text


def suffix(lang: str) -> str:
    """The file suffix of a language in the docs tree: page.md (Chinese), page.en.md (English)."""
    return "" if lang == CHINESE else f".{lang}"


def other(lang: str) -> str:
    """The other language of the site."""
    return LANGS[1 - LANGS.index(lang)]


def paren(text: str, lang: str) -> str:
    """Text in brackets, full-width in Chinese."""
    left, right = PARENS[lang]
    return f"{left}{text}{right}"


def sentence(text: str, lang: str) -> str:
    """Text ended as a sentence (and, in English, followed by a space), unless it ends with a full stop already."""
    text = text.rstrip()
    return text + (STOP[lang][1:] if text.endswith(("。", ".", "！", "？", "!", "?")) else STOP[lang])


def fact(key: str, value: str, lang: str) -> str:
    """A list item naming a fact: `- Key: value`."""
    return f"- {key}{COLON[lang]}{value}"


def chinese_numeral(n: int) -> str:
    """A whole number below 10,000 in Chinese numerals (十一, 二十, 一百零五); larger ones in digits."""
    if not 0 <= n < 10_000:
        return str(n)
    if n < 10:
        return _CHINESE_DIGITS[n]
    out, zero = "", False
    digits = str(n)
    for i, digit in enumerate(int(d) for d in digits):
        if digit == 0:
            zero = True
            continue
        out += ("零" if zero else "") + _CHINESE_DIGITS[digit] + _CHINESE_PLACES[len(digits) - i - 1]
        zero = False
    return out[1:] if 10 <= n < 20 else out


def counted(n: int, measure: str, lang: str) -> str:
    """A count with its measure word in Chinese, in characters below ten (五份, 两份) and in digits from ten
    (35 个); in English, in words up to twelve (five, twelve) and in digits beyond (13)."""
    if lang == CHINESE:
        return ("两" if n == 2 else chinese_numeral(n)) + measure if n < 10 else f"{n} {measure}"
    return _ENGLISH[n] if 0 <= n < len(_ENGLISH) else str(n)


def section_number(n: int, lang: str) -> str:
    """The number of a part of a document: 一、 in Chinese, 1. in English."""
    return f"{chinese_numeral(n)}、" if lang == CHINESE else f"{n}. "


def article_number(n: int, lang: str) -> str:
    """The number of an article of a document: （一） in Chinese, (1) in English."""
    return f"（{chinese_numeral(n)}）" if lang == CHINESE else f"({n}) "


def initial_capital(label: str) -> str:
    """A label as it starts a heading or a cell: its first letter a capital (Chinese is unchanged)."""
    return label[:1].upper() + label[1:]
