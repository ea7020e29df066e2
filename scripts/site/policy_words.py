"""The words of the pages on a policy (its measures, who is responsible, the projects it names), in Chinese and
English (merged into `words.WORDS`)."""

POLICY_WORDS = {
    "responsibilities_in": ("在{policy}中的责任", "Responsibilities in {policy}"),
    "measures_of": ("{policy}的条目", "The measures of {policy}"),
    "measure": ("条目", "Measure"),
    "role": ("角色", "Role"),
    "section": ("所属部分", "Section"),
    "summary": ("摘要（本项目撰写）", "Summary (in our words)"),
    "bodies": ("责任单位", "Bodies responsible"),
    "targets": ("目标", "Targets"),
    "matrix_columns": ("数字为条目序号。", "The numbers are those of the measures."),
    "who_leads": ("谁牵头哪项工作", "Who leads which work"),
    "matrix_intro": (
        "每个单位一行，列出它在各条中的角色。原文没有写牵头单位的条目，这里只记“负责”，不替原文指定牵头者。",
        "A line for each body, with its role in each measure. Where a measure names no lead body, only shared "
        "responsibility is recorded: we do not promote anyone to lead.",
    ),
    "projects_by_kind": (
        "政策点名的项目、场所和行动，按类别列出。“进展”是台账中此后的报道把它推进到的最远一步；每个项目的页面列出全部报道、出处和检索记录。",
        'The projects, sites and programmes the policy names, by category. "Where it stands" is the furthest step that a '
        "later report in the ledger takes it to; each project's page lists every report, its source and the searches "
        "made.",
    ),
}
