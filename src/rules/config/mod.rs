//! The configuration file itself.
pub mod cfg001;
