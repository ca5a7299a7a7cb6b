//! Published budget and final-account tables (部门预算 / 部门决算公开表格): read them as printed,
//! check every identity with a unit-aware rounding tolerance, and move between the printed layout
//! and the ledger.
//!
//! A [`PublishedTable`] is one table as printed; [`PublishedTable::check`] runs the checks inside
//! it, [`DisclosureDocument::check`] those of each table plus the identities that bind the tables
//! of one document (one unit, one year, one phase). Every check is a rule with a stable id in
//! [`rules`] and a severity: *error* for an identity that must hold up to rounding, *warning* for a
//! heuristic; `sunlit::rules::tables` maps each to the identities of fiscal.md §2.3. An identity
//! whose tables are not all in the document is **not checked**.
//!
//! For a recogniser (a PDF or spreadsheet grid → [`PublishedTable`]):
//! - **Headings**: [`HeadingRole::recognise`] says what a printed heading is — an amount column
//!   ([`TableColumn`]), the code or name column, a line number (行次 / 栏次: leave it out) or a
//!   merged group heading; the spellings are data (`core/src/tables/headers.csv`, with sources).
//!   A heading it does not know is kept with [`PublishedTable::new_keeping_unknown`] as
//!   [`TableColumn::Other`], shown and written back but never checked.
//! - **Summary tables** (收支总表, 财政拨款收支总表): one table, the income side's rows first, then
//!   the expenditure side's, each row with its [`RowSide`] (`side` column 收 / 支 in CSV). One set
//!   of columns for both sides: the income side's figure may sit in its own 预算数 / 决算数 column
//!   ([`PublishedTable::side_amount_column`]). 总计 printed on both sides is then 收入总计 and 支出总计.
//! - **Lines by name**: expenditure lines printed without a code (一、教育支出) are tied to their
//!   functional 类 by [`functional_class_by_name`](crate::functional_class_by_name) — keep the
//!   name as printed and leave the code empty; a name that is no 类 gives an info.
//! - **"三公" with 预算数 / 决算数 sub-columns**: [`PublishedTable::from_figure_columns`] from the
//!   flattened headings (`合计/预算数` …) and the line of figures.
//! - **Layouts**: 人员经费 + 公用经费 columns stand for 基本支出 where no 基本支出 column is printed.
//!
//! Tolerance: amounts are compared exactly in 元 tables and within the rounding of the printed
//! cells in 万元 tables ([`ToleranceOptions`](crate::ToleranceOptions)): a sum of *n* printed cells
//! may differ from its printed total by 0.005 × (*n* + 1) 万元. A discrepancy is reported once, at
//! the lowest level that shows it: a 类 row that disagrees with its 款 rows is reported there, not
//! again at the 合计 row whose sum it spoils.

mod check;
mod convert;
mod document;
mod headers;
mod kind;
mod table;

pub use convert::{RenderOptions, TableLedgerOptions};
pub use document::{DisclosureDocument, NarrativeFigure};
pub use headers::HeadingRole;
pub use kind::TableKind;
pub(crate) use kind::normalize as normalize_label;
pub use table::{PublishedTable, RowLabel, RowSide, TableColumn, TableReadOptions, TableRow};

use crate::money::ToleranceOptions;

/// Options of [`PublishedTable::check`] and [`DisclosureDocument::check`].
///
/// ```
/// let o = sunlit::TableCheckOptions::default();
/// assert!(o.granularity && o.heuristics);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableCheckOptions {
    /// The rounding tolerance per unit (exact for 元, 0.01 steps for 万元 by default).
    pub tolerance: ToleranceOptions,
    /// Check the granularity (细化程度) of detail tables ([`rules::GRANULARITY`]).
    pub granularity: bool,
    /// Run the heuristic identities (warnings: [`rules::RUNNING_COSTS`],
    /// [`rules::SOCIAL_INSURANCE_MIRROR`], [`rules::INCOME_EXPENDITURE_MIRROR`]).
    pub heuristics: bool,
}

impl Default for TableCheckOptions {
    fn default() -> TableCheckOptions {
        TableCheckOptions {
            tolerance: ToleranceOptions::default(),
            granularity: true,
            heuristics: true,
        }
    }
}

/// Rule ids of the published-table checks. Sources: the identities of fiscal.md §2.3 — read off
/// the 2026 Shanghai departmental budget form and the MOF 2024 部门决算 template and recomputed on
/// real documents (zxj6827111-blip/GovBudgetChecker `rules/v3_3.yaml`, `预算检查规则设计方案.md`) —
/// and the classification tree of the 政府收支分类科目 (each 类 and 款 is the sum of its 款 and 项).
pub mod rules {
    /// `tables.row_sum` (error): a row's total column is not the sum of its part columns —
    /// 合计 = 基本支出 + 项目支出 (+ 上缴上级支出 + 经营支出 + 对附属单位补助支出 in 支出决算表);
    /// 合计 = 人员经费 + 公用经费; 合计 = Σ funding or book columns (收入表, 财政拨款收支总表);
    /// "三公" 合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费 and 车 小计 = 购置费 + 运行费.
    /// fiscal.md §2.3 identities 2, 3, 4, 5, 6, 11, 14.
    pub const ROW_SUM: &str = "tables.row_sum";
    /// `tables.parent_sum` (error): a 类 or 款 row is not the sum of the rows under it
    /// (the classification tree of the 政府收支分类科目; fiscal.md §2.3 identities 2 and 5).
    pub const PARENT_SUM: &str = "tables.parent_sum";
    /// `tables.total_sum` (error): a total row — 合计, 本年收入合计, 本年支出合计, or 人员经费合计 +
    /// 公用经费合计 — is not the sum of the lines it totals (Σ 类 = 合计; fiscal.md §2.3 identities 2, 5, 13),
    /// or a balance row (年初 / 年末财政拨款结转和结余) is not the sum of the book rows printed under it
    /// (the F4 layout of fiscal.md §2.2: balances "by budget type").
    pub const TOTAL_SUM: &str = "tables.total_sum";
    /// `tables.summary_balance` (error): a summary table does not balance — 收入总计 ≠ 支出总计, or a
    /// side's 总计 ≠ its lines (budget: Σ income lines, Σ 类; final: 本年收入合计, 使用非财政拨款结余
    /// and 年初结转和结余; 本年支出合计, 结余分配 and 年末结转和结余). fiscal.md §2.3 identities 1,
    /// 10 (GBC `D-001` / `GJ-001`) and 12.
    pub const SUMMARY_BALANCE: &str = "tables.summary_balance";
    /// `tables.summary_detail` (error): a 类 line or the 支出总计 of the budget summary table (T1)
    /// differs from the 支出预算总表 (T3); likewise a 类 line or the 本年支出合计 of the
    /// 收入支出决算总表 (F1) against the 支出决算表 (F3) (the F1 expenditure side is F3 by 类, fiscal.md
    /// §2.2). A line printed by name without a code (一、教育支出) is the 类 its name names
    /// ([`TableRow::class_code`](crate::TableRow::class_code)). fiscal.md §2.3 identity 1.
    pub const SUMMARY_DETAIL: &str = "tables.summary_detail";
    /// `tables.income_total` (error): the 合计 of the income table (T2) differs from the 收入总计 of
    /// the summary table (T1). fiscal.md §2.3 identity 3.
    pub const INCOME_TOTAL: &str = "tables.income_total";
    /// `tables.appropriation_split` (error): a book column of the 财政拨款收支预算总表 (T4) — its
    /// 支出总计 or a line it prints (类 by code or by name, or 款 / 项 where it prints them) —
    /// differs from that book's functional table (T5 一般公共预算, T6 政府性基金, T7 国有资本经营);
    /// likewise the 一般公共预算 column of the 财政拨款收入支出决算总表 (F4: 本年支出合计 and each 类)
    /// against F5. Only codes T4 prints or T5's top rows are compared, each on the row that prints
    /// it; the income side's book lines and balance rows (上年结转) are never compared with T5.
    /// fiscal.md §2.3 identity 4.
    pub const APPROPRIATION_SPLIT: &str = "tables.appropriation_split";
    /// `tables.basic_economic` (error): basic expenditure broken down by economic nature (T8 合计;
    /// F6 人员经费合计 + 公用经费合计) differs from the 基本支出 合计 of the functional table (T5, F5).
    /// fiscal.md §2.3 identities 5 and 13 (GBC `D-006`).
    pub const BASIC_ECONOMIC: &str = "tables.basic_economic";
    /// `tables.running_costs` (warning): 机关运行经费 of the "三公" table (万元) is not the 公用经费
    /// 合计 of T8 (元) rounded to 0.01 万元. Holds when every unit is 行政 / 参公, fails by design when
    /// 事业单位 are included. fiscal.md §2.3 identity 7 (heuristic).
    pub const RUNNING_COSTS: &str = "tables.running_costs";
    /// `tables.social_insurance_mirror` (warning): a social-insurance 款 of T8 differs from its
    /// functional 项 in T5 (30108 = 2080505, 30109 = 2080506, 30110 = 2101101 + 2101102, 30113 =
    /// 2210201). fiscal.md §2.3 identity 8 (heuristic).
    pub const SOCIAL_INSURANCE_MIRROR: &str = "tables.social_insurance_mirror";
    /// `tables.income_expenditure_mirror` (warning): income (T2) and expenditure (T3) differ at a
    /// functional code; they match when no carry-over is shown. fiscal.md §2.3 identity 9 (GBC
    /// `CMM-004`, heuristic).
    pub const INCOME_EXPENDITURE_MIRROR: &str = "tables.income_expenditure_mirror";
    /// `tables.scope` (error): the all-funds table is smaller than the appropriation table at a row
    /// (T3 < T5, F3 < F5). All funds include the appropriations, so ≥ is the rule — equality only
    /// when there is no non-appropriation money. fiscal.md §2.3 identity 15.
    pub const SCOPE: &str = "tables.scope";
    /// `tables.narrative` (error): a figure quoted in the narrative (情况说明) differs from its table
    /// beyond the rounding of the two printed figures, or names a row the table lacks. fiscal.md §2.3
    /// identity 16 (GBC `rules/v3_3.yaml`).
    pub const NARRATIVE: &str = "tables.narrative";
    /// `tables.duplicate_row` (error): a code or total label is printed twice in one table, so one
    /// of the rows would be counted twice. Source: the classification tree of 财政部《政府收支分类科目》
    /// — each code names one 类, 款 or 项, its parent is its prefix (fiscal.md §1.2, §0 point 2) —
    /// and the table layouts of fiscal.md §2.1–2.2, which print each subject once. The book rows
    /// the 财政拨款收入支出决算总表 prints under 年初 / 年末财政拨款结转和结余 (its balances "by budget
    /// type", §2.2) break the balance down and are not duplicates of the income lines; the 总计
    /// printed on each side of a summary table are two rows (收入总计 and 支出总计, [`RowSide`](crate::RowSide)).
    pub const DUPLICATE_ROW: &str = "tables.duplicate_row";
    /// `tables.missing_parent` (error): a table that prints subtotal rows lacks the 类 or 款 row of
    /// some of its rows (e.g. 项 2080505 without 款 20805). Reported once per missing code, with the
    /// sum of the rows under it as expected and no actual. Source: the classification tree of
    /// 财政部《政府收支分类科目》 — 类/款/项 = 3/5/7 digits, parent = prefix (fiscal.md §1.2, §0
    /// point 2) — as printed by the functional tables 类/款/项 of fiscal.md §2.1–2.2: a table that
    /// prints subtotals prints every level above its rows.
    pub const MISSING_PARENT: &str = "tables.missing_parent";
    /// `tables.subtotal_as_leaf` (error): a row printed as an item equals the subtotal of its
    /// siblings and the parent row, so adding the items counts that money twice (the OpenSpending
    /// double-counting failure, openspending/openspending#1454; fiscal.md §3.1).
    pub const SUBTOTAL_AS_LEAF: &str = "tables.subtotal_as_leaf";
    /// `tables.granularity` (warning): a detailed row stops above the level the table must reach
    /// (细化程度): functional tables to 项 (7 digits), the basic-expenditure economic table to 款
    /// (5 digits). Source: 预算法 art. 46 — "本级一般公共预算支出，按其功能分类应当编列到项；按其经济
    /// 性质分类，基本支出应当编列到款" — which the seed article reports applied to departmental budgets
    /// (部门预算细化到项级科目，一般公共预算基本支出细化到款级). The article text is quoted from the
    /// Budget Law as amended in 2018 (预算法 2018); it is not in the project's fiscal reference. On
    /// the disclosure side the source is 财政部《地方预决算公开操作规程》(财预〔2016〕143号) \[K\]: the
    /// fiscal reference (§1.1) says the seed's levels of detail match it, as domain knowledge not
    /// confirmed — the document itself was not consulted. A warning: art. 46 governs the budget
    /// draft, and its extension to departmental tables rests on that unconsulted document.
    /// Expected and actual are digit counts (7 and 5, say).
    pub const GRANULARITY: &str = "tables.granularity";
    /// `tables.unknown_line` (info): an expenditure line of a summary table (收支总表, 财政拨款收支总表)
    /// printed by name without a code whose name is not the name of a functional 类 of
    /// 财政部《政府收支分类科目》 in any catalogue year ([`functional_class_by_name`](crate::functional_class_by_name)),
    /// so it cannot be compared with the 类 rows of the detail tables (fiscal.md §2.3 identities 1
    /// and 4); or an income line whose label is none the library knows. A side with such a line
    /// holding a figure is not summed in that column (its total cannot be decided). Information
    /// only: the line may be a local heading or a misprint.
    pub const UNKNOWN_LINE: &str = "tables.unknown_line";
}
