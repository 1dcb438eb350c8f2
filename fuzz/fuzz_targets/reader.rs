//! Bytes → a terminal size and a sequence of keys, mouse events, pastes and resizes → actions,
//! updates and frames on a `TestBackend`, on the embedded letter. See `dafu_fuzz::reader`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dafu_fuzz::reader(data));
