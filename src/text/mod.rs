//! Text for a terminal: sanitising, display widths, truncation and line breaking.
