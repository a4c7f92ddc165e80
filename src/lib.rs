//! Verkosto: the employer-network CRM for IPS job coaches, as a library built the same way by
//! the binary and by the tests.

pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod export;
pub mod format;
pub mod i18n;
pub mod jobs;
pub mod logging;
pub mod mail;
pub mod seed;
pub mod startup;
pub mod views;
pub mod web;
