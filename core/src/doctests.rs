//! The Markdown pages of the repository, run as doctests: each ```rust block of the README and
//! of `docs/` is compiled and run by `cargo test --doc`. One item per page; a page that gains a
//! Rust block must be added here (`bindings-python/tests/test_docs.py` fails otherwise).

#[doc = include_str!("../../README.md")]
pub struct Readme;

#[doc = include_str!("../../docs/budgets.md")]
pub struct Budgets;

#[doc = include_str!("../../docs/documents.md")]
pub struct Documents;

#[doc = include_str!("../../docs/disclosure.md")]
pub struct Disclosure;

#[doc = include_str!("../../docs/power.md")]
pub struct Power;

#[doc = include_str!("../../docs/report.md")]
pub struct Report;

#[doc = include_str!("../../docs/key-areas.md")]
pub struct KeyAreas;
#[doc = include_str!("../../docs/scoring.md")]
pub struct Scoring;
#[doc = include_str!("../../docs/disclosure-catalogue.md")]
pub struct DisclosureCatalogue;
