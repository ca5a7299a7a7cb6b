//! Kotlin and Swift bindings of sunlit, through uniffi proc-macros.
//!
//! One Rust module per core concept; each converts and delegates. Amounts cross as exact
//! strings and surface as `java.math.BigDecimal`; dates as `java.time.LocalDate`; errors as
//! `SunlitException` subclasses with structured fields.

uniffi::setup_scaffolding!();

// The domain enums and records, the custom types (Decimal, NaiveDate) and the FFI error are
// derived once in the core (its `uniffi` feature); this crate wraps the objects and exports the
// functions. Decimal and NaiveDate use the core's converters, so a bad value lifts to the same
// `SunlitException` wherever it appears.
uniffi::use_remote_type!(sunlit::rust_decimal::Decimal);
uniffi::use_remote_type!(sunlit::chrono::NaiveDate);
// (the macro names the type by the path after the crate: `ffi::ExtraColumns`)
use sunlit::ffi;
uniffi::use_remote_type!(sunlit::ffi::ExtraColumns);

/// Exported methods of a binding object, each one expression over the object (bound to the name
/// given after the type): `fn name(args) -> Type = expression;`. Docs and `#[uniffi::method(…)]`
/// attributes pass through; a fallible body is written `Ok(…?)`, as in any exported method.
macro_rules! methods {
    ($ty:ident($v:ident) {
        $($(#[$m:meta])* fn $name:ident($($a:ident: $t:ty),* $(,)?) -> $r:ty = $body:expr;)*
    }) => {
        #[uniffi::export]
        impl $ty {
            $($(#[$m])* pub fn $name(&self, $($a: $t),*) -> $r { let $v = self; $body })*
        }
    };
}

/// Exported constructors of a binding object, written as in `methods!` but without `self`; each
/// carries its `#[uniffi::constructor]` attribute.
macro_rules! constructors {
    ($ty:ident {
        $($(#[$m:meta])* fn $name:ident($($a:ident: $t:ty),* $(,)?) -> $r:ty = $body:expr;)*
    }) => {
        #[uniffi::export]
        impl $ty {
            $($(#[$m])* pub fn $name($($a: $t),*) -> $r { $body })*
        }
    };
}

/// Exported functions, each one expression: `fn name(args) -> Type = expression;`, or
/// `export(default(…)) fn …` for the arguments of `#[uniffi::export(default(…))]`.
macro_rules! functions {
    ($(
        $(#[$m:meta])* $(export($($e:tt)*))?
        fn $name:ident($($a:ident: $t:ty),* $(,)?) -> $r:ty = $body:expr;
    )*) => {
        $($(#[$m])* #[uniffi::export($($($e)*)?)] pub fn $name($($a: $t),*) -> $r { $body })*
    };
}

mod errors {
    pub use sunlit::ffi::{Result, SunlitError};
}

mod calendar;
mod catalogue;
mod code;
mod directory;
mod disclosure;
mod document;
mod finding;
mod input;
mod key_area;
mod ledger;
mod money;
mod power;
mod progress;
mod report;
mod request;
mod rules;
mod scoring;
mod special_fund;
mod tables;
mod vocab;

pub use calendar::WorkCalendar;
pub use code::Code;
pub use document::Document;
pub use errors::SunlitError;
pub use key_area::KeyAreaChecklist;
pub use ledger::{Ledger, Rollup};
pub use power::PowerList;
pub use progress::{ListenerError, ProgressListener};
pub use report::AnnualReport;
pub use request::DisclosureRequest;
pub use tables::{DisclosureDocument, PublishedTable};
