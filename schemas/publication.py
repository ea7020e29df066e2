"""Tables about the publication itself: the code tables as data, the figures the site features, and the
Chinese renderings of the notes we wrote in English."""

from typing import Annotated

from .base import Meta, Table, column
from .codes import FEATURE
from .fields import Integer, ObservationRef, Prose, Slug, Text


class CodeLabel(Table):
    meta = Meta(
        resource="codes",
        title_zh="代码表",
        title_en="Codes",
        description_zh="本数据包每个枚举列的取值及其中英文标签和定义，由 `schemas/codes.py` 生成，可与各表按代码连接。",
        description_en="Every value of every enumerated column, with its Chinese and English labels and definition; "
        "generated from schemas/codes.py, for joining labels to the tables.",
        primary_key=("code_table", "code"),
        label_column="label_zh",
        facets=("code_table",),
    )

    code_table: Slug = column("代码表名称", "Name of the code table.")
    code: Text = column("代码", "The code, as the tables store it.")
    label_zh: Text = column("中文标签", "Label in Chinese.")
    label_en: Text = column("英文标签", "Label in English.")
    definition_zh: Prose | None = column("中文定义", "Definition in Chinese, where the label needs one.")
    definition_en: Prose | None = column("英文定义", "Definition in English, where the label needs one.")


class FeaturedFigure(Table):
    meta = Meta(
        resource="featured_figures",
        title_zh="网站展示的数字",
        title_en="Featured figures",
        description_zh="网站叙述页面所展示的观测值（首页关键数字、图表），按展示位置和次序列出；叙述中的数字均由此选取，不在代码中写死。",
        description_en="The observations that the site's narrative pages show (key figures, charts), by place and order; "
        "the narrative takes its figures from here, never from code.",
        primary_key=("feature", "observation_id"),
        facets=("feature",),
        sort="position",
    )

    feature: Annotated[str, FEATURE] = column("展示位置", "Where the site shows the figure.")
    position: Integer = column("次序（从 1 起）", "Order within the feature, from 1.", ge=1)
    observation_id: ObservationRef = column("观测值", "Observation shown.")


class Translation(Table):
    meta = Meta(
        resource="translations",
        title_zh="本项目说明的中文译文",
        title_en="Chinese renderings of our notes",
        description_zh="本项目用英文写的说明（勘误理由，来源、地区和机构的备注）的中文译文，以英文原句为键；"
        "中文网站按原句取用，原句一改，译文就要随之更新。",
        description_en="Our Chinese renderings of the notes we wrote in English (errata reasons, notes on sources, "
        "regions and bodies), keyed by the English text; the Chinese site looks a note up by its text, so a changed "
        "note needs its rendering renewed.",
        primary_key=("text_en",),
        label_column="text_zh",
    )

    text_en: Prose = column(
        "英文原句（本项目撰写）", "The English text, exactly as a column of our own words holds it.", ours=True
    )
    text_zh: Prose = column("中文译文（本项目撰写）", "Our Chinese rendering of it.", ours=True)
