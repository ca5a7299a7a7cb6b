//! Search over a catalogue: words of 名称 and 内容概述 (Chinese has no spaces: a character-bigram
//! index, each candidate then confirmed by substring), category, date range.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::{CatalogueEntry, DisclosureCatalogue};
use crate::disclosure::Category;
use crate::error::{Error, Result};

/// What to look for. Every given part must hold: each whitespace-separated term of `text`
/// occurs in the title or summary (case-insensitive for Latin letters), the category is
/// `category`, the entry's date (published, else formed) is within `from..=to`. A term never
/// spans the title and the summary. An entry without
/// a date never matches a date range.
///
/// ```
/// use sunlit::disclosure::{Category, catalogue::SearchQuery};
/// let q = SearchQuery { text: Some("预算 公开".into()), category: Some(Category::Budgets), ..Default::default() };
/// assert!(q.from.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SearchQuery {
    /// Terms, separated by whitespace; all must occur (Latin letters case-insensitively).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub text: Option<String>,
    /// The category.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub category: Option<Category>,
    /// First day of the date range (inclusive).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub from: Option<NaiveDate>,
    /// Last day of the date range (inclusive).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub to: Option<NaiveDate>,
}

/// Whether `text` holds `term` (already lower-cased), Latin letters compared case-insensitively;
/// allocates only when `text` has an upper-case ASCII letter.
fn holds(text: &str, term: &str) -> bool {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        text.to_ascii_lowercase().contains(term)
    } else {
        text.contains(term)
    }
}

/// Two characters as one key.
fn key(a: char, b: char) -> u64 {
    (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b))
}

/// The bigrams of one text (title or summary), Latin letters lower-cased.
fn bigrams(text: &str) -> impl Iterator<Item = u64> + '_ {
    let mut chars = text.chars().map(|c| c.to_ascii_lowercase());
    let mut prev = chars.next();
    chars.map(move |c| {
        let k = key(prev.unwrap_or(c), c);
        prev = Some(c);
        k
    })
}

/// The terms of a query, lower-cased.
fn terms(q: &SearchQuery) -> Vec<String> {
    q.text
        .as_deref()
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether an entry passes the category and date parts of a query.
fn passes(e: &CatalogueEntry, q: &SearchQuery) -> bool {
    if q.category.is_some_and(|c| c != e.category) {
        return false;
    }
    if q.from.is_none() && q.to.is_none() {
        return true;
    }
    let Some(d) = e.published.or(e.formed) else {
        return false;
    };
    q.from.is_none_or(|f| d >= f) && q.to.is_none_or(|t| d <= t)
}

/// Whether every term occurs in the entry's title or summary.
fn contains_all(e: &CatalogueEntry, terms: &[String]) -> bool {
    terms
        .iter()
        .all(|t| holds(&e.title, t) || e.summary.as_deref().is_some_and(|s| holds(s, t)))
}

impl DisclosureCatalogue {
    /// The entries matching `query`, in catalogue order, by a scan of every entry (no index to
    /// build; for repeated queries over a large catalogue build a [`CatalogueIndex`]).
    ///
    /// ```
    /// use sunlit::disclosure::catalogue::{DisclosureCatalogue, SearchQuery};
    /// let c = DisclosureCatalogue::read_csv_str("索引号,标题,发布日期\n\
    ///     003129766/2019-1,2019年部门预算,2019-02-01\n003129766/2019-2,工作规则,2019-03-01\n")?;
    /// let q = SearchQuery { text: Some("预算".into()), ..Default::default() };
    /// assert_eq!(c.search(&q).len(), 1);
    /// let none = SearchQuery { text: Some("决算".into()), ..Default::default() };
    /// assert!(c.search(&none).is_empty());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn search(&self, query: &SearchQuery) -> Vec<&CatalogueEntry> {
        let terms = terms(query);
        self.entries
            .iter()
            .filter(|e| passes(e, query) && contains_all(e, &terms))
            .collect()
    }
}

/// A character-bigram index over a catalogue's titles and summaries: for each pair of adjacent
/// characters, the positions of the entries holding it. A term of two or more characters is
/// looked up by intersecting its bigrams' lists (shortest first), then each candidate is
/// confirmed by substring; a one-character term is confirmed by substring over the candidates
/// of the other terms (or every entry). Results are in catalogue order.
///
/// ```
/// use sunlit::disclosure::catalogue::{CatalogueIndex, DisclosureCatalogue, SearchQuery};
/// let c = DisclosureCatalogue::read_csv_str("索引号,标题\n003129766/2019-1,2019年部门预算\n003129766/2019-2,预算\n")?;
/// let index = CatalogueIndex::build(&c);
/// let q = SearchQuery { text: Some("部门预算".into()), ..Default::default() };
/// assert_eq!(index.search(&c, &q)?.len(), 1);
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct CatalogueIndex {
    postings: FxHashMap<u64, Vec<u32>>,
    len: usize,
}

impl CatalogueIndex {
    /// Index a catalogue.
    ///
    /// ```
    /// use sunlit::disclosure::catalogue::{CatalogueIndex, DisclosureCatalogue};
    /// assert_eq!(CatalogueIndex::build(&DisclosureCatalogue::default()).len(), 0);
    /// ```
    pub fn build(c: &DisclosureCatalogue) -> CatalogueIndex {
        let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (i, e) in c.entries.iter().enumerate() {
            let pos = u32::try_from(i).unwrap_or(u32::MAX);
            let summary = e.summary.as_deref().unwrap_or_default();
            for k in bigrams(&e.title).chain(bigrams(summary)) {
                let list = postings.entry(k).or_default();
                if list.last() != Some(&pos) {
                    list.push(pos);
                }
            }
        }
        CatalogueIndex {
            postings,
            len: c.len(),
        }
    }

    /// The number of entries indexed.
    ///
    /// ```
    /// use sunlit::disclosure::catalogue::{CatalogueIndex, DisclosureCatalogue, CatalogueEntry};
    /// let c = DisclosureCatalogue::new(vec![CatalogueEntry::default()]);
    /// assert_eq!(CatalogueIndex::build(&c).len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no entry is indexed.
    ///
    /// ```
    /// use sunlit::disclosure::catalogue::{CatalogueIndex, DisclosureCatalogue};
    /// assert!(CatalogueIndex::build(&DisclosureCatalogue::default()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The candidate positions of a term of two or more characters (sorted), or `None` for a
    /// one-character term.
    fn candidates(&self, term: &str) -> Option<Vec<u32>> {
        let chars: Vec<char> = term.chars().collect(); // already lower-cased
        if chars.len() < 2 {
            return None;
        }
        let mut lists: Vec<&[u32]> = chars
            .windows(2)
            .map(|w| match w {
                [a, b] => self
                    .postings
                    .get(&key(*a, *b))
                    .map_or(&[][..], Vec::as_slice),
                _ => &[][..],
            })
            .collect();
        lists.sort_by_key(|l| l.len());
        let mut out: Vec<u32> = lists.first().map(|l| l.to_vec()).unwrap_or_default();
        for l in lists.iter().skip(1) {
            out.retain(|p| l.binary_search(p).is_ok());
        }
        Some(out)
    }

    /// The entries of `c` matching `query`, in catalogue order. `c` must be the catalogue the
    /// index was built from (same length), else an [`Error::Field`] with field `catalogue_index`.
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::{CatalogueIndex, CatalogueEntry, DisclosureCatalogue, SearchQuery}};
    /// let c = DisclosureCatalogue::read_csv_str("索引号,标题\n003129766/2019-1,行政处罚决定书\n")?;
    /// let index = CatalogueIndex::build(&c);
    /// let q = SearchQuery { text: Some("处罚".into()), ..Default::default() };
    /// assert_eq!(index.search(&c, &q)?[0].title, "行政处罚决定书");
    /// let other = DisclosureCatalogue::new(vec![CatalogueEntry::default(); 2]);
    /// assert!(matches!(index.search(&other, &q), Err(Error::Field { field: "catalogue_index", .. })));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn search<'c>(
        &self,
        c: &'c DisclosureCatalogue,
        query: &SearchQuery,
    ) -> Result<Vec<&'c CatalogueEntry>> {
        if c.len() != self.len {
            return Err(Error::value(
                "catalogue_index",
                &c.len().to_string(),
                format!("the index was built over {} entries", self.len),
            ));
        }
        let terms = terms(query);
        let mut cand: Option<Vec<u32>> = None;
        for t in &terms {
            if let Some(list) = self.candidates(t) {
                cand = Some(match cand {
                    None => list,
                    Some(mut prev) => {
                        prev.retain(|p| list.binary_search(p).is_ok());
                        prev
                    }
                });
            }
        }
        let check = |e: &&CatalogueEntry| passes(e, query) && contains_all(e, &terms);
        Ok(match cand {
            Some(list) => list
                .iter()
                .filter_map(|&p| c.entries.get(p as usize))
                .filter(check)
                .collect(),
            None => c.entries.iter().filter(check).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, summary: Option<&str>) -> CatalogueEntry {
        CatalogueEntry {
            title: title.into(),
            summary: summary.map(str::to_owned),
            ..Default::default()
        }
    }

    #[test]
    fn index_and_scan_agree_on_case_boundaries_and_short_terms() {
        let c = DisclosureCatalogue::new(vec![
            entry("PPP项目入库公告", None),
            entry("项目", Some("入库")),
            entry("关于ppp的说明", Some("PPP")),
            entry("预", None),
        ]);
        let index = CatalogueIndex::build(&c);
        for (text, n) in [
            ("ppp", 2),
            ("PPP项目", 1),
            ("项目入库", 1),
            ("预", 1),
            ("库", 2),
            ("", 4),
        ] {
            let q = SearchQuery {
                text: Some(text.into()),
                ..Default::default()
            };
            assert_eq!(c.search(&q).len(), n, "{text}");
            assert_eq!(index.search(&c, &q).unwrap(), c.search(&q), "{text}");
        }
    }
}
