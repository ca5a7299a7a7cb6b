//! The embedded catalogue year by year: a code's name in a catalogue year, whether it is listed,
//! its names over the years, how it changed, and how a printed name compares (issue 14).

use std::sync::Arc;

use sunlit::{
    Catalog,
    catalog::{Change, NameMatch, Presence},
};

use crate::code::Code;

/// A code's name in one catalogue year.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CatalogueName {
    /// The catalogue year.
    pub year: i32,
    /// The name that year.
    pub name: String,
}

/// How a code changed between two catalogue years.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CatalogueChange {
    /// "same", "renamed", "added", "retired" or "unknown".
    pub kind: String,
    /// The year of an addition or retirement.
    pub year: Option<i32>,
    /// The first year's name of a renamed code.
    pub from_name: Option<String>,
    /// The second year's name of a renamed code.
    pub to_name: Option<String>,
}

/// How a printed name compares with the code's name in a catalogue year.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CatalogueNameMatch {
    /// "exact", "variant", "other_year", "other_code", "mismatch" or "unknown".
    pub kind: String,
    /// The code's name in the year asked about (other_year, other_code, mismatch).
    pub expected: Option<String>,
    /// The year whose name was printed (other_year).
    pub other_year: Option<i32>,
    /// The code whose name was printed (other_code).
    pub other_code: Option<String>,
}

fn cat() -> &'static Catalog {
    Catalog::embedded()
}

functions! {
    /// The name of `code` in the embedded catalogue of `year` (a functional 类 falls back on the
    /// 类 name in force that year); null when not listed — never a guess.
    fn catalogue_name(code: Arc<Code>, year: i32) -> Option<String> =
        cat().name_in(code.0, year).map(str::to_owned);
    /// Whether `code` is listed in the embedded catalogue of `year`: "listed", "not_listed" (the
    /// year is incomplete), "absent" (complete, and without it) or "no_catalogue".
    fn catalogue_presence(code: Arc<Code>, year: i32) -> String =
        match cat().presence(code.0, year) {
            Presence::Listed => "listed",
            Presence::NotListed => "not_listed",
            Presence::Absent => "absent",
            Presence::NoCatalogue => "no_catalogue",
        }
        .to_owned();
    /// The names of `code` in every catalogue year that lists it, ascending by year.
    fn catalogue_history(code: Arc<Code>) -> Vec<CatalogueName> = cat()
        .history(code.0)
        .into_iter()
        .map(|(year, name)| CatalogueName { year, name })
        .collect();
    /// How `code` changed between the catalogues of `from_year` and `to_year`.
    fn catalogue_change(code: Arc<Code>, from_year: i32, to_year: i32) -> CatalogueChange =
        change(cat().change(code.0, from_year, to_year));
    /// Compare a printed name with the name of `code` in the embedded catalogue of `year`.
    fn catalogue_match_name(code: Arc<Code>, year: i32, printed: String) -> CatalogueNameMatch =
        name_match(cat().match_name(code.0, year, &printed));
}

fn change(c: Change) -> CatalogueChange {
    let (kind, year, from_name, to_name) = match c {
        Change::Same => ("same", None, None, None),
        Change::Renamed { from, to } => ("renamed", None, Some(from), Some(to)),
        Change::Added { year } => ("added", Some(year), None, None),
        Change::Retired { year } => ("retired", Some(year), None, None),
        Change::Unknown => ("unknown", None, None, None),
    };
    CatalogueChange {
        kind: kind.to_owned(),
        year,
        from_name,
        to_name,
    }
}

fn name_match(m: NameMatch) -> CatalogueNameMatch {
    let (kind, expected, other_year, other_code) = match m {
        NameMatch::Exact => ("exact", None, None, None),
        NameMatch::Variant => ("variant", None, None, None),
        NameMatch::OtherYear { year, expected } => ("other_year", Some(expected), Some(year), None),
        NameMatch::OtherCode { code, expected } => {
            ("other_code", Some(expected), None, Some(code.to_string()))
        }
        NameMatch::Mismatch { expected } => ("mismatch", Some(expected), None, None),
        NameMatch::Unknown => ("unknown", None, None, None),
    };
    CatalogueNameMatch {
        kind: kind.to_owned(),
        expected,
        other_year,
        other_code,
    }
}
