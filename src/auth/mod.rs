//! Who the user is: passwords, session tokens and their lifetimes, sign-in throttling, and which
//! proxies are believed about the client's address.

pub mod password;
pub mod proxies;
pub mod sessions;
pub mod throttle;
pub mod token;
