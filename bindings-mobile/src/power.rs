//! Power-and-responsibility lists (权责清单): items, citations, credit codes, checks, diffs and
//! change logs. Core records are exported as they are where their field types allow.

use std::sync::Arc;

use chrono::NaiveDate;
use sunlit::{
    Finding,
    disclosure::Deadline,
    power::{
        ChangeRecord, Citation, DisclosureDuty, LegalBasis, PowerChange, PowerField, PowerItem,
        TimeLimit,
    },
};

use crate::calendar::{WorkCalendar, calendar};
use crate::errors::Result;
use crate::input::{InputOptions, core_options};

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

/// One organ's power-and-responsibility list (权责清单) at one version.
#[derive(Debug, uniffi::Object)]
pub struct PowerList(sunlit::PowerList);

fn wrap(l: sunlit::PowerList) -> Arc<PowerList> {
    Arc::new(PowerList(l))
}

/// The core options of the mobile ones.
fn opts(o: InputOptions) -> Result<sunlit::input::InputOptions> {
    core_options(Some(o))
}

constructors! { PowerList {
    /// Read a list CSV in the published layout (序号, 权力分类, 事项名称, 子项, 设定依据, 实施主体 …
    /// and their aliases).
    #[uniffi::constructor]
    fn read_csv(path: String) -> Result<Arc<PowerList>> =
        Ok(wrap(sunlit::PowerList::read_csv_path(&path)?));
    /// Parse list CSV text.
    #[uniffi::constructor]
    fn from_csv(text: String) -> Result<Arc<PowerList>> =
        Ok(wrap(sunlit::PowerList::read_csv_str(&text)?));
    /// Parse list JSON.
    #[uniffi::constructor]
    fn from_json(text: String) -> Result<Arc<PowerList>> =
        Ok(wrap(sunlit::PowerList::from_json(&text)?));
    /// Read a list JSON file.
    #[uniffi::constructor]
    fn read_json(path: String) -> Result<Arc<PowerList>> =
        Ok(wrap(sunlit::PowerList::read_json_path(&path)?));
    /// A list of the given items.
    #[uniffi::constructor]
    fn from_items(items: Vec<PowerItem>, organ: Option<String>, effective: Option<NaiveDate>)
        -> Result<Arc<PowerList>> =
        Ok(wrap(sunlit::PowerList { organ, effective, items, extra_columns: Vec::new() }));
}}

methods! { PowerList(p) {
    /// A copy with the organ and effective date set (null keeps the current value).
    fn with_version(organ: Option<String>, effective: Option<NaiveDate>) -> Result<Arc<PowerList>> =
        {
        let mut l = p.0.clone();
        l.organ = organ.or(l.organ);
        l.effective = effective.or(l.effective);
        Ok(wrap(l))
    };
    /// The organ, if known.
    fn organ() -> Option<String> = p.0.organ.clone();
    /// The effective date of this version, if known.
    fn effective() -> Option<NaiveDate> = p.0.effective;
    /// Number of items.
    fn len() -> u64 = p.0.len() as u64;
    /// Whether there are no items.
    fn is_empty() -> bool = p.0.is_empty();
    /// The items, in list order.
    fn items() -> Vec<PowerItem> = p.0.items.clone();
    /// The items whose implementation or basic code is `code`.
    fn find(code: String) -> Vec<PowerItem> = p.0.find(&code).into_iter().cloned().collect();
    /// Findings of every power-list rule.
    fn check() -> Vec<Finding> = p.0.check().into_vec();
    /// What this list obliges its organ to disclose and by when (null calendar: national).
    #[uniffi::method(default(cal = None))]
    fn disclosure_duties(options: DutyOptions, cal: Option<Arc<WorkCalendar>>)
        -> Result<Vec<DisclosureDuty>> =
        {
        let d = sunlit::power::DutyOptions::default();
        let opts = sunlit::power::DutyOptions {
            change_workdays: options.change_workdays.unwrap_or(d.change_workdays),
            change_basis: options.change_basis,
            changes: options.changes,
        };
        Ok(p.0.disclosure_duties(&opts, &calendar(cal))?)
    };
    /// The changes from this version (old) to `new`.
    fn diff(new: Arc<PowerList>) -> Vec<PowerChange> = sunlit::PowerList::diff(&p.0, &new.0);
    /// The list as CSV text.
    fn to_csv() -> Result<String> = Ok(p.0.to_csv_string()?);
    /// The list as JSON.
    fn to_json() -> String = p.0.to_json();
}}

functions! {
    /// For a 双公示 duty: the deadline of one decision made on `decided` (null calendar: national).
    export(default(cal = None))
    fn disclosure_duty_deadline(
        duty: DisclosureDuty,
        decided: NaiveDate,
        cal: Option<Arc<WorkCalendar>>,
    ) -> Result<Deadline> =
        Ok(duty.decision_deadline(decided, &calendar(cal))?);
    /// The changes from `old` to `new` (the same as `old.diff(new)`).
    fn power_list_diff(old: Arc<PowerList>, new: Arc<PowerList>) -> Vec<PowerChange> =
        sunlit::PowerList::diff(&old.0, &new.0);
    /// The text of one column of an item as written to CSV.
    fn power_item_cell(item: PowerItem, field: PowerField) -> String = item.cell(field);
    /// Parse one citation (`《中华人民共和国行政许可法》第十二条第一项`).
    fn parse_citation(text: String) -> Result<Citation> = Ok(sunlit::power::parse_citation(&text)?);
    /// Read a legal-basis cell with any number of citations; never fails.
    fn parse_legal_basis(text: String) -> LegalBasis = LegalBasis::parse(&text);
    /// Canonical form of a citation: 《title》第N条第N款第N项.
    fn citation_canonical(citation: Citation) -> String = citation.canonical();
    /// Parse a time limit as printed (`20个工作日`, `30日`, `即办`).
    fn parse_time_limit(text: String) -> Result<TimeLimit> = Ok(TimeLimit::parse(&text)?);
    /// Whether `limit` is certainly longer than `other` (null: depends on the calendar).
    fn time_limit_exceeds(limit: TimeLimit, other: TimeLimit) -> Option<bool> =
        limit.exceeds(&other);
    /// The GB 32100—2015 check character of the first 17 characters of a credit code.
    fn credit_code_check_char(first17: String) -> Result<String> =
        Ok(sunlit::power::credit_code_check_char(&first17)?.to_string());
    /// Whether a unified social credit code is valid (length, alphabet, check character).
    fn is_valid_credit_code(code: String) -> bool = sunlit::power::CreditCode::is_valid(&code);
    /// Parse a number in Arabic or Chinese numerals.
    fn parse_numeral(text: String) -> Result<u32> = Ok(sunlit::power::parse_numeral(&text)?);
    /// Write a number in Chinese numerals.
    fn chinese_numeral(n: u32) -> String = sunlit::power::chinese_numeral(n);
    /// A change log of `changes`, all with one approving document and effective date.
    fn change_log_from_changes(
        changes: Vec<PowerChange>,
        document: Option<String>,
        effective: Option<NaiveDate>,
    ) -> Result<Vec<ChangeRecord>> =
        Ok(sunlit::power::ChangeLog::from_changes(&changes, document.as_deref(), effective).records);
    /// Parse change-log CSV (变更类型,编码,事项名称,批准文件,生效日期,备注).
    fn change_log_from_csv(text: String) -> Result<Vec<ChangeRecord>> =
        Ok(sunlit::power::ChangeLog::read_csv_str(&text)?.records);
    /// A change log as CSV text.
    fn change_log_to_csv(records: Vec<ChangeRecord>) -> Result<String> =
        Ok(sunlit::power::ChangeLog { records }.to_csv_string()?);
    /// Parse power-list CSV text with `options` (quoting and limits), returning the warnings of
    /// lenient quoting.
    fn power_list_from_csv_with(text: String, options: InputOptions) -> Result<PowerListRead> =
        {
        let (list, findings) = sunlit::PowerList::read_csv_with(text.as_bytes(), &opts(options)?)?;
        Ok(PowerListRead { list: wrap(list), findings })
    };
    /// Read a power-list CSV file with `options`, returning the warnings of lenient quoting.
    fn power_list_read_csv_with(path: String, options: InputOptions) -> Result<PowerListRead> =
        {
        let (list, findings) = sunlit::PowerList::read_csv_path_with(&path, &opts(options)?)?;
        Ok(PowerListRead { list: wrap(list), findings })
    };
    /// Parse power-list JSON within the limits of `options`.
    fn power_list_from_json_with(text: String, options: InputOptions) -> Result<Arc<PowerList>> =
        Ok(wrap(sunlit::PowerList::from_json_with(&text, &opts(options)?)?));
    /// Read a power-list JSON file within the limits of `options`.
    fn power_list_read_json_with(path: String, options: InputOptions) -> Result<Arc<PowerList>> =
        Ok(wrap(sunlit::PowerList::read_json_path_with(&path, &opts(options)?)?));
    /// Parse change-log CSV with `options` (quoting and limits), returning the warnings of
    /// lenient quoting.
    fn change_log_from_csv_with(text: String, options: InputOptions) -> Result<ChangeLogRead> =
        {
        let (log, findings) = sunlit::power::ChangeLog::read_csv_with(text.as_bytes(), &opts(options)?)?;
        Ok(ChangeLogRead { records: log.records, findings })
    };
    /// Parse change-log JSON (an array of records with `kind`, `code`, `name`, `document`,
    /// `effective`, `remarks`) within the limits of `options` (null: the defaults).
    export(default(options = None))
    fn change_log_from_json(text: String, options: Option<InputOptions>)
        -> Result<Vec<ChangeRecord>> =
        Ok(sunlit::power::ChangeLog::from_json_with(&text, &core_options(options)?)?.records);
}

/// A power list read with the warnings of lenient quoting.
#[derive(uniffi::Record)]
pub struct PowerListRead {
    /// The list.
    pub list: Arc<PowerList>,
    /// One `input.relaxed_quoting` warning per field read leniently (none when strict).
    pub findings: Vec<Finding>,
}

/// A change log read with the warnings of lenient quoting.
#[derive(uniffi::Record)]
pub struct ChangeLogRead {
    /// The log's records.
    pub records: Vec<ChangeRecord>,
    /// One `input.relaxed_quoting` warning per field read leniently (none when strict).
    pub findings: Vec<Finding>,
}
