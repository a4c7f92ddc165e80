//! maud views: components composed into one shared layout.

pub mod admin;
pub mod components;
pub mod contact_form;
pub mod employers;
pub mod error;
pub mod follow_ups;
pub mod handover;
pub mod home;
pub mod jobseekers;
pub mod layout;
pub mod login;
pub mod matches;
pub mod openings;
pub mod outbox;
pub mod persons;
pub mod placements;
pub mod privacy;
pub mod profile;
pub mod quick_log;
pub mod reports;
