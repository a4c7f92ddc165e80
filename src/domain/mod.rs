//! Domain rules: plain functions over plain data, no database and no web server.

pub mod account;
pub mod business_id;
pub mod email;
pub mod money;
pub mod role;
pub mod validation;
