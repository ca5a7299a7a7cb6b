//! Table 2 主动公开政府信息情况: proactive disclosure, in blocks headed by the item of
//! 政府信息公开条例 2019 art. 20 they report.

use rust_decimal::Decimal;

use super::ReportFormat;
use super::labels::{find_by_key, label_key};
use super::{check_cell, rules};
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};
use crate::vocab::vocabulary;

/// The table id used in findings.
pub(crate) const TABLE: &str = "proactive";
/// The header of the label column of every block.
pub(crate) const CONTENT_HEADING: &str = "信息内容";

vocabulary! {
    /// A row of Table 2: what is counted.
    pub enum ProactiveRow("proactive_row") {
        /// 规章 — rules (art. 20(1)).
        Rules = "rules", "规章";
        /// 行政规范性文件 (2019: 规范性文件) — normative documents (art. 20(1)).
        NormativeDocuments = "normative_documents", "行政规范性文件" | "规范性文件";
        /// 行政许可 — licensing (art. 20(5)).
        Licensing = "licensing", "行政许可";
        /// 其他对外管理服务事项 — other external services (art. 20(5)); 2019 format only.
        OtherServices = "other_services", "其他对外管理服务事项";
        /// 行政处罚 — administrative penalties (art. 20(6)).
        Penalties = "penalties", "行政处罚";
        /// 行政强制 — administrative coercion (art. 20(6)).
        Coercion = "coercion", "行政强制";
        /// 行政事业性收费 — administrative fees (art. 20(8)).
        Fees = "fees", "行政事业性收费";
        /// 政府集中采购 — centralised government procurement (art. 20(9)); 2019 format only.
        Procurement = "procurement", "政府集中采购";
    }
}

vocabulary! {
    /// A column of Table 2. Which columns a row has depends on its block and the format.
    pub enum ProactiveColumn("proactive_column") {
        /// 本年制发件数 — issued this year (2021).
        Issued = "issued", "本年制发件数";
        /// 本年废止件数 — repealed this year (2021).
        Repealed = "repealed", "本年废止件数";
        /// 现行有效件数 — currently valid (2021).
        Valid = "valid", "现行有效件数";
        /// 本年处理决定数量 (2019: 处理决定数量) — decisions this year.
        Decisions = "decisions", "本年处理决定数量" | "处理决定数量";
        /// 本年收费金额（单位：万元） — fees collected this year, in 万元 (2021).
        FeeAmount = "fee_amount", "本年收费金额（单位：万元）" | "本年收费金额";
        /// 本年新制作数量 — newly made this year (2019).
        Made = "made", "本年新制作数量";
        /// 本年新公开数量 — newly published this year (2019).
        Published = "published", "本年新公开数量";
        /// 对外公开总数量 — total published (2019).
        PublishedTotal = "published_total", "对外公开总数量";
        /// 上一年项目数量 — number of items last year (2019).
        ItemsLastYear = "items_last_year", "上一年项目数量";
        /// 本年增/减 — change this year, signed (2019).
        ItemsChange = "items_change", "本年增/减" | "本年增减";
        /// 采购项目数量 — procurement projects (2019).
        ProcurementItems = "procurement_items", "采购项目数量";
        /// 采购总金额 — total procurement amount, as printed (2019).
        ProcurementAmount = "procurement_amount", "采购总金额";
    }
}

use ProactiveColumn as C;
use ProactiveRow as P;

/// One block of Table 2: the art. 20 item it reports, its value columns and rows.
struct Block {
    item: &'static str,
    columns: &'static [ProactiveColumn],
    rows: &'static [ProactiveRow],
}

const BLOCKS_2021: [Block; 4] = [
    Block {
        item: "第二十条第（一）项",
        columns: &[C::Issued, C::Repealed, C::Valid],
        rows: &[P::Rules, P::NormativeDocuments],
    },
    Block {
        item: "第二十条第（五）项",
        columns: &[C::Decisions],
        rows: &[P::Licensing],
    },
    Block {
        item: "第二十条第（六）项",
        columns: &[C::Decisions],
        rows: &[P::Penalties, P::Coercion],
    },
    Block {
        item: "第二十条第（八）项",
        columns: &[C::FeeAmount],
        rows: &[P::Fees],
    },
];

const BLOCKS_2019: [Block; 5] = [
    Block {
        item: "第二十条第（一）项",
        columns: &[C::Made, C::Published, C::PublishedTotal],
        rows: &[P::Rules, P::NormativeDocuments],
    },
    Block {
        item: "第二十条第（五）项",
        columns: &[C::ItemsLastYear, C::ItemsChange, C::Decisions],
        rows: &[P::Licensing, P::OtherServices],
    },
    Block {
        item: "第二十条第（六）项",
        columns: &[C::ItemsLastYear, C::ItemsChange, C::Decisions],
        rows: &[P::Penalties, P::Coercion],
    },
    Block {
        item: "第二十条第（八）项",
        columns: &[C::ItemsLastYear, C::ItemsChange],
        rows: &[P::Fees],
    },
    Block {
        item: "第二十条第（九）项",
        columns: &[C::ProcurementItems, C::ProcurementAmount],
        rows: &[P::Procurement],
    },
];

fn blocks(format: ReportFormat) -> &'static [Block] {
    match format {
        ReportFormat::Y2021 => &BLOCKS_2021,
        ReportFormat::Y2019 => &BLOCKS_2019,
    }
}

/// The blocks of a format as (art. 20 item, columns, rows), in printed order.
pub(crate) fn layout(
    format: ReportFormat,
) -> impl Iterator<
    Item = (
        &'static str,
        &'static [ProactiveColumn],
        &'static [ProactiveRow],
    ),
> {
    blocks(format).iter().map(|b| (b.item, b.columns, b.rows))
}

/// Every (row, column) of a format, in printed order.
fn cell_positions(format: ReportFormat) -> impl Iterator<Item = (ProactiveRow, ProactiveColumn)> {
    blocks(format).iter().flat_map(|b| {
        b.rows
            .iter()
            .flat_map(|&r| b.columns.iter().map(move |&c| (r, c)))
    })
}

impl ProactiveRow {
    /// The label as printed in a format (`行政规范性文件` in 2021, `规范性文件` in 2019).
    ///
    /// ```
    /// use sunlit::report::{ProactiveRow, ReportFormat};
    /// assert_eq!(ProactiveRow::NormativeDocuments.label(ReportFormat::Y2019), "规范性文件");
    /// ```
    pub fn label(self, format: ReportFormat) -> &'static str {
        match (self, format) {
            (P::NormativeDocuments, ReportFormat::Y2019) => "规范性文件",
            _ => self.name_zh(),
        }
    }

    /// The art. 20 item whose block holds the row, as printed (`第二十条第（六）项`).
    ///
    /// ```
    /// assert_eq!(sunlit::report::ProactiveRow::Coercion.item(), "第二十条第（六）项");
    /// ```
    pub fn item(self) -> &'static str {
        match self {
            P::Rules | P::NormativeDocuments => "第二十条第（一）项",
            P::Licensing | P::OtherServices => "第二十条第（五）项",
            P::Penalties | P::Coercion => "第二十条第（六）项",
            P::Fees => "第二十条第（八）项",
            P::Procurement => "第二十条第（九）项",
        }
    }

    /// Find a row of `format` by its printed label (punctuation, spaces and numbering tolerated;
    /// `规范性文件` and `行政规范性文件` both accepted) or id.
    ///
    /// ```
    /// use sunlit::report::{ProactiveRow, ReportFormat};
    /// assert_eq!(ProactiveRow::from_label(" 规范性文件 ", ReportFormat::Y2021).unwrap(), ProactiveRow::NormativeDocuments);
    /// assert!(ProactiveRow::from_label("政府集中采购", ReportFormat::Y2021).is_err()); // 2019 only
    /// ```
    pub fn from_label(text: &str, format: ReportFormat) -> Result<ProactiveRow> {
        let candidates: Vec<(ProactiveRow, Vec<String>)> = blocks(format)
            .iter()
            .flat_map(|b| b.rows.iter())
            .map(|&r| {
                let mut keys = vec![label_key(r.name_zh()), label_key(r.label(format))];
                if r == P::NormativeDocuments {
                    keys.push("规范性文件".to_owned());
                }
                keys.push(r.id().to_owned());
                (r, keys)
            })
            .collect();
        find_by_key(&label_key(text), &candidates)
            .or_else(|| find_by_key(text.trim(), &candidates))
            .ok_or_else(|| {
                Error::value(
                    "proactive_row",
                    text,
                    format!("not a row of Table 2 in the {} format", format.id()),
                )
            })
    }
}

impl ProactiveColumn {
    /// The column heading as printed in a format (`本年处理决定数量` in 2021, `处理决定数量` in
    /// 2019).
    ///
    /// ```
    /// use sunlit::report::{ProactiveColumn, ReportFormat};
    /// assert_eq!(ProactiveColumn::Decisions.label(ReportFormat::Y2019), "处理决定数量");
    /// ```
    pub fn label(self, format: ReportFormat) -> &'static str {
        match (self, format) {
            (C::Decisions, ReportFormat::Y2019) => "处理决定数量",
            _ => self.name_zh(),
        }
    }

    /// Whether the column may hold a negative number (only 2019's 本年增/减).
    ///
    /// ```
    /// assert!(sunlit::report::ProactiveColumn::ItemsChange.is_signed());
    /// ```
    pub fn is_signed(self) -> bool {
        self == C::ItemsChange
    }

    /// Whether the column counts documents, decisions or items, and so holds whole numbers:
    /// every column but the amounts (2021's 本年收费金额 in 万元, 2019's 采购总金额).
    ///
    /// ```
    /// use sunlit::report::ProactiveColumn;
    /// assert!(ProactiveColumn::Issued.is_count());
    /// assert!(!ProactiveColumn::FeeAmount.is_count());
    /// ```
    pub fn is_count(self) -> bool {
        !matches!(self, C::FeeAmount | C::ProcurementAmount)
    }

    /// Refuse a fraction in a count column ([`ProactiveColumn::is_count`]): an
    /// [`Error::Field`] whose field is the column id and whose value is the number.
    pub(crate) fn check_value(self, row: ProactiveRow, value: Option<Decimal>) -> Result<()> {
        match value {
            Some(v) if self.is_count() && !v.fract().is_zero() => Err(Error::value(
                self.id(),
                &v.to_string(),
                format!(
                    "a count is a whole number ({} / {})",
                    row.name_zh(),
                    self.name_zh()
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Find a column of `format` by its printed heading (punctuation, spaces tolerated;
    /// `本年收费金额` without its unit is read as 万元, never a heading naming another unit) or id.
    ///
    /// ```
    /// use sunlit::report::{ProactiveColumn, ReportFormat};
    /// let f = ReportFormat::Y2021;
    /// assert_eq!(ProactiveColumn::from_label("本年收费金额(单位:万元)", f).unwrap(), ProactiveColumn::FeeAmount);
    /// assert!(ProactiveColumn::from_label("本年收费金额（单位：元）", f).is_err());
    /// ```
    pub fn from_label(text: &str, format: ReportFormat) -> Result<ProactiveColumn> {
        let mut seen = Vec::new();
        for b in blocks(format) {
            for &c in b.columns {
                if !seen.contains(&c) {
                    seen.push(c);
                }
            }
        }
        let candidates: Vec<(ProactiveColumn, Vec<String>)> = seen
            .into_iter()
            .map(|c| {
                let mut keys = vec![
                    label_key(c.name_zh()),
                    label_key(c.label(format)),
                    c.id().to_owned(),
                ];
                match c {
                    C::Decisions => keys.push("处理决定数量".to_owned()),
                    C::FeeAmount => {
                        keys.push("本年收费金额".to_owned());
                        keys.push("本年收费金额万元".to_owned());
                    }
                    _ => {}
                }
                (c, keys)
            })
            .collect();
        find_by_key(&label_key(text), &candidates)
            .or_else(|| find_by_key(text.trim(), &candidates))
            .ok_or_else(|| {
                Error::value(
                    "proactive_column",
                    text,
                    format!("not a column of Table 2 in the {} format", format.id()),
                )
            })
    }
}

/// One cell of Table 2: row, column and value (`None`: blank).
///
/// ```
/// use sunlit::report::{ProactiveCell, ProactiveColumn, ProactiveRow};
/// use rust_decimal::Decimal;
/// let c = ProactiveCell { row: ProactiveRow::Fees, column: ProactiveColumn::FeeAmount, value: Some(Decimal::new(9617160, 2)) };
/// assert_eq!(c.value.unwrap().to_string(), "96171.60");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProactiveCell {
    /// What is counted.
    pub row: ProactiveRow,
    /// Which figure.
    pub column: ProactiveColumn,
    /// The figure; fees in 万元.
    pub value: Option<Decimal>,
}

/// Table 2 主动公开政府信息情况 in one format: the figures of the art. 20 blocks. Counts and the
/// fee amount (万元) are exact decimals; a cell is `None` when blank.
///
/// ```
/// use sunlit::report::{
///     ProactiveCell, ProactiveColumn as C, ProactiveRow as R, ProactiveTable, ReportFormat,
/// };
/// use rust_decimal::Decimal;
/// let cell = |row, column, v: i64| ProactiveCell { row, column, value: Some(Decimal::from(v)) };
/// let last = ProactiveTable::from_cells(ReportFormat::Y2021, &[cell(R::Rules, C::Valid, 3)])?;
/// let now = ProactiveTable::from_cells(ReportFormat::Y2021, &[
///     cell(R::Rules, C::Issued, 1), cell(R::Rules, C::Repealed, 0), cell(R::Rules, C::Valid, 5)])?;
/// let findings = now.check(Some(&last));
/// let carry: Vec<_> = findings.iter().filter(|f| f.rule == "report.valid_carry").collect();
/// assert_eq!(carry[0].expected, Some(Decimal::from(4)));
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProactiveTable {
    format: ReportFormat,
    values: Vec<Option<Decimal>>,
}

impl ProactiveTable {
    /// A table of the format with every cell blank.
    ///
    /// ```
    /// use sunlit::report::{ProactiveColumn, ProactiveRow, ProactiveTable, ReportFormat};
    /// let t = ProactiveTable::new(ReportFormat::Y2021);
    /// assert_eq!(t.get(ProactiveRow::Licensing, ProactiveColumn::Decisions).unwrap(), None);
    /// ```
    pub fn new(format: ReportFormat) -> ProactiveTable {
        ProactiveTable {
            format,
            values: vec![None; cell_positions(format).count()],
        }
    }

    /// A table from cells; cells not given stay blank. A cell the format lacks, or one given
    /// twice, is an error naming its position in the list as `line`; a fraction in a count
    /// column ([`ProactiveColumn::is_count`]) is an [`Error::Field`] naming the column and the
    /// number.
    ///
    /// ```
    /// use sunlit::{
    ///     Error,
    ///     report::{ProactiveCell, ProactiveColumn, ProactiveRow, ProactiveTable, ReportFormat},
    /// };
    /// use rust_decimal::Decimal;
    /// let c = ProactiveCell { row: ProactiveRow::Fees, column: ProactiveColumn::Decisions, value: None };
    /// assert!(matches!(ProactiveTable::from_cells(ReportFormat::Y2021, &[c]), Err(Error::Input { line: 1, .. })));
    /// let half = ProactiveCell { row: ProactiveRow::Rules, column: ProactiveColumn::Issued, value: Some(Decimal::new(15, 1)) };
    /// assert!(matches!(ProactiveTable::from_cells(ReportFormat::Y2021, &[half]),
    ///     Err(Error::Field { field, ref value, .. }) if field == "issued" && value == "1.5"));
    /// ```
    pub fn from_cells(format: ReportFormat, cells: &[ProactiveCell]) -> Result<ProactiveTable> {
        let mut t = ProactiveTable::new(format);
        let mut given = vec![false; t.values.len()];
        for (i, c) in cells.iter().enumerate() {
            let line = i as u64 + 1;
            let at = |e: Error| e.at(line, c.column.id());
            let k = t.position(c.row, c.column).map_err(at)?;
            c.column.check_value(c.row, c.value)?;
            if given.get(k).copied().unwrap_or(false) {
                return Err(Error::Input {
                    cause: None,
                    line,
                    column: c.column.id().to_owned(),
                    value: c.row.id().to_owned(),
                    reason: "the cell is given twice".to_owned(),
                });
            }
            if let (Some(g), Some(v)) = (given.get_mut(k), t.values.get_mut(k)) {
                *g = true;
                *v = c.value;
            }
        }
        Ok(t)
    }

    /// The format.
    ///
    /// ```
    /// use sunlit::report::{ProactiveTable, ReportFormat};
    /// assert_eq!(ProactiveTable::new(ReportFormat::Y2019).format(), ReportFormat::Y2019);
    /// ```
    pub fn format(&self) -> ReportFormat {
        self.format
    }

    fn position(&self, row: ProactiveRow, column: ProactiveColumn) -> Result<usize> {
        cell_positions(self.format)
            .position(|p| p == (row, column))
            .ok_or_else(|| {
                Error::value(
                    "proactive_cell",
                    &format!("{}/{}", row.id(), column.id()),
                    format!(
                        "Table 2 of the {} format has no column {} in row {}",
                        self.format.id(),
                        column.label(self.format),
                        row.label(self.format)
                    ),
                )
            })
    }

    /// The value of a cell (`None`: blank); an error for a cell the format lacks.
    ///
    /// ```
    /// use sunlit::report::{ProactiveColumn, ProactiveRow, ProactiveTable, ReportFormat};
    /// let t = ProactiveTable::new(ReportFormat::Y2021);
    /// assert!(t.get(ProactiveRow::Procurement, ProactiveColumn::ProcurementItems).is_err());
    /// ```
    pub fn get(&self, row: ProactiveRow, column: ProactiveColumn) -> Result<Option<Decimal>> {
        let k = self.position(row, column)?;
        Ok(self.values.get(k).copied().flatten())
    }

    /// Set the value of a cell. A cell the format lacks, or a fraction in a count column
    /// ([`ProactiveColumn::is_count`]), is an [`Error::Field`] and leaves the table unchanged.
    ///
    /// ```
    /// use sunlit::report::{ProactiveColumn, ProactiveRow, ProactiveTable, ReportFormat};
    /// use rust_decimal::Decimal;
    /// let mut t = ProactiveTable::new(ReportFormat::Y2021);
    /// t.set(ProactiveRow::Penalties, ProactiveColumn::Decisions, Some(Decimal::from(88283))).unwrap();
    /// t.set(ProactiveRow::Fees, ProactiveColumn::FeeAmount, Some(Decimal::new(9617160, 2))).unwrap();
    /// assert!(t.set(ProactiveRow::Penalties, ProactiveColumn::Valid, None).is_err());
    /// assert!(t.set(ProactiveRow::Penalties, ProactiveColumn::Decisions, Some(Decimal::new(15, 1))).is_err());
    /// ```
    pub fn set(
        &mut self,
        row: ProactiveRow,
        column: ProactiveColumn,
        value: Option<Decimal>,
    ) -> Result<()> {
        let k = self.position(row, column)?;
        column.check_value(row, value)?;
        if let Some(v) = self.values.get_mut(k) {
            *v = value;
        }
        Ok(())
    }

    /// Every cell of the format in printed order (block by block, row by row).
    ///
    /// ```
    /// use sunlit::report::{ProactiveTable, ReportFormat};
    /// assert_eq!(ProactiveTable::new(ReportFormat::Y2021).cells().len(), 10);
    /// assert_eq!(ProactiveTable::new(ReportFormat::Y2019).cells().len(), 22);
    /// ```
    pub fn cells(&self) -> Vec<ProactiveCell> {
        cell_positions(self.format)
            .zip(&self.values)
            .map(|((row, column), value)| ProactiveCell {
                row,
                column,
                value: *value,
            })
            .collect()
    }

    /// Check Table 2: no negative figure except 2019's 本年增/减 ([`rules::NEGATIVE_COUNT`]),
    /// blank cells ([`rules::BLANK_CELL`]) and, given last year's table in the 2021 format,
    /// 现行有效件数 = last year's + 本年制发件数 − 本年废止件数 for rules and normative documents
    /// ([`rules::VALID_CARRY`]).
    ///
    /// ```
    /// use sunlit::report::{ProactiveTable, ReportFormat};
    /// let blank = ProactiveTable::new(ReportFormat::Y2021);
    /// assert_eq!(blank.check(None).len(), 10); // ten blank cells
    /// ```
    pub fn check(&self, last_year: Option<&ProactiveTable>) -> Findings {
        let mut out = Findings::new();
        for c in self.cells() {
            check_cell(
                &mut out,
                TABLE,
                c.row.label(self.format),
                c.column.label(self.format),
                c.value,
                c.column.is_signed(),
            );
        }
        let Some(last) = last_year else {
            return out;
        };
        if self.format != ReportFormat::Y2021 || last.format != ReportFormat::Y2021 {
            return out;
        }
        for row in [P::Rules, P::NormativeDocuments] {
            let v = |t: &ProactiveTable, c| t.get(row, c).ok().flatten();
            let (Some(before), Some(issued), Some(repealed), Some(valid)) = (
                v(last, C::Valid),
                v(self, C::Issued),
                v(self, C::Repealed),
                v(self, C::Valid),
            ) else {
                continue;
            };
            let Some(expected) = before
                .checked_add(issued)
                .and_then(|x| x.checked_sub(repealed))
            else {
                continue;
            };
            if expected != valid {
                out.push(
                    Finding::new(
                        &rules::VALID_CARRY,
                        "现行有效件数不等于上年现行有效件数加本年制发件数减本年废止件数",
                        "currently valid ≠ last year's valid + issued − repealed",
                    )
                    .with_table(TABLE)
                    .with_code(row.label(self.format))
                    .with_column(C::Valid.label(self.format))
                    .with_values(expected, valid),
                );
            }
        }
        out
    }
}
