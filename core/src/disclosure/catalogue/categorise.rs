//! The category of an entry from the portal's subject classification or its title: an explicit
//! mapping table as data (`core/data/directory/topics.csv`), used only where it is unambiguous.

use std::sync::OnceLock;

use super::CatalogueEntry;
use crate::disclosure::Category;

/// The embedded mapping table: `match` (`topic` = the portal's 主题分类 or its last segment
/// after `\\` or `/`, exactly; `docno` = a part of the 发文字号; `title` = a keyword of the title),
/// `text`, `category` id, note.
const TOPICS: &str = include_str!("../../../data/directory/topics.csv");

/// How a row of the table matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Topic,
    DocNo,
    Title,
}

/// The parsed table: (how it matches, text, category).
fn table() -> &'static [(Match, String, Category)] {
    static TABLE: OnceLock<Vec<(Match, String, Category)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TOPICS
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut f = line.split(',');
                let kind = match f.next()? {
                    "topic" => Match::Topic,
                    "docno" => Match::DocNo,
                    "title" => Match::Title,
                    _ => return None,
                };
                let text = f.next()?;
                let category = Category::parse(f.next()?).ok()?;
                Some((kind, text.to_owned(), category))
            })
            .collect()
    })
}

/// The categories of the rows of one kind that `hit` accepts, if they all agree.
fn agreed(kind: Match, hit: impl Fn(&str) -> bool) -> Option<Category> {
    let mut found: Vec<Category> = table()
        .iter()
        .filter(|(k, text, _)| *k == kind && hit(text))
        .map(|(_, _, c)| *c)
        .collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The category of an entry from its printed subject classification (主题分类, or its last
/// segment after `\\` or `/`, matched exactly), else its document number (`国令第707号`: an
/// administrative regulation), else keywords of its title: the category if every matching row
/// of that step names the same one, else [`Category::Other`] (no guess). The table is
/// `core/data/directory/topics.csv`.
///
/// ```
/// use sunlit::disclosure::{Category, catalogue::{CatalogueEntry, categorise}};
/// let e = |topic: Option<&str>, title: &str| CatalogueEntry {
///     topic: topic.map(str::to_owned), title: title.into(), ..Default::default() };
/// assert_eq!(categorise(&e(Some("财政预决算"), "关于…的通知")), Category::Budgets);
/// assert_eq!(categorise(&e(Some("民政、扶贫、救灾\\扶贫"), "…指导意见")), Category::Livelihood);
/// assert_eq!(categorise(&e(None, "2024年部门预算公开")), Category::Budgets);
/// // two categories match: not guessed
/// assert_eq!(categorise(&e(None, "土地征收中的低保户安置")), Category::Other);
/// assert_eq!(categorise(&e(None, "县政府工作规则")), Category::Other);
/// ```
pub fn categorise(entry: &CatalogueEntry) -> Category {
    if let Some(t) = entry
        .topic
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let last = t.rsplit(['\\', '/']).next().unwrap_or(t).trim();
        if let Some(c) = agreed(Match::Topic, |text| text == t || text == last) {
            return c;
        }
    }
    if let Some(no) = entry.document_number.as_deref()
        && let Some(c) = agreed(Match::DocNo, |text| no.contains(text))
    {
        return c;
    }
    agreed(Match::Title, |text| entry.title.contains(text)).unwrap_or(Category::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_reads() {
        let rows = TOPICS
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(table().len(), rows);
    }
}
