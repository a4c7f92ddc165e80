//! Data the app starts with: the Finnish reference data, and a demo organisation.
//! The source files live in the top-level `seed/` folder and are embedded in the binary.

pub mod demo;
pub mod demo_jobs;
pub mod demo_network;
pub mod reference;
pub mod scale;
