//! Versions and diffs: what changed between two versions of a list, and the change log.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::citation::ProvisionKey;
use super::item::PowerItem;
use super::list::PowerList;
use super::text::optional;
use super::{PowerChangeKind, PowerField};
use crate::error::{Error, Result};
use crate::io::{CsvTable, InputOptions, parse_json_with, read_file, write_err, write_string};

/// One field of an item that changed between two versions, as CSV cell text.
///
/// ```
/// use sunlit::power::{FieldChange, PowerField};
/// let c = FieldChange { field: PowerField::PromisedLimit, old: "15个工作日".into(), new: "10个工作日".into() };
/// assert_eq!(c.field.name_zh(), "承诺办结时限");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldChange {
    /// The column.
    pub field: PowerField,
    /// The old text (empty: none).
    pub old: String,
    /// The new text (empty: none).
    pub new: String,
}

/// An item on one side of a change: its code (if any) and name.
///
/// ```
/// let r = sunlit::power::PowerItemRef { code: Some("XK001".into()), name: "公路施工许可".into() };
/// assert_eq!(r.code.as_deref(), Some("XK001"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PowerItemRef {
    /// The item's code (implementation code, else basic code).
    pub code: Option<String>,
    /// The item's name.
    pub name: String,
}

impl PowerItemRef {
    fn of(item: &PowerItem) -> PowerItemRef {
        PowerItemRef {
            code: item.code().map(str::to_owned),
            name: item.name.clone(),
        }
    }
}

/// One change between two versions of a list ([`PowerList::diff`]).
///
/// `code` and `name` are those of the item the change is about: the new item for added,
/// merged, delegated and changed items; the old item for cancelled and split ones. `old` and
/// `new` list the items on each side (several old items for a merge, several new ones for a
/// split). `fields` lists the changed fields of a changed or delegated item.
///
/// ```
/// use sunlit::{PowerList, power::PowerChangeKind};
/// let old = PowerList::read_csv_str("权力分类,事项名称,编码,行使层级\n行政许可,x,A1,省级\n").unwrap();
/// let new = PowerList::read_csv_str("权力分类,事项名称,编码,行使层级\n行政许可,x,A1,市级\n").unwrap();
/// let changes = PowerList::diff(&old, &new);
/// assert_eq!(changes[0].kind, PowerChangeKind::Delegated);
/// assert_eq!(changes[0].code.as_deref(), Some("A1"));
/// assert_eq!((changes[0].fields[0].old.as_str(), changes[0].fields[0].new.as_str()), ("省级", "市级"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PowerChange {
    /// Added, cancelled, delegated, merged, split or changed.
    pub kind: PowerChangeKind,
    /// The code of the item the change is about.
    pub code: Option<String>,
    /// The name of the item the change is about.
    pub name: String,
    /// Items of the old version involved.
    pub old: Vec<PowerItemRef>,
    /// Items of the new version involved.
    pub new: Vec<PowerItemRef>,
    /// Changed fields (changed and delegated items).
    pub fields: Vec<FieldChange>,
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Name and sub-items, whitespace removed.
fn name_key(item: &PowerItem) -> String {
    let mut k = squash(&item.name);
    for s in &item.sub_items {
        k.push('|');
        k.push_str(&squash(s));
    }
    k
}

/// The (law, article) pairs an item cites.
fn articles(item: &PowerItem) -> Vec<(String, Option<u32>)> {
    let mut v: Vec<_> = item
        .legal_basis
        .keys()
        .into_iter()
        .map(|(law, article, _, _)| (law, article))
        .collect();
    v.dedup();
    v
}

/// Whether `part` is plausibly a part of `whole` (a merge source or a split product): named
/// among its sub-items, one name containing the other, named or coded in its remarks, or
/// citing only provisions `whole` cites.
fn relates(part: &PowerItem, whole: &PowerItem) -> bool {
    if names_relate(part, whole) {
        return true;
    }
    let pa = articles(part);
    let wa = articles(whole);
    !pa.is_empty() && pa.iter().all(|a| wa.contains(a))
}

/// The part of [`relates`] that rests on names: `part` named among the sub-items of `whole`,
/// one name containing the other, or `whole`'s remarks naming `part` or its code.
fn names_relate(part: &PowerItem, whole: &PowerItem) -> bool {
    let (p, w) = (squash(&part.name), squash(&whole.name));
    if whole.sub_items.iter().any(|s| squash(s) == p) || p.contains(&w) || w.contains(&p) {
        return true;
    }
    whole
        .remarks
        .as_ref()
        .is_some_and(|r| r.contains(&part.name) || part.code().is_some_and(|c| r.contains(c)))
}

/// Pair unmatched items with equal keys, where the key is unique on both sides.
fn pair_by<K: Ord>(
    old: &[PowerItem],
    new: &[PowerItem],
    old_match: &mut [Option<usize>],
    new_match: &mut [Option<usize>],
    key: impl Fn(&PowerItem) -> Option<K>,
) {
    let mut groups: BTreeMap<K, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, item) in old.iter().enumerate() {
        if old_match.get(i).is_some_and(Option::is_none)
            && let Some(k) = key(item)
        {
            groups.entry(k).or_default().0.push(i);
        }
    }
    for (j, item) in new.iter().enumerate() {
        if new_match.get(j).is_some_and(Option::is_none)
            && let Some(k) = key(item)
        {
            groups.entry(k).or_default().1.push(j);
        }
    }
    for (olds, news) in groups.into_values() {
        if let ([i], [j]) = (olds.as_slice(), news.as_slice()) {
            if let Some(m) = old_match.get_mut(*i) {
                *m = Some(*j);
            }
            if let Some(m) = new_match.get_mut(*j) {
                *m = Some(*i);
            }
        }
    }
}

/// Everything [`changed_fields`] compares, so that two items with equal keys show no change.
type SameKey = ((Vec<ProvisionKey>, Vec<String>), String, Vec<String>);

fn same_key(item: &PowerItem) -> SameKey {
    let category = if item.category == super::PowerCategory::Local {
        format!("local:{}", item.category_label)
    } else {
        item.category.id().to_owned()
    };
    let cells = PowerField::ALL
        .iter()
        .filter(|f| {
            !matches!(
                f,
                PowerField::Number | PowerField::LegalBasis | PowerField::Category
            )
        })
        .map(|&f| squash(&item.cell(f)))
        .collect();
    (item.legal_basis.normalized(), category, cells)
}

/// Pair unmatched items that do not differ at all ([`changed_fields`] empty), the k-th such
/// old item with the k-th such new one. This pairs duplicates (the same item printed twice),
/// which the keyed steps leave alone because their keys are not unique; duplicates left over
/// on one side (three copies before, two after) are cancelled or added.
fn pair_same(
    old: &[PowerItem],
    new: &[PowerItem],
    old_match: &mut [Option<usize>],
    new_match: &mut [Option<usize>],
) {
    let mut groups: BTreeMap<SameKey, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, item) in old.iter().enumerate() {
        groups.entry(same_key(item)).or_default().0.push(i);
    }
    for (j, item) in new.iter().enumerate() {
        groups.entry(same_key(item)).or_default().1.push(j);
    }
    for (olds, news) in groups.into_values() {
        for (&i, &j) in olds.iter().zip(&news) {
            if let Some(m) = old_match.get_mut(i) {
                *m = Some(j);
            }
            if let Some(m) = new_match.get_mut(j) {
                *m = Some(i);
            }
        }
    }
}

/// A change about `item` (its code and name).
fn change(
    kind: PowerChangeKind,
    item: &PowerItem,
    old: Vec<PowerItemRef>,
    new: Vec<PowerItemRef>,
    fields: Vec<FieldChange>,
) -> PowerChange {
    PowerChange {
        kind,
        code: item.code().map(str::to_owned),
        name: item.name.clone(),
        old,
        new,
        fields,
    }
}

/// References to the items at `idx`.
fn refs(items: &[PowerItem], idx: &[usize]) -> Vec<PowerItemRef> {
    idx.iter()
        .filter_map(|&i| items.get(i))
        .map(PowerItemRef::of)
        .collect()
}

/// Each of `wholes` (in order) related to two or more of `parts` — `related(part, whole)` —
/// with those parts; the groups are taken out of both lists.
fn take_groups(
    wholes: &mut Vec<usize>,
    parts: &mut Vec<usize>,
    related: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, Vec<usize>)> {
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for &w in wholes.iter() {
        let found: Vec<usize> = parts.iter().copied().filter(|&p| related(p, w)).collect();
        if found.len() >= 2 {
            parts.retain(|p| !found.contains(p));
            groups.push((w, found));
        }
    }
    wholes.retain(|w| !groups.iter().any(|(g, _)| g == w));
    groups
}

/// Take out of `left` (keeping its order) the items for which `is_part` holds, and return them.
fn claim(left: &mut Vec<usize>, is_part: impl Fn(usize) -> bool) -> Vec<usize> {
    let parts: Vec<usize> = left.iter().copied().filter(|&k| is_part(k)).collect();
    left.retain(|k| !parts.contains(k));
    parts
}

/// The fields that differ between two versions of one item (row number and extra columns
/// aside; the legal basis compared by its citations, so `第12条` equals `第十二条`).
fn changed_fields(old: &PowerItem, new: &PowerItem) -> Vec<FieldChange> {
    PowerField::ALL
        .iter()
        .filter(|&&f| f != PowerField::Number)
        .filter(|&&f| match f {
            PowerField::LegalBasis => old.legal_basis.normalized() != new.legal_basis.normalized(),
            PowerField::Category => {
                old.category != new.category
                    || (old.category == super::PowerCategory::Local
                        && old.category_label != new.category_label)
            }
            _ => squash(&old.cell(f)) != squash(&new.cell(f)),
        })
        .map(|&f| FieldChange {
            field: f,
            old: old.cell(f),
            new: new.cell(f),
        })
        .collect()
}

impl PowerList {
    /// The changes from `old` to `new`.
    ///
    /// Items that do not differ at all (every compared field equal) are matched first, one to
    /// one in list order, so a list with duplicate items (the same item printed twice) shows no
    /// change against itself, and `diff(p, p)` is always empty; of duplicates whose number
    /// changed, the extra copies are cancelled (or added). Other items are matched, one to one,
    /// by implementation code, then basic code, then name
    /// (with sub-items) and the provisions cited, then name alone — each step pairing only
    /// keys that are unique on both sides among the items still unmatched, so the result does
    /// not depend on row order. Among the rest, one old item related to two or more new items
    /// is split (分设), two or more old items related to one new item are merged (合并); an
    /// item is related to another when it is named among its sub-items, one name contains the
    /// other, the other's remarks name it or its code, or it cites only provisions the other
    /// cites. A split or merge that keeps one item's code is found too: a matched pair whose
    /// name or sub-items changed, where the new item and unmatched new items are all related
    /// *by name* (not by basis alone) to the old item, is a split of the old item into all of
    /// them; a renamed pair with unmatched old items related by name to the new item is a
    /// merge (pairs tried in the order of their old items' codes and names, splits first). A
    /// pair whose name and sub-items did not change, or whose relation to the unmatched items
    /// rests only on the provisions cited, stays a change beside an added or cancelled item.
    /// Old items left are cancelled (取消), new items left are added (新增). A matched
    /// item whose lowest exercising level is lower than before is delegated (下放); any other
    /// matched item with a changed field is changed (变更). The row number (序号) and extra
    /// columns are not compared. Changes are sorted by kind, then code, then name.
    ///
    /// ```
    /// use sunlit::{PowerList, power::PowerChangeKind};
    /// let old = PowerList::read_csv_str("权力分类,事项名称,编码,承诺时限\n\
    ///     行政许可,甲许可,A1,15个工作日\n行政处罚,乙处罚,B1,\n").unwrap();
    /// let new = PowerList::read_csv_str("权力分类,事项名称,编码,承诺时限\n\
    ///     行政许可,甲许可,A1,10个工作日\n行政检查,丙检查,C1,\n").unwrap();
    /// let kinds: Vec<_> = PowerList::diff(&old, &new).iter().map(|c| c.kind).collect();
    /// assert_eq!(kinds, [PowerChangeKind::Added, PowerChangeKind::Cancelled, PowerChangeKind::Changed]);
    ///
    /// // A split in which one product keeps the old code.
    /// let old = PowerList::read_csv_str("权力分类,事项名称,编码\n行政许可,涉路施工许可,A1\n").unwrap();
    /// let new = PowerList::read_csv_str("权力分类,事项名称,编码\n\
    ///     行政许可,涉路施工许可（占用公路）,A1\n行政许可,涉路施工许可（跨越公路）,A2\n").unwrap();
    /// let changes = PowerList::diff(&old, &new);
    /// assert_eq!(changes.len(), 1);
    /// assert_eq!(changes[0].kind, PowerChangeKind::Split);
    /// let products: Vec<_> = changes[0].new.iter().map(|r| r.code.as_deref().unwrap()).collect();
    /// assert_eq!(products, ["A1", "A2"]);
    /// ```
    pub fn diff(old: &PowerList, new: &PowerList) -> Vec<PowerChange> {
        let mut d = Diff::paired(&old.items, &new.items);
        d.splits_and_merges();
        // A split or merge in which one item keeps its code: a matched pair whose name or
        // sub-items changed, related by name to unmatched items on the other side (a basis
        // in common is not enough here: a renamed item and an unrelated new item under the
        // same article are common). Pairs in the order of their old items; splits first.
        let renamed = d.renamed();
        d.kept_code_splits(&renamed);
        d.kept_code_merges(&renamed);
        d.matched_changes();
        d.cancelled_and_added();
        let mut changes = d.changes;
        changes.sort_by(|a, b| {
            (a.kind, &a.code, &a.name, &a.old, &a.new)
                .cmp(&(b.kind, &b.code, &b.name, &b.old, &b.new))
        });
        changes
    }
}

/// The state of [`PowerList::diff`]: the two lists, how their items are paired, the items left
/// unpaired, and the changes found so far.
struct Diff<'a> {
    /// The old items.
    o: &'a [PowerItem],
    /// The new items.
    n: &'a [PowerItem],
    /// For each old item, the new item it is paired with.
    om: Vec<Option<usize>>,
    /// For each old item, whether it was taken into a split or merge with a kept code.
    regrouped: Vec<bool>,
    /// Old items neither paired nor grouped yet, in row-order-independent order.
    old_left: Vec<usize>,
    /// New items neither paired nor grouped yet, in row-order-independent order.
    new_left: Vec<usize>,
    /// The changes found so far (unsorted).
    changes: Vec<PowerChange>,
}

impl<'a> Diff<'a> {
    /// Pair the items: unchanged ones, then by implementation code, basic code, name with
    /// legal basis, and name; the rest are left.
    fn paired(o: &'a [PowerItem], n: &'a [PowerItem]) -> Diff<'a> {
        let mut om: Vec<Option<usize>> = vec![None; o.len()];
        let mut nm: Vec<Option<usize>> = vec![None; n.len()];
        pair_same(o, n, &mut om, &mut nm);
        pair_by(o, n, &mut om, &mut nm, |i| i.implementation_code.clone());
        pair_by(o, n, &mut om, &mut nm, |i| i.basic_code.clone());
        pair_by(o, n, &mut om, &mut nm, |i| {
            Some((name_key(i), i.legal_basis.keys()))
        });
        pair_by(o, n, &mut om, &mut nm, |i| Some(name_key(i)));
        let old_left = sorted(o, unmatched(&om));
        let new_left = sorted(n, unmatched(&nm));
        Diff {
            o,
            n,
            regrouped: vec![false; o.len()],
            om,
            old_left,
            new_left,
            changes: Vec::new(),
        }
    }

    /// Splits (one old item → several new ones), then merges (several old → one new), among
    /// the items left.
    fn splits_and_merges(&mut self) {
        let (o, n) = (self.o, self.n);
        for (i, parts) in take_groups(&mut self.old_left, &mut self.new_left, |j, i| {
            parts_relate(n.get(j), o.get(i))
        }) {
            if let Some(a) = o.get(i) {
                self.changes.push(change(
                    PowerChangeKind::Split,
                    a,
                    vec![PowerItemRef::of(a)],
                    refs(n, &parts),
                    Vec::new(),
                ));
            }
        }
        for (j, parts) in take_groups(&mut self.new_left, &mut self.old_left, |i, j| {
            parts_relate(o.get(i), n.get(j))
        }) {
            if let Some(b) = n.get(j) {
                self.changes.push(change(
                    PowerChangeKind::Merged,
                    b,
                    refs(o, &parts),
                    vec![PowerItemRef::of(b)],
                    Vec::new(),
                ));
            }
        }
    }

    /// The matched pairs whose name (with sub-items) changed, in the order of their old items.
    fn renamed(&self) -> Vec<(usize, usize)> {
        let (o, n) = (self.o, self.n);
        sorted(o, (0..o.len()).collect())
            .into_iter()
            .filter_map(|i| self.om.get(i).copied().flatten().map(|j| (i, j)))
            .filter(|&(i, j)| matches!((o.get(i), n.get(j)), (Some(a), Some(b)) if name_key(a) != name_key(b)))
            .collect()
    }

    /// Splits in which the renamed new item keeps the old code.
    fn kept_code_splits(&mut self, renamed: &[(usize, usize)]) {
        let (o, n) = (self.o, self.n);
        for &(i, j) in renamed {
            // Split: the renamed item and the new items left are all parts of the old one.
            let Some(a) = o.get(i).filter(|a| names_related(n.get(j), Some(a))) else {
                continue;
            };
            let mut all = claim(&mut self.new_left, |k| names_related(n.get(k), Some(a)));
            if !all.is_empty() {
                all.push(j);
                let new = refs(n, &sorted(n, all));
                self.changes.push(change(
                    PowerChangeKind::Split,
                    a,
                    refs(o, &[i]),
                    new,
                    vec![],
                ));
                if let Some(r) = self.regrouped.get_mut(i) {
                    *r = true;
                }
            }
        }
    }

    /// Merges in which the renamed old item keeps the new code (pairs already split aside).
    fn kept_code_merges(&mut self, renamed: &[(usize, usize)]) {
        let (o, n) = (self.o, self.n);
        for &(i, j) in renamed {
            // Merge: the renamed item and the old items left are all parts of the new one.
            let Some(b) = n.get(j).filter(|b| names_related(o.get(i), Some(b))) else {
                continue;
            };
            if self.regrouped.get(i).copied().unwrap_or(true) {
                continue;
            }
            let mut all = claim(&mut self.old_left, |k| names_related(o.get(k), Some(b)));
            if !all.is_empty() {
                all.push(i);
                let old = refs(o, &sorted(o, all));
                self.changes.push(change(
                    PowerChangeKind::Merged,
                    b,
                    old,
                    refs(n, &[j]),
                    vec![],
                ));
                if let Some(r) = self.regrouped.get_mut(i) {
                    *r = true;
                }
            }
        }
    }

    /// The other matched pairs: delegated or changed.
    fn matched_changes(&mut self) {
        for (i, m) in self.om.iter().enumerate() {
            let (Some(j), Some(a)) = (m, self.o.get(i)) else {
                continue;
            };
            let Some(b) = self.n.get(*j) else { continue };
            if self.regrouped.get(i).copied().unwrap_or(false) {
                continue;
            }
            let fields = changed_fields(a, b);
            if fields.is_empty() {
                continue;
            }
            let delegated = match (a.lowest_tier(), b.lowest_tier()) {
                (Some(x), Some(y)) => y > x,
                _ => false,
            };
            let kind = if delegated {
                PowerChangeKind::Delegated
            } else {
                PowerChangeKind::Changed
            };
            self.changes.push(change(
                kind,
                b,
                vec![PowerItemRef::of(a)],
                vec![PowerItemRef::of(b)],
                fields,
            ));
        }
    }

    /// The old items left are cancelled, the new items left added.
    fn cancelled_and_added(&mut self) {
        for a in self.old_left.iter().filter_map(|&i| self.o.get(i)) {
            self.changes.push(change(
                PowerChangeKind::Cancelled,
                a,
                vec![PowerItemRef::of(a)],
                Vec::new(),
                Vec::new(),
            ));
        }
        for b in self.new_left.iter().filter_map(|&j| self.n.get(j)) {
            self.changes.push(change(
                PowerChangeKind::Added,
                b,
                Vec::new(),
                vec![PowerItemRef::of(b)],
                Vec::new(),
            ));
        }
    }
}

/// Items in a row-order-independent order: by code, then name with sub-items.
fn sorted(items: &[PowerItem], mut idx: Vec<usize>) -> Vec<usize> {
    idx.sort_by_key(|&i| {
        items
            .get(i)
            .map(|x| (x.code().map(str::to_owned), name_key(x)))
    });
    idx
}

/// The indices that are not matched.
fn unmatched(matched: &[Option<usize>]) -> Vec<usize> {
    (0..matched.len())
        .filter(|&i| matched.get(i).is_some_and(Option::is_none))
        .collect()
}

/// [`relates`] for items that may be missing (a missing item relates to nothing).
fn parts_relate(part: Option<&PowerItem>, whole: Option<&PowerItem>) -> bool {
    matches!((part, whole), (Some(p), Some(w)) if relates(p, w))
}

/// [`names_relate`] for items that may be missing (a missing item relates to nothing).
fn names_related(part: Option<&PowerItem>, whole: Option<&PowerItem>) -> bool {
    matches!((part, whole), (Some(p), Some(w)) if names_relate(p, w))
}

/// One entry of a change log (调整记录): the kind of change, the item, the approving document
/// (批准文件) and the effective date (生效日期), disclosure.md §4.5.
///
/// ```
/// use sunlit::power::{ChangeRecord, PowerChangeKind};
/// let r = ChangeRecord { kind: PowerChangeKind::Cancelled, code: Some("XK009".into()),
///     name: "某项许可".into(), document: Some("某府发〔2025〕3号".into()),
///     effective: "2025-07-01".parse().ok(), remarks: None };
/// assert_eq!(r.kind.name_zh(), "取消");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChangeRecord {
    /// 变更类型 — the kind of change.
    pub kind: PowerChangeKind,
    /// 编码 — the item's code.
    pub code: Option<String>,
    /// 事项名称 — the item's name.
    pub name: String,
    /// 批准文件 — the approving document (document number or title).
    pub document: Option<String>,
    /// 生效日期 — the date the change takes effect.
    pub effective: Option<NaiveDate>,
    /// 备注 — remarks (e.g. the merged or split items).
    pub remarks: Option<String>,
}

/// A change log: the changes of a list with their approving documents and effective dates.
/// CSV header `变更类型,编码,事项名称,批准文件,生效日期,备注` (any order; aliases 调整类型,
/// 事项编码, 批准文号, 实施日期 …; 变更类型 and 事项名称 required).
///
/// ```
/// use sunlit::power::{ChangeLog, PowerChangeKind};
/// let log = ChangeLog::read_csv_str("变更类型,编码,事项名称,批准文件,生效日期\n下放,XK002,某项许可,某府发〔2025〕3号,2025-07-01\n").unwrap();
/// assert_eq!(log.records[0].kind, PowerChangeKind::Delegated);
/// assert!(ChangeLog::read_csv_str("变更类型,事项名称,生效日期\n取消,x,2025-13-01\n").is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChangeLog {
    /// The entries, in order.
    pub records: Vec<ChangeRecord>,
}

/// Change-log columns: canonical name and aliases.
const LOG_COLUMNS: [(&str, &[&str]); 6] = [
    (
        "变更类型",
        &["kind", "调整类型", "类型", "变更方式", "调整方式"],
    ),
    ("编码", &["code", "事项编码", "基本编码", "实施编码"]),
    ("事项名称", &["name", "项目名称", "权力名称"]),
    (
        "批准文件",
        &["document", "批准文号", "审批文件", "依据文件"],
    ),
    (
        "生效日期",
        &["effective", "实施日期", "调整日期", "生效时间"],
    ),
    ("备注", &["remarks"]),
];

impl ChangeLog {
    /// Log every change with one approving document and effective date.
    ///
    /// ```
    /// use sunlit::{PowerList, power::ChangeLog};
    /// let old = PowerList::read_csv_str("权力分类,事项名称\n行政许可,x\n").unwrap();
    /// let new = PowerList::read_csv_str("权力分类,事项名称\n行政许可,y\n").unwrap();
    /// let log = ChangeLog::from_changes(&PowerList::diff(&old, &new), Some("某府办发〔2025〕1号"), "2025-03-01".parse().ok());
    /// assert_eq!(log.records.len(), 2); // y added, x cancelled
    /// ```
    pub fn from_changes(
        changes: &[PowerChange],
        document: Option<&str>,
        effective: Option<NaiveDate>,
    ) -> ChangeLog {
        let describe = |refs: &[PowerItemRef]| {
            refs.iter()
                .map(|r| match &r.code {
                    Some(c) => format!("{}（{c}）", r.name),
                    None => r.name.clone(),
                })
                .collect::<Vec<_>>()
                .join("、")
        };
        ChangeLog {
            records: changes
                .iter()
                .map(|c| ChangeRecord {
                    kind: c.kind,
                    code: c.code.clone(),
                    name: c.name.clone(),
                    document: document.map(str::to_owned),
                    effective,
                    remarks: match c.kind {
                        PowerChangeKind::Merged => Some(format!("由{}合并", describe(&c.old))),
                        PowerChangeKind::Split => Some(format!("分设为{}", describe(&c.new))),
                        PowerChangeKind::Changed | PowerChangeKind::Delegated => Some(
                            c.fields
                                .iter()
                                .map(|f| f.field.name_zh())
                                .collect::<Vec<_>>()
                                .join("、"),
                        )
                        .filter(|s| !s.is_empty()),
                        _ => None,
                    },
                })
                .collect(),
        }
    }

    /// Read a change log from CSV (see the type). Errors name line, column and text.
    ///
    /// ```
    /// let err = sunlit::power::ChangeLog::read_csv_str("变更类型,事项名称\n改名,x\n").unwrap_err();
    /// assert!(matches!(err, sunlit::Error::Input { line: 2, ref column, .. } if column == "变更类型"));
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<ChangeLog> {
        ChangeLog::read_csv_with(reader, &InputOptions::default()).map(|(log, _)| log)
    }

    /// [`ChangeLog::read_csv`] with [`InputOptions`] (quoting and limits); returns the log and
    /// the warnings of the fields read under lenient quoting (none under strict quoting).
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits, Quoting}, power::ChangeLog};
    /// let csv = "变更类型,事项名称\n取消,\"道路\"运输许可\n";
    /// assert!(ChangeLog::read_csv_str(csv).is_err()); // strict by default
    /// let lenient = InputOptions { quoting: Quoting::Lenient, ..Default::default() };
    /// let (log, findings) = ChangeLog::read_csv_with(csv.as_bytes(), &lenient).unwrap();
    /// assert_eq!((log.records[0].name.as_str(), findings[0].rule.as_str()), ("道路运输许可", "input.relaxed_quoting"));
    /// let small = InputOptions { limits: Limits { max_rows: 1, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(ChangeLog::read_csv_with(csv.as_bytes(), &small),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_rows"));
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        opts: &InputOptions,
    ) -> Result<(ChangeLog, Vec<crate::Finding>)> {
        let mut table = CsvTable::read_any(reader, opts)?;
        let names = table.names().to_vec();
        let mut index: [Option<usize>; 6] = [None; 6];
        for (i, n) in names.iter().enumerate() {
            let Some(c) = LOG_COLUMNS
                .iter()
                .position(|(canon, aliases)| canon == n || aliases.contains(&n.as_str()))
            else {
                return Err(Error::Input {
                    cause: None,
                    line: 1,
                    column: n.clone(),
                    value: names.join(","),
                    reason:
                        "unknown column; expected 变更类型,编码,事项名称,批准文件,生效日期,备注"
                            .to_owned(),
                });
            };
            if let Some(slot) = index.get_mut(c) {
                if slot.is_some() {
                    return Err(Error::Input {
                        cause: None,
                        line: 1,
                        column: n.clone(),
                        value: names.join(","),
                        reason: "two columns of the same meaning".to_owned(),
                    });
                }
                *slot = Some(i);
            }
        }
        for (c, (canon, _)) in LOG_COLUMNS.iter().enumerate() {
            if matches!(c, 0 | 2) && index.get(c).is_some_and(Option::is_none) {
                return Err(Error::Input {
                    cause: None,
                    line: 1,
                    column: (*canon).to_owned(),
                    value: names.join(","),
                    reason: format!("missing column {canon}"),
                });
            }
        }
        let mut log = ChangeLog::default();
        while let Some(row) = table.next_row()? {
            let cell = |c: usize| -> (&str, &str) {
                match index.get(c).copied().flatten() {
                    Some(i) => (names.get(i).map_or("", String::as_str), row.get(i)),
                    None => ("", ""),
                }
            };
            let (kcol, ktext) = cell(0);
            let kind = PowerChangeKind::parse(ktext).map_err(|e| e.at(row.line, kcol))?;
            let (ncol, ntext) = cell(2);
            if ntext.trim().is_empty() {
                return Err(Error::Input {
                    cause: None,
                    line: row.line,
                    column: ncol.to_owned(),
                    value: String::new(),
                    reason: "the item name is required".to_owned(),
                });
            }
            let (dcol, dtext) = cell(4);
            let effective = optional(dtext)
                .map(|d| {
                    d.parse::<NaiveDate>().map_err(|_| Error::Input {
                        cause: None,
                        line: row.line,
                        column: dcol.to_owned(),
                        value: dtext.to_owned(),
                        reason: "expected a date YYYY-MM-DD".to_owned(),
                    })
                })
                .transpose()?;
            log.records.push(ChangeRecord {
                kind,
                code: optional(cell(1).1),
                name: ntext.trim().to_owned(),
                document: optional(cell(3).1),
                effective,
                remarks: optional(cell(5).1),
            });
        }
        let findings = table.findings();
        Ok((log, findings))
    }

    /// [`ChangeLog::read_csv`] from a string.
    ///
    /// ```
    /// assert!(sunlit::power::ChangeLog::read_csv_str("变更类型,事项名称\n取消,x\n").is_ok());
    /// ```
    pub fn read_csv_str(text: &str) -> Result<ChangeLog> {
        ChangeLog::read_csv(text.as_bytes())
    }

    /// [`ChangeLog::read_csv`] from a file.
    ///
    /// ```
    /// assert!(sunlit::power::ChangeLog::read_csv_path("/no/such.csv").is_err());
    /// ```
    pub fn read_csv_path(path: impl AsRef<Path>) -> Result<ChangeLog> {
        read_file(path.as_ref(), ChangeLog::read_csv)
    }

    /// [`ChangeLog::read_csv_with`] from a file.
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, power::ChangeLog};
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("log.csv");
    /// std::fs::write(&path, "变更类型,事项名称\n取消,x\n").unwrap();
    /// let (log, _) = ChangeLog::read_csv_path_with(&path, &InputOptions::default()).unwrap();
    /// assert_eq!(log.records.len(), 1);
    /// let tiny = InputOptions { limits: Limits { max_file_bytes: 8, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(ChangeLog::read_csv_path_with(&path, &tiny),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_file_bytes"));
    /// ```
    pub fn read_csv_path_with(
        path: impl AsRef<Path>,
        opts: &InputOptions,
    ) -> Result<(ChangeLog, Vec<crate::Finding>)> {
        read_file(path.as_ref(), |f| ChangeLog::read_csv_with(f, opts))
    }

    /// Write the log as CSV with the canonical header; kinds in Chinese (新增, 取消 …).
    ///
    /// ```
    /// let log = sunlit::power::ChangeLog::read_csv_str("变更类型,事项名称,生效日期\n取消,x,2025-07-01\n").unwrap();
    /// let csv = log.to_csv_string().unwrap();
    /// assert_eq!(csv, "变更类型,编码,事项名称,批准文件,生效日期,备注\n取消,,x,,2025-07-01,\n");
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W) -> Result<()> {
        let mut w = csv::Writer::from_writer(writer);
        w.write_record(LOG_COLUMNS.map(|(c, _)| c))
            .map_err(write_err)?;
        for r in &self.records {
            w.write_record([
                r.kind.name_zh(),
                r.code.as_deref().unwrap_or(""),
                &r.name,
                r.document.as_deref().unwrap_or(""),
                &r.effective.map(|d| d.to_string()).unwrap_or_default(),
                r.remarks.as_deref().unwrap_or(""),
            ])
            .map_err(write_err)?;
        }
        w.flush().map_err(write_err)
    }

    /// [`ChangeLog::write_csv`] into a string.
    ///
    /// ```
    /// assert!(sunlit::power::ChangeLog::default().to_csv_string().unwrap().starts_with("变更类型"));
    /// ```
    pub fn to_csv_string(&self) -> Result<String> {
        write_string(|w| self.write_csv(w))
    }

    /// The log as a JSON array of records (kinds by id, dates `YYYY-MM-DD`).
    ///
    /// ```
    /// let log = sunlit::power::ChangeLog::read_csv_str("变更类型,事项名称\n新增,x\n").unwrap();
    /// assert!(log.to_json().contains("\"kind\": \"added\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "[]".to_owned())
    }

    /// Read a log from the JSON of [`ChangeLog::to_json`]: an array of records with the keys
    /// `kind`, `code`, `name`, `document`, `effective`, `remarks`. A bad record is an
    /// [`Error::Input`] naming it (1-based) as `line`. Text is read as from CSV: trimmed, a
    /// blank word (`""`, `无`, `/`) is an absent value, and a blank name is an error.
    ///
    /// ```
    /// use sunlit::{Error, power::ChangeLog};
    /// let log = ChangeLog::read_csv_str("变更类型,事项名称\n新增,x\n").unwrap();
    /// assert_eq!(ChangeLog::from_json(&log.to_json()).unwrap(), log);
    /// let bad = r#"[{"kind": "added", "name": "x"}, {"kind": "renamed", "name": "y"}]"#;
    /// assert!(matches!(ChangeLog::from_json(bad), Err(Error::Input { line: 2, .. })));
    /// let blank = ChangeLog::from_json(r#"[{"kind": "added", "name": " x ", "remarks": ""}]"#).unwrap();
    /// assert_eq!((blank.records[0].name.as_str(), blank.records[0].remarks.as_deref()), ("x", None));
    /// let unnamed = r#"[{"kind": "added", "name": " "}]"#;
    /// assert!(matches!(ChangeLog::from_json(unnamed), Err(Error::Input { line: 1, ref column, .. }) if column == "name"));
    /// ```
    pub fn from_json(text: &str) -> Result<ChangeLog> {
        ChangeLog::from_json_with(text, &InputOptions::default())
    }

    /// [`ChangeLog::from_json`] with [`InputOptions`]: its limits cap the text's size, the number
    /// of records, each string's length and the nesting depth (quoting does not apply to JSON).
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, power::ChangeLog};
    /// let json = r#"[{"kind": "added", "name": "x"}, {"kind": "added", "name": "y"}]"#;
    /// assert_eq!(ChangeLog::from_json_with(json, &InputOptions::default()).unwrap().records.len(), 2);
    /// let small = InputOptions { limits: Limits { max_rows: 1, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(ChangeLog::from_json_with(json, &small),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_rows"));
    /// ```
    pub fn from_json_with(text: &str, opts: &InputOptions) -> Result<ChangeLog> {
        let value = parse_json_with(text, &opts.limits)?;
        let serde_json::Value::Array(items) = value else {
            return Err(Error::Input {
                cause: None,
                line: 1,
                column: String::new(),
                value: String::new(),
                reason: "a change log is a JSON array of records".to_owned(),
            });
        };
        let mut log = ChangeLog::default();
        for (i, item) in items.into_iter().enumerate() {
            let shown = item.to_string();
            let line = i as u64 + 1;
            let mut record =
                serde_json::from_value::<ChangeRecord>(item).map_err(|e| Error::Input {
                    cause: None,
                    line,
                    column: String::new(),
                    value: shown,
                    reason: format!("not a change record: {e}"),
                })?;
            // The rules of the CSV reader, so that both read the same record: text trimmed, a
            // blank word (无, /) absent, the name required.
            record.name = record.name.trim().to_owned();
            if record.name.is_empty() {
                return Err(Error::Input {
                    cause: None,
                    line,
                    column: "name".to_owned(),
                    value: String::new(),
                    reason: "the item name is required".to_owned(),
                });
            }
            for text in [&mut record.code, &mut record.document, &mut record.remarks] {
                *text = text.as_deref().and_then(optional);
            }
            log.records.push(record);
        }
        Ok(log)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 11 defect 4: a list with duplicate items (same code, same name) does not differ
    /// from itself; one copy fewer is one cancellation, one more is one addition.
    #[test]
    fn duplicates_do_not_differ_from_themselves() {
        let p = PowerList::read_csv_str(
            "权力分类,事项名称,编码\n行政许可,甲许可,A1\n行政许可,甲许可,A1\n行政处罚,乙处罚,\n行政处罚,乙处罚,\n行政处罚,乙处罚（分项）,\n",
        )
        .unwrap();
        assert_eq!(PowerList::diff(&p, &p), []);
        let mut fewer = p.clone();
        fewer.items.remove(0);
        let changes = PowerList::diff(&p, &fewer);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].kind, PowerChangeKind::Cancelled);
        assert_eq!(changes[0].code.as_deref(), Some("A1"));
        let changes = PowerList::diff(&fewer, &p);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].kind, PowerChangeKind::Added);
    }
}
