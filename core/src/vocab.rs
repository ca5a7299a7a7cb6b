//! A small macro for closed vocabularies: enums with a stable snake_case id, a Chinese name and
//! accepted aliases, parsed strictly (an unknown value is an [`Error::Field`](crate::Error::Field)
//! that lists what is accepted) and serialised by id.

/// Define a vocabulary enum.
///
/// ```ignore
/// vocabulary! {
///     /// docs
///     pub enum Book("book") {
///         /// docs
///         General = "general", "一般公共预算" | "一般公共预算支出";
///     }
/// }
/// ```
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident($field:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $id:literal, $zh:literal $(| $alias:literal)*;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        pub enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            #[doc = concat!("The stable snake_case id of the value.\n\n```\n# use sunlit::{budget::*, calendar::*, catalog::*, classification::*, disclosure::*, document::*, fdp::*, finding::*, input::*, money::*, power::*, report::*, request::*, special_fund::*, tables::*};\nlet v = ", stringify!($name), "::ALL[0];\nassert_eq!(", stringify!($name), "::parse(v.id()).unwrap(), v);\n```")]
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            #[doc = concat!("The Chinese name of the value.\n\n```\n# use sunlit::{budget::*, calendar::*, catalog::*, classification::*, disclosure::*, document::*, fdp::*, finding::*, input::*, money::*, power::*, report::*, request::*, special_fund::*, tables::*};\nlet v = ", stringify!($name), "::ALL[0];\nassert_eq!(", stringify!($name), "::parse(v.name_zh()).unwrap(), v);\n```")]
            pub fn name_zh(self) -> &'static str {
                match self {
                    $($name::$variant => $zh,)+
                }
            }

            #[doc = concat!("The accepted aliases besides the id and the Chinese name.\n\n```\n# use sunlit::{budget::*, calendar::*, catalog::*, classification::*, disclosure::*, document::*, fdp::*, finding::*, input::*, money::*, power::*, report::*, request::*, special_fund::*, tables::*};\nlet v = ", stringify!($name), "::ALL[0];\nfor a in v.aliases() { assert_eq!(", stringify!($name), "::parse(a).unwrap(), v); }\n```")]
            pub fn aliases(self) -> &'static [&'static str] {
                match self {
                    $($name::$variant => &[$($alias),*],)+
                }
            }

            #[doc = concat!("Parse the id, the Chinese name or an accepted alias (surrounding whitespace ignored); anything else is an error listing the accepted ids.\n\n```\n# use sunlit::{budget::*, calendar::*, catalog::*, classification::*, disclosure::*, document::*, fdp::*, finding::*, input::*, money::*, power::*, report::*, request::*, special_fund::*, tables::*};\nassert!(", stringify!($name), "::parse(\"no such value\").is_err());\n```")]
            pub fn parse(text: &str) -> $crate::Result<$name> {
                let t = text.trim();
                $(
                    if t == $id || t == $zh $(|| t == $alias)* {
                        return Ok($name::$variant);
                    }
                )+
                Err($crate::Error::Field {
                    field: $field,
                    value: text.to_owned(),
                    reason: concat!("expected one of:" $(, " ", $id, " (", $zh, ")")+).to_owned(),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> $crate::Result<$name> {
                $name::parse(s)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<$name, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                $name::parse(&s).map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use vocabulary;
