//! Text for a terminal: sanitising, display widths, truncation and line breaking.
pub mod sanitize;
pub mod truncate;
pub mod width;
pub mod wrap;
