//! Bytes → `dafu::letter::load::from_bytes` → when it loads: print, outline, search, figures,
//! and one look at the reader. See `dafu_fuzz::load`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dafu_fuzz::load(data));
