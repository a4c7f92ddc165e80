//! Domain rules: plain functions over plain data, no database and no web server.

pub mod account;
pub mod business_id;
pub mod contact;
pub mod coverage;
pub mod digest;
pub mod email;
pub mod employer;
pub mod fields;
pub mod follow_up;
pub mod handover;
pub mod ips;
pub mod jobs;
pub mod jobseeker;
pub mod labelled;
pub mod local_path;
pub mod matching;
pub mod merge;
pub mod money;
pub mod opening;
pub mod placement;
pub mod role;
pub mod stats;
pub mod text;
pub mod validation;
