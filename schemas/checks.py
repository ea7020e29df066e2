"""Models of the project's own check files, read through the same typed reader as the package's tables."""

from typing import Annotated

from pydantic import StringConstraints

from .base import Meta, Table, column
from .codes import EXCLUSION_KIND
from .fields import Integer, Prose, Slug, Text


class CoverageExclusion(Table):
    meta = Meta(
        resource="coverage_exclusions",
        title_zh="不录入的数字",
        title_en="Coverage exclusions",
        description_zh="来源中刻意不作为数据录入的数字（页面框架、列表序号、重复出现的数字等），各附理由。",
        description_en="The numbers of the sources that are deliberately not data, each with its reason.",
        primary_key=("source_id", "locator", "number"),
    )

    source_id: Slug = column("来源", "Source.")
    locator: Integer = column("行号", "Line of the source.", ge=1)
    number: Annotated[str, StringConstraints(pattern=r"^(?:\*|[0-9]+(?:\.[0-9]+)?)$", max_length=40)] = column(
        "所排除的数字（* 表示该行所有数字）", "The number excluded, or * for every number on the line."
    )
    kind: Annotated[str, EXCLUSION_KIND] = column("原因类别", "Why the number is not data.")
    reason: Prose = column("理由", "The reason, in our words.", ours=True)


class PlaceExclusion(Table):
    meta = Meta(
        resource="place_exclusions",
        title_zh="不是地名的区划名称",
        title_en="Place-name exclusions",
        description_zh="来源中含有某个行政区划名称、却不指该区划的词语（如 乡村振兴 中的 振兴），各附理由。",
        description_en="Words of the sources that contain the name of a division without naming it, each with its reason.",
        primary_key=("name", "word"),
    )

    name: Text = column(
        "区划名称（全称或去掉通名的简称）", "The division's name as found: in full, or without its generic."
    )
    word: Text = column(
        "来源中包含该名称、但不指该区划的词语",
        "The word of a source that contains the name and does not mean that place.",
    )
    reason: Prose = column("理由", "The reason, in our words.", ours=True)
