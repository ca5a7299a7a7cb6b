//! Classification codes.

use std::fmt;
use std::sync::Arc;

use sunlit::classification::Scheme;

use crate::errors::Result;

/// A classification code (functional 类/款/项, economic 类/款, revenue 类/款/项/目).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, uniffi::Object)]
#[uniffi::export(Display, Eq, Hash, Ord)]
pub struct Code(pub sunlit::Code);

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

fn wrap(c: sunlit::Code) -> Arc<Code> {
    Arc::new(Code(c))
}

constructors! { Code {
    /// A functional code, e.g. `"2080505"`.
    #[uniffi::constructor]
    fn functional(text: String) -> Result<Arc<Code>> = Ok(wrap(sunlit::Code::functional(&text)?));
    /// A functional code from split columns, e.g. `["208", "05", "05"]`.
    #[uniffi::constructor]
    fn functional_split(parts: Vec<String>) -> Result<Arc<Code>> =
        Ok(wrap(sunlit::Code::functional_split(&parts)?));
    /// An economic code; 3xx departmental, 5xx governmental.
    #[uniffi::constructor]
    fn economic(text: String) -> Result<Arc<Code>> = Ok(wrap(sunlit::Code::economic(&text)?));
    /// An economic code from split columns.
    #[uniffi::constructor]
    fn economic_split(parts: Vec<String>) -> Result<Arc<Code>> =
        Ok(wrap(sunlit::Code::economic_split(&parts)?));
    /// A revenue code.
    #[uniffi::constructor]
    fn revenue(text: String) -> Result<Arc<Code>> = Ok(wrap(sunlit::Code::revenue(&text)?));
    /// A revenue code from split columns.
    #[uniffi::constructor]
    fn revenue_split(parts: Vec<String>) -> Result<Arc<Code>> =
        Ok(wrap(sunlit::Code::revenue_split(&parts)?));
    /// A code of an explicit scheme.
    #[uniffi::constructor]
    fn parse(scheme: Scheme, text: String) -> Result<Arc<Code>> =
        Ok(wrap(sunlit::Code::parse(scheme, &text)?));
}}

methods! { Code(c) {
    /// The scheme.
    fn scheme() -> Scheme = c.0.scheme();
    /// The 1-based level (1 = 类).
    fn level() -> u8 = c.0.level();
    /// 类, 款, 项 or 目.
    fn level_name() -> String = c.0.level_name().to_owned();
    /// The parent, or null for a 类.
    fn parent() -> Option<Arc<Code>> = c.0.parent().map(wrap);
    /// Ancestors, root first.
    fn ancestors() -> Vec<Arc<Code>> = c.0.ancestors().into_iter().map(wrap).collect();
    /// Whether this code is a strict ancestor of `other`.
    fn is_ancestor_of(other: Arc<Code>) -> bool = c.0.is_ancestor_of(other.0);
    /// The parts as printed in split columns.
    fn split() -> Vec<String> = c.0.split();
    /// The digits.
    fn digits() -> String = c.0.to_string();
}}
