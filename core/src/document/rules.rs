//! Rule ids of document recognition (`document.*`): what recognition could not do, or what a
//! document lacks. Re-exported as `sunlit::rules::document`.

/// `document.missing_table` (warning): a departmental budget or final account does not print one
/// of the nine tables of its standard set. The nine tables are the national minimum of
/// 财政部《关于进一步做好预算信息公开工作的指导意见》(财预〔2016〕143号) for departmental budgets and
/// final accounts, as listed in fiscal.md §2.1 (budget, 2026 Shanghai form) and §2.2 (final account,
/// MOF 2024 template); a table with nothing to report is printed empty with a sentence saying why
/// (本表为空), so an absent table is a real gap a reader can confirm.
pub const MISSING_TABLE: &str = "document.missing_table";

/// `document.unread_table` (info): a table was recognised (by title or header shape) but its rows
/// could not be read into the checked layout — a code of the wrong scheme, a heading printed twice,
/// a row without code or label. The table is kept as printed and not checked; the finding names
/// the page and the reason. (Recognition never guesses: fiscal.md §2.4, format quirks.)
pub const UNREAD_TABLE: &str = "document.unread_table";

/// `document.unread_cell` (info): a cell in an amount column does not read as an amount
/// (`12.3.4`, text in a figure column). It is kept blank — never taken as zero — and named here.
pub const UNREAD_CELL: &str = "document.unread_cell";

/// `document.duplicate_table` (info): a second table of a kind already recognised in the same
/// document (a unit budget inside a department budget, a repeated table). Only the first is
/// checked against the others; the second is kept as printed.
pub const DUPLICATE_TABLE: &str = "document.duplicate_table";

/// `document.ambiguous_kind` (info): the printed title names a table of the other phase (a budget
/// table title in a final account, or the reverse). The table is kept unchecked rather than guessed.
pub const AMBIGUOUS_KIND: &str = "document.ambiguous_kind";

/// `document.empty_note_with_figures` (info): a table prints figures under a note saying it is
/// empty (本表为空表) — a template sentence left in place. The figures are read and checked; the
/// note is reported, not trusted (fiscal.md §2.4: empty tables are printed with an explaining
/// sentence, so the sentence and the figures contradict each other).
pub const EMPTY_NOTE_WITH_FIGURES: &str = "document.empty_note_with_figures";

/// `document.unread_column` (info): a column of a recognised table is kept as printed but not
/// read — a second code column (政府预算经济分类 5xxxx printed between the name and the amounts).
/// Never dropped silently: the finding names it; no check involves it.
pub const UNREAD_COLUMN: &str = "document.unread_column";
