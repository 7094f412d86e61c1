//! Dates as written anywhere in the corpus (documents, release notes, tables, other
//! text): days that do not exist, and weekdays that do not match their dates.

pub mod date001;
pub mod date002;
