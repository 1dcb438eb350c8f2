//! The state file of earlier versions, `state.json`: read once, when the store is first
//! made, so that an upgrade keeps the places, marks and history; never written.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use crate::kept::{Place, StateProblem};

/// What the file's `format` field says: a JSON file without it is not ours.
const FORMAT: &str = "dafu-state";

/// The only version there was.
const VERSION: u64 = 1;

/// The largest file read; a bigger one is damaged (a hundred letters' places and a hundred
/// queries take a few kilobytes).
const MAX_BYTES: u64 = 4 << 20;

/// The state file as earlier versions wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct StateFile {
    /// Search queries, oldest first.
    #[serde(default)]
    pub history: Vec<String>,
    /// Per letter (by its key), its place.
    #[serde(default)]
    pub letters: BTreeMap<String, LetterEntry>,
}

/// One letter's kept place in the file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LetterEntry {
    /// When it was last read (seconds since 1970).
    pub used: u64,
    /// The place.
    #[serde(flatten)]
    pub place: Place,
}

/// Reads the file at `path`, if it is there, a regular file (not a FIFO, whose read would
/// wait for ever, nor a symbolic link), no larger than [`MAX_BYTES`], and a state file this
/// dafu wrote.
#[must_use]
pub fn read(path: &Path) -> Option<StateFile> {
    use std::os::unix::fs::OpenOptionsExt;
    // Not blocking, so that opening a FIFO returns at once; not following a link.
    let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(i32::try_from(flags.bits()).ok()?)
        .open(path)
        .ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).ok()?;
    if bytes.len() as u64 > MAX_BYTES {
        return None;
    }
    parse(&bytes).ok()
}

/// Parses a state file, telling a damaged file from a foreign or a newer one.
///
/// # Errors
/// Why the bytes are not a state file this dafu can use.
pub fn parse(bytes: &[u8]) -> Result<StateFile, StateProblem> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|_| StateProblem::Damaged)?;
    let Some(object) = value.as_object() else {
        return Err(StateProblem::Foreign);
    };
    if object.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err(StateProblem::Foreign);
    }
    match object.get("version").and_then(serde_json::Value::as_u64) {
        Some(version) if version > VERSION => return Err(StateProblem::Newer),
        Some(VERSION) => {}
        _ => return Err(StateProblem::Damaged),
    }
    serde_json::from_value(value).map_err(|_| StateProblem::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kept::Spot;

    #[test]
    fn damaged_foreign_and_newer_files_are_told_apart() {
        assert_eq!(parse(b"{\"format\": \"dafu-st"), Err(StateProblem::Damaged));
        assert_eq!(parse(b"\xff\xfe"), Err(StateProblem::Damaged));
        assert_eq!(parse(b"[1, 2]"), Err(StateProblem::Foreign));
        assert_eq!(
            parse(br#"{"editor.fontSize": 14}"#),
            Err(StateProblem::Foreign)
        );
        assert_eq!(
            parse(br#"{"format": "dafu-state", "version": 99}"#),
            Err(StateProblem::Newer)
        );
        assert_eq!(
            parse(br#"{"format": "dafu-state", "version": 1, "history": "not a list"}"#),
            Err(StateProblem::Damaged)
        );
        assert_eq!(
            parse(br#"{"format": "dafu-state", "version": 1}"#),
            Ok(StateFile::default())
        );
    }

    #[test]
    fn a_file_as_earlier_versions_wrote_it_is_read() {
        let json = r#"{"format":"dafu-state","version":1,"history":["银行"],
            "letters":{"k":{"used":5,"at":{"node":3,"block":7,"byte":42},
            "expanded":[0,3],"marks":{"a":{"node":3,"block":7,"byte":42}}}}}"#;
        let file = parse(json.as_bytes()).unwrap();
        assert_eq!(file.history, ["银行"]);
        let spot = Spot {
            node: 3,
            block: 7,
            byte: 42,
        };
        assert_eq!(
            file.letters["k"],
            LetterEntry {
                used: 5,
                place: Place {
                    at: Some(spot),
                    expanded: vec![0, 3],
                    marks: [('a', spot)].into_iter().collect(),
                    ..Place::default()
                }
            }
        );
    }

    #[test]
    fn only_a_regular_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("state.json");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        // A FIFO opened for reading would wait for a writer for ever.
        assert_eq!(read(&fifo), None);
        let real = dir.path().join("real.json");
        std::fs::write(&real, br#"{"format":"dafu-state","version":1}"#).unwrap();
        assert_eq!(read(&real), Some(StateFile::default()));
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(read(&link), None);
    }
}
