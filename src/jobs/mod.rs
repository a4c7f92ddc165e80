//! Work that runs on its own schedule inside `verkosto serve`.

pub mod retention;
