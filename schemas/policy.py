"""The policy tables: documents, their measures, who is responsible, designations and projects."""

from typing import Literal

from pydantic import model_validator

from .base import SOURCE_FK, ForeignKey, Meta, Table, cited_line, cited_source, column
from .fields import GovernmentLevel, Integer, IsoDate, RegionCode, Slug, Text


class Policy(Table):
    meta = Meta(
        resource="policies",
        title_zh="政策文件",
        title_en="Policies",
        description_zh="晋政发〔2021〕36号、它所落实的国务院意见，以及来源中按标题提到的其他政策文件。",
        description_en="晋政发〔2021〕36号, the State Council opinion it implements, and every other policy document the sources name by title.",
        primary_key=("id",),
        foreign_keys=(
            ForeignKey("issuer_id", "organizations", "id"),
            ForeignKey("implements_id", "policies", "id"),
            SOURCE_FK,
        ),
        label_column="title_zh",
    )

    id: Slug = column("政策标识", "Policy identifier (stable slug).")
    doc_number: str | None = column(
        "发文字号（如 晋政发〔2021〕36号）",
        "Document number as printed, e.g. 晋政发〔2021〕36号.",
    )
    title_zh: Text = column("中文标题", "Title in Chinese.")
    title_en: Text = column("英文标题（本项目翻译）", "Title in English (our translation).")
    issuer_id: Slug | None = column("发文机关（来源未说明则为空）", "Issuing body, where the source states it.")
    signed: IsoDate | None = column("成文日期", "Date of signature.")
    published: IsoDate | None = column("印发或发布日期", "Date of issue or publication.")
    level: GovernmentLevel = column("政策层级", "Level of government that issued it.")
    implements_id: Slug | None = column("所落实的上位政策", "The policy this one implements.")
    source_id: Slug = cited_source()
    locator: Integer = cited_line()
    note: Text | None = column("备注", "Note.")

    @model_validator(mode="after")
    def _signed_before_published(self):
        if self.signed and self.published and self.signed > self.published:
            raise ValueError("signed must not be later than published")
        return self


class PolicyMeasure(Table):
    meta = Meta(
        resource="policy_measures",
        title_zh="政策条目",
        title_en="Policy measures",
        description_zh="政策文件的编号条目，含所属部分、中英文标题和本项目撰写的摘要。",
        description_en="The numbered articles of a policy, with their section, bilingual titles and our own summaries.",
        primary_key=("id",),
        foreign_keys=(ForeignKey("policy_id", "policies", "id"), SOURCE_FK),
        label_column="title_zh",
    )

    id: Slug = column("条目标识", "Measure identifier (stable slug).")
    policy_id: Slug = column("所属政策", "Policy the measure belongs to.")
    number: Integer = column("条目序号（（一）为 1）", "Article number: (一) is 1.", ge=1)
    section_number: Integer = column("所属部分序号（一为 1）", "Section number: 一 is 1.", ge=1)
    section_title_zh: Text = column("所属部分中文标题", "Section title in Chinese.")
    section_title_en: Text = column("所属部分英文标题", "Section title in English.")
    title_zh: Text = column("条目中文标题", "Article title in Chinese.")
    title_en: Text = column("条目英文标题", "Article title in English.")
    summary_zh: Text = column("本项目撰写的中文摘要", "Summary in Chinese, in our own words.")
    summary_en: Text = column(
        "本项目撰写的英文摘要（一至三句）",
        "Summary in English, one to three sentences, in our own words.",
    )
    source_id: Slug = cited_source()
    locator: Integer = cited_line()


class MeasureResponsibility(Table):
    meta = Meta(
        resource="measure_responsibilities",
        title_zh="条目责任分工",
        title_en="Measure responsibilities",
        description_zh="每个条目括注中的牵头和按职责分工负责单位，严格按原文分配角色。",
        description_en="Who leads and who shares responsibility for each measure, exactly as its clause assigns it.",
        primary_key=("measure_id", "organization_id"),
        foreign_keys=(
            ForeignKey("measure_id", "policy_measures", "id"),
            ForeignKey("organization_id", "organizations", "id"),
            SOURCE_FK,
        ),
    )

    measure_id: Slug = column("条目", "Measure.")
    organization_id: Slug = column("机构", "Organization.")
    role: Literal["lead", "responsible", "support"] = column(
        "角色：lead 牵头，responsible 按职责分工负责，support 配合",
        "Role: lead (牵头), responsible (按职责分工负责) or support.",
    )
    position: Integer = column("在括注中的位次（从 1 起）", "Position of the body in the clause, from 1.", ge=1)
    source_id: Slug = cited_source()
    locator: Integer = cited_line()


class Designation(Table):
    meta = Meta(
        resource="designations",
        title_zh="区域认定",
        title_en="Designations",
        description_zh="政策文件认定的区域名单，如山西太行革命老区 35 个县（市、区）。",
        description_en="Regions that a policy designates, such as the 35 counties of Shanxi's Taihang revolutionary old area.",
        primary_key=("region_code", "designation"),
        foreign_keys=(
            ForeignKey("region_code", "regions", "code"),
            ForeignKey("policy_id", "policies", "id"),
            SOURCE_FK,
        ),
    )

    region_code: RegionCode = column("区划代码", "Region code.")
    designation: Literal["taihang_old_area"] = column(
        "认定类别：taihang_old_area 山西太行革命老区",
        "Designation: taihang_old_area (山西太行革命老区).",
    )
    policy_id: Slug = column("认定所依据的政策", "Policy that makes the designation.")
    source_id: Slug = cited_source()
    locator: Integer = cited_line()


class Project(Table):
    meta = Meta(
        resource="projects",
        title_zh="项目",
        title_en="Projects",
        description_zh="政策条目中点名的项目、设施和场所。",
        description_en="Every project, facility or site that a policy measure names.",
        primary_key=("id",),
        foreign_keys=(ForeignKey("measure_id", "policy_measures", "id"), SOURCE_FK),
        label_column="name_zh",
    )

    id: Slug = column("项目标识", "Project identifier (stable slug).")
    measure_id: Slug = column("所在条目", "Measure that names the project.")
    name_zh: Text = column("中文名称（按原文）", "Name in Chinese, as printed.")
    name_en: Text = column("英文名称", "Name in English.")
    category: Literal[
        "railway",
        "expressway",
        "airport",
        "road",
        "water",
        "energy",
        "pipeline",
        "digital",
        "heritage",
        "tourism",
        "education",
        "health",
        "industry",
        "ecology",
        "urban",
    ] = column("类别", "Category.")
    action: Literal[
        "build",
        "accelerate",
        "upgrade",
        "study",
        "pilot",
        "support",
        "protect",
        "promote",
    ] = column("原文所用动作的归类", "The action the text words, normalized.")
    action_zh: Text = column("原文动作用语（如 加快建设、开展前期研究）", "The action as the text words it.")
    source_id: Slug = cited_source()
    locator: Integer = cited_line()
    note: Text | None = column("备注", "Note.")


class ProjectRegion(Table):
    meta = Meta(
        resource="project_regions",
        title_zh="项目所涉区划",
        title_en="Project regions",
        description_zh="项目名称或原文所点名、经过的每个区划。",
        description_en="Every region that a project names or runs through, as the text gives it.",
        primary_key=("project_id", "region_code"),
        foreign_keys=(
            ForeignKey("project_id", "projects", "id"),
            ForeignKey("region_code", "regions", "code"),
        ),
    )

    project_id: Slug = column("项目", "Project.")
    region_code: RegionCode = column("区划代码", "Region code.")
