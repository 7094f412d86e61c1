//! seccheck: proves a release of the Smart Energy Code consistent before it is published.
//!
//! The pipeline, one module a stage: [`discover`] finds files, [`load`] reads and parses
//! them ([`parse`]) into the [`model`], [`rules`] check the model and yield
//! [`diagnostic`]s, [`report`] renders them. [`check`] runs the whole thing. [`refs`] answers
//! `seccheck refs`: every citation of a clause or document.

pub mod baseline;
pub mod catalogue;
pub mod check;
pub mod clause;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod digest;
pub mod discover;
pub mod draft;
#[cfg(feature = "generator")]
pub mod generate;
pub mod hash;
pub mod history;
pub mod load;
pub mod model;
pub mod names;
pub mod parse;
pub mod refs;
pub mod report;
pub mod rules;
pub mod scope;
pub mod source;
pub mod store;
pub mod title;
pub mod word;
