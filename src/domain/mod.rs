//! Domain rules: plain functions over plain data, no database and no web server.

pub mod account;
pub mod business_id;
pub mod contact;
pub mod coverage;
pub mod email;
pub mod employer;
pub mod follow_up;
pub mod ips;
pub mod jobs;
pub mod labelled;
pub mod merge;
pub mod money;
pub mod role;
pub mod stats;
pub mod text;
pub mod validation;
