//! Enumerations stored as text and shown through a message id (`PREFIX-value`).

/// Declares an enum whose variants are stored as the given strings and labelled by the Fluent
/// messages `PREFIX-VALUE`.
#[macro_export]
macro_rules! labelled_enum {
    ($(#[$meta:meta])* pub enum $name:ident prefix $prefix:literal { $($variant:ident => $value:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value stored in the database and sent by forms.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $value),+
                }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s.trim() {
                    $($value => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The Fluent message id of the label.
            pub fn message_id(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($prefix, "-", $value)),+
                }
            }
        }
    };
}
