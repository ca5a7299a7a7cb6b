//! One published table as printed: kind, unit, columns, rows, and its CSV and JSON writers (the
//! readers are in `read.rs`).

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::kind::{TableKind, normalize};
use super::read::{header_error, row_code};
use crate::classification::Code;
use crate::error::{Error, Result};
use crate::io::{InputOptions, write_err, write_string};
use crate::money::{Unit, format_amount};
use crate::vocab::vocabulary;

vocabulary! {
    /// What a column of a published table holds, recognised from its printed heading (spaces,
    /// quotes, bracket width and bracketed remarks ignored).
    pub enum TableColumn("column") {
        /// 合计 — the row total (本年支出合计 / 本年收入合计 in final accounts).
        Total = "total", "合计" | "本年支出合计" | "本年收入合计" | "总计";
        /// 基本支出 — basic expenditure.
        Basic = "basic", "基本支出";
        /// 项目支出 — project expenditure.
        Project = "project", "项目支出";
        /// 上缴上级支出 — remittances to the superior unit.
        RemitToSuperior = "remit_to_superior", "上缴上级支出";
        /// 经营支出 — business-operation expenditure.
        BusinessExpenditure = "business_expenditure", "经营支出";
        /// 对附属单位补助支出 — subsidies to affiliated units.
        SubsidyToAffiliates = "subsidy_to_affiliates", "对附属单位补助支出";
        /// 人员经费 — staff costs.
        Personnel = "personnel", "人员经费";
        /// 公用经费 — running costs.
        Public = "public", "公用经费";
        /// 财政拨款收入 — fiscal appropriations (the three books together).
        Appropriation = "appropriation", "财政拨款收入" | "财政拨款";
        /// 一般公共预算 (财政拨款) — general public budget.
        General = "general", "一般公共预算" | "一般公共预算财政拨款" | "一般公共预算财政拨款收入";
        /// 政府性基金预算 (财政拨款) — government-managed funds.
        Fund = "fund", "政府性基金预算" | "政府性基金预算财政拨款" | "政府性基金预算财政拨款收入";
        /// 国有资本经营预算 (财政拨款) — state-capital operations.
        StateCapital = "state_capital", "国有资本经营预算" | "国有资本经营预算财政拨款" | "国有资本经营预算财政拨款收入";
        /// 事业收入 — income from public-service activities.
        OperatingIncome = "operating_income", "事业收入";
        /// 事业单位经营收入 / 经营收入 — business income.
        BusinessIncome = "business_income", "事业单位经营收入" | "经营收入";
        /// 其他收入 — other income.
        OtherIncome = "other_income", "其他收入";
        /// 上级补助收入 — grants from the superior unit.
        SuperiorGrant = "superior_grant", "上级补助收入";
        /// 附属单位上缴收入 — remittances from affiliated units.
        AffiliateRemit = "affiliate_remit", "附属单位上缴收入";
        /// 预算数 — the budget figure.
        Budgeted = "budgeted", "预算数";
        /// 决算数 — the final-account figure.
        Actual = "actual", "决算数";
        /// 金额 — an amount column without further meaning.
        Amount = "amount", "金额";
        /// 因公出国(境)费 — official travel abroad.
        AbroadTravel = "abroad_travel", "因公出国(境)费" | "因公出国（境）费" | "因公出国费";
        /// 公务用车购置及运行(维护)费 小计 — official vehicles, subtotal.
        Vehicles = "vehicles", "公务用车购置及运行费" | "公务用车购置及运行维护费" | "公务用车购置及运行费小计" | "公务用车购置及运行维护费小计" | "小计";
        /// 公务用车购置费 — vehicle purchase.
        VehiclePurchase = "vehicle_purchase", "公务用车购置费" | "购置费";
        /// 公务用车运行(维护)费 — vehicle operation.
        VehicleOperation = "vehicle_operation", "公务用车运行费" | "公务用车运行维护费" | "运行费" | "运行维护费";
        /// 公务接待费 — official reception.
        Reception = "reception", "公务接待费";
        /// 机关运行经费 — running costs of administrative organs.
        RunningCosts = "running_costs", "机关运行经费";
        /// 年初结转和结余 — balance carried in.
        OpeningBalance = "opening_balance", "年初结转和结余" | "年初财政拨款结转和结余";
        /// 本年收入 — income of the year (fund tables).
        CurrentIncome = "current_income", "本年收入";
        /// 年末结转和结余 — balance carried out.
        ClosingBalance = "closing_balance", "年末结转和结余" | "年末财政拨款结转和结余";
        /// 本年支出 — expenditure of the year (fund tables F8 / F9).
        CurrentExpenditure = "current_expenditure", "本年支出";
        /// 非财政拨款 — all non-appropriation income together (事业收入, 经营收入, 其他收入 …).
        NonAppropriation = "non_appropriation", "非财政拨款";
        /// 上年结转 — carry-over from the previous year, as an income column.
        CarriedOver = "carried_over", "上年结转" | "上年结转结余";
        /// 调整预算数 — the adjusted budget figure.
        AdjustedBudget = "adjusted_budget", "调整预算数";
        /// 使用非财政拨款结余 — non-appropriation balances used, as an income column (a part
        /// of 收入合计 like 上年结转; the MoE university 收入预算表).
        UseOfBalance = "use_of_balance", "使用非财政拨款结余";
        /// 其中：… — an "of which" sub-column printed under the column it details (事业收入 /
        /// 其中：教育收费, 项目支出 / 其中：基本建设资金支出): a part of that column, never added
        /// into a row sum with its siblings. Checked down its rows (类 = Σ款) like any column.
        OfWhich = "of_which", "其中";
        /// A column whose heading the library does not recognise, kept as printed and never
        /// checked ([`PublishedTable::new_keeping_unknown`]); never the result of
        /// [`TableColumn::recognise`].
        Other = "other", "其他列";
    }
}

vocabulary! {
    /// The side of a summary table (收支总表, 财政拨款收支总表) a row is printed on: such a table
    /// prints its income lines (收) and its expenditure lines (支) side by side, each closed by its
    /// own 总计 (or 收入总计 / 支出总计). In CSV an optional column `side` (also `收支`) holds
    /// `income` / `收` / `收入` or `expenditure` / `支` / `支出`; in JSON the row key `"side"`.
    /// A summary table read without sides gets them from the printed order: income lines first,
    /// expenditure lines from the first coded or 类 row, 支出-side label or the row after the
    /// income side's 总计.
    pub enum RowSide("row_side") {
        /// 收 — the income side.
        Income = "income", "收入" | "收";
        /// 支 — the expenditure side.
        Expenditure = "expenditure", "支出" | "支";
    }
}

vocabulary! {
    /// The meaning of a row printed without a code (合计, 收入总计, 人员经费合计 …), recognised from
    /// its printed label (enumerators such as 一、 or 1. and bracketed remarks ignored).
    pub enum RowLabel("row_label") {
        /// 合计 — the table total.
        Total = "total", "合计" | "总计";
        /// 收入总计 — total of the income side.
        IncomeTotal = "income_total", "收入总计";
        /// 支出总计 — total of the expenditure side.
        ExpenditureTotal = "expenditure_total", "支出总计";
        /// 本年收入合计 — income of the year.
        CurrentIncome = "current_income", "本年收入合计" | "本年收入";
        /// 本年支出合计 — expenditure of the year.
        CurrentExpenditure = "current_expenditure", "本年支出合计" | "本年支出";
        /// 财政拨款收入 — fiscal appropriations.
        Appropriation = "appropriation", "财政拨款收入" | "财政拨款";
        /// 一般公共预算 (财政拨款收入).
        General = "general", "一般公共预算" | "一般公共预算财政拨款" | "一般公共预算财政拨款收入" | "一般公共预算拨款收入" | "一般公共预算资金" | "一般公共预算拨款";
        /// 政府性基金预算 (财政拨款收入).
        Fund = "fund", "政府性基金预算" | "政府性基金预算财政拨款" | "政府性基金预算财政拨款收入" | "政府性基金预算拨款收入" | "政府性基金" | "政府性基金预算资金";
        /// 国有资本经营预算 (财政拨款收入).
        StateCapital = "state_capital", "国有资本经营预算" | "国有资本经营预算财政拨款" | "国有资本经营预算财政拨款收入" | "国有资本经营预算拨款收入" | "国有资本经营预算资金";
        /// 事业收入.
        OperatingIncome = "operating_income", "事业收入";
        /// 事业单位经营收入 / 经营收入.
        BusinessIncome = "business_income", "事业单位经营收入" | "经营收入";
        /// 其他收入.
        OtherIncome = "other_income", "其他收入";
        /// 上级补助收入.
        SuperiorGrant = "superior_grant", "上级补助收入";
        /// 附属单位上缴收入.
        AffiliateRemit = "affiliate_remit", "附属单位上缴收入";
        /// 使用非财政拨款结余(含专用结余).
        UseOfBalance = "use_of_balance", "使用非财政拨款结余" | "使用非财政拨款结余（含专用结余）";
        /// 年初结转和结余 / 上年结转.
        OpeningBalance = "opening_balance", "年初结转和结余" | "年初财政拨款结转和结余" | "上年结转" | "上年结转结余";
        /// 结余分配.
        Distribution = "distribution", "结余分配";
        /// 年末结转和结余 / 结转下年.
        ClosingBalance = "closing_balance", "年末结转和结余" | "年末财政拨款结转和结余" | "结转下年" | "年末结转";
        /// 人员经费合计.
        PersonnelTotal = "personnel_total", "人员经费合计" | "人员经费";
        /// 公用经费合计.
        PublicTotal = "public_total", "公用经费合计" | "公用经费";
        /// 预算数 (the budget row of a "三公" final-account table).
        Budgeted = "budgeted", "预算数";
        /// 决算数 (the final-account row of a "三公" final-account table).
        Actual = "actual", "决算数";
    }
}

/// Recognise `text` as one of `all` by normalised name, id or alias.
fn recognise<T: Copy>(
    all: &[T],
    text: &str,
    names: impl Fn(T) -> (&'static str, &'static str, &'static [&'static str]),
) -> Option<T> {
    let t = normalize(text);
    if t.is_empty() {
        return None;
    }
    all.iter().copied().find(|v| {
        let (id, zh, aliases) = names(*v);
        id == text.trim() || normalize(zh) == t || aliases.iter().any(|a| normalize(a) == t)
    })
}

impl TableColumn {
    /// Recognise a printed amount-column heading, e.g. `因公出国（境）费`, `本年支出合计` or
    /// `机关运行经费预算数`, through the heading data of [`HeadingRole::recognise`](crate::tables::HeadingRole::recognise)
    /// (every spelling met in real documents, with its source). `None` for an unknown heading
    /// and for headings that are not amount columns (科目编码, 行次 …).
    ///
    /// ```
    /// use sunlit::tables::TableColumn;
    /// assert_eq!(TableColumn::recognise("因公出国（境）费"), Some(TableColumn::AbroadTravel));
    /// assert_eq!(TableColumn::recognise("公务用车购置及运行维护费"), Some(TableColumn::Vehicles));
    /// assert_eq!(TableColumn::recognise("机关运行经费预算数"), Some(TableColumn::RunningCosts));
    /// assert_eq!(TableColumn::recognise("行次"), None);
    /// assert_eq!(TableColumn::recognise("基本指出"), None);
    /// ```
    pub fn recognise(heading: &str) -> Option<TableColumn> {
        match super::headers::HeadingRole::recognise(heading) {
            Some(super::headers::HeadingRole::Column(c)) => Some(c),
            _ => None,
        }
    }
}

impl RowLabel {
    /// Recognise a printed row label, e.g. `一、财政拨款收入` or `使用非财政拨款结余（含专用结余）`.
    ///
    /// ```
    /// use sunlit::tables::RowLabel;
    /// assert_eq!(RowLabel::recognise("一、财政拨款收入"), Some(RowLabel::Appropriation));
    /// assert_eq!(RowLabel::recognise("  合 计 "), Some(RowLabel::Total));
    /// assert_eq!(RowLabel::recognise("附注"), None);
    /// ```
    pub fn recognise(label: &str) -> Option<RowLabel> {
        recognise(RowLabel::ALL, label, |c| (c.id(), c.name_zh(), c.aliases()))
    }
}

/// One printed row: a code (whole or from split 类|款|项 columns) or, for total and summary rows,
/// only a label; the name as printed; one cell per column, blank cells absent (not zero).
///
/// ```
/// use sunlit::{Code, tables::TableRow};
/// let row = TableRow { line: 3, code: Some(Code::functional("208").unwrap()),
///                      name: "社会保障和就业支出".into(), cells: vec![None], ..Default::default() };
/// assert_eq!(row.key(), "208");
/// assert_eq!(row.label(), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableRow {
    /// Where the row was read: CSV physical line (header = 1) or 1-based JSON row.
    pub line: u64,
    /// The classification code, if the row has one.
    pub code: Option<Code>,
    /// The name or label as printed.
    pub name: String,
    /// One cell per column of the table; `None` = blank.
    pub cells: Vec<Option<Decimal>>,
    /// The side of a summary table the row is printed on (see [`RowSide`]); `None` outside
    /// summary tables, or when not given (a summary table then infers it from the order).
    pub side: Option<RowSide>,
}

impl TableRow {
    /// The code as digits, or the label as printed: how findings name the row.
    ///
    /// ```
    /// let row = sunlit::tables::TableRow { line: 9, code: None, name: "合计".into(), ..Default::default() };
    /// assert_eq!(row.key(), "合计");
    /// ```
    pub fn key(&self) -> String {
        match self.code {
            Some(c) => c.to_string(),
            None => self.name.trim().to_owned(),
        }
    }

    /// The meaning of a row without a code (合计, 收入总计 …); `None` for coded rows and for
    /// labels the library does not know. On a side of a summary table, 总计 (or 合计) is that
    /// side's total: [`RowLabel::IncomeTotal`] on the income side, [`RowLabel::ExpenditureTotal`]
    /// on the expenditure side — the two 总计 of a 收支总表 are two different rows.
    ///
    /// ```
    /// use sunlit::tables::{RowLabel, RowSide, TableRow};
    /// let row = TableRow { line: 9, code: None, name: "支出总计".into(), ..Default::default() };
    /// assert_eq!(row.label(), Some(RowLabel::ExpenditureTotal));
    /// let first = TableRow { name: "总计".into(), side: Some(RowSide::Income), ..Default::default() };
    /// let second = TableRow { name: "总计".into(), side: Some(RowSide::Expenditure), ..Default::default() };
    /// assert_eq!((first.label(), second.label()), (Some(RowLabel::IncomeTotal), Some(RowLabel::ExpenditureTotal)));
    /// ```
    pub fn label(&self) -> Option<RowLabel> {
        if self.code.is_some() {
            return None;
        }
        let l = RowLabel::recognise(&self.name)?;
        Some(match (l, self.side) {
            (RowLabel::Total, Some(RowSide::Income)) => RowLabel::IncomeTotal,
            (RowLabel::Total, Some(RowSide::Expenditure)) => RowLabel::ExpenditureTotal,
            _ => l,
        })
    }

    /// The functional 类 a row printed by name without a code stands for (一、一般公共服务支出 →
    /// 201), by [`functional_class_by_name`](crate::catalog::functional_class_by_name) over every catalogue
    /// year; `None` for coded rows, known labels, rows on the income side and other names.
    ///
    /// ```
    /// use sunlit::{Code, tables::TableRow};
    /// let row = TableRow { name: "五、教育支出".into(), ..Default::default() };
    /// assert_eq!(row.class_code(), Some(Code::functional("205").unwrap()));
    /// let total = TableRow { name: "支出总计".into(), ..Default::default() };
    /// assert_eq!(total.class_code(), None);
    /// ```
    pub fn class_code(&self) -> Option<Code> {
        if self.code.is_some() || self.side == Some(RowSide::Income) {
            return None;
        }
        crate::catalog::functional_class_by_name(&self.name, None)
    }

    /// The printed code, else the 类 of a row printed by name ([`TableRow::class_code`]): the code
    /// the checks compare the row under.
    ///
    /// ```
    /// use sunlit::tables::TableRow;
    /// let row = TableRow { name: "一、公共安全支出".into(), ..Default::default() };
    /// assert_eq!(row.effective_code().map(|c| c.to_string()).as_deref(), Some("204"));
    /// ```
    pub fn effective_code(&self) -> Option<Code> {
        self.code.or_else(|| self.class_code())
    }
}

/// How to read a table: its unit (元 unless told) and its kind, given directly or by its title.
/// Without either, [`PublishedTable::read_csv_path`] tries the file name.
///
/// ```
/// use sunlit::{Unit, tables::TableReadOptions};
/// let o = TableReadOptions { unit: Unit::WanYuan, ..Default::default() };
/// assert_eq!(o.kind, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableReadOptions {
    /// The unit the amounts are printed in (单位：元 / 万元).
    pub unit: Unit,
    /// The table's kind, if known.
    pub kind: Option<TableKind>,
    /// The printed title; recognised into a kind when `kind` is not given.
    pub title: Option<String>,
    /// CSV quoting and input limits (strict, default limits). Lenient quoting needs
    /// [`PublishedTable::read_csv_with`], which returns its warnings.
    pub input: InputOptions,
}

/// A published budget or final-account table (公开表格) exactly as printed: kind (one of the
/// eighteen of [`TableKind`], or unknown), title, unit, the column headings as printed and the
/// rows. Subtotal rows (类, 款, 合计) are kept as printed: they are what [`PublishedTable::check`]
/// compares, never something to add.
///
/// CSV layout: a header `code,name,<columns as printed>` (or with split code columns
/// `类,款,项,name,…` — `类,款,name,…` for economic tables), one row per printed row; the total row
/// has an empty code and the name `合计`; summary tables put their labels (收入总计, 一、财政拨款收入 …)
/// in `name` with an empty code; a blank cell stays blank. A summary table may add a `side` column
/// (收 / 支, income / expenditure; see [`RowSide`]) so that 总计 can be printed on both sides.
///
/// ```
/// use sunlit::{PublishedTable, tables::{TableKind, TableReadOptions}};
/// let csv = "code,name,合计,基本支出,项目支出\n\
///            208,社会保障和就业支出,\"6,397,096\",\"6,103,096\",\"294,000\"\n\
///            ,合计,\"6,397,096\",\"6,103,096\",\"294,000\"\n";
/// let t = PublishedTable::read_csv_str(csv, &TableReadOptions {
///     kind: Some(TableKind::BudgetGeneralFunctional), ..Default::default() }).unwrap();
/// assert_eq!(t.rows().len(), 2);
/// assert_eq!(t.columns(), ["合计", "基本支出", "项目支出"]);
/// let bad = "code,name,合计,基本指出\n208,x,1,1\n";
/// assert!(PublishedTable::read_csv_str(bad, &TableReadOptions::default()).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedTable {
    kind: Option<TableKind>,
    pub(super) title: Option<String>,
    unit: Unit,
    columns: Vec<String>,
    roles: Vec<TableColumn>,
    pub(super) rows: Vec<TableRow>,
    /// Whether the rows' sides were given (CSV `side` column, JSON `side`, [`TableRow::side`])
    /// rather than inferred; only given sides are written back.
    sides_given: bool,
}

impl PublishedTable {
    /// Build a table from its parts. Every column heading must be recognised
    /// ([`TableColumn::recognise`]) and appear once; every row must have one cell per column and
    /// either a code or a label; codes must be of the kind's scheme. Errors name the row's line.
    ///
    /// ```
    /// use sunlit::{PublishedTable, Unit, tables::TableRow};
    /// let row = TableRow { line: 2, code: None, name: "合计".into(), cells: vec![None], side: None };
    /// let t = PublishedTable::new(None, Unit::Yuan, vec!["合计".into()], vec![row.clone()]).unwrap();
    /// assert_eq!(t.unit(), Unit::Yuan);
    /// assert!(PublishedTable::new(None, Unit::Yuan, vec!["合计".into(), "合计".into()], vec![]).is_err());
    /// ```
    pub fn new(
        kind: Option<TableKind>,
        unit: Unit,
        columns: Vec<String>,
        rows: Vec<TableRow>,
    ) -> Result<PublishedTable> {
        PublishedTable::build(kind, unit, columns, rows, false)
    }

    /// [`PublishedTable::new`] for a table recognised from a printed document: a heading the
    /// library does not recognise does not refuse the table but is kept, as printed, as a
    /// [`TableColumn::Other`] column — shown, written back, **never checked** (no sum involves
    /// it). Headings that are not amount columns (行次 / 栏次, 科目编码, 科目名称) should be left
    /// out by the caller; kept, they are `Other` too. A known heading printed twice is still an
    /// error (merge the two sides of a summary table into one column set and give rows a
    /// [`RowSide`]).
    ///
    /// ```
    /// use sunlit::{PublishedTable, Unit, tables::{TableColumn, TableRow}};
    /// let row = TableRow { line: 2, name: "合计".into(), cells: vec![Some(5.into()), Some(7.into())], ..Default::default() };
    /// let t = PublishedTable::new_keeping_unknown(None, Unit::Yuan, vec!["合计".into(), "备用金".into()], vec![row]).unwrap();
    /// assert_eq!(t.column_roles(), [TableColumn::Total, TableColumn::Other]);
    /// assert_eq!(t.columns()[1], "备用金");
    /// assert!(PublishedTable::new(None, Unit::Yuan, vec!["合计".into(), "备用金".into()], vec![]).is_err());
    /// assert!(PublishedTable::new_keeping_unknown(None, Unit::Yuan, vec!["合计".into(), "总计".into()], vec![]).is_err());
    /// ```
    pub fn new_keeping_unknown(
        kind: Option<TableKind>,
        unit: Unit,
        columns: Vec<String>,
        rows: Vec<TableRow>,
    ) -> Result<PublishedTable> {
        PublishedTable::build(kind, unit, columns, rows, true)
    }

    fn build(
        kind: Option<TableKind>,
        unit: Unit,
        columns: Vec<String>,
        rows: Vec<TableRow>,
        keep_unknown: bool,
    ) -> Result<PublishedTable> {
        if columns.is_empty() {
            return Err(header_error(
                &columns,
                "",
                "a table needs at least one amount column".to_owned(),
            ));
        }
        let mut roles = Vec::with_capacity(columns.len());
        for c in &columns {
            let role = match TableColumn::recognise(c) {
                Some(r) => r,
                None if keep_unknown => TableColumn::Other,
                None => {
                    return Err(header_error(
                        &columns,
                        c,
                        format!(
                            "unknown column {c:?}; expected a printed heading such as 合计, 基本支出, 项目支出, 人员经费, 公用经费, 预算数, 决算数"
                        ),
                    ));
                }
            };
            if !matches!(role, TableColumn::Other | TableColumn::OfWhich) && roles.contains(&role) {
                return Err(header_error(
                    &columns,
                    c,
                    format!(
                        "column {c:?} means {} like an earlier column",
                        role.name_zh()
                    ),
                ));
            }
            roles.push(role);
        }
        for r in &rows {
            if r.cells.len() != columns.len() {
                return Err(Error::Input {
                    cause: None,
                    line: r.line,
                    column: String::new(),
                    value: r.key(),
                    reason: format!(
                        "the row has {} cells but the table {} columns",
                        r.cells.len(),
                        columns.len()
                    ),
                });
            }
            if r.code.is_none() && r.name.trim().is_empty() {
                return Err(Error::Input {
                    cause: None,
                    line: r.line,
                    column: "name".to_owned(),
                    value: String::new(),
                    reason: "a row needs a code or a label (the total row is named 合计)"
                        .to_owned(),
                });
            }
            if let Some(c) = r.code {
                row_code(&[c.to_string().as_str()], kind).map_err(|e| e.at(r.line, "code"))?;
            }
        }
        let mut t = PublishedTable {
            kind,
            title: None,
            unit,
            columns,
            roles,
            rows,
            sides_given: false,
        };
        t.settle_sides();
        Ok(t)
    }

    /// Record whether sides were given and, for a summary table without them, infer them from
    /// the printed order (see [`RowSide`]).
    pub(super) fn settle_sides(&mut self) {
        self.sides_given = self.rows.iter().any(|r| r.side.is_some());
        let summary = match self.kind {
            Some(k) => k.is_summary(),
            None => self.rows.iter().any(|r| {
                matches!(
                    RowLabel::recognise(&r.name),
                    Some(RowLabel::IncomeTotal | RowLabel::ExpenditureTotal)
                ) && r.code.is_none()
            }),
        };
        if self.sides_given || !summary {
            return;
        }
        let mut side = RowSide::Income;
        let mut income_closed = false;
        for r in &mut self.rows {
            let label = if r.code.is_none() {
                RowLabel::recognise(&r.name)
            } else {
                None
            };
            let expenditure_line = r.code.is_some()
                || matches!(
                    label,
                    Some(
                        RowLabel::ExpenditureTotal
                            | RowLabel::CurrentExpenditure
                            | RowLabel::Distribution
                            | RowLabel::ClosingBalance
                    )
                )
                || (label.is_none()
                    && crate::catalog::functional_class_by_name(&r.name, None).is_some());
            if income_closed || expenditure_line {
                side = RowSide::Expenditure;
            }
            r.side = Some(side);
            if side == RowSide::Income
                && matches!(label, Some(RowLabel::Total | RowLabel::IncomeTotal))
            {
                income_closed = true;
            }
        }
    }

    /// Whether the rows' sides were given rather than inferred from the order.
    ///
    /// ```
    /// use sunlit::{PublishedTable, tables::TableReadOptions};
    /// let t = PublishedTable::read_csv_str("side,code,name,决算数\n收,,总计,5\n支,,总计,5\n", &TableReadOptions::default()).unwrap();
    /// assert!(t.sides_given());
    /// ```
    pub fn sides_given(&self) -> bool {
        self.sides_given
    }

    /// The column that carries the single amount of a row on `side` of a summary table: on the
    /// income side the first of 预算数, 决算数, 金额, 合计 the table prints (a 财政拨款收支总表 may
    /// print 预算数 on its income side and 合计 / 一般公共预算 … on its expenditure side); otherwise
    /// [`PublishedTable::amount_column`].
    ///
    /// ```
    /// use sunlit::{PublishedTable, Unit, tables::RowSide};
    /// let t = PublishedTable::new(None, Unit::Yuan, vec!["预算数".into(), "合计".into(), "一般公共预算".into()], vec![]).unwrap();
    /// assert_eq!(t.side_amount_column(Some(RowSide::Income)), 0);
    /// assert_eq!(t.side_amount_column(Some(RowSide::Expenditure)), 1);
    /// ```
    pub fn side_amount_column(&self, side: Option<RowSide>) -> usize {
        if side != Some(RowSide::Income) {
            return self.amount_column();
        }
        [
            TableColumn::Budgeted,
            TableColumn::Actual,
            TableColumn::Amount,
            TableColumn::Total,
        ]
        .iter()
        .find_map(|r| self.column(*r))
        .unwrap_or(0)
    }

    /// The amount of a row: its cell in [`PublishedTable::side_amount_column`] of its side.
    ///
    /// ```
    /// use sunlit::{PublishedTable, tables::TableReadOptions};
    /// let t = PublishedTable::read_csv_str("code,name,合计\n208,x,5\n", &TableReadOptions::default()).unwrap();
    /// assert_eq!(t.row_amount(&t.rows()[0]).unwrap().to_string(), "5");
    /// ```
    pub fn row_amount(&self, row: &TableRow) -> Option<Decimal> {
        row.cells
            .get(self.side_amount_column(row.side))
            .copied()
            .flatten()
    }

    /// Build a "三公" table printed with 预算数 and 决算数 sub-columns under each item (决算表七, some
    /// 预算表九) from its flattened headings and its one line of figures: each heading is an item and
    /// a figure ([`TableColumn::recognise_with_figure`]: `合计/预算数`, `因公出国（境）费决算数`,
    /// `公务用车购置及运行维护费/小计/预算数` …). The result has the layout the checks know — one
    /// column per item (headed as printed, figure removed), one row per figure named 预算数 /
    /// 决算数 — so the sums are checked separately for each figure (fiscal.md §2.3 identity 14).
    /// An unrecognised heading, a heading without a figure, an item printed twice for one figure,
    /// or a number of values other than the number of headings is an [`Error::Input`] naming the
    /// heading (line 1) or the values (line 2).
    ///
    /// ```
    /// use sunlit::{PublishedTable, Unit, tables::TableKind};
    /// let h: Vec<String> = ["合计/预算数", "合计/决算数", "公务接待费/预算数", "公务接待费/决算数"]
    ///     .iter().map(|s| s.to_string()).collect();
    /// let v = vec![Some("0.95".parse().unwrap()), None, Some("0.95".parse().unwrap()), None];
    /// let t = PublishedTable::from_figure_columns(Some(TableKind::FinalThreePublic), Unit::WanYuan, &h, &v).unwrap();
    /// assert_eq!(t.columns(), ["合计", "公务接待费"]);
    /// assert_eq!(t.rows().len(), 2);
    /// assert_eq!(t.rows()[0].name, "预算数");
    /// assert!(PublishedTable::from_figure_columns(None, Unit::WanYuan, &h[..1], &v).is_err());
    /// ```
    pub fn from_figure_columns(
        kind: Option<TableKind>,
        unit: Unit,
        headings: &[String],
        values: &[Option<Decimal>],
    ) -> Result<PublishedTable> {
        if headings.len() != values.len() {
            return Err(Error::Input {
                cause: None,
                line: 2,
                column: String::new(),
                value: values.len().to_string(),
                reason: format!("{} values for {} headings", values.len(), headings.len()),
            });
        }
        let mut items: Vec<(TableColumn, String)> = Vec::new();
        let mut figures: Vec<TableColumn> = Vec::new();
        let mut cells: Vec<(TableColumn, TableColumn, Option<Decimal>)> = Vec::new();
        for (h, v) in headings.iter().zip(values) {
            let Some((item, Some(figure))) = TableColumn::recognise_with_figure(h) else {
                return Err(header_error(
                    headings,
                    h,
                    format!("{h:?} is not an item of the 三公 table with 预算数 or 决算数"),
                ));
            };
            if cells.iter().any(|(i, f, _)| *i == item && *f == figure) {
                return Err(header_error(
                    headings,
                    h,
                    format!("{} {} is printed twice", item.name_zh(), figure.name_zh()),
                ));
            }
            if !items.iter().any(|(i, _)| *i == item) {
                let printed = h.trim();
                let printed = printed
                    .strip_suffix(figure.name_zh())
                    .unwrap_or(printed)
                    .trim_end_matches(['/', '-', '|', '—', ' ']);
                let printed = printed
                    .rsplit(['/', '|', '—'])
                    .next()
                    .unwrap_or(printed)
                    .trim();
                items.push((item, printed.to_owned()));
            }
            if !figures.contains(&figure) {
                figures.push(figure);
            }
            cells.push((item, figure, *v));
        }
        let rows = figures
            .iter()
            .enumerate()
            .map(|(i, f)| TableRow {
                line: i as u64 + 2,
                code: None,
                name: f.name_zh().to_owned(),
                cells: items
                    .iter()
                    .map(|(item, _)| {
                        cells
                            .iter()
                            .find(|(c, g, _)| c == item && g == f)
                            .and_then(|(_, _, v)| *v)
                    })
                    .collect(),
                side: None,
            })
            .collect();
        let columns = items.into_iter().map(|(_, h)| h).collect();
        PublishedTable::new(kind, unit, columns, rows)
    }

    /// The same table with a printed title (kept as given).
    ///
    /// ```
    /// # use sunlit::{PublishedTable, Unit};
    /// let t = PublishedTable::new(None, Unit::Yuan, vec!["合计".into()], vec![]).unwrap().with_title("表五");
    /// assert_eq!(t.title(), Some("表五"));
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> PublishedTable {
        self.title = Some(title.into());
        self
    }

    /// The table as CSV with the header `code,name,<columns>`; amounts as plain exact digits,
    /// blank cells blank. Reading it back gives an equal table (lines aside).
    ///
    /// ```
    /// use sunlit::{PublishedTable, tables::TableReadOptions};
    /// let csv = "code,name,合计\n208,社会保障和就业支出,6397096\n,合计,6397096\n";
    /// let t = PublishedTable::read_csv_str(csv, &TableReadOptions::default()).unwrap();
    /// assert_eq!(t.to_csv_string().unwrap(), csv);
    /// ```
    pub fn to_csv_string(&self) -> Result<String> {
        write_string(|buf| {
            let mut w = csv::Writer::from_writer(buf);
            let mut header = vec!["code".to_owned(), "name".to_owned()];
            if self.sides_given {
                header.insert(0, "side".to_owned());
            }
            header.extend(self.columns.iter().cloned());
            w.write_record(&header).map_err(write_err)?;
            for r in &self.rows {
                let mut rec = vec![
                    r.code.map(|c| c.to_string()).unwrap_or_default(),
                    r.name.clone(),
                ];
                if self.sides_given {
                    rec.insert(0, r.side.map(RowSide::id).unwrap_or_default().to_owned());
                }
                rec.extend(
                    r.cells
                        .iter()
                        .map(|c| c.map(format_amount).unwrap_or_default()),
                );
                w.write_record(&rec).map_err(write_err)?;
            }
            w.flush().map_err(write_err)
        })
    }

    /// The table as JSON (see [`PublishedTable::from_json`]); amounts are strings, blank cells
    /// null.
    ///
    /// ```
    /// use sunlit::{PublishedTable, tables::TableReadOptions};
    /// let t = PublishedTable::read_csv_str("code,name,合计\n,合计,1.50\n", &TableReadOptions::default()).unwrap();
    /// let again = PublishedTable::from_json(&t.to_json()).unwrap();
    /// assert_eq!(again.rows()[0].cells, t.rows()[0].cells);
    /// ```
    pub fn to_json(&self) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|r| {
                let cells: Map<String, Value> = self
                    .columns
                    .iter()
                    .zip(&r.cells)
                    .map(|(c, v)| {
                        (
                            c.clone(),
                            v.map_or(Value::Null, |d| Value::String(format_amount(d))),
                        )
                    })
                    .collect();
                let mut row = json!({
                    "code": r.code.map(|c| c.to_string()),
                    "name": r.name,
                    "cells": cells,
                });
                if let (true, Some(side), Value::Object(m)) = (self.sides_given, r.side, &mut row) {
                    m.insert("side".to_owned(), Value::String(side.id().to_owned()));
                }
                row
            })
            .collect();
        let v = json!({
            "title": self.title,
            "kind": self.kind.map(TableKind::id),
            "unit": self.unit.symbol(),
            "columns": self.columns,
            "rows": rows,
        });
        serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".to_owned())
    }

    /// The kind, if known.
    ///
    /// ```
    /// # use sunlit::{PublishedTable, Unit};
    /// assert_eq!(PublishedTable::new(None, Unit::Yuan, vec!["合计".into()], vec![]).unwrap().kind(), None);
    /// ```
    pub fn kind(&self) -> Option<TableKind> {
        self.kind
    }

    /// The printed title, if given.
    ///
    /// ```
    /// # use sunlit::{PublishedTable, Unit};
    /// assert_eq!(PublishedTable::new(None, Unit::Yuan, vec!["合计".into()], vec![]).unwrap().title(), None);
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The unit the amounts are printed in.
    ///
    /// ```
    /// # use sunlit::{PublishedTable, Unit};
    /// assert_eq!(PublishedTable::new(None, Unit::WanYuan, vec!["合计".into()], vec![]).unwrap().unit(), Unit::WanYuan);
    /// ```
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The column headings as printed.
    ///
    /// ```
    /// # use sunlit::{PublishedTable, Unit};
    /// assert_eq!(PublishedTable::new(None, Unit::Yuan, vec!["决算数".into()], vec![]).unwrap().columns(), ["决算数"]);
    /// ```
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// What each column holds, in column order.
    ///
    /// ```
    /// # use sunlit::{PublishedTable, Unit, tables::TableColumn};
    /// let t = PublishedTable::new(None, Unit::Yuan, vec!["本年支出合计".into()], vec![]).unwrap();
    /// assert_eq!(t.column_roles(), [TableColumn::Total]);
    /// ```
    pub fn column_roles(&self) -> &[TableColumn] {
        &self.roles
    }

    /// The rows in printed order.
    ///
    /// ```
    /// # use sunlit::{PublishedTable, Unit};
    /// assert!(PublishedTable::new(None, Unit::Yuan, vec!["合计".into()], vec![]).unwrap().rows().is_empty());
    /// ```
    pub fn rows(&self) -> &[TableRow] {
        &self.rows
    }

    /// The index of the column holding `role`, if the table prints it.
    ///
    /// ```
    /// # use sunlit::{PublishedTable, Unit, tables::TableColumn};
    /// let t = PublishedTable::new(None, Unit::Yuan, vec!["合计".into(), "基本支出".into()], vec![]).unwrap();
    /// assert_eq!(t.column(TableColumn::Basic), Some(1));
    /// assert_eq!(t.column(TableColumn::Project), None);
    /// ```
    pub fn column(&self, role: TableColumn) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }

    /// The column that carries a row's single amount: 合计, else 预算数, 决算数 or 金额, else
    /// the first column.
    ///
    /// ```
    /// # use sunlit::{PublishedTable, Unit};
    /// let t = PublishedTable::new(None, Unit::Yuan, vec!["预算数".into()], vec![]).unwrap();
    /// assert_eq!(t.amount_column(), 0);
    /// ```
    pub fn amount_column(&self) -> usize {
        [
            TableColumn::Total,
            TableColumn::Budgeted,
            TableColumn::Actual,
            TableColumn::Amount,
        ]
        .iter()
        .find_map(|r| self.column(*r))
        .unwrap_or(0)
    }

    /// The first row with `code`; failing that, the first row printed by the name of that 类
    /// without a code ([`TableRow::class_code`]: 一、教育支出 for 205).
    ///
    /// ```
    /// use sunlit::{Code, PublishedTable, tables::TableReadOptions};
    /// let t = PublishedTable::read_csv_str("code,name,合计\n208,x,1\n", &TableReadOptions::default()).unwrap();
    /// assert!(t.row_by_code(Code::functional("208").unwrap()).is_some());
    /// assert!(t.row_by_code(Code::functional("210").unwrap()).is_none());
    /// ```
    pub fn row_by_code(&self, code: Code) -> Option<&TableRow> {
        self.rows
            .iter()
            .find(|r| r.code == Some(code))
            .or_else(|| self.rows.iter().find(|r| r.effective_code() == Some(code)))
    }

    /// The first row without a code whose label means `label`.
    ///
    /// ```
    /// use sunlit::{PublishedTable, tables::{RowLabel, TableReadOptions}};
    /// let t = PublishedTable::read_csv_str("code,name,合计\n,合 计,1\n", &TableReadOptions::default()).unwrap();
    /// assert!(t.row_by_label(RowLabel::Total).is_some());
    /// assert!(t.row_by_label(RowLabel::IncomeTotal).is_none());
    /// ```
    pub fn row_by_label(&self, label: RowLabel) -> Option<&TableRow> {
        self.rows.iter().find(|r| r.label() == Some(label))
    }

    /// The cell of `row` in the column holding `role` (`None` when blank or not printed).
    ///
    /// ```
    /// use sunlit::{PublishedTable, tables::{TableColumn, TableReadOptions}};
    /// let t = PublishedTable::read_csv_str("code,name,合计,基本支出\n208,x,5,\n", &TableReadOptions::default()).unwrap();
    /// let row = &t.rows()[0];
    /// assert_eq!(t.cell(row, TableColumn::Total).unwrap().to_string(), "5");
    /// assert_eq!(t.cell(row, TableColumn::Basic), None);
    /// ```
    pub fn cell(&self, row: &TableRow, role: TableColumn) -> Option<Decimal> {
        self.column(role)
            .and_then(|i| row.cells.get(i).copied().flatten())
    }

    /// The code the checks place `row` under: its printed code; in a summary table, or a table
    /// that prints no code at all, the 类 its name names ([`TableRow::class_code`]). In a table
    /// that prints codes, a row without one is not tied by name (it may be a wrapped name's
    /// second line).
    pub(crate) fn row_code(&self, row: &TableRow) -> Option<Code> {
        row.code.or_else(|| {
            (row.side.is_some() || self.rows.iter().all(|r| r.code.is_none()))
                .then(|| row.class_code())
                .flatten()
        })
    }

    /// How findings name the table: its kind's Chinese name, else its title, else `表`.
    pub(crate) fn label(&self) -> String {
        match (self.kind, &self.title) {
            (Some(k), _) => k.name_zh().to_owned(),
            (None, Some(t)) => t.clone(),
            (None, None) => "表".to_owned(),
        }
    }

    pub(crate) fn push_row(&mut self, row: TableRow) {
        self.rows.push(row);
    }
}
