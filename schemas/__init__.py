"""The data model: one Pydantic model per resource, the single source of truth for every schema.

RESOURCES lists the tables in dependency order: a table refers to itself or to tables before it, except
sources.publisher_id, which refers forward to organizations (whose rows cite the sources).
"""

from .base import Citation, Cite, ForeignKey, Meta, Table
from .changes import Release, RowChange, Withdrawal
from .codes import CODE_TABLES, CodeTable
from .history import AidAssignment, Erratum, Event
from .package import PACKAGE
from .policy import (
    Designation,
    LedgerSearch,
    MeasureResponsibility,
    Policy,
    PolicyMeasure,
    PolicyTarget,
    Project,
    ProjectRegion,
    ProjectUpdate,
    TargetAssessment,
)
from .proof import AddressSearch, Corroboration
from .publication import CodeLabel, FeaturedFigure, Translation
from .reference import Organization, Region, Source
from .statistics import Metric, Observation

RESOURCES: tuple[type[Table], ...] = (
    CodeLabel,
    Source,
    Region,
    Organization,
    Policy,
    PolicyMeasure,
    MeasureResponsibility,
    PolicyTarget,
    Designation,
    Project,
    ProjectRegion,
    AidAssignment,
    Metric,
    Erratum,
    Observation,
    Corroboration,
    AddressSearch,
    ProjectUpdate,
    LedgerSearch,
    TargetAssessment,
    Event,
    FeaturedFigure,
    Release,
    RowChange,
    Withdrawal,
    Translation,
)

BY_NAME: dict[str, type[Table]] = {model.meta.resource: model for model in RESOURCES}

__all__ = [
    "BY_NAME",
    "CODE_TABLES",
    "PACKAGE",
    "RESOURCES",
    "Citation",
    "Cite",
    "CodeTable",
    "ForeignKey",
    "Meta",
    "Table",
]
