//! The rule registry: every check of the library, declared once.
//!
//! Each rule is a [`Rule`] constant — its stable id, its family, its severity, the source it
//! rests on and a one-line summary in Chinese and English — in the module of its family
//! (`sunlit::rules::tables::ROW_SUM`, …). A [`Finding`](crate::Finding) is made from a rule
//! ([`Finding::new`](crate::Finding::new) takes the rule, not an id and a severity), so a rule's
//! severity is the same wherever it fires. [`all`] lists the registry, [`by_id`] looks a rule up,
//! and [`to_markdown`] renders it as `docs/rules.md` (regenerate with
//! `SUNLIT_BLESS=1 cargo test -p sunlit --lib rules::`).
//!
//! Severities follow one principle: *error* for an identity that must hold (up to the unit's
//! rounding) or a legal requirement that is plainly broken, *warning* for a heuristic that
//! usually holds, *info* where the library declined to decide (an ambiguous layout, a difference
//! within rounding, something it could not read) — never a false error.
//!
//! ```
//! use sunlit::{Severity, rules};
//! assert_eq!(rules::tables::ROW_SUM.id, "tables.row_sum");
//! assert_eq!(rules::tables::ROW_SUM.severity, Severity::Error);
//! assert_eq!(rules::by_id("tables.row_sum"), Some(&rules::tables::ROW_SUM));
//! assert!(rules::all().count() > 50);
//! ```

use std::fmt;

use serde::Serialize;

use crate::finding::Severity;

/// One rule: a stable id findings carry, its family (the id's prefix), its severity, its source
/// and a one-line summary. Declared once, in [`crate::rules`].
///
/// ```
/// let r = &sunlit::rules::request::OVERDUE;
/// assert_eq!((r.id, r.family), ("request.overdue", "request"));
/// assert!(r.citation.contains("arts. 30, 33"));
/// assert_eq!(r.to_string(), "request.overdue");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Rule {
    /// Stable id, `family.name` (e.g. `tables.row_sum`); findings carry it in
    /// [`Finding::rule`](crate::Finding::rule).
    pub id: &'static str,
    /// The family: the part of the id before the dot (`tables`), also the module of
    /// [`crate::rules`] that declares the rule.
    pub family: &'static str,
    /// How serious every finding of this rule is.
    pub severity: Severity,
    /// The law, standard, template or reference the rule rests on.
    pub citation: &'static str,
    /// What the rule finds, in one line of Chinese.
    pub summary_zh: &'static str,
    /// What the rule finds, in one line of English.
    pub summary_en: &'static str,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

/// A finding's rule id compares equal to its rule: `finding.rule == rules::tables::ROW_SUM`.
impl PartialEq<Rule> for String {
    fn eq(&self, other: &Rule) -> bool {
        self.as_str() == other.id
    }
}

/// An id compares equal to its rule.
impl PartialEq<Rule> for str {
    fn eq(&self, other: &Rule) -> bool {
        self == other.id
    }
}

/// An id compares equal to its rule.
impl PartialEq<Rule> for &str {
    fn eq(&self, other: &Rule) -> bool {
        *self == other.id
    }
}

macro_rules! severity {
    (error) => {
        Severity::Error
    };
    (warning) => {
        Severity::Warning
    };
    (info) => {
        Severity::Info
    };
}

/// Declares the rules of one family: each constant's documentation starts with its id and
/// severity, generated from the declaration; `ALL` lists them.
macro_rules! family {
    (
        $family:literal;
        $(
            $(#[$doc:meta])*
            $name:ident = $id:literal, $severity:ident,
                $citation:literal,
                $zh:literal,
                $en:literal;
        )*
    ) => {
        use super::{Rule, Severity};
        $(
            #[doc = concat!("`", $family, ".", $id, "` (", stringify!($severity), "): ", $en, ".")]
            #[doc = ""]
            $(#[$doc])*
            #[doc = ""]
            #[doc = concat!("Source: ", $citation, ".")]
            pub const $name: Rule = Rule {
                id: concat!($family, ".", $id),
                family: $family,
                severity: severity!($severity),
                citation: $citation,
                summary_zh: $zh,
                summary_en: $en,
            };
        )*
        /// Every rule of this family, in declaration order.
        pub const ALL: &[Rule] = &[$($name),*];
    };
}

pub mod budget {
    //! Budget ledger checks (`budget.*`).
    family! { "budget";
        /// A published subtotal — a line at an upper level of a branch that also has lower
        /// lines, checked with [`Subtotals::Check`](crate::budget::Subtotals) — differs from the sum of
        /// the lines under it. The classification is a tree in which each 类 and 款 is the sum of
        /// its 款 and 项 (the published tables print "every parent row = Σ its children").
        SUBTOTAL_MISMATCH = "subtotal_mismatch", error,
            "财政部《政府收支分类科目》 (classification tree); fiscal.md §2.3 identity 2",
            "已列示的小计不等于其下级明细之和",
            "a published subtotal differs from the sum of the lines under it";
    }
}

pub mod catalog {
    //! Catalogue checks (`catalog.*`).
    family! { "catalog";
        /// A ledger code is not in the chosen catalogue (scheme, year): a typo, a code of another
        /// year, or a gap in the catalogue loaded.
        UNKNOWN_CODE = "unknown_code", warning,
            "财政部《政府收支分类科目》 of the year; 预算法 2018 art. 32 ¶4",
            "科目不在所选年度的科目表中",
            "a ledger code is not in the chosen catalogue (scheme, year)";
        /// There is no catalogue at all for the scheme and year asked for, so nothing could be
        /// checked.
        NO_CATALOGUE = "no_catalogue", warning,
            "财政部《政府收支分类科目》 of the year",
            "没有所选年度和分类的科目表，未核对科目",
            "no catalogue for the scheme and year, so codes were not checked";
    }
}

pub mod special_fund {
    //! Special-fund checks (`special_fund.*`, 专项资金).
    family! { "special_fund";
        /// The allocations add up to more than the approved amount — money allocated that was
        /// never approved. 预算法 art. 13: "各级政府、各部门、各单位的支出必须以经批准的预算为依据，
        /// 未列入预算的不得支出" (quoted from the Budget Law as amended in 2018; not in the
        /// project's fiscal reference).
        OVER_ALLOCATED = "over_allocated", error,
            "预算法 2018 art. 13",
            "分配金额合计超过批准金额",
            "the allocations add up to more than the approved amount";
        /// The stages are dated out of their order 申报 → 审批 → 分配 → 公开 → 监督 (the process
        /// as the seed article lists it), or a stage is dated twice.
        STAGE_ORDER = "stage_order", error,
            "the special-fund process of the seed article (shared/seeds/README.md, \"Budget disclosure\")",
            "各环节日期顺序不符合申报、审批、分配、公开、监督，或同一环节有两个日期",
            "the stages are dated out of order, or a stage is dated twice";
        /// An allocation is dated before the fund was approved. The process the seed article
        /// describes — 申报 (application), 审批 (approval), 分配 (allocation), 公开 (disclosure),
        /// 监督 (supervision), in that order, made public for Guangdong's 50 special funds (648亿元)
        /// in the 2016 draft budget: 分配 follows 审批, so money allocated before the approval date
        /// was allocated without one.
        ALLOCATION_BEFORE_APPROVAL = "allocation_before_approval", error,
            "the special-fund process of the seed article (shared/seeds/README.md, \"Budget disclosure\")",
            "分配日期早于审批日期",
            "an allocation is dated before the fund was approved";
        /// The allocation was disclosed more than the configured number of days (default 20)
        /// after approval. Source of the default: 预算法 (2018) art. 14 — approved budgets,
        /// adjustments and final accounts are published within twenty days of approval
        /// (批准后二十日内), departmental budgets within twenty days of the finance department's
        /// approval (批复后二十日内). That article governs budgets; applying its period to
        /// special-fund allocations is this library's default, so the period is configurable.
        /// Expected and actual are day counts.
        LATE_DISCLOSURE = "late_disclosure", error,
            "预算法 2018 art. 14 (default period, configurable)",
            "批准后超过规定天数才公开",
            "the allocation was disclosed later than the set number of days after approval";
        /// As of the checking date, the disclosure period after approval has passed and no
        /// disclosure is recorded (same source and period as [`LATE_DISCLOSURE`]). Expected and
        /// actual are day counts.
        NOT_DISCLOSED = "not_disclosed", error,
            "预算法 2018 art. 14 (default period, configurable)",
            "公开期限已过仍未公开",
            "the disclosure period after approval has passed with no disclosure recorded";
        /// The approved amounts of a list of funds do not add up to the published total, as
        /// printed (648 亿元 stands for 647.5 to 648.5 亿元): a published total is a claim about
        /// the funds listed, checked as printed.
        LIST_TOTAL = "list_total", error,
            "the seed article's disclosure of 50 special funds, 648亿元 (shared/seeds/README.md)",
            "各项专项资金合计与公布的总额不符",
            "the approved amounts do not add up to the published total, as printed";
        /// The list does not hold the published number of funds, whose count is as much a
        /// published figure as its total.
        LIST_COUNT = "list_count", error,
            "the seed article's disclosure of 50 special funds, 648亿元 (shared/seeds/README.md)",
            "清单列出的专项资金个数与公布的个数不符",
            "the list does not hold the published number of funds";
    }
}

pub mod tables {
    //! Published-table checks (`tables.*`, 预决算公开表格): in-table sums, structure, granularity and
    //! the cross-table identities of fiscal.md §2.3, numbered as there. Sources: the identities read
    //! off the 2026 Shanghai departmental budget form and the MOF 2024 部门决算 template and
    //! recomputed on real documents (zxj6827111-blip/GovBudgetChecker `rules/v3_3.yaml`,
    //! `预算检查规则设计方案.md`), and the classification tree of the 政府收支分类科目 (each 类 and 款
    //! is the sum of its 款 and 项).
    //!
    //! | identity | what | rule |
    //! | --- | --- | --- |
    //! | 1 | T1 收入总计 = 支出总计 | [`SUMMARY_BALANCE`] |
    //! | 1 | T1 类 lines and 支出总计 = T3 | [`SUMMARY_DETAIL`] |
    //! | 2, 5, 11 | 合计 = 基本 + 项目 (+ 上缴上级 + 经营 + 对附属单位补助); 合计 = 人员 + 公用 | [`ROW_SUM`] |
    //! | 2, 5 | parent row = Σ children | [`PARENT_SUM`] |
    //! | 2, 5 | Σ 类 = 合计 row | [`TOTAL_SUM`] |
    //! | 3 | T2 row: 合计 = Σ funding columns | [`ROW_SUM`] |
    //! | 3 | T2 合计 = T1 收入总计 | [`INCOME_TOTAL`] |
    //! | 4 | T4 支出总计 = Σ books (row) and book columns = T5 / T6 / T7 | [`ROW_SUM`], [`APPROPRIATION_SPLIT`] |
    //! | 5, 13 | basic expenditure by economic nature (T8, F6) = by function (T5, F5 基本支出) | [`BASIC_ECONOMIC`] |
    //! | 6, 14 | "三公" 合计 = 出国 + 车 + 接待; 车 = 购置 + 运行 | [`ROW_SUM`] |
    //! | 7 (H) | 机关运行经费 ≈ T8 公用经费 | [`RUNNING_COSTS`] |
    //! | 8 (H) | social-insurance 款 of T8 = their 项 in T5 | [`SOCIAL_INSURANCE_MIRROR`] |
    //! | 9 (H) | T2 = T3 per code | [`INCOME_EXPENDITURE_MIRROR`] |
    //! | 10, 12 | F1 / F4 totals: 总计 = 本年 + 结转结余 on each side, both sides equal | [`SUMMARY_BALANCE`] |
    //! | 15 | all-funds table ≥ appropriation table, row by row (T3 ≥ T5, F3 ≥ F5) | [`SCOPE`] |
    //! | 16 | figures quoted in the narrative = their table | [`NARRATIVE`] |
    //!
    //! An identity whose tables are not all in the document is **not checked** (a missing table is no
    //! evidence of anything), nor one over blank cells only. Structure: [`DUPLICATE_ROW`],
    //! [`MISSING_PARENT`], [`SUBTOTAL_AS_LEAF`]; granularity (细化程度): [`GRANULARITY`]. Where the
    //! library cannot decide: [`WHOLE_YUAN_ROUNDING`], [`UNKNOWN_COLUMN`], [`UNKNOWN_LINE`].
    family! { "tables";
        /// 合计 = 基本支出 + 项目支出 (+ 上缴上级支出 + 经营支出 + 对附属单位补助支出 in 支出决算表);
        /// 合计 = 人员经费 + 公用经费; 合计 = Σ funding or book columns (收入表, 财政拨款收支总表);
        /// "三公" 合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费 and 车 小计 = 购置费 +
        /// 运行费. A difference within the rounding of figures printed to whole 元 is
        /// [`WHOLE_YUAN_ROUNDING`] instead; a row whose table prints columns the form does not
        /// name is [`UNKNOWN_COLUMN`].
        ROW_SUM = "row_sum", error,
            "fiscal.md §2.3 identities 2, 3, 4, 5, 6, 11, 14",
            "行的合计列不等于各分项列之和",
            "a row's total column is not the sum of its part columns";
        /// A 类 or 款 row is not the sum of the rows under it (the classification tree of the
        /// 政府收支分类科目).
        PARENT_SUM = "parent_sum", error,
            "财政部《政府收支分类科目》; fiscal.md §2.3 identities 2 and 5",
            "类或款行不等于其下级行之和",
            "a 类 or 款 row is not the sum of the rows under it";
        /// A total row — 合计, 本年收入合计, 本年支出合计, or 人员经费合计 + 公用经费合计 — is not
        /// the sum of the lines it totals (Σ 类 = 合计), or a balance row (年初 / 年末财政拨款结转和
        /// 结余) is not the sum of the book rows printed under it (the F4 layout of fiscal.md §2.2:
        /// balances "by budget type"). A difference within the rounding of figures printed to
        /// whole 元 is [`WHOLE_YUAN_ROUNDING`] instead.
        TOTAL_SUM = "total_sum", error,
            "fiscal.md §2.3 identities 2, 5, 13; §2.2 (F4)",
            "合计行不等于其所合计各行之和",
            "a total or balance row is not the sum of the lines it totals";
        /// 收入总计 ≠ 支出总计, or a side's 总计 ≠ its lines (budget: Σ income lines, Σ 类;
        /// final: 本年收入合计, 使用非财政拨款结余 and 年初结转和结余; 本年支出合计, 结余分配 and
        /// 年末结转和结余).
        SUMMARY_BALANCE = "summary_balance", error,
            "fiscal.md §2.3 identities 1, 10 (GBC D-001 / GJ-001) and 12",
            "总表收支不平衡，或一方总计不等于其各行之和",
            "a summary table does not balance, or a side's total is not the sum of its lines";
        /// A 类 line or the 支出总计 of the budget summary table (T1) differs from the 支出预算总表
        /// (T3); likewise a 类 line or the 本年支出合计 of the 收入支出决算总表 (F1) against the
        /// 支出决算表 (F3) (the F1 expenditure side is F3 by 类, fiscal.md §2.2). A line printed by
        /// name without a code (一、教育支出) is the 类 its name names
        /// ([`TableRow::class_code`](crate::tables::TableRow::class_code)).
        SUMMARY_DETAIL = "summary_detail", error,
            "fiscal.md §2.3 identity 1",
            "总表的类级支出或支出总计与支出总表不符",
            "a 类 line or the expenditure total of the summary table differs from the expenditure table";
        /// The 合计 of the income table (T2) differs from the 收入总计 of the summary table (T1).
        INCOME_TOTAL = "income_total", error,
            "fiscal.md §2.3 identity 3",
            "收入总表合计与收支总表收入总计不符",
            "the income table's total differs from the summary table's income total";
        /// A book column of the 财政拨款收支预算总表 (T4) — its 支出总计 or a line it prints (类 by
        /// code or by name, or 款 / 项 where it prints them) — differs from that book's functional
        /// table (T5 一般公共预算, T6 政府性基金, T7 国有资本经营); likewise the 一般公共预算 column
        /// of the 财政拨款收入支出决算总表 (F4: 本年支出合计 and each 类) against F5. Only codes T4
        /// prints or T5's top rows are compared, each on the row that prints it; the income side's
        /// book lines and balance rows (上年结转) are never compared with T5.
        APPROPRIATION_SPLIT = "appropriation_split", error,
            "fiscal.md §2.3 identity 4",
            "财政拨款收支总表的分预算列与该预算的功能分类表不符",
            "a book column of the appropriation summary differs from that book's functional table";
        /// Basic expenditure broken down by economic nature (T8 合计; F6 人员经费合计 + 公用经费合计)
        /// differs from the 基本支出 合计 of the functional table (T5, F5).
        BASIC_ECONOMIC = "basic_economic", error,
            "fiscal.md §2.3 identities 5 and 13 (GBC D-006)",
            "基本支出按经济分类合计与按功能分类的基本支出合计不符",
            "basic expenditure by economic nature differs from basic expenditure by function";
        /// 机关运行经费 of the "三公" table (万元) is not the 公用经费 合计 of T8 (元) rounded to 0.01
        /// 万元. Holds when every unit is 行政 / 参公, fails by design when 事业单位 are included.
        RUNNING_COSTS = "running_costs", warning,
            "fiscal.md §2.3 identity 7 (heuristic)",
            "机关运行经费与基本支出表公用经费合计不符",
            "running costs differ from the public-expenditure total of the basic-expenditure table";
        /// A social-insurance 款 of T8 differs from its functional 项 in T5 (30108 = 2080505,
        /// 30109 = 2080506, 30110 = 2101101 + 2101102, 30113 = 2210201).
        SOCIAL_INSURANCE_MIRROR = "social_insurance_mirror", warning,
            "fiscal.md §2.3 identity 8 (heuristic)",
            "社会保险缴费的经济分类款与对应功能分类项不符",
            "a social-insurance economic 款 differs from its functional 项";
        /// Income (T2) and expenditure (T3) differ at a functional code; they match when no
        /// carry-over is shown.
        INCOME_EXPENDITURE_MIRROR = "income_expenditure_mirror", warning,
            "fiscal.md §2.3 identity 9 (GBC CMM-004, heuristic)",
            "同一科目的收入与支出不符",
            "income and expenditure differ at a functional code";
        /// The all-funds table is smaller than the appropriation table at a row (T3 < T5, F3 <
        /// F5). All funds include the appropriations, so ≥ is the rule — equality only when there
        /// is no non-appropriation money.
        SCOPE = "scope", error,
            "fiscal.md §2.3 identity 15",
            "全口径支出小于财政拨款支出",
            "the all-funds table is smaller than the appropriation table at a row";
        /// A figure quoted in the narrative (情况说明) differs from its table beyond the rounding of
        /// the two printed figures, or names a row the table lacks.
        NARRATIVE = "narrative", error,
            "fiscal.md §2.3 identity 16 (GBC rules/v3_3.yaml)",
            "情况说明中的数字与表格不符",
            "a figure quoted in the narrative differs from its table";
        /// A code or total label is printed twice in one table, so one of the rows would be
        /// counted twice. Each code of 财政部《政府收支分类科目》 names one 类, 款 or 项, its parent
        /// is its prefix (fiscal.md §1.2, §0 point 2), and the table layouts of fiscal.md
        /// §2.1–2.2 print each subject once. The book rows the 财政拨款收入支出决算总表 prints under
        /// 年初 / 年末财政拨款结转和结余 (its balances "by budget type", §2.2) break the balance
        /// down and are not duplicates of the income lines; the 总计 printed on each side of a
        /// summary table are two rows (收入总计 and 支出总计, [`RowSide`](crate::tables::RowSide)).
        DUPLICATE_ROW = "duplicate_row", error,
            "财政部《政府收支分类科目》; fiscal.md §1.2, §2.1–2.2",
            "同一科目或合计行在表中出现两次",
            "a code or total label is printed twice in one table";
        /// A table that prints subtotal rows lacks the 类 or 款 row of some of its rows (e.g. 项
        /// 2080505 without 款 20805). Reported once per missing code, with the sum of the rows
        /// under it as expected and no actual: 类/款/项 = 3/5/7 digits, parent = prefix, and a
        /// table that prints subtotals prints every level above its rows.
        MISSING_PARENT = "missing_parent", error,
            "财政部《政府收支分类科目》; fiscal.md §1.2, §2.1–2.2",
            "表中缺少某些行的上级类或款",
            "a table that prints subtotals lacks the 类 or 款 row above some rows";
        /// A row printed as an item equals the subtotal of its siblings and the parent row, so
        /// adding the items counts that money twice.
        SUBTOTAL_AS_LEAF = "subtotal_as_leaf", error,
            "the OpenSpending double-counting failure (openspending/openspending#1454); fiscal.md §3.1",
            "作为明细列示的行等于其同级之和与上级行，重复计算",
            "a row printed as an item is a subtotal, so adding the items counts it twice";
        /// A detailed row stops above the level the table must reach (细化程度): functional
        /// tables to 项 (7 digits), the basic-expenditure economic table to 款 (5 digits).
        /// 预算法 art. 46 — "本级一般公共预算支出，按其功能分类应当编列到项；按其经济性质分类，
        /// 基本支出应当编列到款" — which the seed article reports applied to departmental budgets
        /// (quoted from the Budget Law as amended in 2018; not in the project's fiscal reference).
        /// On the disclosure side the source is 财政部《地方预决算公开操作规程》(财预〔2016〕143号)
        /// \[K\]: the fiscal reference (§1.1) says the seed's levels of detail match it, as domain
        /// knowledge not confirmed. A warning: art. 46 governs the budget draft, and its extension
        /// to departmental tables rests on that unconsulted document. Expected and actual are digit
        /// counts (7 and 5, say).
        GRANULARITY = "granularity", warning,
            "预算法 2018 art. 46; 财预〔2016〕143号 (K: domain knowledge, fiscal.md §1.1)",
            "明细行未细化到表格应达到的级次",
            "a detailed row stops above the level the table must reach";
        /// An expenditure line of a summary table (收支总表, 财政拨款收支总表) printed by name
        /// without a code whose name is not the name of a functional 类 of 财政部《政府收支分类科目》
        /// in any catalogue year ([`functional_class_by_name`](crate::catalog::functional_class_by_name)),
        /// so it cannot be compared with the 类 rows of the detail tables; or an income line whose
        /// label is none the library knows. A side with such a line holding a figure is not summed
        /// in that column (its total cannot be decided). Information only: the line may be a local
        /// heading or a misprint.
        UNKNOWN_LINE = "unknown_line", info,
            "fiscal.md §2.3 identities 1 and 4",
            "总表中有无法识别的行，相关合计未核对",
            "a summary-table line the library does not know, so its side's total is not checked";
        /// A row's total was not checked because the table prints a figure in a column the form
        /// does not name (单位预留机动经费, 会议费, 培训费, a "三公" 小计 …), which may or may not be
        /// part of 合计: what the total sums cannot be decided, so no [`ROW_SUM`] is claimed.
        UNKNOWN_COLUMN = "unknown_column", info,
            "fiscal.md §2.3 identities 2, 5, 6 (the columns the forms name)",
            "表中有未识别的列，不能确定合计的构成，该行合计未核对",
            "a row's total is not checked: the table has columns not recognised";
        /// A total differs from the sum of its parts ([`ROW_SUM`], [`TOTAL_SUM`]) by no more than
        /// the rounding of figures printed to whole 元 in a table that prints 分: each such figure
        /// may have been rounded by up to 0.5 元, so the difference cannot be told from rounding.
        /// A real 2026 预算表一 prints 79,189,400.34 against 12,604,173 + 1,744,680 + 64,840,547.
        WHOLE_YUAN_ROUNDING = "whole_yuan_rounding", info,
            "fiscal.md §2.3 (tolerance of printed figures)",
            "合计与各分项之和的差额不超过取整到元的分项舍入，无法判定为错误",
            "a sum differs by no more than the rounding of figures printed to whole 元";
    }
}

pub mod document {
    //! Document recognition (`document.*`): tables or cells that could not be read (missing
    //! tables: [`completeness`](super::completeness)).
    family! { "document";
        /// A table was recognised (by title or header shape) but its rows could not be read into
        /// the checked layout — a code of the wrong scheme, a heading printed twice, a row without
        /// code or label. The table is kept as printed and not checked; the finding names the page
        /// and the reason. (Recognition never guesses.)
        UNREAD_TABLE = "unread_table", info,
            "fiscal.md §2.4 (format quirks)",
            "表格已识别但未能读取，未检查",
            "a recognised table could not be read into the checked layout and is not checked";
        /// A cell in an amount column does not read as an amount (`12.3.4`, text in a figure
        /// column). It is kept blank — never taken as zero — and named here.
        UNREAD_CELL = "unread_cell", info,
            "blank is not zero (DESIGN.md)",
            "金额列中的单元格不是数字，按空白处理",
            "a cell in an amount column is not an amount and is kept blank";
        /// A second table of a kind already recognised in the same document (a unit budget inside
        /// a department budget, a repeated table). Only the first is checked against the others;
        /// the second is kept as printed.
        DUPLICATE_TABLE = "duplicate_table", info,
            "fiscal.md §2.1–2.2 (one table of each kind)",
            "同类表格出现不止一次，只检查第一张",
            "a second table of a kind already recognised; only the first is checked";
        /// The printed title names a table of the other phase (a budget table title in a final
        /// account, or the reverse). The table is kept unchecked rather than guessed.
        AMBIGUOUS_KIND = "ambiguous_kind", info,
            "fiscal.md §2.1–2.2 (budget and final-account titles)",
            "表格标题属于另一阶段的表格，未检查",
            "the title names a table of the other phase; kept unchecked";
        /// A table prints figures under a note saying it is empty (本表为空表) — a template
        /// sentence left in place. The figures are read and checked; the note is reported, not
        /// trusted (empty tables are printed with an explaining sentence, so the sentence and the
        /// figures contradict each other).
        EMPTY_NOTE_WITH_FIGURES = "empty_note_with_figures", info,
            "fiscal.md §2.4",
            "表格印有数字，但说明称本表为空",
            "a table prints figures under a note saying it is empty";
        /// A column of a recognised table is kept as printed but not read — a second code column
        /// (政府预算经济分类 5xxxx printed between the name and the amounts). Never dropped
        /// silently: the finding names it; no check involves it.
        UNREAD_COLUMN = "unread_column", info,
            "fiscal.md §2.1–2.2 (the columns of each layout)",
            "表格中的一列按原样保留，未读取",
            "a column of a recognised table is kept as printed, not read";
    }
}

pub mod disclosure {
    //! Disclosure deadline checks (`disclosure.*`: 主动公开, 双公示, withdrawal), made by
    //! [`Deadline::check`](crate::disclosure::Deadline::check).
    family! { "disclosure";
        /// Information that must be proactively disclosed was published more than 20 working
        /// days after it was formed or changed, or is still unpublished after that.
        PROACTIVE_LATE = "proactive_late", error,
            "政府信息公开条例 2019 art. 26",
            "主动公开超过20个工作日",
            "proactive disclosure more than 20 working days after the information was formed";
        /// A licensing or penalty decision was put online more than 7 working days after it was
        /// made (双公示), or is still not online after that.
        PUBLICITY_LATE = "publicity_late", error,
            "国办发〔2015〕51号, item (十八)",
            "双公示超过7个工作日",
            "a licensing or penalty decision put online more than 7 working days after it was made";
        /// A published penalty decision that was changed, revoked, found unlawful or void was
        /// withdrawn more than 3 working days later, or is still online after that.
        WITHDRAWAL_LATE = "withdrawal_late", error,
            "行政处罚法 2021 arts. 48 and 85",
            "变更、撤销的处罚决定超过3个工作日未撤回",
            "a changed or revoked penalty decision withdrawn more than 3 working days later";
    }
}

pub mod request {
    //! Request checks (`request.*`, 依申请公开), made by
    //! [`DisclosureRequest::findings`](crate::DisclosureRequest::findings).
    family! { "request";
        /// A request still unanswered after its due date — 20 working days from receipt (or from
        /// receipt of the corrected application), plus any approved extension, not counting
        /// consultation time.
        OVERDUE = "overdue", error,
            "政府信息公开条例 2019 arts. 30, 33",
            "申请逾期未答复",
            "a request still unanswered after its due date";
        /// A request answered after its due date.
        ANSWERED_LATE = "answered_late", error,
            "政府信息公开条例 2019 arts. 30, 33",
            "申请逾期答复",
            "a request answered after its due date";
        /// A consultation still open after the consulted party's 15 working days to reply. A
        /// third party must reply within 15 working days of receiving the consultation letter
        /// and, if it does not, the organ decides itself (art. 32); another organ consulted on
        /// co-produced information must reply within 15 working days and its silence counts as
        /// consent to disclose (视为同意公开, art. 34). Consultation time is not counted in the
        /// answer period (art. 33 ¶3), so a consultation that is never ended would keep the
        /// request open with no other signal.
        CONSULTATION_REPLY_OVERDUE = "consultation_reply_overdue", warning,
            "政府信息公开条例 2019 arts. 32, 33 ¶3, 34",
            "征求意见超过15个工作日仍未结束",
            "a consultation still open after the consulted party's 15 working days to reply";
    }
}

pub mod power {
    //! Power-list checks (`power.*`), made by [`PowerList::check`](crate::PowerList::check).
    family! { "power";
        /// An item gives no legal basis (设定依据 blank or `无`). A power list sets out each
        /// administrative power with its basis (依据) — the 2015 guideline of the General Offices
        /// of the CPC Central Committee and the State Council on power lists
        /// (关于推行地方各级政府工作部门权力清单制度的指导意见; disclosure.md §4.1) — and 设定依据 is
        /// a field of every item in GB/T 39046—2020 Table 4.
        MISSING_BASIS = "missing_basis", error,
            "2015 power-list guideline (disclosure.md §4.1); GB/T 39046—2020 Table 4",
            "事项没有设定依据",
            "an item gives no legal basis";
        /// Part of a legal-basis cell is not a citation of the form 《title》第N条第N款第N项 (or
        /// names a provision that does not exist, such as 第零条), so the basis cannot be checked
        /// against the law; the basis must identify the provision.
        CITATION_UNPARSED = "citation_unparsed", warning,
            "GB/T 39046—2020 Table 4 (设定依据)",
            "设定依据中有部分不能解析为法规条款",
            "part of a legal-basis cell is not a citation of a provision";
        /// Two items share an implementation code (实施编码), or — when they have none — a basic
        /// code (基本编码): the basic code is the unique id of an item in the catalogue, the
        /// implementation code its unique id in the implementation list.
        DUPLICATE_CODE = "duplicate_code", error,
            "GB/T 39046—2020 Table 4",
            "两个事项编码相同",
            "two items share an implementation (or basic) code";
        /// The promised time limit (承诺办结时限) is longer than the statutory one (法定办结时限):
        /// a promise is a commitment within the statutory limit, which binds. Limits in different
        /// units are compared only where the answer does not depend on the calendar (n working
        /// days always span at least n calendar days).
        PROMISED_EXCEEDS_STATUTORY = "promised_exceeds_statutory", error,
            "GB/T 39046—2020 Table 4",
            "承诺办结时限长于法定办结时限",
            "the promised time limit is longer than the statutory one";
        /// An item charges a fee (是否收费 = 是) but names no fee basis (收费依据); administrative
        /// fees, their basis and rates must be proactively disclosed.
        FEE_WITHOUT_BASIS = "fee_without_basis", error,
            "GB/T 39046—2020 Table 4; 政府信息公开条例 2019 art. 20(8)",
            "收费事项没有收费依据",
            "an item charges a fee but names no fee basis";
        /// A licensing (行政许可) or penalty (行政处罚) item lists no responsibility items
        /// (责任事项). A power list states each power's corresponding responsibilities (对应的责任;
        /// 2015 power-list guideline, disclosure.md §4.1), and the standard responsibility chains
        /// of licensing (受理 → 审查 → 决定 → 送达 → 事后监管) and penalty (立案 → 调查取证 → 审理 →
        /// 告知 → 决定 → 送达 → 执行) are disclosure.md §4.3 (d).
        MISSING_RESPONSIBILITY = "missing_responsibility", error,
            "2015 power-list guideline; disclosure.md §4.1, §4.3 (d)",
            "许可或处罚事项没有责任事项",
            "a licensing or penalty item lists no responsibility items";
        /// The implementing body's unified social credit code (实施主体代码) is not 18 characters
        /// of the code alphabet with a matching check character; GB/T 39046—2020 Table 4 codes the
        /// implementing body by it.
        INVALID_CREDIT_CODE = "invalid_credit_code", error,
            "GB 32100—2015; GB/T 39046—2020 Table 4",
            "实施主体统一社会信用代码无效",
            "the implementing body's unified social credit code is invalid";
        /// An integrity-risk point (廉政风险点) graded 高 has no prevention and control measures
        /// (防控措施). Each risk point is attached to a step with its manifestation, grade,
        /// controls and responsible person (practice of the 廉政风险等级 schemes, confidence M; no
        /// national standard exists).
        HIGH_RISK_WITHOUT_CONTROLS = "high_risk_without_controls", error,
            "廉政风险等级 practice (disclosure.md §4.6, confidence M)",
            "高等级廉政风险点没有防控措施",
            "a high integrity-risk point has no control measures";
        /// The item's category (权力分类) is a local label with no code in GB/T 39046—2020 Table
        /// A.1 (e.g. 非行政许可审批, 行政监督, 行政审批); it is kept as written.
        LOCAL_CATEGORY = "local_category", warning,
            "GB/T 39046—2020 Table A.1; disclosure.md §4.2",
            "权力分类是地方标签，国家标准中没有对应代码",
            "the item's category is a local label with no national code";
    }
}

pub mod input {
    //! Readers (`input.*`): fields read under lenient CSV quoting.
    family! { "input";
        /// A CSV field read under [`Quoting::Lenient`](crate::input::Quoting::Lenient) that strict
        /// reading would have refused (text after a closing quote, a quote inside an unquoted
        /// field), naming the line, the column, the text as written and as read.
        RELAXED_QUOTING = "relaxed_quoting", warning,
            "RFC 4180 (quoting); the caller's Quoting::Lenient",
            "按宽松引号规则读取的字段，严格读取会拒绝",
            "a CSV field that strict quoting would have refused was read leniently";
    }
}

pub mod report {
    //! Annual-report checks (`report.*`, 政府信息公开工作年度报告).
    family! { "report";
        /// In a column of Table 3, 一 (new requests) + 二 (carried over from last year) ≠ （七）总计
        /// (handled) + 四 (carried forward): the top-left cell of Table 3 says "（本列数据的勾稽关系为：
        /// 第一项加第二项之和，等于第三项加第四项之和）", the same table as in the trial format of
        /// 国办公开办函〔2019〕60号 (disclosure.md §2.4). The finding sits on row 四, expected = 一 +
        /// 二 − （七）.
        COLUMN_IDENTITY = "column_identity", error,
            "国办公开办函〔2021〕30号 Table 3 (and 〔2019〕60号)",
            "本列第一项加第二项之和不等于第三项加第四项之和",
            "in a column of Table 3, new + carried over ≠ handled + carried forward";
        /// In a column of Table 3, （七）总计 ≠ the sum of the result rows （一） to （六） with all
        /// their sub-rows: every request handled is counted under exactly one result — "区分处理的，
        /// 只计这一情形，不计其他情形" — and （七）总计 closes the block 三、本年度办理结果.
        OUTCOME_TOTAL = "outcome_total", error,
            "国办公开办函〔2021〕30号 Table 3 (and 〔2019〕60号)",
            "（七）总计不等于各项办理结果之和",
            "in a column of Table 3, the total handled is not the sum of the results";
        /// In a row of Table 3, 总计 ≠ 自然人 + the five columns of 法人或其他组织 (商业企业,
        /// 科研机构, 社会公益组织, 法律服务机构, 其他); the layout has no organisation subtotal.
        ROW_TOTAL = "row_total", error,
            "国办公开办函〔2021〕30号 Table 3 (and 〔2019〕60号)",
            "总计不等于自然人与法人或其他组织各列之和",
            "in a row of Table 3, the total is not the sum of the applicant columns";
        /// In a block of Table 4 (行政复议, 未经复议直接起诉, 复议后起诉), 总计 ≠ 结果维持 + 结果纠正 +
        /// 其他结果 + 尚未审结. Table 4 reports the reconsideration and litigation of
        /// 政府信息公开条例 2019 art. 50(3).
        REVIEW_TOTAL = "review_total", error,
            "国办公开办函〔2021〕30号 Table 4 (and 〔2019〕60号)",
            "总计不等于结果维持、结果纠正、其他结果、尚未审结之和",
            "in a block of Table 4, the total is not the sum of the results";
        /// In Table 2 (2021 format), 现行有效件数 of rules or normative documents ≠ last year's
        /// 现行有效件数 + 本年制发件数 − 本年废止件数 (the cross-year check of public checkers,
        /// disclosure.md §2.3). A warning: documents with a fixed period of validity lapse without
        /// being repealed.
        VALID_CARRY = "valid_carry", warning,
            "国办公开办函〔2021〕30号 Table 2, art. 20(1) block; disclosure.md §2.3",
            "现行有效件数不等于上年现行有效件数加本年制发件数减本年废止件数",
            "valid documents ≠ last year's valid + issued − repealed";
        /// A negative number in a cell that counts documents, decisions, requests or cases, or
        /// holds fees collected (every cell except 2019's 本年增/减): the cells of Tables 2–4 are
        /// counts (件数, 数量) and amounts collected.
        NEGATIVE_COUNT = "negative_count", error,
            "国办公开办函〔2021〕30号 and 〔2019〕60号, Tables 2–4",
            "数量为负数",
            "a negative number in a cell that counts";
        /// A cell of a published table is blank. Blank is not zero: the identities that need the
        /// cell are not checked; every cell of Tables 2–4 asks for a figure.
        BLANK_CELL = "blank_cell", warning,
            "国办公开办函〔2021〕30号 and 〔2019〕60号, Tables 2–4",
            "单元格为空（空白不等于零），相关勾稽关系未检查",
            "a cell is blank (blank is not zero); identities that need it are not checked";
        /// In pre-2019 statistics the requests by channel add up to more than 申请总数 (or, when
        /// all six channels are given, not to it): the statistics forms issued under the 2007
        /// regulations count 申请总数 and "其中" 当面, 传真, 电子邮件, 网上, 信函, 其他形式.
        LEGACY_CHANNEL_SUM = "legacy_channel_sum", error,
            "statistics forms under the 2007 regulations (disclosure.md §2.7)",
            "各渠道申请数之和与申请总数不符",
            "requests by channel do not add up to the total requests";
        /// More cases corrected (纠错) than cases, for reconsideration (行政复议) or litigation
        /// (行政诉讼): 纠错 counts a subset of the cases (结果纠正 of Table 4 in the 2021 format).
        LEGACY_CORRECTED = "legacy_corrected", error,
            "statistics forms under the 2007 regulations (disclosure.md §2.7)",
            "纠错案件数大于案件总数",
            "more cases corrected than cases";
    }
}

pub mod completeness {
    //! Completeness (`completeness.*`): the tables a budget or final account must print, the
    //! sections of an annual report, the columns of a power list, the contents list against the
    //! body. A table printed empty with a sentence saying why (本表为空表, 本表无数据 …) is present.
    family! { "completeness";
        /// A table of the document's standard set is not printed, while the document names its
        /// kind and prints all but at most two of the set — so a reader can confirm the gap. The
        /// nine tables of a departmental budget (fiscal.md §2.1) and final account (§2.2); a table
        /// with nothing to report is printed empty with a sentence saying why.
        MISSING_TABLE = "missing_table", warning,
            "财政部《关于进一步做好预算信息公开工作的指导意见》(财预〔2016〕143号); 部门决算模板 2024 (fiscal.md §2.1–2.2)",
            "未印出标准公开表格中的一张",
            "a table of the standard set is not printed";
        /// The contents list (目录) names a table the body does not print: the document itself
        /// promises it.
        CONTENTS_TABLE = "contents_table", warning,
            "财预〔2016〕143号 (fiscal.md §2.1–2.2); the document's own contents list",
            "目录列出的表格正文中未印出",
            "the contents list names a table the body does not print";
        /// Tables absent from a document whose completeness cannot be judged: an excerpt (it
        /// prints fewer than all but two of its set), a document that does not say what it is, a
        /// table its year's or its template's set may not hold (国有资本经营预算 before 2021: the
        /// 2016 operating rules' minimum was eight tables; the four-table template of the
        /// universities under the Ministry of Education). One finding lists them with the reason.
        MISSING_UNSURE = "missing_unsure", info,
            "财预〔2016〕143号 (fiscal.md §2.1 'the national minimum … was eight tables')",
            "未印出的表格，但无法判定文件是否应当完整",
            "tables not printed in a document whose completeness cannot be judged";
        /// A standard table is printed with no figure at all and no sentence saying why it is
        /// empty: the template asks empty tables to keep their layout and carry an explanatory
        /// note (fiscal.md §2.2, 表八/表九).
        EMPTY_UNEXPLAINED = "empty_unexplained", warning,
            "部门决算模板 2024 (fiscal.md §2.2: empty tables carry an explanatory note); fiscal.md §0.5",
            "空表未说明原因",
            "a table is printed empty without a sentence saying why";
        /// An annual report (2021 format) lacks one of its six sections (一、总体情况 … 六、其他需要报告的事项),
        /// recognised by their headings' words whatever the numbering.
        ANNUAL_SECTION = "annual_section", warning,
            "国办公开办函〔2021〕30号 (年度报告格式, disclosure.md §2.2)",
            "年度报告缺少格式规定的部分",
            "an annual report lacks a section of the 2021 format";
        /// A power list lacks a column every template asks for: 事项名称, 权力类型 (事项类型) or
        /// 设定依据 (实施依据), under any of their common local names.
        POWER_COLUMN = "power_column", warning,
            "GB/T 39046—2020 Table 4 (事项名称, 事项类型, 设定依据); disclosure.md §4.3",
            "权责清单缺少必备列",
            "a power list lacks a required column";
    }
}

pub mod identity {
    //! Identities across tables and documents (`identity.*`): 收支总表 人员经费 / 公用经费 against
    //! the basic-expenditure table, this year's 年初结转和结余 against last year's final account,
    //! a final account's 预算数 against the budget of the same year. Documents are compared only
    //! like with like (same department and scope, matching years, units converted); otherwise an
    //! info says why not.
    family! { "identity";
        /// A budget's 收支总表 (表一) prints 人员经费 / 公用经费 totals that differ from the
        /// 一般公共预算基本支出经济分类预算表 (表八) 合计 while all its income is general public
        /// budget appropriation (so both tables cover the same money). A warning: where a line of
        /// 302 / 303 counts as 人员 or 公用 is not fixed (fiscal.md §1.7), and a real document
        /// (上海市普陀区司法局 2026 单位预算) moves 101,200 元 between the two in 表一.
        PERSONNEL_PUBLIC = "personnel_public", warning,
            "fiscal.md §2.1 (表一, 表八) and §2.3 identity 5",
            "收支总表的人员经费或公用经费与基本支出经济分类表合计不符",
            "表一's 人员经费 / 公用经费 differ from 表八's totals";
        /// A final account's 年初结转和结余 differs from the 年末结转和结余 of the previous
        /// year's final account of the same department: usually an identity; an adjustment of the
        /// opening balance should be explained.
        CARRY_OVER = "carry_over", warning,
            "部门决算模板 2024 收入支出决算总表 (fiscal.md §2.2, §2.3 identity 10)",
            "年初结转和结余与上年决算的年末结转和结余不符",
            "the opening balance differs from last year's final closing balance";
        /// A budget's 上年结转 (an estimate made before last year's accounts closed) differs from
        /// the 年末结转和结余 of last year's final account.
        CARRY_OVER_ESTIMATE = "carry_over_estimate", info,
            "fiscal.md §2.1 (budget tables), §2.2 (收入支出决算总表)",
            "预算的上年结转与上年决算的年末结转和结余不同（预算时为预计数）",
            "a budget's carry-over estimate differs from last year's final closing balance";
        /// A final account's "三公" 预算数 differs from the "三公" budget printed in the budget of the
        /// same year and department (the final's 预算数 may include in-year adjustments).
        BUDGET_COLUMN = "budget_column", warning,
            "部门决算模板 2024 表七 (预算数 / 决算数) and the budget's 表九 (fiscal.md §2.1–2.2)",
            "决算的“三公”经费预算数与同年部门预算不符",
            "a final account's 三公 预算数 differs from the same year's budget";
        /// Two documents given to compare are not comparable (another department or scope, years
        /// that do not follow, a kind that does not fit, a figure not printed): not compared, and
        /// the reason said.
        NOT_COMPARED = "not_compared", info,
            "like with like (fiscal.md §0, §4.3)",
            "两份文件不可比，未比较",
            "two documents given are not comparable and were not compared";
    }
}

pub mod catalogue {
    //! Checks of printed 科目 against the catalogue of the document's year (`catalogue.*`):
    //! the names and codes printed in a document's tables against 财政部《政府收支分类科目》 of
    //! that year as embedded (`core/data/classification/SOURCE.md`). The embedded catalogue is
    //! read off real documents and is complete for no year, so what it does not list is at most
    //! an info.
    family! { "catalogue";
        /// The name printed beside a code is the name another code has in that year's
        /// catalogue, and no accepted variant of the code's own name (e.g. `30202 咨询费`, where
        /// 30202 is 印刷费 and 咨询费 is 30203). A warning: the catalogue is read off documents,
        /// and a unit may print its own numbering.
        NAME_OF_OTHER_CODE = "name_of_other_code", warning,
            "财政部《政府收支分类科目》 of the document's year (e.g. 《2024年政府收支分类科目》)",
            "科目名称是该年度科目表中另一科目的名称",
            "the printed name is another code's name in that year's catalogue";
        /// The printed name differs from the code's name in that year's catalogue, beyond the
        /// accepted variants (whitespace, line breaks, full-width forms, Kangxi radicals, a
        /// trailing 支出, a name cut where it wrapped, a short form keeping the characters in
        /// order) — or it is the code's name of another year (renamed).
        NAME_MISMATCH = "name_mismatch", info,
            "财政部《政府收支分类科目》 of the document's year",
            "科目名称与该年度科目表中的名称不一致",
            "the printed name differs from the code's name in that year's catalogue";
        /// The code is not listed in the catalogue of that year, which is incomplete at the
        /// code's level: it may exist all the same.
        UNLISTED_CODE = "unlisted_code", info,
            "财政部《政府收支分类科目》 of the document's year",
            "科目编码不在该年度（不完整的）科目表中",
            "the code is not listed in that year's (incomplete) catalogue";
        /// The code does not exist in that year: the year's catalogue is complete at the code's
        /// level (declared with `Catalog::set_complete` from a whole official edition) and does
        /// not list it.
        NOT_IN_YEAR = "not_in_year", error,
            "财政部《政府收支分类科目》 of the document's year",
            "科目编码在该年度科目表中不存在",
            "the code does not exist in that year's catalogue";
        /// The code is out of force in the document's year by a known change of the catalogue:
        /// retired in or before that year, or added after it (e.g. 22006 耕地保护考核奖惩基金支出,
        /// added in 2024, printed in a 2023 document).
        CODE_NOT_IN_FORCE = "code_not_in_force", warning,
            "财政部关于对2024年政府收支分类科目进行个别增补的通知 (2024-03-29) and the editions of each year",
            "科目在该年度已停用或尚未设立",
            "the code was retired, or not yet added, in that year";
    }
}

pub mod narrative {
    //! Checks of the explanation text of a budget or final account (`narrative.*`), made by
    //! [`narrative::check`](crate::narrative::check) inside
    //! [`Document::from_source`](crate::Document::from_source). Every finding quotes the
    //! sentence (`printed`) and gives its page. Rounding is never an error (a share may be off by
    //! the nudge that makes the parts add up to 100 %, a 元 figure may be quoted rounded to 万元);
    //! a sentence that does not say clearly which line it quotes is not checked.
    family! { "narrative";
        /// A figure of the explanation differs from the table line it names (a summary item such
        /// as 收入总计, 财政拨款收入, 基本支出, or a 科目 named 类/款/项), beyond the rounding of both.
        VALUE = "value", error,
            "财政部 部门预算/部门决算公开模板: 情况说明 quotes the tables (fiscal.md §2.2, §2.3 identity 16); 财预〔2016〕143号",
            "情况说明中的金额与表格不符",
            "a figure of the explanation differs from the table line it names";
        /// A figure is quoted with the wrong unit word: the number fits its table only in the
        /// other unit (元 for 万元 or the reverse).
        UNIT = "unit", error,
            "财政部 部门预算/部门决算公开模板 (金额单位; fiscal.md §0 point 4)",
            "情况说明中金额的单位写错（元/万元）",
            "a figure is quoted with the wrong unit word (元 for 万元 or the reverse)";
        /// A share (占X%) differs from the figure divided by the whole it is a part of by more
        /// than the rounding and the one-digit nudge that makes the parts add up to 100 %.
        SHARE = "share", error,
            "财政部 部门决算公开模板 (收入/支出决算总体情况说明; fiscal.md §2.2, §2.3 identity 16)",
            "情况说明中的占比与数字不符",
            "a share differs from the figure divided by its whole";
        /// 增加/减少 and 增长/下降 of one comparison go opposite ways (增加…下降).
        DIRECTION = "direction", error,
            "财政部 部门预算/部门决算公开模板 (比上年增减情况说明)",
            "增减金额与增减幅度的方向相反",
            "the amount and the rate of one comparison go opposite ways";
        /// A growth rate does not follow from the figure and its change (the previous figure is
        /// the figure minus the increase), beyond the rounding of all three (a rate cut off
        /// within one unit of its last digit is [`RATE_TRUNCATED`], not this).
        RATE = "rate", error,
            "财政部 部门预算/部门决算公开模板 (比上年增减情况说明)",
            "增减幅度与金额不符",
            "a growth rate does not follow from the figure and its change";
        /// A growth rate (or a final account's completion rate, 完成年初预算的X%) is the figures'
        /// rate cut off rather than rounded, by less than one unit of its last printed digit
        /// (10.15 % where the figures give 10.158 %): not correctly rounded, but a matter of
        /// rounding method, so an info — never an error.
        RATE_TRUNCATED = "rate_truncated", info,
            "财政部 部门预算/部门决算公开模板 (比上年增减情况说明); rounding to the printed precision",
            "增减幅度或完成率为截尾而非四舍五入（相差不足末位一个单位）",
            "a growth or completion rate is cut off rather than rounded (by less than one unit of its last digit)";
        /// A year printed as 本年 or 上年 is not the document's year (or the one before), or a
        /// comparison "比YYYY年" names a year not before the document's.
        YEAR = "year", error,
            "财政部 部门预算/部门决算公开模板 (本年/上年 = 预算/决算年度)",
            "本年/上年所指年度与文件年度不符",
            "本年 or 上年 names a year that is not the document's (or the previous)";
        /// A placeholder is left in the text (XX, ××, 某某, ＊＊).
        PLACEHOLDER = "placeholder", error,
            "财政部 部门预算/部门决算公开模板 (placeholders to be filled in)",
            "情况说明中留有占位符（XX、××、某某）",
            "a placeholder is left in the text (XX, ××, 某某)";
        /// A template alternative is left unchosen (下降（增长）, 增加（减少）) or a rate lacks its
        /// % sign.
        TEMPLATE = "template", error,
            "财政部 部门预算/部门决算公开模板 (alternatives to be chosen)",
            "情况说明中留有模板选项或增减幅度缺少百分号",
            "a template alternative is left unchosen or a rate lacks its % sign";
        /// A template alternative is left unchosen where every figure it governs is 0
        /// ("与上年相比增加(减少)0万元，增长(减少)0%", 江苏省人大常委会 2019 部门预算 p.9): the
        /// template's words are left, but with nothing to choose between the text is not wrong —
        /// an info, not a [`TEMPLATE`] error.
        TEMPLATE_ZERO = "template_zero", info,
            "财政部 部门预算/部门决算公开模板 (alternatives to be chosen)",
            "模板选项未选定，但所述增减为0",
            "a template alternative is left unchosen where the change it describes is 0";
        /// The text says a line is 0 or that there is none (没有/无 政府性基金预算…), but its table
        /// prints an amount.
        ZERO = "zero", error,
            "财政部 部门预算/部门决算公开模板 (空表说明; fiscal.md §0 point 5)",
            "文中称为0或没有，表中却有金额",
            "the text says a line is 0 or absent, but its table prints an amount";
        /// A final account's completion rate (完成年初预算的X%, 为年初预算的X%) differs from its
        /// 决算 divided by the budget it names (printed beside it, or the 预算数 of the 三公 table),
        /// beyond the rounding of all three (a rate cut off within one unit of its last digit is
        /// [`RATE_TRUNCATED`], not this).
        BUDGET_COMPLETION = "budget_completion", error,
            "财政部 部门决算公开模板 (一般公共预算财政拨款支出决算具体情况; “三公”经费支出决算情况说明)",
            "决算完成预算的比例与决算数、预算数不符",
            "a completion rate (完成年初预算的X%) differs from the 决算 divided by its budget";
        /// A final account says 决算数大于/小于/持平 预算数 (or 与年初预算相比增加/减少, with its
        /// amount) where its 决算 and the budget it names go the other way or differ by another
        /// amount (持平 allows 1 % of the budget, 基本持平 5 %).
        BUDGET_COMPARISON = "budget_comparison", error,
            "财政部 部门决算公开模板 (决算数与预算数对比及原因说明)",
            "决算数与预算数的大小比较与数字不符",
            "决算数大于/小于/持平 预算数 contradicts the final and budget figures";
        /// A completion rate or comparison names one budget (年初预算) but fits only the other one
        /// printed beside it (全年预算/调整预算), e.g. when the 年初预算 is 0: the wording is loose,
        /// the figures agree — an info, never an error.
        BUDGET_BASIS = "budget_basis", info,
            "财政部 部门决算公开模板 (年初预算数、调整预算数与决算数)",
            "完成率或比较所称的预算（年初/全年）与所用的预算不一致",
            "a completion rate or comparison names the 年初 budget but fits the 全年/调整 one";
    }
}

pub mod guide {
    //! Checks of a disclosure guide (`guide.*`, 政府信息公开指南), made by
    //! [`DisclosureGuide::check`](crate::disclosure::guide::DisclosureGuide::check): one rule per
    //! element art. 12 ¶1 requires. A warning when the element is nowhere in the text (the
    //! detection reads labels and patterns, so a guide that says it in unusual words may be
    //! flagged); an info where the text is ambiguous.
    family! { "guide";
        /// The guide does not say how the information is classified (分类).
        MISSING_CLASSIFICATION = "missing_classification", warning,
            "政府信息公开条例 2019 art. 12 ¶1 (分类)",
            "指南未载明政府信息的分类",
            "the guide does not say how the information is classified";
        /// The guide does not describe the arrangement system (编排体系) of the catalogue.
        MISSING_ARRANGEMENT = "missing_arrangement", warning,
            "政府信息公开条例 2019 art. 12 ¶1 (编排体系)",
            "指南未载明政府信息的编排体系",
            "the guide does not describe the arrangement system";
        /// The guide does not say how to obtain the information (获取方式).
        MISSING_ACCESS = "missing_access", warning,
            "政府信息公开条例 2019 art. 12 ¶1 (获取方式)",
            "指南未载明政府信息的获取方式",
            "the guide does not say how to obtain the information";
        /// The guide does not name the disclosure office (政府信息公开工作机构的名称).
        MISSING_OFFICE_NAME = "missing_office_name", warning,
            "政府信息公开条例 2019 art. 12 ¶1 (工作机构的名称)",
            "指南未载明政府信息公开工作机构的名称",
            "the guide does not name the disclosure office";
        /// The guide gives no office address (办公地址).
        MISSING_ADDRESS = "missing_address", warning,
            "政府信息公开条例 2019 art. 12 ¶1 (办公地址)",
            "指南未载明办公地址",
            "the guide gives no office address";
        /// The guide gives no office hours (办公时间).
        MISSING_HOURS = "missing_hours", warning,
            "政府信息公开条例 2019 art. 12 ¶1 (办公时间)",
            "指南未载明办公时间",
            "the guide gives no office hours";
        /// The guide gives no telephone number (联系电话).
        MISSING_PHONE = "missing_phone", warning,
            "政府信息公开条例 2019 art. 12 ¶1 (联系电话)",
            "指南未载明联系电话",
            "the guide gives no telephone number";
        /// The guide gives no fax number (传真号码).
        MISSING_FAX = "missing_fax", warning,
            "政府信息公开条例 2019 art. 12 ¶1 (传真号码)",
            "指南未载明传真号码",
            "the guide gives no fax number";
        /// The guide gives no internet contact (互联网联系方式: e-mail or website).
        MISSING_INTERNET = "missing_internet", warning,
            "政府信息公开条例 2019 art. 12 ¶1 (互联网联系方式)",
            "指南未载明互联网联系方式（电子邮箱或网址）",
            "the guide gives no internet contact (e-mail or website)";
        /// An element is named but its value is missing or unclear (a label with nothing after
        /// it, a fax that is the phone line): not counted as missing, said as an info.
        AMBIGUOUS = "ambiguous", info,
            "政府信息公开条例 2019 art. 12 ¶1",
            "指南中某项内容有标签但内容不明确",
            "an element is labelled but its value is missing or unclear";
    }
}

pub mod key_area {
    //! Checks of a catalogue against a key-area checklist (`key_area.*`, 重点领域信息公开), made
    //! by [`Checklist::check`](crate::disclosure::key_area::Checklist::check). Matching an entry
    //! to an item reads the item's keywords, a heuristic: findings are warnings at most.
    family! { "key_area";
        /// No entry or published fact of the year matches an item the organ must publish.
        MISSING = "missing", warning,
            "the item's citation in the checklist (e.g. 财预〔2016〕143号, 国办发〔2017〕97号)",
            "重点领域应公开事项在该年度没有公开记录",
            "no entry of the year matches an item the organ must publish";
        /// An item was published after its period (working or calendar days after it was
        /// formed or approved, or a fixed date).
        LATE = "late", warning,
            "the item's citation in the checklist",
            "重点领域事项公开超过规定时限",
            "an item was published after its period";
        /// An entry matches several items, or an item's match lacks the dates needed to check
        /// its period: not decided.
        AMBIGUOUS = "ambiguous", info,
            "keyword matching of the checklist (docs/key-areas.md)",
            "条目与多个事项匹配或缺少日期，未判断",
            "an entry matches several items or lacks the dates to check: not decided";
        /// An item's period could not be verified in a published source: its timeliness is not
        /// checked.
        UNVERIFIED_PERIOD = "unverified_period", info,
            "the checklist's `verified: false` items",
            "事项的公开时限未经核实，未检查是否逾期",
            "an item's period is not verified: timeliness not checked";
    }
}

pub mod interpretation {
    //! Checks of policy interpretations (`interpretation.*`, 政策解读), made by
    //! [`interpretation::check`](crate::disclosure::interpretation::check).
    family! { "interpretation";
        /// A policy document that must be interpreted has no interpretation.
        MISSING = "missing", warning,
            "国办发〔2016〕80号 二(一): 政策性文件与解读方案、解读材料同步组织、同步审签、同步部署",
            "政策文件没有解读",
            "a policy document has no interpretation";
        /// The interpretation was published later than the policy plus the period in force
        /// (national default: the same day).
        LATE = "late", warning,
            "国办发〔2016〕80号 二(一) (同步); local rules may allow N working days",
            "政策解读晚于规定时限发布",
            "an interpretation published after the period in force";
        /// The policy or its interpretation has no publication date: timeliness not checked.
        UNDATED = "undated", info,
            "国办发〔2016〕80号 二(一)",
            "政策文件或解读缺少发布日期，未检查时限",
            "the policy or its interpretation has no publication date";
        /// Two or more policies and not one interpretation in the catalogue given: portals often
        /// list interpretations in a column of their own, so a missing interpretation cannot be
        /// told from a listing that leaves them out. Said once, as an info, instead of one
        /// `missing` per policy.
        NONE_LISTED = "none_listed", info,
            "国办发〔2016〕80号 二(一)",
            "目录未列出任何政策解读，未逐件检查",
            "the catalogue lists no interpretation at all: policies not checked one by one";
    }
}

pub mod scoring {
    //! Transparency scoring (`scoring.*`, 政务公开评估): what an index could not score from the
    //! evidence given, made by [`Scheme::score`](crate::scoring::Scheme::score). A finding never
    //! changes a weight; the indicator it names scores 0 and the explanation says why.
    family! { "scoring";
        /// An indicator's evaluator had nothing to read: no document of the kind and year it
        /// needs, no recorded manual score, no catalogue entries, or extra findings of a family
        /// the evidence does not say was checked. The indicator scores 0 — evidence not supplied
        /// is not evidence of non-disclosure, so a warning, never an error.
        MISSING_EVIDENCE = "missing_evidence", warning,
            "the scheme's own indicator (docs/scoring.md); 政府信息公开条例 2019 art. 46 (考核、社会评议)",
            "指标缺少评分依据，按0分计",
            "an indicator has no evidence to score from and scores 0";
        /// A recorded manual score lies outside 0 … the indicator's maximum (or names no
        /// indicator of the scheme). It is not clamped: the indicator scores 0 and the finding
        /// shows the value.
        MANUAL_OUT_OF_RANGE = "manual_out_of_range", error,
            "the scheme's own indicator maxima (docs/scoring.md)",
            "人工评分超出该指标分值范围",
            "a manual score lies outside 0 … the indicator's maximum";
    }
}

pub mod directory {
    //! Checks of a disclosure catalogue (`directory.*`, 政府信息公开目录, 政府信息公开条例 2019
    //! art. 12), made by
    //! [`DisclosureCatalogue::check`](crate::disclosure::catalogue::DisclosureCatalogue::check):
    //! timeliness (art. 26), the categories an organ level must cover (arts. 20, 21), index
    //! numbers (索引号).
    family! { "directory";
        /// An entry was published more than 20 working days after the date printed as formed
        /// (生成日期/成文日期), on the embedded working-day calendar. Items formed before the
        /// Regulations first took effect (2008-05-01) are not checked.
        LATE = "late", error,
            "政府信息公开条例 2019 art. 26 (2007 text art. 18, in force 2008-05-01)",
            "目录条目发布日期晚于生成日期20个工作日以上",
            "an entry was published more than 20 working days after it was formed";
        /// An entry's timeliness was not checked: a date is blank, it was formed before the
        /// Regulations took effect (2008-05-01), or its year is not covered by the working-day
        /// calendar. Never guessed.
        DATE_UNCHECKED = "date_unchecked", info,
            "政府信息公开条例 2019 art. 26",
            "目录条目缺少日期或日期超出工作日历范围，未检查时效",
            "an entry's timeliness was not checked (a date is blank or not covered by the calendar)";
        /// An entry's publication date is before the date printed as formed.
        PUBLISHED_BEFORE_FORMED = "published_before_formed", warning,
            "政府信息公开条例 2019 art. 12 (生成日期)",
            "目录条目发布日期早于生成日期",
            "an entry's publication date is before its formation date";
        /// A category the organ must cover (art. 20 items that apply to it, art. 21 items of its
        /// level, as set in the check options) has no entry dated in a year.
        MISSING_CATEGORY = "missing_category", warning,
            "政府信息公开条例 2019 arts. 20, 21",
            "目录某年度缺少应主动公开类别的条目",
            "a category the organ must cover has no entry in a year";
        /// A category has had no new entry for more than a year before the check date.
        STALE_CATEGORY = "stale_category", warning,
            "政府信息公开条例 2019 arts. 20, 21, 26",
            "目录某类别超过一年未更新",
            "a category has had no new entry for more than a year";
        /// Two entries of one catalogue carry the same index number.
        DUPLICATE_INDEX = "duplicate_index", error,
            "政府信息公开条例 2019 art. 12 (索引); 国务院办公厅秘书局《政府信息公开目录系统实施指引（试行）》(2008)",
            "目录中索引号重复",
            "two entries carry the same index number";
        /// An index number's front part has a wrong check character (GB 32100—2015 for a unified
        /// social credit code, GB 11714—1997 for an organization code).
        BAD_CHECK_CHARACTER = "bad_check_character", error,
            "GB 32100—2015; GB 11714—1997",
            "索引号前段码（统一社会信用代码/组织机构代码）校验码错误",
            "the organ code of an index number has a wrong check character";
        /// The year of an index number differs from the year the entry was formed (or, without
        /// that date, published): portals number some items by the year they were entered.
        INDEX_YEAR_MISMATCH = "index_year_mismatch", info,
            "国务院办公厅秘书局《政府信息公开目录系统实施指引（试行）》(2008): 后段码 = year + serial",
            "索引号年份与生成日期年份不一致",
            "the year of an index number differs from the entry's year";
        /// Entries whose category could not be told from their subject classification or title
        /// (counted in one finding).
        UNCATEGORISED = "uncategorised", info,
            "政府信息公开条例 2019 arts. 20, 21; core/data/directory/topics.csv",
            "部分目录条目无法归入条例第二十、二十一条的类别",
            "entries whose category could not be told from their subject or title";
        /// An entry has no index number.
        NO_INDEX = "no_index", info,
            "政府信息公开条例 2019 art. 12 (索引)",
            "目录条目没有索引号",
            "an entry has no index number";
    }
}

/// The families, in the order [`all`] lists them.
const FAMILIES: &[&[Rule]] = &[
    budget::ALL,
    catalog::ALL,
    tables::ALL,
    document::ALL,
    special_fund::ALL,
    disclosure::ALL,
    request::ALL,
    power::ALL,
    report::ALL,
    input::ALL,
    completeness::ALL,
    identity::ALL,
    catalogue::ALL,
    narrative::ALL,
    guide::ALL,
    key_area::ALL,
    interpretation::ALL,
    scoring::ALL,
    directory::ALL,
];

/// Every rule of the library, family by family.
///
/// ```
/// let ids: Vec<&str> = sunlit::rules::all().map(|r| r.id).collect();
/// assert!(ids.contains(&"power.duplicate_code"));
/// assert_eq!(ids.len(), ids.iter().collect::<std::collections::BTreeSet<_>>().len()); // unique
/// ```
pub fn all() -> impl Iterator<Item = &'static Rule> {
    FAMILIES.iter().flat_map(|f| f.iter())
}

/// The rule with this id, if the library has one.
///
/// ```
/// use sunlit::{Severity, rules};
/// assert_eq!(rules::by_id("request.overdue").map(|r| r.severity), Some(Severity::Error));
/// assert_eq!(rules::by_id("request.nope"), None);
/// ```
pub fn by_id(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id == id)
}

/// The registry as Markdown: one table per family (id, severity, summary in English and Chinese,
/// source). This is `docs/rules.md`; a test fails when the committed file differs.
///
/// ```
/// let md = sunlit::rules::to_markdown();
/// assert!(md.starts_with("# Rules"));
/// assert!(md.contains("| `tables.row_sum` | error |"));
/// ```
pub fn to_markdown() -> String {
    let cell = |s: &str| s.replace('|', "\\|");
    let mut out = String::from(
        "# Rules\n\n\
         <!-- Generated from the rule registry (core/src/rules.rs) by `sunlit::rules::to_markdown`; \
         do not edit. Regenerate: SUNLIT_BLESS=1 cargo test -p sunlit --lib rules:: -->\n\n\
         Every check of sunlit, declared once in `sunlit::rules`. Each finding carries its rule's \
         id and severity: *error* for an identity or legal requirement that is broken, *warning* \
         for a heuristic that usually holds, *info* where the library declined to decide. Filter \
         findings by id or by family (`tables.`). From Python: `sunlit.rules()`; from Kotlin: \
         `rules()`.\n",
    );
    let total: usize = FAMILIES.iter().map(|f| f.len()).sum();
    out.push_str(&format!(
        "\n{total} rules in {} families.\n",
        FAMILIES.len()
    ));
    for family in FAMILIES {
        let Some(first) = family.first() else {
            continue;
        };
        out.push_str(&format!(
            "\n## {}\n\n| rule | severity | finds | 说明 | source |\n| --- | --- | --- | --- | --- |\n",
            first.family
        ));
        for r in family.iter() {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                r.id,
                r.severity,
                cell(r.summary_en),
                cell(r.summary_zh),
                cell(r.citation)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_named_by_their_family() {
        let mut seen = std::collections::BTreeSet::new();
        for r in all() {
            assert!(seen.insert(r.id), "{} declared twice", r.id);
            let (family, name) = r.id.split_once('.').unwrap_or_default();
            assert_eq!(family, r.family, "{}", r.id);
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                r.id
            );
            for text in [r.citation, r.summary_zh, r.summary_en] {
                assert!(!text.trim().is_empty(), "{}", r.id);
            }
        }
        assert_eq!(seen.len(), 121);
    }

    #[test]
    fn every_family_lists_one_family() {
        for family in FAMILIES {
            let first = family.first().map(|r| r.family);
            assert!(family.iter().all(|r| Some(r.family) == first));
        }
    }

    #[test]
    fn by_id_finds_every_rule_and_nothing_else() {
        for r in all() {
            assert_eq!(by_id(r.id), Some(r));
        }
        assert_eq!(by_id("tables."), None);
        assert_eq!(by_id(""), None);
    }

    /// No finding is made from a rule declared outside the registry: no other source file of
    /// the core builds a `Rule { id: … }`.
    #[test]
    fn rules_are_declared_only_here() {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    out.push(p);
                }
            }
        }
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        walk(&src, &mut files);
        assert!(files.len() > 20);
        for f in files {
            if f.ends_with("rules.rs") && f.parent() == Some(src.as_path()) {
                continue;
            }
            let text: String = std::fs::read_to_string(&f)
                .unwrap_or_default()
                .split_whitespace()
                .collect();
            assert!(
                !text.contains("Rule{id:"),
                "{} declares a rule",
                f.display()
            );
        }
    }

    /// `docs/rules.md` is what the registry produces. `SUNLIT_BLESS=1` rewrites it.
    #[test]
    fn docs_rules_md_is_generated_from_the_registry() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.md");
        let want = to_markdown();
        if std::env::var_os("SUNLIT_BLESS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap_or(&path)).unwrap_or_default();
            std::fs::write(&path, &want).unwrap_or_default();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "docs/rules.md differs from the registry; regenerate with \
             SUNLIT_BLESS=1 cargo test -p sunlit --lib rules::"
        );
    }
}
