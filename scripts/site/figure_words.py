"""The words of a figure's page and of the way any page cites a source, in Chinese and English (merged into
`words.WORDS`)."""

FIGURE_WORDS = {
    "copy_checked": ("{kind}，核对于 {date}", "{kind}, checked on {date}"),
    "no_copy": ("未找到公开副本（查找于 {date}）", "No public copy found (searched on {date})"),
    "untitled": ("{publisher} {date} 的报道（存储副本未显示标题）", "{publisher}, {date} (headline not seen)"),
    "on_page": ("在原文中查看", "See it on the page"),
    "cite_line": ("{source} 第{lines}行", "{source}, line {lines}"),
    "cite_lines": ("{source} 第{lines}行", "{source}, lines {lines}"),
    "figure_page": ("这个数字", "This figure"),
    "where_when": ("地区与时间", "Where and when"),
    "as_printed_reading": ("原文写法 → 本站读法", "As printed → as we read it"),
    "check_on_page": ("在原文中查看", "See it in the original"),
    "check_archived": ("在本站存档的原文中查看（第 {line} 行）", "See it in the copy archived here (line {line})"),
    "republished_by": ("{host}转载", "republished by {host}"),
    "see_also": ("另见：其他公开报道", "See also: other public reports"),
    "see_also_intro": (
        "下面的网页由其他发布者刊出，印有同一个数字；链接会在网页上标出这个数字。",
        "These pages, by other publishers, print the same figure; each link highlights it on the page.",
    ),
    "no_public_page": (
        "这份来源没有找到公开网页（查找于 {date}），也还没有找到印有同一数字的其他公开报道；可在本站存档的原文第 {line} 行核对。",
        "No public page of this source was found (searched on {date}), nor yet another public report of the same figure; it can be checked at line {line} of the copy archived here.",
    ),
    "withdrawn_title": ("已撤下：{name}", "Withdrawn: {name}"),
    "withdrawn": (
        "本条原属“{kind}”，标识 {entry}，在 {version} 版（{date} 发布）中撤下；地址保留，旧链接仍可打开。",
        "This entry of “{kind}”, {entry}, was withdrawn in version {version}, released on {date}; the address stays so that old links still open.",
    ),
    "withdrawn_why": ("撤下原因", "Why"),
    "replaced_by": ("改用：{link}", "Replaced by: {link}"),
    "not_replaced": ("没有替代的条目。", "Nothing replaced it."),
    "cite_figure": ("引用这个数字", "Cite this figure"),
    "qr_caption": ("扫码打开本页", "Scan to open this page"),
    "the_row": ("这一行数据", "The row in the data"),
    "row_in_table": ("数据表 {table} 中的一行，CSV 与 JSON：", "One row of the table {table}, as CSV and as JSON:"),
    "archived_copy": ("存档的原文", "The archived copy"),
    "archived_at": ("文件 {file} · SHA-256 {sha} · 第 {line} 行", "File {file} · SHA-256 {sha} · line {line}"),
    "describe_figure": (
        "{what}：{value}（{where}，{when}）。原文写作 {printed}，出处：{source}。可在原文中核对。",
        "{what}: {value} ({where}, {when}). Printed as {printed}; source: {source}. Check it in the original.",
    ),
    "figure_link": ("查看这个数字", "This figure"),
}
