//! The integration tests of sunlit, in one test binary (`cargo nextest run -p sunlit-tests`;
//! one file: `--test integration io_reliability::`).
//!
//! Each file beside this one is a module of the same binary rather than a binary of its own:
//! every test binary links the whole library (PDF, XLSX, HTML and Arrow readers included), and
//! thirty-odd of them cost gigabytes of disk and most of the link time of a clean build.

mod arrow;
mod budget_golden;
mod calendar;
mod completeness;
mod corpus;
mod corpus_catalogue;
mod disclosure;
mod disclosure_catalogue;
mod document_annual;
mod document_layouts;
mod document_moe_template;
mod document_read;
mod document_recognise;
mod document_report;
mod findings;
mod held_out;
mod hostile;
mod io_reliability;
mod key_area;
mod narrative;
mod power_golden;
mod power_properties;
mod power_real;
mod properties;
mod python_stubs;
mod report_build;
mod report_golden;
mod requests;
mod rules_docs;
mod scoring;
mod scoring_evaluators;
mod special_funds;
mod tables_golden;
mod tables_identities;
mod tables_real;
