//! The rows of the cache's `files` table read ahead, a run at a time. A shelf looks its files
//! up in the order of their names, which within a folder is the order of their paths: one
//! statement stepping through the next rows does what a lookup of each from the table's root
//! did, for a fraction of the cost (the lookups were a tenth of a warm search's time,
//! docs/performance.md).

use rusqlite::{Connection, params};

/// How many rows one read takes: as many as a thread takes letters at a time.
const RUN: usize = crate::shelf::parallel::CHUNK;

/// The rows read last, and what they cover.
#[derive(Debug, Default)]
pub(super) struct Ahead {
    /// The rows, in order of path; the first `filled` are the last read's (the rest keep
    /// their room for the next).
    rows: Vec<Row>,
    filled: usize,
    /// Where the last read started: every row from here to the last one read is among them.
    from: Vec<u8>,
    /// Whether the last read reached the table's end.
    to_end: bool,
    /// Whether the rows hold their filters (a read for a test that needs none leaves them
    /// out: SQLite copies out every column a statement names).
    filters: bool,
    /// Whether the rows are a read's at all.
    read: bool,
}

/// One row of `files`.
#[derive(Debug, Default)]
struct Row {
    path: Vec<u8>,
    stamp: Vec<u8>,
    key: Vec<u8>,
    /// The pair filter, when read and the row has one.
    pairs: Option<Vec<u8>>,
}

/// What a file's row says: its stamp, its content's key and its pair filter (when asked for
/// and there is one).
pub(super) struct FileRow<'a> {
    pub stamp: &'a [u8],
    pub key: &'a [u8],
    pub pairs: Option<&'a [u8]>,
}

/// Whether the rows read say what the table holds for a path.
enum Known {
    /// Its row, at this place.
    Row(usize),
    /// It has none.
    None,
    /// They do not cover it.
    Unknown,
}

impl Ahead {
    /// The row of `path` in `files` (with its filter if `filters`), read with the rows after
    /// it when it is not among those read last; `None` when the table has none, or cannot be
    /// read.
    pub(super) fn row(
        &mut self,
        connection: &Connection,
        path: &[u8],
        filters: bool,
    ) -> Option<FileRow<'_>> {
        let mut known = self.known(path, filters);
        if matches!(known, Known::Unknown) {
            self.read_from(connection, path, filters).ok()?;
            known = self.known(path, filters);
        }
        let Known::Row(at) = known else {
            return None;
        };
        let row = self.rows.get(at)?;
        Some(FileRow {
            stamp: &row.stamp,
            key: &row.key,
            pairs: row.pairs.as_deref(),
        })
    }

    /// Forgets the rows read: the read transaction they came from has ended.
    pub(super) fn forget(&mut self) {
        self.read = false;
    }

    /// What the rows read say of `path`.
    fn known(&self, path: &[u8], filters: bool) -> Known {
        if !self.read || (filters && !self.filters) || path < self.from.as_slice() {
            return Known::Unknown;
        }
        let rows = self.rows.get(..self.filled).unwrap_or_default();
        match rows.binary_search_by(|row| row.path.as_slice().cmp(path)) {
            Ok(at) => Known::Row(at),
            // After the last row read: the table has none only if that read reached its end.
            Err(at) if at == rows.len() && !self.to_end => Known::Unknown,
            Err(_) => Known::None,
        }
    }

    /// Reads the [`RUN`] rows from `path` on.
    fn read_from(
        &mut self,
        connection: &Connection,
        path: &[u8],
        filters: bool,
    ) -> rusqlite::Result<()> {
        self.read = false;
        let sql = if filters {
            "SELECT path, stamp, key, pairs FROM files WHERE path >= ?1 ORDER BY path LIMIT ?2"
        } else {
            "SELECT path, stamp, key, NULL FROM files WHERE path >= ?1 ORDER BY path LIMIT ?2"
        };
        let mut statement = connection.prepare_cached(sql)?;
        let run = i64::try_from(RUN).unwrap_or(i64::MAX);
        let mut rows = statement.query(params![path, run])?;
        let mut filled = 0;
        while let Some(row) = rows.next()? {
            if self.rows.len() == filled {
                self.rows.push(Row::default());
            }
            let kept = &mut self.rows[filled];
            // Each row's room is kept from one read to the next.
            let copy = |i: usize, into: &mut Vec<u8>| -> rusqlite::Result<()> {
                into.clear();
                into.extend_from_slice(row.get_ref(i)?.as_blob()?);
                Ok(())
            };
            copy(0, &mut kept.path)?;
            copy(1, &mut kept.stamp)?;
            copy(2, &mut kept.key)?;
            match row.get_ref(3)?.as_blob_or_null()? {
                Some(pairs) => {
                    let into = kept.pairs.get_or_insert_with(Vec::new);
                    into.clear();
                    into.extend_from_slice(pairs);
                }
                None => kept.pairs = None,
            }
            filled += 1;
        }
        self.filled = filled;
        self.to_end = filled < RUN;
        self.from.clear();
        self.from.extend_from_slice(path);
        self.filters = filters;
        self.read = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `files` table of `n` rows, `a/0000.yaml`… with every tenth missing, each row's
    /// stamp and key its number, and a filter on the even ones.
    fn table(n: usize) -> Connection {
        let connection = Connection::open_in_memory().expect("a store in memory");
        connection
            .execute_batch(
                "CREATE TABLE files (path BLOB PRIMARY KEY, stamp BLOB NOT NULL,
                 key BLOB NOT NULL, pairs BLOB) WITHOUT ROWID;",
            )
            .expect("made");
        for i in (0..n).filter(|i| i % 10 != 3) {
            let pairs = (i % 2 == 0).then(|| vec![u8::try_from(i % 256).unwrap_or(0); 3]);
            connection
                .execute(
                    "INSERT INTO files VALUES (?1, ?2, ?3, ?4)",
                    params![path(i), i.to_le_bytes(), i.to_be_bytes(), pairs],
                )
                .expect("inserted");
        }
        connection
    }

    fn path(i: usize) -> Vec<u8> {
        format!("a/{i:04}.yaml").into_bytes()
    }

    /// A row's stamp, key and filter.
    type Owned = (Vec<u8>, Vec<u8>, Option<Vec<u8>>);

    /// What the table says of row `i` by a lookup of its own, as the cache asked before.
    fn looked_up(connection: &Connection, i: usize) -> Option<Owned> {
        connection
            .query_row(
                "SELECT stamp, key, pairs FROM files WHERE path = ?1",
                params![path(i)],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .ok()
    }

    /// What `ahead` gives for row `i`.
    fn read(ahead: &mut Ahead, connection: &Connection, i: usize, filters: bool) -> Option<Owned> {
        let found = ahead.row(connection, &path(i), filters)?;
        Some((
            found.stamp.to_vec(),
            found.key.to_vec(),
            found.pairs.map(<[u8]>::to_vec),
        ))
    }

    #[test]
    fn every_path_gives_what_a_lookup_of_its_own_gives_in_any_order() {
        let connection = table(200);
        let mut ahead = Ahead::default();
        // In order, backwards, by strides, past the end, and again.
        let order: Vec<usize> = (0..210)
            .chain((0..210).rev())
            .chain((0..210).step_by(37))
            .chain((0..210).step_by(7).rev())
            .collect();
        for i in order {
            assert_eq!(
                read(&mut ahead, &connection, i, true),
                looked_up(&connection, i),
                "{i}"
            );
        }
    }

    #[test]
    fn a_read_without_filters_gives_none_and_one_with_them_reads_again() {
        let connection = table(40);
        let mut ahead = Ahead::default();
        let bare = read(&mut ahead, &connection, 4, false).expect("a row");
        assert_eq!(bare.2, None);
        let full = read(&mut ahead, &connection, 4, true).expect("a row");
        assert_eq!(full, looked_up(&connection, 4).expect("a row"));
        assert!(full.2.is_some());
    }

    #[test]
    fn rows_in_order_are_read_a_run_at_a_time_and_forgotten_when_told() {
        let connection = table(100);
        let mut ahead = Ahead::default();
        assert!(read(&mut ahead, &connection, 0, true).is_some());
        // A row added after the read: the rows read cover its place and say it has none,
        // until they are forgotten (as when the read transaction ends).
        connection
            .execute(
                "INSERT INTO files VALUES (?1, x'00', x'00', NULL)",
                params![path(13)],
            )
            .expect("inserted");
        assert_eq!(read(&mut ahead, &connection, 13, true), None);
        ahead.forget();
        assert!(read(&mut ahead, &connection, 13, true).is_some());
        // The last rows: a read that reaches the table's end says what lies after them.
        assert!(read(&mut ahead, &connection, 95, true).is_some());
        assert_eq!(read(&mut ahead, &connection, 150, true), None);
        assert_eq!(read(&mut ahead, &connection, 93, true), None);
    }
}
