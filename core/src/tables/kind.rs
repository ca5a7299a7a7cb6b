//! The eighteen disclosure tables: nine of a departmental budget, nine of a final account.

use crate::budget::{Book, Phase};
use crate::classification::Scheme;
use crate::money::Unit;
use crate::vocab::vocabulary;

vocabulary! {
    /// Which published table (公开表格) a table is: the nine tables of a departmental budget
    /// (部门预算, 2026 Shanghai district form, fiscal.md §2.1) and the nine of a departmental final
    /// account (部门决算, 2024 template, fiscal.md §2.2). The title variants of fiscal.md §2.4 (收支总表 /
    /// 收支决算总表, 财政拨款收支总表 / 财政拨款收入支出决算总表, 运行费 / 运行维护费, full- and
    /// half-width brackets and quotes, a 部门 / 单位 prefix) are recognised by
    /// [`TableKind::from_title`]. The four-table final account of the universities under the
    /// Ministry of Education (西南大学 2023 决算: tests/data/documents/chongqing, SOURCE.md) titles
    /// its tables 高等学校收支决算总表 (1), 收入决算表 (2), 支出决算表 (3) and
    /// 财政拨款支出决算表 (5: the appropriations' expenditure by function, 基本 / 项目); its budget's
    /// plain titles are recognised only where nothing else is ([`TableKind::from_plain_title`]).
    pub enum TableKind("table_kind") {
        /// 预算表一 部门财务收支预算总表: income by source, expenditure by functional 类.
        BudgetSummary = "budget_summary", "部门财务收支预算总表" | "财务收支预算总表" | "部门收支预算总表" | "收支预算总表" | "收支总表";
        /// 预算表二 部门收入预算总表: functional 类/款/项 × funding sources.
        BudgetIncome = "budget_income", "部门收入预算总表" | "收入预算总表";
        /// 预算表三 部门支出预算总表: functional 类/款/项 × 合计 / 基本支出 / 项目支出 (all funds).
        BudgetExpenditure = "budget_expenditure", "部门支出预算总表" | "支出预算总表";
        /// 预算表四 部门财政拨款收支预算总表: the three 财政拨款 budgets, expenditure by 类 and book.
        BudgetAppropriation = "budget_appropriation", "部门财政拨款收支预算总表" | "财政拨款收支预算总表" | "部门财政拨款收支总表" | "财政拨款收支总表";
        /// 预算表五 一般公共预算支出功能分类预算表.
        BudgetGeneralFunctional = "budget_general_functional", "一般公共预算支出功能分类预算表" | "一般公共预算支出预算表";
        /// 预算表六 政府性基金预算支出功能分类预算表 (often empty, with a note).
        BudgetFundFunctional = "budget_fund_functional", "政府性基金预算支出功能分类预算表" | "政府性基金预算支出预算表";
        /// 预算表七 国有资本经营预算支出功能分类预算表 (often empty, with a note).
        BudgetStateCapitalFunctional = "budget_state_capital_functional", "国有资本经营预算支出功能分类预算表" | "国有资本经营预算支出预算表";
        /// 预算表八 一般公共预算基本支出部门预算经济分类预算表: economic 类/款 × 合计 / 人员经费 / 公用经费.
        BudgetBasicEconomic = "budget_basic_economic", "一般公共预算基本支出部门预算经济分类预算表" | "一般公共预算基本支出经济分类预算表" | "一般公共预算基本支出预算表";
        /// 预算表九 "三公"经费和机关运行经费预算表 (in 万元).
        BudgetThreePublic = "budget_three_public", "三公经费和机关运行经费预算表" | "“三公”经费和机关运行经费预算表" | "\"三公\"经费和机关运行经费预算表" | "三公经费预算表" | "“三公”经费预算表";
        /// 决算表一 收入支出决算总表.
        FinalSummary = "final_summary", "收入支出决算总表" | "收支决算总表";
        /// 决算表二 收入决算表.
        FinalIncome = "final_income", "收入决算表";
        /// 决算表三 支出决算表 (all funds).
        FinalExpenditure = "final_expenditure", "支出决算表";
        /// 决算表四 财政拨款收入支出决算总表.
        FinalAppropriation = "final_appropriation", "财政拨款收入支出决算总表" | "财政拨款收支决算总表" | "部门财政拨款收入支出决算总表" | "部门财政拨款收支决算总表";
        /// 决算表五 一般公共预算财政拨款支出决算表.
        FinalGeneralFunctional = "final_general_functional", "一般公共预算财政拨款支出决算表" | "财政拨款支出决算表";
        /// 决算表六 一般公共预算财政拨款基本支出决算表 (economic 类/款; 人员经费合计 / 公用经费合计).
        FinalGeneralBasic = "final_general_basic", "一般公共预算财政拨款基本支出决算表";
        /// 决算表七 财政拨款"三公"经费支出决算表 (预算数 and 决算数).
        FinalThreePublic = "final_three_public", "财政拨款三公经费支出决算表" | "财政拨款“三公”经费支出决算表" | "财政拨款\"三公\"经费支出决算表" | "三公经费支出决算表" | "“三公”经费支出决算表";
        /// 决算表八 政府性基金预算财政拨款收入支出决算表.
        FinalFund = "final_fund", "政府性基金预算财政拨款收入支出决算表";
        /// 决算表九 国有资本经营预算财政拨款收入支出决算表.
        FinalStateCapital = "final_state_capital", "国有资本经营预算财政拨款收入支出决算表";
    }
}

/// A title without a leading year (`2024年`, `2024年度`).
fn strip_year(t: &str) -> &str {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits != 4 {
        return t;
    }
    let rest = &t[digits..];
    rest.strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))
        .unwrap_or(t)
}

/// Normalise a printed title, column heading or row label for matching: NFKC
/// ([`normalize_text`](crate::document::normalize_text)), no whitespace, no
/// quotes, no leading enumerator (`一、`, `1.`, `（一）`), no bracketed remark (`(含专用结余)`,
/// `（单位：元）`), full-width brackets as half-width.
pub(crate) fn normalize(text: &str) -> String {
    let mut s: String = crate::document::normalize_text(text)
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' | '『' | '』'
                )
        })
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect();
    // Leading enumerators: 一、 / 1. / 1、 / (一) / (1)
    loop {
        let before = s.len();
        let chinese_numeral = |c: char| "一二三四五六七八九十".contains(c);
        if let Some((inside, after)) = s.strip_prefix('(').and_then(|r| r.split_once(')'))
            && !inside.is_empty()
            && inside
                .chars()
                .all(|c| chinese_numeral(c) || c.is_ascii_digit())
        {
            s = after.to_owned();
        }
        let lead: String = s
            .chars()
            .take_while(|c| chinese_numeral(*c) || c.is_ascii_digit())
            .collect();
        if !lead.is_empty()
            && let Some(rest) = s.strip_prefix(lead.as_str())
            && let Some(r) = rest
                .strip_prefix('、')
                .or_else(|| rest.strip_prefix('.'))
                .or_else(|| rest.strip_prefix('．'))
        {
            s = r.to_owned();
        }
        if s.len() == before {
            break;
        }
    }
    // Bracketed remarks; an enumerator-only bracket never remains here. 因公出国(境)费 keeps its
    // meaning without the bracket as long as every alias is normalised the same way.
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

impl TableKind {
    /// Recognise a printed title (or a file name stem) by its ending: `2026年上海市普陀区城市管理行政执法局
    /// 一般公共预算支出功能分类预算表` is [`TableKind::BudgetGeneralFunctional`]. The most specific
    /// name wins — the longest name or alias the title ends with — so 财政拨款收支总表 (预算表四) is
    /// not taken for its own ending 收支总表 (预算表一), nor 一般公共预算财政拨款支出决算表 for 支出决算表;
    /// no two kinds share a name. Quotes, spaces, brackets and a trailing remark are ignored. `None`
    /// when no table name ends the title.
    ///
    /// ```
    /// use sunlit::tables::TableKind;
    /// assert_eq!(TableKind::from_title("2024年度收支决算总表"), Some(TableKind::FinalSummary));
    /// assert_eq!(TableKind::from_title("财政拨款“三公”经费支出决算表"), Some(TableKind::FinalThreePublic));
    /// assert_eq!(TableKind::from_title("2026年预算单位财务收支预算总表"), Some(TableKind::BudgetSummary));
    /// assert_eq!(TableKind::from_title("2026年部门财政拨款收支总表"), Some(TableKind::BudgetAppropriation));
    /// assert_eq!(TableKind::from_title("收支总表"), Some(TableKind::BudgetSummary));
    /// assert_eq!(TableKind::from_title("政府采购预算表"), None);
    /// ```
    pub fn from_title(title: &str) -> Option<TableKind> {
        let t = normalize(title);
        let t = t
            .strip_suffix(".csv")
            .or_else(|| t.strip_suffix(".json"))
            .unwrap_or(&t);
        let mut best: Option<(usize, TableKind)> = None;
        for &kind in TableKind::ALL {
            for name in std::iter::once(kind.name_zh()).chain(kind.aliases().iter().copied()) {
                let n = normalize(name);
                let len = n.chars().count();
                if t.ends_with(&n) && best.is_none_or(|(longest, _)| len > longest) {
                    best = Some((len, kind));
                }
            }
        }
        best.map(|(_, k)| k)
    }

    /// The kind a plain title names where no table of the document is recognised as that kind:
    /// the four-table budget of the universities under the Ministry of Education (西南大学 2023
    /// and 2024 部门预算, tests/data/documents/chongqing) titles its tables 收支预算总表 (1),
    /// 收入预算表 (2), 支出预算表 (3) and 财政拨款支出预算表 (5: the appropriations' expenditure
    /// by function, 基本 / 项目), each after the unit's name. Such endings also close titles of
    /// other tables in larger sets (江苏 2019: 政府采购支出预算表, 财政拨款支出预算表 beside its
    /// 一般公共预算支出预算表), so the title must be the plain name itself once a leading year, the
    /// `issuer`'s name and 部门 / 单位 are taken off, and it is a fallback, never a match of
    /// [`TableKind::from_title`]. Bracketed remarks are ignored.
    ///
    /// ```
    /// use sunlit::tables::TableKind;
    /// assert_eq!(TableKind::from_plain_title("西南大学收入预算表", Some("西南大学")), Some(TableKind::BudgetIncome));
    /// assert_eq!(TableKind::from_plain_title("2024年西南大学财政拨款支出预算表", Some("西南大学")), Some(TableKind::BudgetGeneralFunctional));
    /// assert_eq!(TableKind::from_plain_title("支出预算表", None), Some(TableKind::BudgetExpenditure));
    /// assert_eq!(TableKind::from_plain_title("某局政府采购支出预算表", Some("某局")), None);
    /// assert_eq!(TableKind::from_plain_title("西南大学收入预算表", None), None); // issuer unknown
    /// ```
    pub fn from_plain_title(title: &str, issuer: Option<&str>) -> Option<TableKind> {
        const PLAIN: [(&str, TableKind); 3] = [
            ("财政拨款支出预算表", TableKind::BudgetGeneralFunctional),
            ("收入预算表", TableKind::BudgetIncome),
            ("支出预算表", TableKind::BudgetExpenditure),
        ];
        let t = normalize(title);
        let mut rest = strip_year(&t);
        if let Some(issuer) = issuer.map(normalize).filter(|i| !i.is_empty()) {
            rest = rest.strip_prefix(issuer.as_str()).unwrap_or(rest);
        }
        let rest = strip_year(rest);
        let rest = rest
            .strip_prefix("部门")
            .or_else(|| rest.strip_prefix("单位"))
            .unwrap_or(rest);
        PLAIN
            .iter()
            .find(|(name, _)| rest == *name)
            .map(|(_, k)| *k)
    }

    /// The number of the table in its set (1–9), as in 预算表五 / 决算表五.
    ///
    /// ```
    /// assert_eq!(sunlit::tables::TableKind::FinalGeneralBasic.number(), 6);
    /// ```
    pub fn number(self) -> u8 {
        let i = TableKind::ALL.iter().position(|k| *k == self).unwrap_or(0);
        (i % 9) as u8 + 1
    }

    /// Budget (预算) for the nine budget tables, final account (决算) for the other nine.
    ///
    /// ```
    /// use sunlit::{budget::Phase, tables::TableKind};
    /// assert_eq!(TableKind::BudgetThreePublic.phase(), Phase::Budget);
    /// assert_eq!(TableKind::FinalSummary.phase(), Phase::Final);
    /// ```
    pub fn phase(self) -> Phase {
        let i = TableKind::ALL.iter().position(|k| *k == self).unwrap_or(0);
        if i < 9 { Phase::Budget } else { Phase::Final }
    }

    /// The unit the form prints the table in: 元 for the budget tables except the "三公" table
    /// (万元), 万元 for the final-account tables (fiscal.md §2.1, §2.2, §0 point 4).
    ///
    /// ```
    /// use sunlit::{Unit, tables::TableKind};
    /// assert_eq!(TableKind::BudgetGeneralFunctional.usual_unit(), Unit::Yuan);
    /// assert_eq!(TableKind::BudgetThreePublic.usual_unit(), Unit::WanYuan);
    /// ```
    pub fn usual_unit(self) -> Unit {
        match (self.phase(), self) {
            (_, TableKind::BudgetThreePublic) | (Phase::Final, _) => Unit::WanYuan,
            _ => Unit::Yuan,
        }
    }

    /// The classification its coded rows use: functional (支出功能分类) for most, departmental
    /// economic (部门预算支出经济分类, 3xx) for the basic-expenditure tables, none for the "三公"
    /// tables (rows are labels).
    ///
    /// ```
    /// use sunlit::{classification::Scheme, tables::TableKind};
    /// assert_eq!(TableKind::BudgetBasicEconomic.scheme(), Some(Scheme::DeptEconomic));
    /// assert_eq!(TableKind::FinalThreePublic.scheme(), None);
    /// ```
    pub fn scheme(self) -> Option<Scheme> {
        match self {
            TableKind::BudgetBasicEconomic | TableKind::FinalGeneralBasic => {
                Some(Scheme::DeptEconomic)
            }
            TableKind::BudgetThreePublic | TableKind::FinalThreePublic => None,
            _ => Some(Scheme::Functional),
        }
    }

    /// Whether this is a summary table (收支总表 / 财政拨款收支总表): income lines by label against
    /// expenditure by functional 类, balanced by 收入总计 = 支出总计.
    ///
    /// ```
    /// assert!(sunlit::tables::TableKind::FinalAppropriation.is_summary());
    /// assert!(!sunlit::tables::TableKind::FinalExpenditure.is_summary());
    /// ```
    pub fn is_summary(self) -> bool {
        matches!(
            self,
            TableKind::BudgetSummary
                | TableKind::BudgetAppropriation
                | TableKind::FinalSummary
                | TableKind::FinalAppropriation
        )
    }

    /// The level detailed rows must reach (细化程度): 项 (3, seven digits) for the functional
    /// detail tables, 款 (2, five digits) for the basic-expenditure economic tables, none for the
    /// summary and "三公" tables. Source: 预算法 art. 46 — "本级一般公共预算支出，按其功能分类应当编列到项；
    /// 按其经济性质分类，基本支出应当编列到款" (quoted from the Budget Law as amended in 2018; not in
    /// the project's fiscal reference) — the refinement the seed article reports for departmental
    /// budgets (总预算和部门预算细化到项级科目，一般公共预算基本支出细化到款级); on the disclosure side
    /// 财预〔2016〕143号 \[K\] (see [`rules::GRANULARITY`](crate::rules::tables::GRANULARITY)).
    ///
    /// ```
    /// use sunlit::tables::TableKind;
    /// assert_eq!(TableKind::BudgetGeneralFunctional.required_level(), Some(3));
    /// assert_eq!(TableKind::BudgetBasicEconomic.required_level(), Some(2));
    /// assert_eq!(TableKind::BudgetSummary.required_level(), None);
    /// ```
    pub fn required_level(self) -> Option<u8> {
        if self.is_summary() {
            return None;
        }
        match self.scheme() {
            Some(Scheme::Functional) => Some(3),
            Some(_) => Some(2),
            None => None,
        }
    }

    /// The book (四本预算) all of the table's money belongs to, when the table is one book's
    /// appropriation table; `None` for all-funds tables (支出预算总表, 支出决算表 …).
    ///
    /// ```
    /// use sunlit::{budget::Book, tables::TableKind};
    /// assert_eq!(TableKind::FinalFund.book(), Some(Book::Fund));
    /// assert_eq!(TableKind::BudgetExpenditure.book(), None);
    /// ```
    pub fn book(self) -> Option<Book> {
        match self {
            TableKind::BudgetGeneralFunctional
            | TableKind::BudgetBasicEconomic
            | TableKind::FinalGeneralFunctional
            | TableKind::FinalGeneralBasic => Some(Book::General),
            TableKind::BudgetFundFunctional | TableKind::FinalFund => Some(Book::Fund),
            TableKind::BudgetStateCapitalFunctional | TableKind::FinalStateCapital => {
                Some(Book::StateCapital)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_enumerators_brackets_and_quotes() {
        assert_eq!(normalize("一、财政拨款收入"), "财政拨款收入");
        assert_eq!(normalize(" 1. 一般公共预算 "), "一般公共预算");
        assert_eq!(normalize("（一）事业收入"), "事业收入");
        assert_eq!(
            normalize("使用非财政拨款结余（含专用结余）"),
            "使用非财政拨款结余"
        );
        assert_eq!(normalize("因公出国（境）费"), normalize("因公出国(境)费"));
        assert_eq!(normalize("“三公”经费"), "三公经费");
        assert_eq!(normalize("208"), "208");
    }

    #[test]
    fn every_name_and_alias_is_recognised_as_its_own_kind() {
        for &k in TableKind::ALL {
            assert_eq!(TableKind::from_title(k.name_zh()), Some(k), "{k}");
            for a in k.aliases() {
                assert_eq!(TableKind::from_title(a), Some(k), "{a}");
                assert_eq!(
                    TableKind::from_title(&format!("2026年某局{a}")),
                    Some(k),
                    "{a}"
                );
            }
        }
        assert_eq!(
            TableKind::from_title("T5_一般公共预算财政拨款支出决算表.csv"),
            Some(TableKind::FinalGeneralFunctional)
        );
        assert_eq!(TableKind::ALL.len(), 18);
        assert_eq!(TableKind::FinalStateCapital.number(), 9);
    }

    #[test]
    fn printed_variants_of_every_title_round_trip() {
        for &k in TableKind::ALL {
            for name in std::iter::once(k.name_zh()).chain(k.aliases().iter().copied()) {
                for title in [
                    format!("2026年{name}"),
                    format!("2024年度上海市普陀区城市管理行政执法局{name}"),
                    format!("2026年单位{name}"),
                    format!("预算表{}　{name}（单位：元）", k.number()),
                    format!(
                        " {} ",
                        name.chars().map(String::from).collect::<Vec<_>>().join(" ")
                    ),
                    format!("T{}_{name}.csv", k.number()),
                ] {
                    assert_eq!(TableKind::from_title(&title), Some(k), "{title}");
                }
            }
        }
    }

    #[test]
    fn the_appropriation_summary_is_not_the_summary() {
        use TableKind as K;
        for (title, kind) in [
            ("财政拨款收支总表", K::BudgetAppropriation),
            ("部门财政拨款收支总表", K::BudgetAppropriation),
            ("2026年部门财政拨款收支总表", K::BudgetAppropriation),
            ("2026年单位财政拨款收支总表", K::BudgetAppropriation),
            ("部门财政拨款收支预算总表", K::BudgetAppropriation),
            ("收支总表", K::BudgetSummary),
            ("2026年部门收支总表", K::BudgetSummary),
            ("部门财务收支预算总表", K::BudgetSummary),
            ("财政拨款收入支出决算总表", K::FinalAppropriation),
            ("部门财政拨款收入支出决算总表", K::FinalAppropriation),
            ("2024年度部门财政拨款收支决算总表", K::FinalAppropriation),
            ("收入支出决算总表", K::FinalSummary),
            ("2024年度收支决算总表", K::FinalSummary),
            ("支出决算表", K::FinalExpenditure),
            ("一般公共预算财政拨款支出决算表", K::FinalGeneralFunctional),
        ] {
            assert_eq!(TableKind::from_title(title), Some(kind), "{title}");
        }
        assert_ne!(
            TableKind::from_title("财政拨款收支总表"),
            TableKind::from_title("收支总表")
        );
    }

    #[test]
    fn no_two_kinds_share_a_name() {
        let mut seen: Vec<(String, TableKind)> = Vec::new();
        for &k in TableKind::ALL {
            for name in std::iter::once(k.name_zh()).chain(k.aliases().iter().copied()) {
                let n = normalize(name);
                if let Some((_, other)) = seen.iter().find(|(m, o)| *m == n && *o != k) {
                    panic!("{name} names both {k} and {other}");
                }
                seen.push((n, k));
            }
        }
    }
}
