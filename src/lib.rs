//! dafu (答复): a terminal reader for Chinese official reply letters.
//!
//! The library holds everything the binary does, so that tests reach it: the letter's schema
//! and loader ([`letter`]), text handling for Chinese in a terminal ([`text`]), search with
//! folding and pinyin ([`search`]), the interactive reader ([`tui`]), and the plain-text
//! command-line faces ([`cli`]).

// The modules' comments are for whoever works on dafu and link to private items (how a
// letter is loaded, what the cache keeps): `cargo doc` documents those too
// (`.cargo/config.toml`), where the links resolve.
#![allow(rustdoc::private_intra_doc_links)]

pub mod action;
pub mod app;
pub mod cli;
pub mod colour;
pub mod diff;
pub mod figures;
pub mod import;
pub mod kept;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod letter;
pub mod numbers;
pub mod search;
pub mod shelf;
pub mod state;
pub mod store;
pub mod strings;
pub mod text;
pub mod tui;
pub mod ui;
