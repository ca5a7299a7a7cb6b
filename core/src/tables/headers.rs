//! Column headings as data: every printed spelling met in real documents, with its meaning and
//! where it was seen (`headers.csv`, embedded).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::kind::normalize;
use super::table::TableColumn;

const HEADERS: &str = include_str!("headers.csv");

/// What a printed column heading of a published table is: an amount column, the code or name
/// column, a printed line number, or a merged heading over other columns.
///
/// ```
/// use sunlit::tables::{HeadingRole, TableColumn};
/// assert_eq!(HeadingRole::recognise("行次"), Some(HeadingRole::LineNumber));
/// assert_eq!(HeadingRole::recognise("功能分类科目编码"), Some(HeadingRole::Code));
/// assert_eq!(HeadingRole::recognise("一般公共预算拨款收入"), Some(HeadingRole::Column(TableColumn::General)));
/// assert_eq!(HeadingRole::recognise("备注说明"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadingRole {
    /// An amount column.
    Column(TableColumn),
    /// A code column (科目编码, 功能分类科目编码, 类, 款, 项 …).
    Code,
    /// The name or label column (科目名称, 项目 …).
    Name,
    /// A printed line or column number (行次, 栏次): to be ignored, never checked.
    LineNumber,
    /// A merged heading above amount columns (支出预算, 财政拨款支出, "三公"经费预算数 …).
    Group,
}

/// The embedded table: normalised heading → meaning. Lines are `heading,meaning,source`; `#`
/// starts a comment line. A line the library cannot read is a packaging bug caught by the tests
/// (`every_line_of_the_heading_data_is_read`), and is skipped here rather than panicking.
static TABLE: LazyLock<HashMap<String, HeadingRole>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (heading, role) in entries().into_iter().flatten() {
        map.entry(normalize(&heading)).or_insert(role);
    }
    map
});

/// Every data line as (heading, meaning), `None` for a line that does not read.
fn entries() -> Vec<Option<(String, HeadingRole)>> {
    HEADERS
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .skip(1) // heading,meaning,source
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, ',');
            let heading = parts.next()?.trim().to_owned();
            let meaning = parts.next()?.trim();
            let source = parts.next()?.trim();
            if heading.is_empty() || source.is_empty() {
                return None;
            }
            let role = match meaning {
                "code" => HeadingRole::Code,
                "name" => HeadingRole::Name,
                "line_number" => HeadingRole::LineNumber,
                "group" => HeadingRole::Group,
                id => HeadingRole::Column(
                    TableColumn::parse(id)
                        .ok()
                        .filter(|c| *c != TableColumn::Other)?,
                ),
            };
            Some((heading, role))
        })
        .collect()
}

/// Drop a leading year (`2024年`, `2024年度`).
fn strip_year(s: &str) -> &str {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits != 4 {
        return s;
    }
    let rest = &s[digits..];
    rest.strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))
        .unwrap_or(s)
}

/// The figure suffixes of the "三公" tables.
const FIGURES: [(&str, TableColumn); 2] = [
    ("预算数", TableColumn::Budgeted),
    ("决算数", TableColumn::Actual),
];

fn lookup(normalised: &str) -> Option<HeadingRole> {
    TABLE.get(normalised).copied().or_else(|| {
        let s = strip_year(normalised);
        (s != normalised).then(|| TABLE.get(s).copied()).flatten()
    })
}

impl HeadingRole {
    /// Recognise a printed heading: NFKC-normalised ([`normalize_text`](crate::document::normalize_text)),
    /// spaces, quotes, enumerators and bracketed remarks ignored, a leading year (`2024年`)
    /// dropped, and a trailing 预算数 / 决算数 dropped when what remains is an amount column
    /// (`机关运行经费预算数` is 机关运行经费). The spellings and their sources are the embedded
    /// `core/src/tables/headers.csv`; the names and aliases of [`TableColumn`] are recognised too.
    /// `None` for a heading the library does not know — keep such a column as
    /// [`TableColumn::Other`] ([`PublishedTable::new_keeping_unknown`](crate::PublishedTable::new_keeping_unknown)).
    ///
    /// ```
    /// use sunlit::tables::{HeadingRole, TableColumn};
    /// assert_eq!(HeadingRole::recognise("机关运行经费预算数"), Some(HeadingRole::Column(TableColumn::RunningCosts)));
    /// assert_eq!(HeadingRole::recognise("2024年机关运行经费预算数"), Some(HeadingRole::Column(TableColumn::RunningCosts)));
    /// assert_eq!(HeadingRole::recognise("2024年“三公”经费预算数"), Some(HeadingRole::Group));
    /// assert_eq!(HeadingRole::recognise("⽀出预算"), Some(HeadingRole::Group)); // Kangxi radical ⽀
    /// assert_eq!(HeadingRole::recognise(""), None);
    /// ```
    pub fn recognise(heading: &str) -> Option<HeadingRole> {
        let t = normalize(heading);
        if t.is_empty() {
            return None;
        }
        if let Some(r) = lookup(&t) {
            return Some(r);
        }
        if is_of_which(&t) {
            return Some(HeadingRole::Column(TableColumn::OfWhich));
        }
        if let Some(c) = TableColumn::ALL
            .iter()
            .copied()
            .filter(|c| *c != TableColumn::Other)
            .find(|c| {
                c.id() == heading.trim()
                    || normalize(c.name_zh()) == t
                    || c.aliases().iter().any(|a| normalize(a) == t)
            })
        {
            return Some(HeadingRole::Column(c));
        }
        let (rest, figure) = split_figure(&t);
        match (figure, lookup(rest)) {
            (Some(_), Some(HeadingRole::Column(c))) => Some(HeadingRole::Column(c)),
            _ => None,
        }
    }
}

/// Whether a normalised heading is an "of which" sub-column (其中, 其中:教育收费 …).
fn is_of_which(t: &str) -> bool {
    t.starts_with("其中")
}

/// Sub-headings that only say "the amount" of the heading printed above them: 事业收入 / 金额
/// (SWU-B23 p8, SWU-F23 p10), 项目支出 / 小计 (SWU-F23 p14). Under a heading that names a column
/// they are that column; alone they keep their own meaning (`headers.csv`).
const PLAIN_SUBHEADINGS: [&str; 2] = ["金额", "小计"];

impl TableColumn {
    /// Recognise a column from its stacked headings, top to bottom, where the bottom one only
    /// makes sense under the one above it: an "of which" sub-column (`事业收入 / 其中：教育收费`)
    /// is [`TableColumn::OfWhich`] — a part of its parent, never summed with its siblings — and a
    /// plain 金额 / 小计 under a heading that names a column is that column (`事业收入 / 金额` is
    /// 事业收入, `本年支出 / 项目支出 / 小计` is 项目支出). `None` when the bottom heading is
    /// neither: recognise it on its own ([`TableColumn::recognise`]).
    ///
    /// ```
    /// use sunlit::tables::TableColumn as C;
    /// assert_eq!(C::recognise_path(&["事业收入", "金额"]), Some(C::OperatingIncome));
    /// assert_eq!(C::recognise_path(&["事业收入", "其中：教育\n收费"]), Some(C::OfWhich));
    /// assert_eq!(C::recognise_path(&["本年支出", "项目支出", "小计"]), Some(C::Project));
    /// assert_eq!(C::recognise_path(&["金额"]), None); // alone: 金额 (TableColumn::recognise)
    /// assert_eq!(C::recognise_path(&["支出", "基本支出"]), None);
    /// ```
    pub fn recognise_path(headings: &[&str]) -> Option<TableColumn> {
        let parts: Vec<String> = headings
            .iter()
            .map(|h| normalize(h))
            .filter(|h| !h.is_empty())
            .collect();
        let (bottom, above) = parts.split_last()?;
        if is_of_which(bottom) {
            return Some(TableColumn::OfWhich);
        }
        if !PLAIN_SUBHEADINGS.contains(&bottom.as_str()) {
            return None;
        }
        above
            .iter()
            .rev()
            .find_map(|h| match HeadingRole::recognise(h) {
                Some(HeadingRole::Column(c)) if c != TableColumn::Amount => Some(c),
                _ => None,
            })
    }
}

/// Split a trailing 预算数 / 决算数 off a normalised heading.
fn split_figure(t: &str) -> (&str, Option<TableColumn>) {
    for (suffix, figure) in FIGURES {
        if let Some(rest) = t.strip_suffix(suffix)
            && !rest.is_empty()
        {
            return (rest, Some(figure));
        }
    }
    (t, None)
}

impl TableColumn {
    /// Recognise a heading of a "三公" table printed with 预算数 and 决算数 sub-columns, flattened
    /// as `合计预算数`, `因公出国(境)费/决算数`, `公务接待费 预算数` …: the item and the figure
    /// ([`TableColumn::Budgeted`] or [`TableColumn::Actual`]). A heading without a figure gives
    /// `(item, None)`. `None` when the item is not an amount column.
    ///
    /// ```
    /// use sunlit::tables::TableColumn as C;
    /// assert_eq!(C::recognise_with_figure("因公出国（境）费/决算数"), Some((C::AbroadTravel, Some(C::Actual))));
    /// assert_eq!(C::recognise_with_figure("合计预算数"), Some((C::Total, Some(C::Budgeted))));
    /// assert_eq!(C::recognise_with_figure("公务接待费"), Some((C::Reception, None)));
    /// assert_eq!(C::recognise_with_figure("公务用车购置及运行维护费/小计/预算数"), Some((C::Vehicles, Some(C::Budgeted))));
    /// assert_eq!(C::recognise_with_figure("公务用车购置及运行维护费/公务用车购置费/决算数"), Some((C::VehiclePurchase, Some(C::Actual))));
    /// assert_eq!(C::recognise_with_figure("行次"), None);
    /// ```
    pub fn recognise_with_figure(heading: &str) -> Option<(TableColumn, Option<TableColumn>)> {
        let t = normalize(heading);
        let t = t.trim_end_matches(['/', '-', '|', '—']);
        let (rest, figure) = split_figure(t);
        let rest = strip_year(rest.trim_end_matches(['/', '-', '|', '—']));
        if figure.is_some() {
            // The whole item (公务用车购置及运行费/小计 → …小计), else its last level (小计).
            let joined: String = rest
                .chars()
                .filter(|c| !matches!(c, '/' | '|' | '—'))
                .collect();
            let last = rest.rsplit(['/', '|', '—']).next().unwrap_or(rest);
            for candidate in [rest, joined.as_str(), last] {
                if let Some(HeadingRole::Column(c)) = lookup(candidate) {
                    return Some((c, figure));
                }
            }
        }
        match HeadingRole::recognise(t) {
            Some(HeadingRole::Column(c)) => Some((c, None)),
            _ => None,
        }
    }
}

/// How many distinct spellings the embedded heading data holds (for the tests and the docs).
#[cfg(test)]
pub(crate) fn spelling_count() -> usize {
    entries().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_heading_data_is_read() {
        let all = entries();
        for (i, e) in all.iter().enumerate() {
            assert!(e.is_some(), "headers.csv data line {} does not read", i + 1);
        }
        assert!(spelling_count() >= 100, "{}", spelling_count());
        // No spelling means two things.
        let mut seen: HashMap<String, HeadingRole> = HashMap::new();
        for (h, r) in all.into_iter().flatten() {
            if let Some(prev) = seen.insert(normalize(&h), r) {
                assert_eq!(prev, r, "{h}");
            }
        }
    }

    #[test]
    fn real_spellings_are_recognised() {
        use TableColumn as C;
        for (h, want) in [
            ("本年收入合计", HeadingRole::Column(C::Total)),
            ("收入合计", HeadingRole::Column(C::Total)),
            ("项目（科目编码/科目名称）", HeadingRole::Name),
            ("功能分类⏎科目编码", HeadingRole::Code),
            ("一般公共预算财政拨款", HeadingRole::Column(C::General)),
            ("财政拨款（补助）", HeadingRole::Column(C::Appropriation)),
            ("上年结转", HeadingRole::Column(C::CarriedOver)),
            ("单位自筹", HeadingRole::Column(C::OtherIncome)),
            ("非财政拨款", HeadingRole::Column(C::NonAppropriation)),
            ("栏次", HeadingRole::LineNumber),
            ("年初预算数", HeadingRole::Column(C::Budgeted)),
            ("调整预算数", HeadingRole::Column(C::AdjustedBudget)),
            ("其他资金", HeadingRole::Column(C::OtherIncome)),
            ("附属单位\n上缴收入", HeadingRole::Column(C::AffiliateRemit)),
            (
                "2024年机关运行经费预算数",
                HeadingRole::Column(C::RunningCosts),
            ),
        ] {
            let h = h.replace('⏎', "");
            assert_eq!(HeadingRole::recognise(&h), Some(want), "{h}");
        }
    }
}
