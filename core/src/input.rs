//! Input options (输入选项): how strictly CSV is quoted and the size limits every reader enforces.
//!
//! Every reader of the library (ledgers, published tables, power lists, annual reports, request
//! histories, calendars) takes an [`InputOptions`]: its [`Quoting`] (strict RFC 4180 by default;
//! lenient reports a warning for every relaxed field) and its [`Limits`] (file size, rows, field
//! length, JSON depth, cells), so that a hostile or broken file is refused with
//! [`Error::Limit`](crate::Error::Limit) before it can exhaust memory. The readers and writers
//! themselves are the domain types' methods (`Ledger::read_csv`, `PublishedTable::from_json`, …).
//!
//! ```
//! use sunlit::PublishedTable;
//! use sunlit::input::{InputOptions, Limits, Quoting};
//! let opts = InputOptions {
//!     quoting: Quoting::Strict,
//!     limits: Limits { max_json_depth: 2, ..Limits::default() },
//! };
//! let json = r#"{"columns": ["合计"], "rows": [{"name": "x", "cells": {"合计": "1"}}]}"#;
//! assert!(PublishedTable::from_json_with(json, &opts).is_err()); // nested 3 deep
//! assert!(PublishedTable::from_json_with(json, &InputOptions::default()).is_ok());
//! ```

pub use crate::io::{InputOptions, Limits, Quoting};
