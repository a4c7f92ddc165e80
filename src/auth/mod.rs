//! Who the user is: passwords, session tokens and sign-in throttling.

pub mod password;
pub mod throttle;
pub mod token;
