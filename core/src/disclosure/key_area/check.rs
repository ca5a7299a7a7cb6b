//! Checking a catalogue against a checklist.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Checklist, Item, Organ, Period, PublishedFact, finding, rules, year_of};
use crate::calendar::WorkCalendar;
use crate::disclosure::{CatalogueEntry, Category};
use crate::finding::Finding;
use crate::vocab::vocabulary;

vocabulary! {
    /// What the check concluded for one item.
    pub enum ItemState("item_state") {
        /// Published, and within its period (or it has none).
        Published = "published", "已公开";
        /// Published after its period.
        Late = "late", "逾期公开";
        /// Nothing matches.
        Missing = "missing", "未公开";
        /// Only ambiguous or undated matches, or a period that could not be checked.
        Undecided = "undecided", "未判断";
    }
}

/// The result for one item that binds the organ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ItemStatus {
    /// The area's id.
    pub area: String,
    /// The item's id.
    pub item: String,
    /// The state.
    pub state: ItemState,
    /// The titles of what matched.
    pub matched: Vec<String>,
}

/// The result of [`Checklist::check`]: one status per item that binds the organ, and the
/// findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct KeyAreaReport {
    /// The checklist's id and version, e.g. `national 2026-12-05`.
    pub checklist: String,
    /// The organ.
    pub organ: String,
    /// The year.
    pub year: i32,
    /// One per item that binds the organ, in checklist order.
    pub items: Vec<ItemStatus>,
    /// The `key_area.*` findings.
    pub findings: Vec<Finding>,
}

/// One thing that may match an item: a catalogue entry or a published fact.
struct Candidate<'a> {
    item: Option<&'a str>,
    text: String,
    title: &'a str,
    category: Category,
    formed: Option<NaiveDate>,
    published: Option<NaiveDate>,
}

fn candidates<'a>(
    entries: &'a [CatalogueEntry],
    facts: &'a [PublishedFact],
    year: i32,
) -> Vec<Candidate<'a>> {
    let from_entries = entries.iter().map(|e| Candidate {
        item: None,
        text: [
            Some(e.title.as_str()),
            e.summary.as_deref(),
            e.topic.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
        title: &e.title,
        category: e.category,
        formed: e.formed,
        published: e.published,
    });
    let from_facts = facts.iter().map(|f| Candidate {
        item: f.item.as_deref(),
        text: f.title.clone(),
        title: &f.title,
        category: Category::Other,
        formed: f.formed,
        published: f.published,
    });
    from_entries
        .chain(from_facts)
        .filter(|c| year_of(c.formed, c.published) == Some(year))
        .collect()
}

fn matches(item: &Item, c: &Candidate<'_>) -> bool {
    if let Some(id) = c.item {
        return id == item.id;
    }
    let category_ok = match item.category {
        Some(cat) => c.category == Category::Other || c.category == cat,
        None => true,
    };
    category_ok && item.keywords.matches(&c.text)
}

pub(super) fn run(
    list: &Checklist,
    entries: &[CatalogueEntry],
    facts: &[PublishedFact],
    organ: &Organ,
    year: i32,
    cal: &WorkCalendar,
) -> KeyAreaReport {
    let cands = candidates(entries, facts, year);
    let bound: Vec<(&str, &Item)> = list
        .areas
        .iter()
        .flat_map(|a| a.items.iter().map(move |i| (a.id.as_str(), i)))
        .filter(|(_, i)| i.binds(organ))
        .collect();
    // the bound items each candidate matches (by keywords; an explicit item is one)
    let hits: Vec<Vec<&str>> = cands
        .iter()
        .map(|c| {
            bound
                .iter()
                .filter(|(_, i)| matches(i, c))
                .map(|(_, i)| i.id.as_str())
                .collect()
        })
        .collect();
    let mut report = KeyAreaReport {
        checklist: format!("{} {}", list.id, list.version),
        organ: organ.name.clone(),
        year,
        items: Vec::new(),
        findings: Vec::new(),
    };
    for (area, item) in bound {
        let (clear, ambiguous): (Vec<_>, Vec<_>) = cands
            .iter()
            .zip(&hits)
            .filter(|(c, _)| matches(item, c))
            .partition(|(c, n)| n.len() == 1 || c.item.is_some());
        let matched = clear
            .iter()
            .chain(&ambiguous)
            .map(|(c, _)| c.title.to_owned())
            .collect();
        let clear: Vec<&Candidate<'_>> = clear.into_iter().map(|(c, _)| c).collect();
        let (state, mut findings) = judge(item, &clear, &ambiguous, year, cal);
        report.items.push(ItemStatus {
            area: area.to_owned(),
            item: item.id.clone(),
            state,
            matched,
        });
        report.findings.append(&mut findings);
    }
    report
}

fn judge(
    item: &Item,
    clear: &[&Candidate<'_>],
    ambiguous: &[(&Candidate<'_>, &Vec<&str>)],
    year: i32,
    cal: &WorkCalendar,
) -> (ItemState, Vec<Finding>) {
    if clear.is_empty() && ambiguous.is_empty() {
        return (ItemState::Missing, vec![missing(item, year, None)]);
    }
    if clear.is_empty() {
        let titles: Vec<String> = ambiguous
            .iter()
            .map(|(c, items)| format!("{} [{}]", c.title, items.join(", ")))
            .collect();
        let f = finding(
            &rules::AMBIGUOUS,
            item,
            format!(
                "“{}”的条目也与其他事项匹配，未判断：{}",
                item.name,
                titles.join("；")
            ),
            format!(
                "{}: the matching entries also match other items: {}",
                item.id,
                titles.join("; ")
            ),
        );
        return (ItemState::Undecided, vec![f]);
    }
    if matches!(item.period, Some(Period::Quarterly)) {
        return quarters(item, clear, year);
    }
    let Some(period) = item.period.as_ref().filter(|_| item.verified) else {
        let unverified = item.period.is_some().then(|| unverified(item));
        return (ItemState::Published, unverified.into_iter().collect());
    };
    timeliness(item, period, clear, year, cal)
}

fn timeliness(
    item: &Item,
    period: &Period,
    clear: &[&Candidate<'_>],
    year: i32,
    cal: &WorkCalendar,
) -> (ItemState, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut on_time = false;
    for c in clear {
        let due = period.due(c.formed, year, cal);
        match (due, c.published) {
            (Ok(Some(due)), Some(published)) if published > due => {
                findings.push(late(item, period, c, due, published, cal));
            }
            (Ok(Some(_)), Some(_)) => on_time = true,
            (Err(e), _) => findings.push(undated(item, c, &e.to_string())),
            _ => findings.push(undated(item, c, "no formation or publication date")),
        }
    }
    let state = if on_time {
        ItemState::Published
    } else if findings.iter().any(|f| f.rule == rules::LATE.id) {
        ItemState::Late
    } else {
        ItemState::Undecided
    };
    (state, findings)
}

fn missing(item: &Item, year: i32, quarter: Option<u32>) -> Finding {
    let (pz, pe) = item
        .period
        .as_ref()
        .map(Period::describe)
        .unwrap_or_default();
    let (qz, qe) = quarter.map_or((String::new(), String::new()), |q| {
        (format!("第{q}季度"), format!(" Q{q}"))
    });
    finding(
        &rules::MISSING,
        item,
        format!(
            "{year}年{qz}未见“{}”的公开记录（{}；{}{}）",
            item.name,
            item.publish,
            item.citation.text(),
            if pz.is_empty() {
                String::new()
            } else {
                format!("，{pz}")
            }
        ),
        format!(
            "{year}{qe}: nothing published for {} ({}){}",
            item.id,
            item.citation.text(),
            if pe.is_empty() {
                String::new()
            } else {
                format!(", due {pe}")
            }
        ),
    )
}

fn late(
    item: &Item,
    period: &Period,
    c: &Candidate<'_>,
    due: NaiveDate,
    published: NaiveDate,
    cal: &WorkCalendar,
) -> Finding {
    let (pz, pe) = period.describe();
    let formed = c.formed.map_or("—".to_owned(), |d| d.to_string());
    let mut f = finding(
        &rules::LATE,
        item,
        format!(
            "“{}”{}形成，应于{due}前公开（{pz}，{}），实际{published}公开",
            c.title,
            formed,
            item.citation.text()
        ),
        format!(
            "{}: formed {formed}, due {due} ({pe}, {}), published {published}",
            item.id,
            item.citation.text()
        ),
    )
    .with_printed(c.title.to_owned());
    if let (Period::WorkingDays { days, .. }, Some(formed)) = (period, c.formed)
        && let Ok(taken) = cal.workdays_between(formed, published)
    {
        f = f.with_values(Decimal::from(*days), Decimal::from(taken));
    } else if let (Period::CalendarDays { days, .. }, Some(formed)) = (period, c.formed) {
        let taken = (published - formed).num_days();
        f = f.with_values(Decimal::from(*days), Decimal::from(taken));
    }
    f
}

fn undated(item: &Item, c: &Candidate<'_>, why: &str) -> Finding {
    finding(
        &rules::AMBIGUOUS,
        item,
        format!("“{}”无法检查时限：{why}", c.title),
        format!(
            "{}: timeliness of “{}” not checked: {why}",
            item.id, c.title
        ),
    )
    .with_printed(c.title.to_owned())
}

fn unverified(item: &Item) -> Finding {
    finding(
        &rules::UNVERIFIED_PERIOD,
        item,
        format!("“{}”的公开时限未经核实，未检查是否逾期", item.name),
        format!(
            "{}: the period is not verified; timeliness not checked",
            item.id
        ),
    )
}

fn quarters(item: &Item, clear: &[&Candidate<'_>], year: i32) -> (ItemState, Vec<Finding>) {
    let quarter_of = |c: &&Candidate<'_>| c.published.or(c.formed).map(|d| d.month0() / 3 + 1);
    let seen: Vec<u32> = clear.iter().filter_map(quarter_of).collect();
    let findings: Vec<Finding> = (1..=4)
        .filter(|q| !seen.contains(q))
        .map(|q| missing(item, year, Some(q)))
        .collect();
    let state = if findings.is_empty() {
        ItemState::Published
    } else {
        ItemState::Missing
    };
    (state, findings)
}
