//! The shape of each document version's own text.
pub mod doc001;
pub mod doc002;
