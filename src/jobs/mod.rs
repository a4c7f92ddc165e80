//! Work that runs on its own schedule inside `verkosto serve`: retention, the morning digest
//! planner and the outbox delivery worker (the latter two also once with `verkosto send-mail`,
//! for cron).

pub mod delivery;
pub mod planner;
pub mod retention;

pub use delivery::{PassSummary, Worker};
