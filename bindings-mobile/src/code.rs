//! Classification codes.

use std::fmt;
use std::sync::Arc;

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

fn wrap(c: std::result::Result<sunlit::Code, sunlit::Error>) -> Result<Arc<Code>> {
    Ok(Arc::new(Code(c?)))
}

#[uniffi::export]
impl Code {
    /// A functional code, e.g. `"2080505"`.
    #[uniffi::constructor]
    pub fn functional(text: String) -> Result<Arc<Code>> {
        wrap(sunlit::Code::functional(&text))
    }

    /// A functional code from split columns, e.g. `["208", "05", "05"]`.
    #[uniffi::constructor]
    pub fn functional_split(parts: Vec<String>) -> Result<Arc<Code>> {
        wrap(sunlit::Code::functional_split(&parts))
    }

    /// An economic code; 3xx departmental, 5xx governmental.
    #[uniffi::constructor]
    pub fn economic(text: String) -> Result<Arc<Code>> {
        wrap(sunlit::Code::economic(&text))
    }

    /// An economic code from split columns.
    #[uniffi::constructor]
    pub fn economic_split(parts: Vec<String>) -> Result<Arc<Code>> {
        wrap(sunlit::Code::economic_split(&parts))
    }

    /// A revenue code.
    #[uniffi::constructor]
    pub fn revenue(text: String) -> Result<Arc<Code>> {
        wrap(sunlit::Code::revenue(&text))
    }

    /// A revenue code from split columns.
    #[uniffi::constructor]
    pub fn revenue_split(parts: Vec<String>) -> Result<Arc<Code>> {
        wrap(sunlit::Code::revenue_split(&parts))
    }

    /// A code of an explicit scheme.
    #[uniffi::constructor]
    pub fn parse(scheme: sunlit::classification::Scheme, text: String) -> Result<Arc<Code>> {
        wrap(sunlit::Code::parse(scheme, &text))
    }

    /// The scheme.
    pub fn scheme(&self) -> sunlit::classification::Scheme {
        self.0.scheme()
    }

    /// The 1-based level (1 = 类).
    pub fn level(&self) -> u8 {
        self.0.level()
    }

    /// 类, 款, 项 or 目.
    pub fn level_name(&self) -> String {
        self.0.level_name().to_owned()
    }

    /// The parent, or null for a 类.
    pub fn parent(&self) -> Option<Arc<Code>> {
        self.0.parent().map(|c| Arc::new(Code(c)))
    }

    /// Ancestors, root first.
    pub fn ancestors(&self) -> Vec<Arc<Code>> {
        self.0
            .ancestors()
            .into_iter()
            .map(|c| Arc::new(Code(c)))
            .collect()
    }

    /// Whether this code is a strict ancestor of `other`.
    pub fn is_ancestor_of(&self, other: Arc<Code>) -> bool {
        self.0.is_ancestor_of(other.0)
    }

    /// The parts as printed in split columns.
    pub fn split(&self) -> Vec<String> {
        self.0.split()
    }

    /// The digits.
    pub fn digits(&self) -> String {
        self.0.to_string()
    }
}
