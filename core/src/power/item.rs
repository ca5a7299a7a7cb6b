//! One item of a power list (权力事项) and its parts.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::citation::LegalBasis;
use super::numeral::parse_numeral;
use super::text::{is_blank_word, join_list, join_steps, optional, split_list, split_steps};
use super::{BodyNature, ExercisingLevel, LimitUnit, PowerCategory, PowerField, RiskGrade};
use crate::error::{Error, Result};

/// A time limit (办结时限): a number of working days, calendar days or months, with an optional
/// note in brackets (`20个工作日（不含专家评审时间）`). Zero is an immediate item (即办).
///
/// ```
/// use sunlit::power::{LimitUnit, TimeLimit};
/// let t = TimeLimit::parse("二十个工作日").unwrap();
/// assert_eq!((t.days, t.unit), (20, LimitUnit::WorkingDays));
/// assert_eq!(t.to_string(), "20个工作日");
/// assert_eq!(TimeLimit::parse("即办").unwrap().days, 0);
/// assert!(TimeLimit::parse("20").is_err()); // which unit?
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TimeLimit {
    /// The number of units (0: immediate, 即办).
    pub days: u32,
    /// Working days, calendar days or months.
    pub unit: LimitUnit,
    /// A note in brackets after the limit, if any.
    pub note: Option<String>,
}

impl TimeLimit {
    /// Parse a limit as printed: `20个工作日`, `20工作日`, `二十个工作日`, `30日`, `30天`,
    /// `30个自然日`, `3个月`, `即办` / `当场办结` (0 working days), each optionally followed by
    /// a note in brackets. Anything else is an [`Error::Field`] with the field `time limit`.
    ///
    /// ```
    /// let t = sunlit::power::TimeLimit::parse("15日（不含公告时间）").unwrap();
    /// assert_eq!(t.note.as_deref(), Some("不含公告时间"));
    /// assert!(sunlit::power::TimeLimit::parse("尽快").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<TimeLimit> {
        let t = text.trim();
        let err = |reason: &str| Error::value("time_limit", text, reason);
        let (main, note) = match t.find(['（', '(']) {
            Some(i) => {
                let inner = t[i..]
                    .trim_start_matches(['（', '('])
                    .trim_end_matches(['）', ')'])
                    .trim();
                (t[..i].trim(), (!inner.is_empty()).then(|| inner.to_owned()))
            }
            None => (t, None),
        };
        if ["即办", "即办件", "即时办结", "当场办结", "当场", "即时"].contains(&main)
        {
            return Ok(TimeLimit {
                days: 0,
                unit: LimitUnit::WorkingDays,
                note,
            });
        }
        let digits: usize = main
            .chars()
            .take_while(|&c| super::numeral::is_numeral_char(c))
            .map(char::len_utf8)
            .sum();
        let (number, unit) = main.split_at(digits);
        if number.is_empty() {
            return Err(err("expected a number of 工作日, 日 or 个月, or 即办"));
        }
        let days = parse_numeral(number).map_err(|_| err("the number does not parse"))?;
        let unit = LimitUnit::parse(unit.trim())
            .map_err(|_| err("expected the unit 工作日, 日 (calendar days) or 个月"))?;
        Ok(TimeLimit { days, unit, note })
    }

    /// Whether this limit is certainly longer than `other`: `Some(true)` or `Some(false)` when
    /// that follows from the numbers alone, `None` when it depends on the calendar (e.g. 10
    /// calendar days against 8 working days). n working days always span at least n calendar
    /// days; a month has 28 to 31 days.
    ///
    /// ```
    /// use sunlit::power::TimeLimit;
    /// let p = |s| TimeLimit::parse(s).unwrap();
    /// assert_eq!(p("25个工作日").exceeds(&p("20个工作日")), Some(true));
    /// assert_eq!(p("25个工作日").exceeds(&p("20日")), Some(true));
    /// assert_eq!(p("10日").exceeds(&p("8个工作日")), None);
    /// assert_eq!(p("即办").exceeds(&p("1日")), Some(false));
    /// ```
    pub fn exceeds(&self, other: &TimeLimit) -> Option<bool> {
        use LimitUnit::{CalendarDays as Cal, Months, WorkingDays as Work};
        let (a, b) = (u64::from(self.days), u64::from(other.days));
        if a == 0 {
            return Some(false);
        }
        match (self.unit, other.unit) {
            (x, y) if x == y => Some(a > b),
            (Work, Cal) => (a > b).then_some(true),
            (Cal, Work) => (a <= b).then_some(false),
            (Cal | Work, Months) if a > 31 * b => Some(true),
            (Cal, Months) if a <= 28 * b => Some(false),
            (Months, Cal) if 28 * a > b => Some(true),
            (Months, Cal | Work) if 31 * a <= b => Some(false),
            _ => None,
        }
    }
}

impl fmt::Display for TimeLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // 即办 reads back as 0 working days, so only that zero is written so; a zero printed in
        // months or calendar days keeps its unit (fuzzing: `0月` came back as 即办).
        if self.days == 0 && self.unit == LimitUnit::WorkingDays {
            f.write_str("即办")?;
        } else {
            let unit = match self.unit {
                LimitUnit::WorkingDays => "个工作日",
                LimitUnit::CalendarDays => "日",
                LimitUnit::Months => "个月",
            };
            write!(f, "{}{unit}", self.days)?;
        }
        if let Some(n) = &self.note {
            write!(f, "（{n}）")?;
        }
        Ok(())
    }
}

/// The body that exercises a power (实施主体): name, unified social credit code (kept as
/// written; checked by `power.invalid_credit_code`) and legal nature.
///
/// ```
/// let b = sunlit::power::ImplementingBody { name: Some("某市交通运输局".into()), ..Default::default() };
/// assert!(b.credit_code.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ImplementingBody {
    /// 实施主体 — name.
    pub name: Option<String>,
    /// 实施主体代码 — unified social credit code, as written.
    pub credit_code: Option<String>,
    /// 实施主体性质 — legal nature.
    pub nature: Option<BodyNature>,
}

/// An integrity-risk point (廉政风险点) of one step of an item's procedure.
///
/// ```
/// use sunlit::power::{RiskGrade, RiskPoint};
/// let r = RiskPoint { step: Some("审查".into()), description: Some("降低标准审批".into()),
///                     grade: RiskGrade::High, controls: None, owner: None };
/// assert_eq!(r.grade.name_zh(), "高");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RiskPoint {
    /// 环节 — the step.
    pub step: Option<String>,
    /// 表现形式 — how the risk shows.
    pub description: Option<String>,
    /// 风险等级 — 高 / 中 / 低.
    pub grade: RiskGrade,
    /// 防控措施 — prevention and control measures.
    pub controls: Option<String>,
    /// 责任人 — the responsible person or post.
    pub owner: Option<String>,
}

/// One item of a power-and-responsibility list (权力事项), as one row of a published list.
///
/// Codes are opaque and kept exactly. Lists of entries (sub-items, procedure steps,
/// responsibility items, accountability cases) are read from one cell each: numbered (`1.`
/// `（1）` `一、`), one per line, or — the form written when the entries could not be read back
/// exactly from a numbered form — a JSON array of strings (`["2.②", ") (1)；"]`). Unknown
/// columns are kept in `extra`.
///
/// ```
/// use sunlit::power::{PowerCategory, PowerItem};
/// let item = PowerItem::from_cells([("事项名称", "公路建设项目施工许可"), ("权力分类", "行政许可"),
///     ("设定依据", "《中华人民共和国公路法》第二十五条"), ("责任事项", "1.受理责任\n2.审查责任")], 2).unwrap();
/// assert_eq!(item.category, PowerCategory::Licensing);
/// assert_eq!(item.legal_basis.citations[0].article, Some(25));
/// assert_eq!(item.responsibilities, ["受理责任", "审查责任"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PowerItem {
    /// 序号 — the row number as printed.
    pub number: Option<String>,
    /// 事项名称 — the name.
    pub name: String,
    /// 子项 — sub-items.
    pub sub_items: Vec<String>,
    /// 基本编码 — basic (catalogue) code, opaque.
    pub basic_code: Option<String>,
    /// 实施编码 — implementation code, opaque.
    pub implementation_code: Option<String>,
    /// 权力分类 — the category (GB/T 39046 Table A.1, or local).
    pub category: PowerCategory,
    /// The category as printed (行政许可类, 非行政许可审批 …).
    pub category_label: String,
    /// 设定依据 — the legal basis with its citations.
    pub legal_basis: LegalBasis,
    /// 行使层级 — the level(s) that exercise the power.
    pub levels: Vec<ExercisingLevel>,
    /// 实施主体 — the implementing body.
    pub body: ImplementingBody,
    /// 承办机构 — the internal office.
    pub department: Option<String>,
    /// 法定办结时限 — statutory time limit.
    pub statutory_limit: Option<TimeLimit>,
    /// 承诺办结时限 — promised time limit.
    pub promised_limit: Option<TimeLimit>,
    /// 是否收费 — whether a fee is charged (`None`: not stated).
    pub charges_fee: Option<bool>,
    /// 收费依据 — fee basis.
    pub fee_basis: Option<String>,
    /// 办理流程 — procedure steps.
    pub procedure: Vec<String>,
    /// 责任事项 — responsibility items.
    pub responsibilities: Vec<String>,
    /// 责任事项依据 — basis of the responsibility items.
    pub responsibility_basis: Option<String>,
    /// 追责情形 — accountability cases.
    pub accountability: Vec<String>,
    /// 追责依据 — basis of accountability.
    pub accountability_basis: Option<String>,
    /// 监督电话 — supervision telephone, as written.
    pub supervision_phone: Option<String>,
    /// 廉政风险点 — integrity-risk points.
    pub risk_points: Vec<RiskPoint>,
    /// 备注 — remarks.
    pub remarks: Option<String>,
    /// Columns the list has beyond the known ones (审核组意见, 追责对象范围 …), by header.
    pub extra: BTreeMap<String, String>,
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim() {
        "是" | "收费" | "1" | "Y" | "y" | "yes" | "true" | "有" => Some(true),
        "否" | "不收费" | "免费" | "0" | "N" | "n" | "no" | "false" | "无" => Some(false),
        _ => None,
    }
}

/// Split a levels cell at 、，,/ and spaces, outside brackets.
fn split_levels(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0u32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' | '，' | ',' | '/' | '／' | ' ' | '；' | ';' | '\n' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out.retain(|s| !s.trim().is_empty());
    out
}

/// The lines of a risk column: `None` for a blank cell, else one entry per line (blank words
/// → `None`).
fn risk_lines(text: &str) -> Option<Vec<Option<String>>> {
    let t = text.trim_matches(['\n', '\r']);
    if t.trim().is_empty() {
        return None;
    }
    Some(t.lines().map(optional).collect())
}

/// Row assembly: cells may come in any order; risk columns are combined at the end.
#[derive(Default)]
struct Builder {
    item: PowerItem,
    seen_name: bool,
    seen_category: bool,
    /// Whether a legal-basis column was read (a second one is kept as an extra column).
    seen_basis: bool,
    risk: [Option<(String, String)>; 5],
}

const RISK_FIELDS: [PowerField; 5] = [
    PowerField::RiskSteps,
    PowerField::RiskDescriptions,
    PowerField::RiskGrades,
    PowerField::RiskControls,
    PowerField::RiskOwners,
];

impl Builder {
    fn set(&mut self, column: &str, text: &str, line: u64) -> Result<()> {
        let field = match PowerField::recognise(column) {
            // A second legal-basis column (设定依据 and 实施依据 both printed): kept as printed.
            Some(PowerField::LegalBasis) if self.seen_basis => None,
            other => other,
        };
        let Some(field) = field else {
            self.item
                .extra
                .insert(column.trim().to_owned(), text.to_owned());
            return Ok(());
        };
        if field == PowerField::LegalBasis {
            self.seen_basis = true;
        }
        self.set_field(field, column, text)
            .map_err(|e| e.at(line, column))
    }

    /// Set a recognised field from its cell; errors are located by the caller.
    fn set_field(&mut self, field: PowerField, column: &str, text: &str) -> Result<()> {
        use PowerField as F;
        match field {
            F::Category => self.set_category(text),
            F::Name => self.set_name(text),
            F::Levels | F::BodyNature | F::StatutoryLimit | F::PromisedLimit | F::ChargesFee => {
                set_parsed(&mut self.item, field, text)
            }
            F::RiskSteps
            | F::RiskDescriptions
            | F::RiskGrades
            | F::RiskControls
            | F::RiskOwners => {
                let i = RISK_FIELDS.iter().position(|f| *f == field).unwrap_or(0);
                if let Some(slot) = self.risk.get_mut(i) {
                    *slot = Some((column.to_owned(), text.to_owned()));
                }
                Ok(())
            }
            F::Number
            | F::SubItems
            | F::BasicCode
            | F::ImplementationCode
            | F::LegalBasis
            | F::Body
            | F::BodyCreditCode
            | F::Department
            | F::FeeBasis
            | F::Procedure
            | F::Responsibilities
            | F::ResponsibilityBasis
            | F::Accountability
            | F::AccountabilityBasis
            | F::SupervisionPhone
            | F::Remarks => {
                set_text(&mut self.item, field, text);
                Ok(())
            }
        }
    }

    /// The category (权力分类): required.
    fn set_category(&mut self, text: &str) -> Result<()> {
        let label = text.trim();
        if label.is_empty() {
            return Err(Error::value(
                "category",
                text,
                "the category (权力分类) is required",
            ));
        }
        self.item.category = PowerCategory::from_label(label);
        self.item.category_label = label.to_owned();
        self.seen_category = true;
        Ok(())
    }

    /// The item name (事项名称): required.
    fn set_name(&mut self, text: &str) -> Result<()> {
        if is_blank_word(text) {
            return Err(Error::value(
                "name",
                text,
                "the item name (事项名称) is required",
            ));
        }
        self.item.name = text.trim().to_owned();
        self.seen_name = true;
        Ok(())
    }

    fn finish(mut self, line: u64) -> Result<PowerItem> {
        let missing = |column: &str, what: &str| Error::Input {
            cause: None,
            line,
            column: column.to_owned(),
            value: String::new(),
            reason: format!("missing {what}"),
        };
        if !self.seen_name {
            return Err(missing(
                PowerField::Name.name_zh(),
                "the item name (事项名称)",
            ));
        }
        if !self.seen_category {
            return Err(missing(
                PowerField::Category.name_zh(),
                "the category (权力分类)",
            ));
        }
        let cells: Vec<Option<(String, Vec<Option<String>>)>> = self
            .risk
            .iter()
            .map(|c| {
                c.as_ref()
                    .and_then(|(col, t)| risk_lines(t).map(|l| (col.clone(), l)))
            })
            .collect();
        let [steps, descriptions, grades, controls, owners] =
            <[_; 5]>::try_from(cells).map_err(|_| missing("", "risk columns"))?;
        let Some((grade_col, grades)) = grades else {
            if let Some((col, lines)) = [&steps, &descriptions, &controls, &owners]
                .into_iter()
                .flatten()
                .next()
            {
                return Err(Error::Input {
                    cause: None,
                    line,
                    column: col.clone(),
                    value: lines
                        .iter()
                        .flatten()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("\n"),
                    reason: "risk points need a grade (风险等级) for each line".to_owned(),
                });
            }
            return Ok(self.item);
        };
        let n = grades.len();
        for (col, lines) in [&steps, &descriptions, &controls, &owners]
            .into_iter()
            .flatten()
        {
            if lines.len() != n {
                return Err(Error::Input {
                    cause: None,
                    line,
                    column: col.clone(),
                    value: lines
                        .iter()
                        .map(|l| l.clone().unwrap_or_default())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    reason: format!(
                        "{} lines but {n} risk grades: risk columns give one line per risk point",
                        lines.len()
                    ),
                });
            }
        }
        let pick = |col: &Option<(String, Vec<Option<String>>)>, i: usize| {
            col.as_ref().and_then(|(_, l)| l.get(i).cloned().flatten())
        };
        for (i, g) in grades.iter().enumerate() {
            let text = g.clone().unwrap_or_default();
            let grade = RiskGrade::parse(&text).map_err(|e| e.at(line, &grade_col))?;
            self.item.risk_points.push(RiskPoint {
                step: pick(&steps, i),
                description: pick(&descriptions, i),
                grade,
                controls: pick(&controls, i),
                owner: pick(&owners, i),
            });
        }
        Ok(self.item)
    }
}

/// Set a field read as text or a list of texts (other fields are left alone).
fn set_text(item: &mut PowerItem, field: PowerField, text: &str) {
    match field {
        PowerField::Number => item.number = optional(text),
        PowerField::SubItems => item.sub_items = split_list(text),
        PowerField::BasicCode => item.basic_code = optional(text),
        PowerField::ImplementationCode => item.implementation_code = optional(text),
        PowerField::LegalBasis => item.legal_basis = LegalBasis::parse(text),
        PowerField::Body => item.body.name = optional(text),
        PowerField::BodyCreditCode => item.body.credit_code = optional(text),
        PowerField::Department => item.department = optional(text),
        PowerField::FeeBasis => item.fee_basis = optional(text),
        PowerField::Procedure => item.procedure = split_steps(text),
        PowerField::Responsibilities => item.responsibilities = split_list(text),
        PowerField::ResponsibilityBasis => item.responsibility_basis = optional(text),
        PowerField::Accountability => item.accountability = split_list(text),
        PowerField::AccountabilityBasis => item.accountability_basis = optional(text),
        PowerField::SupervisionPhone => item.supervision_phone = optional(text),
        PowerField::Remarks => item.remarks = optional(text),
        _ => {}
    }
}

/// Set a field parsed from its text (levels, body nature, time limits, charges fee); other
/// fields are left alone.
fn set_parsed(item: &mut PowerItem, field: PowerField, text: &str) -> Result<()> {
    match field {
        PowerField::Levels => {
            item.levels = if is_blank_word(text) {
                Vec::new()
            } else {
                split_levels(text)
                    .into_iter()
                    .map(|l| ExercisingLevel::parse(l.trim()))
                    .collect::<Result<_>>()?
            };
        }
        PowerField::BodyNature => {
            item.body.nature = optional(text).map(|t| BodyNature::parse(&t)).transpose()?;
        }
        PowerField::StatutoryLimit | PowerField::PromisedLimit => {
            let limit = optional(text).map(|t| TimeLimit::parse(&t)).transpose()?;
            if field == PowerField::StatutoryLimit {
                item.statutory_limit = limit;
            } else {
                item.promised_limit = limit;
            }
        }
        PowerField::ChargesFee => {
            item.charges_fee = if text.trim().is_empty() {
                None
            } else {
                Some(
                    parse_bool(text)
                        .ok_or_else(|| Error::value("charges_fee", text, "expected 是 or 否"))?,
                )
            };
        }
        _ => {}
    }
    Ok(())
}

impl PowerItem {
    /// Build an item from (column, text) cells as found in a CSV row, a JSON object or a Python
    /// dict. Columns are named by id (`legal_basis`), canonical header (`设定依据`) or alias
    /// (`实施依据`) — see [`PowerField`]; unknown columns are kept in `extra`. 事项名称 and
    /// 权力分类 are required. A bad cell is an [`Error::Input`] with `line`, the column and the
    /// text.
    ///
    /// ```
    /// use sunlit::{Error, power::PowerItem};
    /// let bad = PowerItem::from_cells([("事项名称", "x"), ("权力分类", "行政许可"), ("法定办结时限", "尽快")], 7);
    /// assert!(matches!(bad, Err(Error::Input { line: 7, ref column, ref value, .. })
    ///     if column == "法定办结时限" && value == "尽快"));
    /// let missing = PowerItem::from_cells([("事项名称", "x")], 3);
    /// assert!(matches!(missing, Err(Error::Input { line: 3, ref column, .. }) if column == "权力分类"));
    /// ```
    pub fn from_cells<'a>(
        cells: impl IntoIterator<Item = (&'a str, &'a str)>,
        line: u64,
    ) -> Result<PowerItem> {
        let mut b = Builder::default();
        for (column, text) in cells {
            b.set(column, text, line)?;
        }
        b.finish(line)
    }

    /// The text of one column as written to CSV (the inverse of [`PowerItem::from_cells`]):
    /// lists numbered one per line (or as a JSON array of strings when that would not read back
    /// exactly: entries that are empty, begin with a number, end in `；` …), levels joined by
    /// `、`, time limits as `20个工作日`, 是/否.
    ///
    /// ```
    /// use sunlit::power::{PowerField, PowerItem};
    /// let item = PowerItem::from_cells([("事项名称", "x"), ("权力分类", "行政处罚"),
    ///     ("法定办结时限", "九十日"), ("行使层级", "市级，县级")], 2).unwrap();
    /// assert_eq!(item.cell(PowerField::StatutoryLimit), "90日");
    /// assert_eq!(item.cell(PowerField::Levels), "市级、县级");
    /// let odd = PowerItem { sub_items: vec!["2.②".into(), "".into()], ..item };
    /// assert_eq!(odd.cell(PowerField::SubItems), r#"["2.②",""]"#);
    /// ```
    pub fn cell(&self, field: PowerField) -> String {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let risk = |f: &dyn Fn(&RiskPoint) -> Option<String>| {
            if self.risk_points.iter().all(|r| f(r).is_none()) {
                return String::new();
            }
            self.risk_points
                .iter()
                .map(|r| f(r).unwrap_or_else(|| "无".to_owned()))
                .collect::<Vec<_>>()
                .join("\n")
        };
        match field {
            PowerField::Number => opt(&self.number),
            PowerField::Category => self.category_label.clone(),
            PowerField::Name => self.name.clone(),
            PowerField::SubItems => join_list(&self.sub_items),
            PowerField::BasicCode => opt(&self.basic_code),
            PowerField::ImplementationCode => opt(&self.implementation_code),
            PowerField::LegalBasis => self.legal_basis.text.clone(),
            PowerField::Levels => self
                .levels
                .iter()
                .map(|l| l.name_zh())
                .collect::<Vec<_>>()
                .join("、"),
            PowerField::Body => opt(&self.body.name),
            PowerField::BodyCreditCode => opt(&self.body.credit_code),
            PowerField::BodyNature => self
                .body
                .nature
                .map(|n| n.name_zh().to_owned())
                .unwrap_or_default(),
            PowerField::Department => opt(&self.department),
            PowerField::StatutoryLimit => self
                .statutory_limit
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            PowerField::PromisedLimit => self
                .promised_limit
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            PowerField::ChargesFee => match self.charges_fee {
                Some(true) => "是".to_owned(),
                Some(false) => "否".to_owned(),
                None => String::new(),
            },
            PowerField::FeeBasis => opt(&self.fee_basis),
            PowerField::Procedure => join_steps(&self.procedure),
            PowerField::Responsibilities => join_list(&self.responsibilities),
            PowerField::ResponsibilityBasis => opt(&self.responsibility_basis),
            PowerField::Accountability => join_list(&self.accountability),
            PowerField::AccountabilityBasis => opt(&self.accountability_basis),
            PowerField::SupervisionPhone => opt(&self.supervision_phone),
            PowerField::RiskSteps => risk(&|r| r.step.clone()),
            PowerField::RiskDescriptions => risk(&|r| r.description.clone()),
            PowerField::RiskGrades => {
                let grades: Vec<&str> =
                    self.risk_points.iter().map(|r| r.grade.name_zh()).collect();
                grades.join("\n")
            }
            PowerField::RiskControls => risk(&|r| r.controls.clone()),
            PowerField::RiskOwners => risk(&|r| r.owner.clone()),
            PowerField::Remarks => opt(&self.remarks),
        }
    }

    /// The code that identifies the item: the implementation code, else the basic code.
    ///
    /// ```
    /// let item = sunlit::power::PowerItem { basic_code: Some("XK001".into()), ..Default::default() };
    /// assert_eq!(item.code(), Some("XK001"));
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.implementation_code
            .as_deref()
            .or(self.basic_code.as_deref())
    }

    /// A label for messages: the code, else the row number, else the name.
    pub(crate) fn label(&self) -> String {
        match (self.code(), &self.number) {
            (Some(c), _) => c.to_owned(),
            (None, Some(n)) => format!("序号{n}"),
            (None, None) => self.name.clone(),
        }
    }

    /// The lowest administrative tier among the item's levels (6 = village), if any.
    pub(crate) fn lowest_tier(&self) -> Option<u8> {
        self.levels.iter().filter_map(|l| l.tier()).max()
    }
}
