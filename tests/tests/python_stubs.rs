//! The Python stubs (`sunlit/_sunlit.pyi`) type exception attributes with `Literal[...]` lists of
//! the core's vocabulary ids (`HistoryError.event`, `CodeError.scheme`). These tests keep those
//! lists in step with the core, so a new event kind or scheme cannot be forgotten in Python.

use sunlit::{classification::Scheme, request::EventKind};

const STUB: &str = include_str!("../../bindings-python/python/sunlit/_sunlit.pyi");

/// The quoted strings of the stub's `NAME = Literal[...]` alias.
fn literal(name: &str) -> Vec<String> {
    let start = STUB
        .find(&format!("{name} = Literal["))
        .unwrap_or_else(|| panic!("{name} is not declared in _sunlit.pyi"));
    let rest = &STUB[start..];
    let end = rest.find(']').expect("an unterminated Literal[");
    rest[..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn history_error_event_lists_every_event_kind() {
    let core: Vec<String> = EventKind::ALL.iter().map(|k| k.id().to_owned()).collect();
    assert_eq!(literal("_EventKind"), core);
}

#[test]
fn code_error_scheme_lists_every_scheme() {
    let core: Vec<String> = Scheme::ALL.iter().map(|s| s.id().to_owned()).collect();
    assert_eq!(literal("_Scheme"), core);
}
