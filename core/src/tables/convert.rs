//! Between the printed layout and the ledger: a table's items become ledger lines (subtotals
//! stay checks), and a ledger is rendered back into the printed layout.

use rust_decimal::{Decimal, RoundingStrategy};

use super::check::{Tree, differs, sum_cells};
use super::kind::TableKind;
use super::table::{PublishedTable, TableColumn, TableRow};
use crate::budget::{
    Book, GroupKey, GroupValue, Ledger, LineItem, Nature, Phase, RollupOptions, Selection,
};
use crate::catalog::Catalog;
use crate::classification::Scheme;
use crate::error::{Error, Result};
use crate::money::{ToleranceOptions, Unit};

/// Options of [`PublishedTable::to_ledger`]: what the table does not say about its lines.
///
/// ```
/// let o = sunlit::tables::TableLedgerOptions { year: 2026, unit: "城管执法局".into(), ..Default::default() };
/// assert!(!o.subtotals);
/// assert_eq!(o.tolerance, sunlit::money::ToleranceOptions::default());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableLedgerOptions {
    /// The budget year.
    pub year: i32,
    /// The department or unit (部门 / 单位) the table belongs to.
    pub unit: String,
    /// The book (四本预算); required for all-funds tables, otherwise taken from the kind.
    pub book: Option<Book>,
    /// The phase; otherwise taken from the kind (预算 / 决算).
    pub phase: Option<Phase>,
    /// Also emit the printed 类 / 款 subtotal rows as lines, for a roll-up with
    /// [`Subtotals::Check`](crate::budget::Subtotals::Check) to compare (never to add); a default roll-up
    /// refuses such a ledger ([`Error::LevelConflict`]).
    pub subtotals: bool,
    /// How far a leaf's printed parts may sit from its printed 合计 (the rounding of the table's
    /// unit, as in [`TableCheckOptions::tolerance`](crate::tables::TableCheckOptions::tolerance)).
    pub tolerance: ToleranceOptions,
}

/// Options of [`PublishedTable::from_ledger`].
///
/// ```
/// let o = sunlit::tables::RenderOptions::default();
/// assert_eq!(o.unit, sunlit::Unit::Yuan);
/// assert_eq!(o.places, None);
/// assert!(!o.skip_other_books); // a line of another book is refused, not dropped
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RenderOptions {
    /// The kind of table to render (its name becomes the title when `title` is not given).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub kind: Option<TableKind>,
    /// The unit to print in.
    pub unit: Unit,
    /// Decimal places each cell is rounded to (half away from zero, cell by cell as printed
    /// tables are); `None`: exact in 元, two places in 万元 and 亿元.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub places: Option<u32>,
    /// The title.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub title: Option<String>,
    /// When the kind is one book's table (一般公共预算 for 预算表五 …): `false` (the default)
    /// refuses a ledger that also holds lines of another book ([`Error::Field`], field `book`);
    /// `true` renders only that book's lines and leaves the others out. Either way a 一般公共预算
    /// table never shows 政府性基金 money.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub skip_other_books: bool,
}

/// The nature a column of a functional expenditure table holds.
fn nature_of(role: TableColumn) -> Option<Nature> {
    match role {
        TableColumn::Basic => Some(Nature::Basic),
        TableColumn::Project => Some(Nature::Project),
        TableColumn::RemitToSuperior => Some(Nature::RemitToSuperior),
        TableColumn::BusinessExpenditure => Some(Nature::Business),
        TableColumn::SubsidyToAffiliates => Some(Nature::SubsidyToAffiliates),
        _ => None,
    }
}

impl PublishedTable {
    /// The table's items as ledger lines: one line per leaf row (a coded row with no printed
    /// row under it) and nature column (基本支出, 项目支出 …) with a printed amount, converted to
    /// 元. Subtotal rows (类, 款 with rows under them) and the 合计 row are **not** turned into
    /// lines — they are what [`PublishedTable::check`] compares — so nothing is added twice. Only
    /// functional expenditure tables with nature columns convert; a leaf whose parts do not add up
    /// to its 合计 beyond the rounding `opts.tolerance` allows is an [`Error::Input`] naming its
    /// line: check the table first.
    ///
    /// ```
    /// use sunlit::{
    ///     PublishedTable, RollupOptions, budget::Subtotals,
    ///     tables::{TableKind, TableLedgerOptions, TableReadOptions},
    /// };
    /// let csv = "code,name,合计,基本支出,项目支出\n\
    ///            208,社会保障和就业支出,6397096,6103096,294000\n\
    ///            20808,抚恤,294000,,294000\n\
    ///            2080801,死亡抚恤,294000,,294000\n\
    ///            20805,行政事业单位养老支出,6103096,6103096,\n\
    ///            2080505,机关事业单位基本养老保险缴费支出,6103096,6103096,\n\
    ///            ,合计,6397096,6103096,294000\n";
    /// let t = PublishedTable::read_csv_str(csv, &TableReadOptions {
    ///     kind: Some(TableKind::BudgetGeneralFunctional), ..Default::default() }).unwrap();
    /// let opts = TableLedgerOptions { year: 2026, unit: "u".into(), ..Default::default() };
    /// let ledger = t.to_ledger(&opts).unwrap();
    /// assert_eq!(ledger.len(), 2); // two leaves, one amount each
    /// let total = ledger.rollup(&RollupOptions::default()).unwrap().total(&[]).unwrap().unwrap();
    /// assert_eq!(total.to_string(), "6397096"); // not 3 × that
    /// // With the printed subtotals as lines, a checking roll-up compares them instead of adding.
    /// let with = t.to_ledger(&TableLedgerOptions { subtotals: true, ..opts.clone() }).unwrap();
    /// let checked = with.rollup(&RollupOptions { subtotals: Subtotals::Check, ..Default::default() }).unwrap();
    /// assert!(checked.findings().is_empty());
    /// assert_eq!(checked.total(&[]).unwrap().unwrap().to_string(), "6397096");
    /// let all_funds = opts;
    /// let t3 = PublishedTable::read_csv_str(csv, &TableReadOptions {
    ///     kind: Some(TableKind::BudgetExpenditure), ..Default::default() }).unwrap();
    /// assert!(t3.to_ledger(&all_funds).is_err()); // an all-funds table needs a book
    /// // In 万元, a leaf 0.02 off its 合计 is refused by default and passes a looser tolerance.
    /// let wan = PublishedTable::read_csv_str("code,name,合计,基本支出,项目支出\n2080505,x,1.02,0.50,0.50\n",
    ///     &TableReadOptions { kind: Some(TableKind::BudgetGeneralFunctional), unit: sunlit::Unit::WanYuan, ..Default::default() }).unwrap();
    /// assert!(wan.to_ledger(&all_funds).is_err());
    /// let loose = sunlit::money::ToleranceOptions { wan_yuan: Some("0.02".parse().unwrap()), ..Default::default() };
    /// assert_eq!(wan.to_ledger(&TableLedgerOptions { tolerance: loose, ..all_funds }).unwrap().len(), 2);
    /// ```
    pub fn to_ledger(&self, opts: &TableLedgerOptions) -> Result<Ledger> {
        let natures = self.ledger_natures()?;
        let (book, phase) = self.ledger_book_and_phase(opts)?;
        let lines = TableLines {
            t: self,
            opts,
            natures,
            book,
            phase,
            total_col: self.column(TableColumn::Total),
        };
        let tree = Tree::of(self);
        let mut ledger = Ledger::new();
        for &i in &tree.rows {
            let Some(row) = self.rows().get(i) else {
                continue;
            };
            let leaf = tree.is_leaf(i);
            if !leaf && !opts.subtotals {
                continue;
            }
            lines.push_row(row, leaf, &mut ledger)?;
        }
        Ok(ledger)
    }

    /// Render a ledger into the printed layout of a functional expenditure table: every 类, 款
    /// and 项 the ledger reaches, in code order, named from `catalog` (blank when the catalogue
    /// lacks the code), with the columns 合计, 基本支出, 项目支出 (and any further nature the ledger
    /// holds), and the 合计 row last. Amounts are converted from 元 and, in 万元, rounded cell by
    /// cell as printed tables are. A printed table is one unit's, one year's, one phase's: the
    /// ledger must hold one unit, year and phase ([`Error::MixedDimension`] naming the dimension
    /// otherwise — select first with [`Ledger::select`]). When the kind is one book's table
    /// (一般公共预算 for 预算表五, 政府性基金 for 预算表六 …) a line of another book is refused
    /// ([`Error::Field`], field `book`), or left out with
    /// [`RenderOptions::skip_other_books`]; all-funds tables (预算表三, 支出决算表) and tables of
    /// no kind take every book.
    ///
    /// ```
    /// use sunlit::{
    ///     Catalog, Error, Ledger, PublishedTable, Unit,
    ///     tables::{RenderOptions, TableKind},
    /// };
    /// let ledger = Ledger::read_csv_str("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2120104,,basic,,22783399\n2026,general,budget,u,2120104,,project,,10992193\n").unwrap();
    /// let t = PublishedTable::from_ledger(&ledger, Catalog::seed(), &RenderOptions {
    ///     kind: Some(TableKind::BudgetGeneralFunctional), unit: Unit::WanYuan, ..Default::default() }).unwrap();
    /// let csv = t.to_csv_string().unwrap();
    /// assert!(csv.starts_with("code,name,合计,基本支出,项目支出\n212,城乡社区支出,3377.56,2278.34,1099.22\n"));
    /// assert!(csv.ends_with(",合计,3377.56,2278.34,1099.22\n"));
    ///
    /// // 政府性基金 money and another unit's lines never slip into a 一般公共预算 table.
    /// let mixed = Ledger::read_csv_str("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2120104,,basic,,100\n2026,fund,budget,u,2120104,,project,,50\n").unwrap();
    /// let t5 = RenderOptions { kind: Some(TableKind::BudgetGeneralFunctional), ..Default::default() };
    /// assert!(matches!(PublishedTable::from_ledger(&mixed, Catalog::seed(), &t5),
    ///     Err(Error::Field { field, ref value, .. }) if field == "book" && value == "fund"));
    /// let only = PublishedTable::from_ledger(&mixed, Catalog::seed(),
    ///     &RenderOptions { skip_other_books: true, ..t5.clone() }).unwrap();
    /// assert!(only.to_csv_string().unwrap().ends_with(",合计,100,100,\n"));
    /// let two = Ledger::read_csv_str("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2120104,,basic,,100\n2026,general,budget,v,2120104,,basic,,7\n").unwrap();
    /// assert!(matches!(PublishedTable::from_ledger(&two, Catalog::seed(), &t5),
    ///     Err(Error::MixedDimension { ref dimension, .. }) if dimension == "unit"));
    /// ```
    pub fn from_ledger(
        ledger: &Ledger,
        catalog: &Catalog,
        opts: &RenderOptions,
    ) -> Result<PublishedTable> {
        if opts
            .kind
            .is_some_and(|k| k.scheme() != Some(Scheme::Functional) || k.is_summary())
        {
            return Err(Error::value(
                "kind",
                opts.kind.map(TableKind::id).unwrap_or_default(),
                "a ledger renders into a functional expenditure table",
            ));
        }
        let ledger = book_of_kind(ledger, opts)?;
        let ledger: &Ledger = &ledger;
        let units = ledger.distinct(GroupKey::Unit);
        if units.len() > 1 {
            return Err(Error::MixedDimension {
                dimension: "unit".to_owned(),
                values: units.iter().map(GroupValue::text).collect(),
            });
        }
        let table = render_table(ledger, catalog, opts)?;
        let title = opts
            .title
            .clone()
            .or_else(|| opts.kind.map(|k| k.name_zh().to_owned()));
        Ok(match title {
            Some(t) => table.with_title(t),
            None => table,
        })
    }
}

/// The steps of [`PublishedTable::to_ledger`] and [`PublishedTable::from_ledger`].
impl PublishedTable {
    /// The columns that become ledger natures (基本支出, 项目支出 …), with their nature; an error
    /// for a table that is not a functional expenditure table or has no such column.
    fn ledger_natures(&self) -> Result<Vec<(usize, Nature)>> {
        if self
            .kind()
            .is_some_and(|k| k.scheme() != Some(Scheme::Functional) || k.is_summary())
        {
            return Err(Error::value(
                "table",
                &self.label(),
                "only functional expenditure tables (类/款/项 × 基本支出, 项目支出 …) become ledger lines",
            ));
        }
        let natures: Vec<(usize, Nature)> = self
            .column_roles()
            .iter()
            .enumerate()
            .filter_map(|(i, r)| nature_of(*r).map(|n| (i, n)))
            .collect();
        if natures.is_empty() {
            return Err(Error::value(
                "columns",
                &self.columns().join(","),
                "no 基本支出 / 项目支出 / 上缴上级支出 / 经营支出 / 对附属单位补助支出 column to turn into ledger natures",
            ));
        }
        Ok(natures)
    }

    /// The book and phase of the lines: from the options, else from the table's kind.
    fn ledger_book_and_phase(&self, opts: &TableLedgerOptions) -> Result<(Book, Phase)> {
        let book = opts
            .book
            .or_else(|| self.kind().and_then(TableKind::book))
            .ok_or_else(|| {
                Error::value(
                    "book",
                    "",
                    "the table mixes books (all funds); say which book its lines belong to",
                )
            })?;
        let phase = opts
            .phase
            .or_else(|| self.kind().map(TableKind::phase))
            .ok_or_else(|| {
                Error::value(
                    "phase",
                    "",
                    "the table's kind is unknown; say whether it is a budget or a final account",
                )
            })?;
        Ok((book, phase))
    }
}

/// A table's rows becoming ledger lines: the table, the options, and what every line shares.
struct TableLines<'a> {
    /// The table.
    t: &'a PublishedTable,
    /// The options.
    opts: &'a TableLedgerOptions,
    /// The nature columns, with their nature.
    natures: Vec<(usize, Nature)>,
    /// The lines' book.
    book: Book,
    /// The lines' phase.
    phase: Phase,
    /// The 合计 column, if printed.
    total_col: Option<usize>,
}

impl TableLines<'_> {
    /// The lines of one coded row (one per nature cell printed); a row without a code gives none.
    fn push_row(&self, row: &TableRow, leaf: bool, ledger: &mut Ledger) -> Result<()> {
        let Some(code) = row.code else {
            return Ok(());
        };
        if code.scheme() != Scheme::Functional {
            return Err(Error::value(
                "code",
                &code.to_string(),
                "only functional codes become ledger lines",
            )
            .at(row.line, "code"));
        }
        self.check_leaf_total(row, leaf)?;
        for &(c, nature) in &self.natures {
            let Some(v) = row.cells.get(c).copied().flatten() else {
                continue;
            };
            ledger
                .push(LineItem {
                    year: self.opts.year,
                    book: self.book,
                    phase: self.phase,
                    unit: self.opts.unit.clone(),
                    functional: code,
                    economic: None,
                    nature,
                    source: None,
                    amount: self.t.unit().convert(v, Unit::Yuan)?,
                })
                .map_err(|e| e.at(row.line, ""))?;
        }
        Ok(())
    }

    /// A leaf's parts must add up to its printed 合计 (within the tolerance) before it becomes lines.
    fn check_leaf_total(&self, row: &TableRow, leaf: bool) -> Result<()> {
        let (parts, n) = sum_cells(
            self.natures
                .iter()
                .map(|(c, _)| row.cells.get(*c).copied().flatten()),
        )?;
        let Some(tc) = self.total_col.filter(|_| leaf) else {
            return Ok(());
        };
        let total = row.cells.get(tc).copied().flatten();
        if differs(
            parts,
            total,
            self.opts.tolerance.sum_allowed(self.t.unit(), n)?,
        )? {
            return Err(Error::Input {
                cause: None,
                line: row.line,
                column: self.t.columns().get(tc).cloned().unwrap_or_default(),
                value: total.map(|d| d.to_string()).unwrap_or_default(),
                reason: format!(
                    "row {}: the parts add up to {} but 合计 is printed; check the table before turning it into lines",
                    row.key(),
                    parts
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "nothing".to_owned())
                ),
            });
        }
        Ok(())
    }
}

/// The ledger's lines a table of `opts.kind` prints: all of them, unless the kind is one book's
/// table and the ledger holds others — then an error, or (with
/// [`RenderOptions::skip_other_books`]) that book's lines only.
fn book_of_kind<'a>(
    ledger: &'a Ledger,
    opts: &RenderOptions,
) -> Result<std::borrow::Cow<'a, Ledger>> {
    use std::borrow::Cow;
    let Some(book) = opts.kind.and_then(TableKind::book) else {
        return Ok(Cow::Borrowed(ledger));
    };
    let others: Vec<String> = ledger
        .distinct(GroupKey::Book)
        .iter()
        .filter(|v| **v != GroupValue::Book(book))
        .map(GroupValue::text)
        .collect();
    if others.is_empty() {
        Ok(Cow::Borrowed(ledger))
    } else if opts.skip_other_books {
        Ok(Cow::Owned(ledger.select(&Selection {
            values: vec![GroupValue::Book(book)],
            under: None,
        })))
    } else {
        Err(Error::value(
            "book",
            &others.join(","),
            format!(
                "{} prints only {} ({}) lines; select that book first or set skip_other_books",
                opts.kind.map(TableKind::name_zh).unwrap_or_default(),
                book.name_zh(),
                book.id()
            ),
        ))
    }
}

/// The nature columns of a rendered table: 基本支出 and 项目支出 always, any other nature the
/// ledger holds, in [`Nature::ALL`] order.
fn rendered_natures(ledger: &Ledger) -> Vec<Nature> {
    let present: Vec<GroupValue> = ledger.distinct(GroupKey::Nature);
    Nature::ALL
        .iter()
        .copied()
        .filter(|n| {
            matches!(n, Nature::Basic | Nature::Project)
                || present.contains(&GroupValue::Nature(*n))
        })
        .collect()
}

/// The rendered table (untitled): columns 合计 and the natures, then every 类, 款 and 项 of the
/// ledger in code order, then the 合计 row (when the ledger has lines).
fn render_table(
    ledger: &Ledger,
    catalog: &Catalog,
    opts: &RenderOptions,
) -> Result<PublishedTable> {
    let overall = ledger.rollup(&RollupOptions::default())?;
    let by_nature = ledger.rollup(&RollupOptions {
        by: vec![GroupKey::Nature],
        ..Default::default()
    })?;
    let natures = rendered_natures(ledger);
    let cell = CellFormat::of(opts);
    let mut columns = vec!["合计".to_owned()];
    columns.extend(natures.iter().map(|n| n.name_zh().to_owned()));
    let mut table = PublishedTable::new(opts.kind, opts.unit, columns, Vec::new())?;
    let mut line = 1;
    for rec in overall.records(catalog) {
        line += 1;
        let mut cells = vec![cell.cell(Some(rec.amount))?];
        for n in &natures {
            cells.push(cell.cell(by_nature.amount(rec.code, &[GroupValue::Nature(*n)])?)?);
        }
        table.push_row(TableRow {
            line,
            code: Some(rec.code),
            name: rec.name.unwrap_or_default(),
            cells,
            side: None,
        });
    }
    if !ledger.is_empty() {
        let mut cells = vec![cell.cell(overall.total(&[])?)?];
        for n in &natures {
            cells.push(cell.cell(by_nature.total(&[GroupValue::Nature(*n)])?)?);
        }
        table.push_row(TableRow {
            line: line + 1,
            code: None,
            name: "合计".to_owned(),
            cells,
            side: None,
        });
    }
    Ok(table)
}

/// How a rendered cell is printed: converted from 元 to the table's unit and, when `places` is
/// set (by default in any unit but 元), rounded half away from zero cell by cell.
struct CellFormat {
    /// The table's unit.
    unit: Unit,
    /// Decimal places to round to, if any.
    places: Option<u32>,
}

impl CellFormat {
    /// The format of `opts`.
    fn of(opts: &RenderOptions) -> CellFormat {
        let places = opts.places.or(match opts.unit {
            Unit::Yuan => None,
            _ => Some(2),
        });
        CellFormat {
            unit: opts.unit,
            places,
        }
    }

    /// A cell of the table from an amount in 元 (blank stays blank).
    fn cell(&self, v: Option<Decimal>) -> Result<Option<Decimal>> {
        v.map(|v| {
            let x = Unit::Yuan.convert(v, self.unit)?;
            Ok(match self.places {
                Some(p) => x.round_dp_with_strategy(p, RoundingStrategy::MidpointAwayFromZero),
                None => x,
            })
        })
        .transpose()
    }
}
