//! The explanation of a score as text, Markdown and JSON.

use std::fmt::Write as _;

use super::score::{IndicatorScore, OrganScore, Ranked, round2};

fn leaf_line(n: &IndicatorScore) -> String {
    match (n.evaluator, n.raw) {
        (Some(e), Some((raw, max))) => format!(" [{e} {raw}/{max}]"),
        _ => String::new(),
    }
}

fn text_nodes(nodes: &[IndicatorScore], depth: usize, out: &mut String) {
    for n in nodes {
        let pad = "  ".repeat(depth);
        let marker = if n.origin == "sunlit" {
            " (sunlit)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{pad}{} {} / {}{marker}: {} / {}{}",
            n.id,
            n.name_zh,
            n.name_en,
            round2(n.score),
            round2(n.share),
            leaf_line(n)
        );
        for f in &n.facts {
            let _ = writeln!(out, "{pad}    - {f}");
        }
        text_nodes(&n.children, depth + 1, out);
    }
}

fn md_nodes(nodes: &[IndicatorScore], out: &mut String) {
    for n in nodes {
        let facts: Vec<String> = n
            .facts
            .iter()
            .map(|f| format!("{}: {}", f.name, f.value.replace('|', "\\|")))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {}{} {} | {} | {} | {} | {} |",
            n.level,
            "　".repeat(n.level.saturating_sub(1) as usize),
            n.name_zh,
            if n.origin == "sunlit" { "(sunlit)" } else { "" },
            n.weight,
            round2(n.share),
            round2(n.score),
            facts.join("; ")
        );
        md_nodes(&n.children, out);
    }
}

impl OrganScore {
    /// The explanation as indented text: one line per indicator (id, names, score / share,
    /// evaluator), its facts below it.
    ///
    /// ```
    /// # use sunlit::scoring::*;
    /// # let s = Scheme::embedded("cass-2022")?;
    /// # let w: Vec<_> = s.unknown_weights().into_iter().map(|id| (id, 1.into())).collect();
    /// let score = s.with_weights(&w)?.score(&Evidence::new("x", OrganKind::Government, 2021))?;
    /// let text = score.to_text();
    /// assert!(text.starts_with("x · cass-2022 2022 · 2021: 0.00 / 100"));
    /// assert!(text.contains("missing: no manual score recorded for cass-2022.decision"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{} · {} {} · {}: {} / {}\n",
            self.organ, self.scheme, self.version, self.year, self.total, self.max
        );
        text_nodes(&self.indicators, 1, &mut out);
        out
    }

    /// The explanation as a Markdown table (level, indicator, weight, share, score, facts).
    ///
    /// ```
    /// # use sunlit::scoring::*;
    /// # let s = Scheme::embedded("cass-2022")?;
    /// # let w: Vec<_> = s.unknown_weights().into_iter().map(|id| (id, 1.into())).collect();
    /// let score = s.with_weights(&w)?.score(&Evidence::new("x", OrganKind::Government, 2021))?;
    /// assert!(score.to_markdown().contains("| 1 | 决策公开  | 1 | 20.00 | 0.00 |"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "### {} — {} {} ({})\n\n总分 Total: **{}** / {} (2 places, half up)\n\n\
             | 级 Level | 指标 Indicator | 权重 Weight | 分值 Share | 得分 Score | 依据 Facts |\n\
             |---|---|---|---|---|---|\n",
            self.organ, self.scheme, self.version, self.year, self.total, self.max
        );
        md_nodes(&self.indicators, &mut out);
        out
    }

    /// The score as JSON (decimals as strings, the whole explanation tree).
    ///
    /// ```
    /// # use sunlit::scoring::*;
    /// # let s = Scheme::embedded("cass-2022")?;
    /// # let w: Vec<_> = s.unknown_weights().into_iter().map(|id| (id, 1.into())).collect();
    /// let score = s.with_weights(&w)?.score(&Evidence::new("x", OrganKind::Government, 2021))?;
    /// let v: serde_json::Value = serde_json::from_str(&score.to_json()).unwrap();
    /// assert_eq!(v["total"], "0.00");
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}

impl Ranked {
    /// A ranking as a Markdown table (rank, organ, total, tie).
    ///
    /// ```
    /// let r = vec![sunlit::scoring::Ranked { rank: 1, organ: "甲".into(), total: 90.into(), tied: false }];
    /// assert!(sunlit::scoring::Ranked::to_markdown(&r).contains("| 1 | 甲 | 90 |  |"));
    /// ```
    pub fn to_markdown(ranking: &[Ranked]) -> String {
        let mut out =
            "| 名次 Rank | 机关 Organ | 总分 Total | 并列 Tie |\n|---|---|---|---|\n".to_owned();
        for r in ranking {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                r.rank,
                r.organ,
                r.total,
                if r.tied { "并列 tied" } else { "" }
            );
        }
        out
    }
}
