//! Power-and-responsibility lists (权责清单): items, citations, credit codes, checks, diffs and
//! change logs. Core records are exported as they are where their field types allow.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use sunlit::{
    Finding,
    disclosure::Deadline,
    power::{
        ChangeRecord, Citation, DisclosureDuty, ExercisingLevel, ImplementingBody, LegalBasis,
        PowerCategory, PowerChange, PowerField, RiskPoint, TimeLimit,
    },
};

use crate::calendar::{WorkCalendar, calendar};
use crate::errors::Result;

/// Options of `PowerList.disclosureDuties`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DutyOptions {
    /// Working days to publish a change of the list (null: the core's default, art. 26's 20).
    #[uniffi(default = None)]
    pub change_workdays: Option<u32>,
    /// The source of `changeWorkdays` when it is not art. 26's 20 (a local rule); null: the
    /// duty cites "period set by the caller".
    #[uniffi(default = None)]
    pub change_basis: Option<String>,
    /// The changes to publish (e.g. `changeLogFromChanges(old.diff(new), …)`).
    #[uniffi(default = [])]
    pub changes: Vec<ChangeRecord>,
}

/// For a 双公示 duty: the deadline of one decision made on `decided` (null calendar: national).
#[uniffi::export(default(cal = None))]
pub fn disclosure_duty_deadline(
    duty: DisclosureDuty,
    decided: NaiveDate,
    cal: Option<Arc<WorkCalendar>>,
) -> Result<Deadline> {
    Ok(duty.decision_deadline(decided, &calendar(cal))?)
}

/// One item of a power list (权力事项); the core's item with `extra` as a map.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PowerItem {
    /// 序号 as printed.
    pub number: Option<String>,
    /// 事项名称.
    pub name: String,
    /// 子项.
    pub sub_items: Vec<String>,
    /// 基本编码.
    pub basic_code: Option<String>,
    /// 实施编码.
    pub implementation_code: Option<String>,
    /// Category.
    pub category: PowerCategory,
    /// The category as printed.
    pub category_label: String,
    /// 设定依据.
    pub legal_basis: LegalBasis,
    /// 行使层级.
    pub levels: Vec<ExercisingLevel>,
    /// 实施主体.
    pub body: ImplementingBody,
    /// 承办机构.
    pub department: Option<String>,
    /// 法定办结时限.
    pub statutory_limit: Option<TimeLimit>,
    /// 承诺办结时限.
    pub promised_limit: Option<TimeLimit>,
    /// 是否收费 (null: not stated).
    pub charges_fee: Option<bool>,
    /// 收费依据.
    pub fee_basis: Option<String>,
    /// 办理流程.
    pub procedure: Vec<String>,
    /// 责任事项.
    pub responsibilities: Vec<String>,
    /// 责任事项依据.
    pub responsibility_basis: Option<String>,
    /// 追责情形.
    pub accountability: Vec<String>,
    /// 追责依据.
    pub accountability_basis: Option<String>,
    /// 监督电话.
    pub supervision_phone: Option<String>,
    /// 廉政风险点.
    pub risk_points: Vec<RiskPoint>,
    /// 备注.
    pub remarks: Option<String>,
    /// Columns beyond the known ones.
    pub extra: HashMap<String, String>,
}

/// Conversions both ways between the core item and its record: every field as is, `extra`
/// between a sorted map and a hash map.
macro_rules! item_conversions {
    ($($field:ident),+) => {
        impl From<sunlit::power::PowerItem> for PowerItem {
            fn from(i: sunlit::power::PowerItem) -> PowerItem {
                PowerItem { $($field: i.$field,)+ extra: i.extra.into_iter().collect() }
            }
        }
        impl From<PowerItem> for sunlit::power::PowerItem {
            fn from(i: PowerItem) -> sunlit::power::PowerItem {
                sunlit::power::PowerItem { $($field: i.$field,)+ extra: i.extra.into_iter().collect() }
            }
        }
    };
}

item_conversions!(
    number,
    name,
    sub_items,
    basic_code,
    implementation_code,
    category,
    category_label,
    legal_basis,
    levels,
    body,
    department,
    statutory_limit,
    promised_limit,
    charges_fee,
    fee_basis,
    procedure,
    responsibilities,
    responsibility_basis,
    accountability,
    accountability_basis,
    supervision_phone,
    risk_points,
    remarks
);

/// One organ's power-and-responsibility list (权责清单) at one version.
#[derive(Debug, uniffi::Object)]
pub struct PowerList(sunlit::PowerList);

#[uniffi::export]
impl PowerList {
    /// Read a list CSV in the published layout (序号, 权力分类, 事项名称, 子项, 设定依据, 实施主体 …
    /// and their aliases).
    #[uniffi::constructor]
    pub fn read_csv(path: String) -> Result<Arc<PowerList>> {
        Ok(Arc::new(PowerList(sunlit::PowerList::read_csv_path(
            &path,
        )?)))
    }

    /// Parse list CSV text.
    #[uniffi::constructor]
    pub fn from_csv(text: String) -> Result<Arc<PowerList>> {
        Ok(Arc::new(PowerList(sunlit::PowerList::read_csv_str(&text)?)))
    }

    /// Parse list JSON.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<PowerList>> {
        Ok(Arc::new(PowerList(sunlit::PowerList::from_json(&text)?)))
    }

    /// Read a list JSON file.
    #[uniffi::constructor]
    pub fn read_json(path: String) -> Result<Arc<PowerList>> {
        Ok(Arc::new(PowerList(sunlit::PowerList::read_json_path(
            &path,
        )?)))
    }

    /// A list of the given items.
    #[uniffi::constructor]
    pub fn from_items(
        items: Vec<PowerItem>,
        organ: Option<String>,
        effective: Option<NaiveDate>,
    ) -> Result<Arc<PowerList>> {
        Ok(Arc::new(PowerList(sunlit::PowerList {
            organ,
            effective,
            items: items.into_iter().map(Into::into).collect(),
            extra_columns: Vec::new(),
        })))
    }

    /// A copy with the organ and effective date set (null keeps the current value).
    pub fn with_version(
        &self,
        organ: Option<String>,
        effective: Option<NaiveDate>,
    ) -> Result<Arc<PowerList>> {
        let mut l = self.0.clone();
        if organ.is_some() {
            l.organ = organ;
        }
        if effective.is_some() {
            l.effective = effective;
        }
        Ok(Arc::new(PowerList(l)))
    }

    /// The organ, if known.
    pub fn organ(&self) -> Option<String> {
        self.0.organ.clone()
    }

    /// The effective date of this version, if known.
    pub fn effective(&self) -> Option<NaiveDate> {
        self.0.effective
    }

    /// Number of items.
    pub fn len(&self) -> u64 {
        self.0.len() as u64
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items, in list order.
    pub fn items(&self) -> Vec<PowerItem> {
        self.0.items.iter().cloned().map(Into::into).collect()
    }

    /// The items whose implementation or basic code is `code`.
    pub fn find(&self, code: String) -> Vec<PowerItem> {
        self.0
            .find(&code)
            .into_iter()
            .cloned()
            .map(Into::into)
            .collect()
    }

    /// Findings of every power-list rule.
    pub fn check(&self) -> Vec<Finding> {
        self.0.check().into_vec()
    }

    /// What this list obliges its organ to disclose and by when (null calendar: national).
    #[uniffi::method(default(cal = None))]
    pub fn disclosure_duties(
        &self,
        options: DutyOptions,
        cal: Option<Arc<WorkCalendar>>,
    ) -> Result<Vec<DisclosureDuty>> {
        let opts = sunlit::power::DutyOptions {
            change_workdays: options
                .change_workdays
                .unwrap_or(sunlit::power::DutyOptions::default().change_workdays),
            change_basis: options.change_basis,
            changes: options.changes,
        };
        Ok(self.0.disclosure_duties(&opts, &calendar(cal))?)
    }

    /// The changes from this version (old) to `new`.
    pub fn diff(&self, new: Arc<PowerList>) -> Vec<PowerChange> {
        sunlit::PowerList::diff(&self.0, &new.0)
    }

    /// The list as CSV text.
    pub fn to_csv(&self) -> Result<String> {
        Ok(self.0.to_csv_string()?)
    }

    /// The list as JSON.
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }
}

/// The changes from `old` to `new` (the same as `old.diff(new)`).
#[uniffi::export]
pub fn power_list_diff(old: Arc<PowerList>, new: Arc<PowerList>) -> Vec<PowerChange> {
    sunlit::PowerList::diff(&old.0, &new.0)
}

/// The text of one column of an item as written to CSV.
#[uniffi::export]
pub fn power_item_cell(item: PowerItem, field: PowerField) -> String {
    sunlit::power::PowerItem::from(item).cell(field)
}

/// Parse one citation (`《中华人民共和国行政许可法》第十二条第一项`).
#[uniffi::export]
pub fn parse_citation(text: String) -> Result<Citation> {
    Ok(sunlit::power::parse_citation(&text)?)
}

/// Read a legal-basis cell with any number of citations; never fails.
#[uniffi::export]
pub fn parse_legal_basis(text: String) -> LegalBasis {
    LegalBasis::parse(&text)
}

/// Canonical form of a citation: 《title》第N条第N款第N项.
#[uniffi::export]
pub fn citation_canonical(citation: Citation) -> String {
    citation.canonical()
}

/// Parse a time limit as printed (`20个工作日`, `30日`, `即办`).
#[uniffi::export]
pub fn parse_time_limit(text: String) -> Result<TimeLimit> {
    Ok(TimeLimit::parse(&text)?)
}

/// Whether `limit` is certainly longer than `other` (null: depends on the calendar).
#[uniffi::export]
pub fn time_limit_exceeds(limit: TimeLimit, other: TimeLimit) -> Option<bool> {
    limit.exceeds(&other)
}

/// The GB 32100—2015 check character of the first 17 characters of a credit code.
#[uniffi::export]
pub fn credit_code_check_char(first17: String) -> Result<String> {
    Ok(sunlit::power::credit_code_check_char(&first17)?.to_string())
}

/// Whether a unified social credit code is valid (length, alphabet, check character).
#[uniffi::export]
pub fn is_valid_credit_code(code: String) -> bool {
    sunlit::power::CreditCode::is_valid(&code)
}

/// Parse a number in Arabic or Chinese numerals.
#[uniffi::export]
pub fn parse_numeral(text: String) -> Result<u32> {
    Ok(sunlit::power::parse_numeral(&text)?)
}

/// Write a number in Chinese numerals.
#[uniffi::export]
pub fn chinese_numeral(n: u32) -> String {
    sunlit::power::chinese_numeral(n)
}

/// A change log of `changes`, all with one approving document and effective date.
#[uniffi::export]
pub fn change_log_from_changes(
    changes: Vec<PowerChange>,
    document: Option<String>,
    effective: Option<NaiveDate>,
) -> Result<Vec<ChangeRecord>> {
    Ok(sunlit::power::ChangeLog::from_changes(&changes, document.as_deref(), effective).records)
}

/// Parse change-log CSV (变更类型,编码,事项名称,批准文件,生效日期,备注).
#[uniffi::export]
pub fn change_log_from_csv(text: String) -> Result<Vec<ChangeRecord>> {
    Ok(sunlit::power::ChangeLog::read_csv_str(&text)?.records)
}

/// A change log as CSV text.
#[uniffi::export]
pub fn change_log_to_csv(records: Vec<ChangeRecord>) -> Result<String> {
    Ok(sunlit::power::ChangeLog { records }.to_csv_string()?)
}

/// A power list read with the warnings of lenient quoting.
#[derive(uniffi::Record)]
pub struct PowerListRead {
    /// The list.
    pub list: Arc<PowerList>,
    /// One `input.relaxed_quoting` warning per field read leniently (none when strict).
    pub findings: Vec<sunlit::Finding>,
}

/// Parse power-list CSV text with `options` (quoting and limits), returning the warnings of
/// lenient quoting.
#[uniffi::export]
pub fn power_list_from_csv_with(
    text: String,
    options: crate::input::InputOptions,
) -> Result<PowerListRead> {
    let opts = crate::input::core_options(Some(options))?;
    let (list, findings) = sunlit::PowerList::read_csv_with(text.as_bytes(), &opts)?;
    Ok(PowerListRead {
        list: Arc::new(PowerList(list)),
        findings,
    })
}

/// Read a power-list CSV file with `options`, returning the warnings of lenient quoting.
#[uniffi::export]
pub fn power_list_read_csv_with(
    path: String,
    options: crate::input::InputOptions,
) -> Result<PowerListRead> {
    let opts = crate::input::core_options(Some(options))?;
    let (list, findings) = sunlit::PowerList::read_csv_path_with(&path, &opts)?;
    Ok(PowerListRead {
        list: Arc::new(PowerList(list)),
        findings,
    })
}

/// Parse power-list JSON within the limits of `options`.
#[uniffi::export]
pub fn power_list_from_json_with(
    text: String,
    options: crate::input::InputOptions,
) -> Result<Arc<PowerList>> {
    let opts = crate::input::core_options(Some(options))?;
    Ok(Arc::new(PowerList(sunlit::PowerList::from_json_with(
        &text, &opts,
    )?)))
}

/// Read a power-list JSON file within the limits of `options`.
#[uniffi::export]
pub fn power_list_read_json_with(
    path: String,
    options: crate::input::InputOptions,
) -> Result<Arc<PowerList>> {
    let opts = crate::input::core_options(Some(options))?;
    Ok(Arc::new(PowerList(sunlit::PowerList::read_json_path_with(
        &path, &opts,
    )?)))
}

/// A change log read with the warnings of lenient quoting.
#[derive(uniffi::Record)]
pub struct ChangeLogRead {
    /// The log's records.
    pub records: Vec<ChangeRecord>,
    /// One `input.relaxed_quoting` warning per field read leniently (none when strict).
    pub findings: Vec<sunlit::Finding>,
}

/// Parse change-log CSV with `options` (quoting and limits), returning the warnings of lenient
/// quoting.
#[uniffi::export]
pub fn change_log_from_csv_with(
    text: String,
    options: crate::input::InputOptions,
) -> Result<ChangeLogRead> {
    let opts = crate::input::core_options(Some(options))?;
    let (log, findings) = sunlit::power::ChangeLog::read_csv_with(text.as_bytes(), &opts)?;
    Ok(ChangeLogRead {
        records: log.records,
        findings,
    })
}

/// Parse change-log JSON (an array of records with `kind`, `code`, `name`, `document`,
/// `effective`, `remarks`) within the limits of `options` (null: the defaults).
#[uniffi::export(default(options = None))]
pub fn change_log_from_json(
    text: String,
    options: Option<crate::input::InputOptions>,
) -> Result<Vec<ChangeRecord>> {
    let opts = crate::input::core_options(options)?;
    Ok(sunlit::power::ChangeLog::from_json_with(&text, &opts)?.records)
}
