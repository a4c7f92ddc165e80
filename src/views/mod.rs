//! maud views: components composed into one shared layout.

pub mod admin;
pub mod components;
pub mod error;
pub mod home;
pub mod layout;
pub mod login;
pub mod profile;
