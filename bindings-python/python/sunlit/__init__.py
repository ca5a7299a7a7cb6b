"""sunlit — open-government data in China (政务公开), exact to the fen.

Budget hierarchies down to item level (政府收支分类科目 类/款/项), published budget tables,
disclosure rules and deadlines, power lists. Every amount is a ``decimal.Decimal``; every error is
a :class:`SunlitError` (a ``ValueError``) naming what was wrong and where.

This package only re-exports the native module ``sunlit._sunlit``.
"""

from ._sunlit import (
    AmountError,
    ArithmeticOverflowError,
    Catalog,
    Code,
    CodeError,
    FieldError,
    FileError,
    Finding,
    InputError,
    Ledger,
    LevelConflictError,
    MixedDimensionError,
    Rollup,
    SunlitError,
    __version__,
    convert,
    filter_findings,
    findings_to_csv,
    findings_to_json,
    parse_amount,
    share,
    sort_findings,
)

__all__ = [
    "AmountError",
    "ArithmeticOverflowError",
    "Catalog",
    "Code",
    "CodeError",
    "FieldError",
    "FileError",
    "Finding",
    "InputError",
    "Ledger",
    "LevelConflictError",
    "MixedDimensionError",
    "Rollup",
    "SunlitError",
    "__version__",
    "convert",
    "filter_findings",
    "findings_to_csv",
    "findings_to_json",
    "parse_amount",
    "share",
    "sort_findings",
]
