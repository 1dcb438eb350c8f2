//! The shelf's screen: a title row, the column headings, one row a letter, and the status
//! row (the progress, the search, the order and the keys; or the prompt). A pure function of
//! the [`ShelfApp`].
//!
//! Columns give way on a narrow screen, the least needed first (the class, the counts, the
//! document number), and a column that no letter fills is left out; the title takes what is
//! left. A wide screen shows each letter's file too, by which the shelf may be sorted and
//! which alone tells apart two copies of one letter. An unreviewed import and a refused letter
//! say so in words in their own column, never by colour alone.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::status::prompt_view;
use super::{put_line, theme};
use crate::app::shelf::{Known, ShelfApp, ShelfRow};
use crate::keys::shelf_help_rows;
use crate::layout::too_small;
use crate::shelf::Head;
use crate::shelf::head::{subject_or_title, suggestions_shown};
use crate::text::truncate::{fit, truncate_relative_path, truncate_start};
use crate::text::width::{AmbiguousWidth, str_width};

/// Draws the shelf in `palette`.
pub fn draw_in(app: &ShelfApp, palette: theme::Palette, frame: &mut Frame) {
    let cursor = draw(app, frame.area(), frame.buffer_mut());
    if let Some(position) = cursor {
        // The real cursor at the prompt's caret, so an input method's window opens there.
        frame.set_cursor_position(position);
    }
    palette.apply(frame.buffer_mut());
}

/// Draws the shelf into `buf`; returns where the terminal's cursor belongs (the prompt's
/// caret), if anywhere.
pub fn draw(app: &ShelfApp, screen: Rect, buf: &mut Buffer) -> Option<Position> {
    let mode = app.ambiguous();
    if too_small(screen.width, screen.height) {
        super::draw_too_small(app.lang(), mode, screen, buf);
        return None;
    }
    draw_title(app, row(screen, 0), buf);
    let cursor = draw_status(app, row(screen, screen.height - 1), buf);
    if let Some(offset) = app.help_offset() {
        // Opaque, as the reader's: on the cleared body, and no caret under it.
        let rows = shelf_help_rows(app.lang());
        super::help::draw_rows(&rows, offset, app.lang(), mode, screen, buf);
        return None;
    }
    let columns = Column::plan(screen.width, app);
    let headings = columns.iter().map(|&(c, w)| (c.heading(app), w));
    put_line(
        buf,
        row(screen, 1),
        &cells(headings, theme::HEADING, mode),
        mode,
    );
    let list = Rect {
        y: screen.y + 2,
        height: screen.height.saturating_sub(3),
        ..screen
    };
    draw_list(app, &columns, list, buf);
    cursor
}

/// Row `y` of `area`.
fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}

fn draw_title(app: &ShelfApp, area: Rect, buf: &mut Buffer) {
    let strings = app.lang().strings();
    let count = match app.search() {
        Some(search) => {
            let (letters, matches) = search.totals();
            let (open, close) = app.lang().editorial().quotes;
            // A letter that could not be read was not searched: said, as `dafu search` says it.
            let refused = (app.rows().iter())
                .filter(|row| matches!(row.known, Known::Refused(_)))
                .count();
            let unsearched = if refused > 0 {
                (strings.shelf_unsearched)(refused)
            } else {
                String::new()
            };
            format!(
                "{open}{}{close} {letters}{} {matches}{}{unsearched}",
                search.query, strings.shelf_letters, strings.shelf_matches
            )
        }
        None if !app.listed() => strings.shelf_listing.to_string(),
        None => format!("{}{}", app.rows().len(), strings.shelf_letters),
    };
    // Every letter refused: a search's count says so already (`1 refused, not searched`).
    let refused = strings.list_states[1];
    let shared = shared_state(app)
        .filter(|&s| app.search().is_none() || s != refused)
        .map(|s| format!("{}{s}", strings.shelf_all));
    let text = title_text(
        strings.shelf_title,
        &count,
        shared.as_deref(),
        usize::from(area.width),
        app.ambiguous(),
    );
    put_line(
        buf,
        area,
        &Line::styled(text, theme::TITLE),
        app.ambiguous(),
    );
}

/// The shelf's title row, `width` columns wide: its name, the count (of letters, or of a
/// search's letters and matches), and the state every letter shares, if one does. Where they
/// do not fit, the name goes first, and then the shared state comes before the count, so
/// that the count is cut rather than the state, which no row says when every row shares it.
fn title_text(
    name: &str,
    count: &str,
    shared: Option<&str>,
    width: usize,
    mode: AmbiguousWidth,
) -> String {
    let parts: Vec<&str> = [Some(name), Some(count), shared]
        .into_iter()
        .flatten()
        .collect();
    let whole = parts.join("  ");
    if str_width(&whole, mode) <= width {
        return whole;
    }
    let unnamed = parts[1..].join("  ");
    match shared {
        _ if str_width(&unnamed, mode) <= width => unnamed,
        Some(shared) => format!("{shared}  {count}"),
        None => unnamed,
    }
}

/// A column of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// Matches of the search.
    Matches,
    /// The file, relative to the shelf's folder.
    File,
    Date,
    Issuer,
    Number,
    /// The number of the proposal (or suggestion) the letter answers: what tells apart
    /// letters whose titles differ only there.
    Proposal,
    Class,
    /// Suggestions and figures: `5/56`.
    Counts,
    /// The title, or the error, or the file while it is read; after the slot for a letter's
    /// state, this wide, when some letter of the shelf has one ([`state_slot`]).
    Title(Option<usize>),
}

/// The room the title is given before the other columns, when the screen is too narrow for
/// all of them: about fifteen characters, enough to tell a session's replies apart by what
/// they answer.
const TITLE_ROOM: u16 = 32;

/// The columns that give way to the title, the least needed first: the class and the counts
/// (a letter shows them when opened), the file (its title names it better), the document
/// number. The date, the issuer and the proposal's number stay.
const GIVING_WAY: [Column; 4] = [Column::Class, Column::Counts, Column::File, Column::Number];

impl Column {
    /// The columns that fit `width`, with their widths; the title takes the rest.
    fn plan(width: u16, app: &ShelfApp) -> Vec<(Column, u16)> {
        let mut columns = Vec::new();
        if app.search().is_some() {
            // As wide as its heading (`matches`), whole: a count is seldom wider.
            let heading = app.lang().strings().shelf_matches.trim();
            let width = crate::text::width::str_width(heading, app.ambiguous()).max(6);
            columns.push((Column::Matches, u16::try_from(width).unwrap_or(6)));
        }
        if width >= 150 {
            columns.push((Column::File, if width >= 180 { 32 } else { 24 }));
        }
        // A column no letter fills (a county's replies have no document number, most no
        // class) would stand as a row of dashes and take the title's room. A letter's state
        // (unreviewed, refused) heads its title for the same reason.
        // A letter not read yet may fill it: the columns stand while the shelf is read, and
        // only then does one that stayed empty go, rather than each appear as it fills.
        let filled = |field: fn(&Head) -> Option<&str>| {
            (app.rows().iter()).any(|r| match &r.known {
                Known::Read(h) => field(h).is_some(),
                Known::Unread => true,
                Known::Refused(_) => false,
            })
        };
        if filled(|h| h.date.as_deref()) {
            columns.push((Column::Date, 10));
        }
        // Wider on a wide screen, where the title has more than it needs: an office's whole
        // name (中山市人力资源和社会保障局, 26 columns) and a long document number
        // (临建建议字〔2025〕第1号); a number of three digits whole at 100
        // (中山工信函〔2020〕472号, 23).
        let (issuer, number) = match width {
            160.. => (26, 26),
            100.. => (20, 24),
            _ => (12, 24),
        };
        // Below 56 columns the title needs the room more: the issuer goes, as the number and
        // the class went before it.
        if width >= 56 && filled(|h| h.issuer.as_deref()) {
            columns.push((Column::Issuer, issuer));
        }
        if width >= 100 && filled(|h| h.doc_number.as_deref()) {
            columns.push((Column::Number, number));
        }
        // From 70 columns: the one field that tells apart a session's replies, whose titles
        // differ only in the proposal's number (关于对…第016号提案的答复).
        if width >= 70 && filled(|h| h.proposal.as_deref()) {
            columns.push((Column::Proposal, 9));
        }
        if width >= 110 && filled(|h| h.classification.as_deref()) {
            // As wide as its heading (`class`), the class itself being a letter or two.
            let heading = app.lang().strings().list_columns[5];
            let width = crate::text::width::str_width(heading, app.ambiguous()).max(4);
            columns.push((Column::Class, u16::try_from(width).unwrap_or(4)));
        }
        if width >= 100 {
            columns.push((Column::Counts, 9));
        }
        // One space between columns.
        let used = |columns: &[(Column, u16)]| -> u16 { columns.iter().map(|&(_, w)| w + 1).sum() };
        // The title is what tells most letters apart: the columns it needs least give it
        // their room until it has [`TITLE_ROOM`] (or none of them is left), besides the slot
        // for a letter's state that heads it.
        let slot = state_slot(app);
        let slot_width = slot.map_or(0, |w| u16::try_from(w + 2).unwrap_or(u16::MAX));
        for giving in GIVING_WAY {
            if width.saturating_sub(used(&columns)) >= TITLE_ROOM.saturating_add(slot_width) {
                break;
            }
            columns.retain(|&(c, _)| c != giving);
        }
        let room = width.saturating_sub(used(&columns));
        columns.push((Column::Title(slot), room));
        columns
    }

    fn heading(self, app: &ShelfApp) -> String {
        let [
            file,
            date,
            issuer,
            number,
            proposal,
            class,
            _,
            _,
            state,
            title,
        ] = app.lang().strings().list_columns;
        match self {
            Column::Matches => app.lang().strings().shelf_matches.trim().to_string(),
            Column::File => file.to_string(),
            Column::Date => date.to_string(),
            Column::Issuer => issuer.to_string(),
            Column::Number => number.to_string(),
            Column::Proposal => proposal.to_string(),
            Column::Class => class.to_string(),
            Column::Counts => app.lang().strings().shelf_counts.to_string(),
            Column::Title(slot) => with_state(app, slot, state, title),
        }
    }

    /// The cell of this column for `row`, `width` columns wide.
    fn cell(self, app: &ShelfApp, index: usize, row: &ShelfRow, width: u16) -> String {
        let head = match &row.known {
            Known::Read(head) => Some(head),
            _ => None,
        };
        let field = |f: fn(&Head) -> Option<&str>| head.and_then(f).unwrap_or("—").to_string();
        match self {
            Column::Matches => app
                .search()
                .and_then(|s| s.counts.get(index).copied().flatten())
                .map(|n| n.to_string())
                .unwrap_or_default(),
            Column::File => {
                truncate_relative_path(&row.name, usize::from(width), app.ambiguous()).into_owned()
            }
            Column::Date => field(|h| h.date.as_deref()),
            Column::Issuer => field(|h| h.issuer.as_deref()),
            // Cut at its start: what tells numbers apart is their year and serial at the end
            // (`…监函〔2022〕10000号`); cut at its end, `…〔2022〕1000…` read as a longer one.
            Column::Number => {
                let number = field(|h| h.doc_number.as_deref());
                truncate_start(&number, usize::from(width), app.ambiguous()).into_owned()
            }
            Column::Proposal => field(|h| h.proposal.as_deref()),
            Column::Class => field(|h| h.classification.as_deref()),
            Column::Counts => head.map_or_else(String::new, |h| {
                format!("{}/{}", suggestions_shown(h.suggestions), h.figures)
            }),
            Column::Title(slot) => {
                let state = row_state(app, row).unwrap_or_default();
                match &row.known {
                    Known::Unread => with_state(app, slot, state, &row.name),
                    Known::Refused(_) => {
                        let refusal = row.refusal(app.lang()).unwrap_or_default();
                        with_state(app, slot, state, &refusal)
                    }
                    Known::Read(head) => {
                        let title = subject_or_title(head).unwrap_or(&row.name);
                        with_state(app, slot, state, title)
                    }
                }
            }
        }
    }
}

/// The width of the slot for a letter's state (`未审阅`, `无法读取`, or `…` while it is read)
/// that heads every title when some letter of the shelf has one, so that the titles and the
/// heading over them (`状态  标题`) stand in one column; `None` when none has. (The state
/// heads the title rather than take a column of its own: most shelves have none.) Worked out
/// once a frame, with the columns.
fn state_slot(app: &ShelfApp) -> Option<usize> {
    let strings = app.lang().strings();
    // Said once in the title, a state every letter shares would fill the slot on every row
    // and take the title's room.
    if shared_state(app).is_some() {
        return None;
    }
    let stated = (app.rows().iter()).any(|row| row_state(app, row).is_some());
    stated.then(|| {
        (strings.list_states.iter())
            .chain([&strings.shelf_unread, &strings.list_columns[8]])
            .map(|s| crate::text::width::str_width(s, app.ambiguous()))
            .max()
            .unwrap_or(0)
    })
}

/// The state every letter of the shelf shares, once each is read: a shelf of transcripts is
/// all unreviewed imports. `None` when one has none, or another.
fn shared_state(app: &ShelfApp) -> Option<&'static str> {
    let mut states = app.rows().iter().map(|row| row_state(app, row));
    let first = states
        .next()?
        .filter(|&s| s != app.lang().strings().shelf_unread)?;
    states.all(|state| state == Some(first)).then_some(first)
}

/// A row's state, as its slot says it: 未审阅, 无法读取, or `…` while its letter is read;
/// `None` for a letter read that is no unreviewed import.
fn row_state(app: &ShelfApp, row: &ShelfRow) -> Option<&'static str> {
    let strings = app.lang().strings();
    let [unreviewed, refused] = strings.list_states;
    match &row.known {
        Known::Read(head) => head.unreviewed.then_some(unreviewed),
        Known::Refused(_) => Some(refused),
        Known::Unread => Some(strings.shelf_unread),
    }
}

/// `title` after `state` in a slot `slot` wide ([`state_slot`]), or alone without a slot.
fn with_state(app: &ShelfApp, slot: Option<usize>, state: &str, title: &str) -> String {
    match slot {
        Some(slot) => format!("{}  {title}", fit(state, slot, false, app.ambiguous())),
        None => title.to_string(),
    }
}

/// `cells` (text, width) set side by side, each cut or padded to its width.
fn cells(
    cells: impl Iterator<Item = (String, u16)>,
    style: Style,
    mode: AmbiguousWidth,
) -> Line<'static> {
    let mut text = String::new();
    for (cell, width) in cells {
        text.push_str(&fit(&cell, usize::from(width), false, mode));
        text.push(' ');
    }
    Line::from(Span::styled(text, style))
}

fn draw_list(app: &ShelfApp, columns: &[(Column, u16)], area: Rect, buf: &mut Buffer) {
    let mode = app.ambiguous();
    if app.rows().is_empty() {
        let strings = app.lang().strings();
        let empty = if app.listed() {
            strings.shelf_empty
        } else {
            strings.shelf_listing
        };
        put_line(buf, row(area, 0), &Line::raw(empty), mode);
        return;
    }
    // A search that found no letter says so where the letters would be, rather than leave a
    // blank list (while it runs, the status row counts what it has read).
    if app.shown().is_empty()
        && let Some(search) = app.search()
        && search.searched >= app.rows().len()
    {
        let note = Line::styled(app.lang().strings().no_match, theme::DIM);
        put_line(buf, row(area, 0), &note, mode);
        return;
    }
    let shown = app
        .shown()
        .iter()
        .skip(app.offset())
        .take(usize::from(area.height));
    for (y, &index) in (0..area.height).zip(shown) {
        let Some(letter) = app.rows().get(index) else {
            continue;
        };
        let style = if app.selected() == Some(index) {
            theme::SELECTED_FOCUSED
        } else {
            match letter.known {
                Known::Unread => theme::DIM,
                Known::Refused(_) => theme::NOTE,
                Known::Read(_) => Style::new(),
            }
        };
        let texts = columns
            .iter()
            .map(|&(c, w)| (c.cell(app, index, letter, w), w));
        let line = cells(texts, style, mode);
        let target = row(area, y);
        buf.set_style(target, style);
        put_line(buf, target, &line, mode);
    }
}

/// The status row: the prompt; or the note; or the progress and the order, and the keys.
fn draw_status(app: &ShelfApp, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let mode = app.ambiguous();
    let strings = app.lang().strings();
    buf.set_style(area, theme::STATUS);
    let total = app.rows().len();
    if let Some(prompt) = app.prompt() {
        let label = strings.shelf_prompt;
        let room = usize::from(area.width).saturating_sub(str_width(label, mode));
        // The query is searched as it is typed: while the letters are still being searched,
        // the count over the list is not the answer yet, and the prompt says how far it is
        // (when that leaves the query room enough, as the reader's prompt gives its count).
        let tail = match app.search() {
            Some(search) if search.searched < total => {
                format!("  {} {}/{total}", strings.shelf_searching, search.searched)
            }
            _ => String::new(),
        };
        let tail_width = str_width(&tail, mode);
        let (tail, room) = if room >= tail_width + super::status::MIN_QUERY_ROOM {
            (tail, room - tail_width)
        } else {
            (String::new(), room)
        };
        // A long query keeps its caret in view, as the reader's prompt does.
        let (shown, caret) = prompt_view(&prompt.text, prompt.caret, room, mode);
        let text = format!("{label}{shown}{tail}");
        put_line(buf, area, &Line::styled(text, theme::STATUS), mode);
        let caret = str_width(label, mode) + caret;
        let x = area.x
            + u16::try_from(caret)
                .unwrap_or(area.width)
                .min(area.width - 1);
        return Some(Position::new(x, area.y));
    }
    let progress = match app.search() {
        Some(search) if search.searched < total => {
            format!(" {} {}/{total} ", strings.shelf_searching, search.searched)
        }
        _ if app.read() < total => format!(" {} {}/{total} ", strings.shelf_reading, app.read()),
        _ => String::new(),
    };
    let sort = format!(
        " {}{} ",
        strings.shelf_sort_label,
        app.sort().label(app.lang())
    );
    // A note (a key that does nothing here, a refused letter's error) takes the order's room
    // too: it stands until the next key, and a narrow row keeps more of it.
    let (text, style) = match app.note() {
        Some(note) => {
            // `=`'s note ends with the place in the list: a narrow row cuts the name's start.
            let room = usize::from(area.width).saturating_sub(str_width(&progress, mode) + 1);
            (
                format!("{progress} {}", note.fitted(room, mode)),
                theme::NOTE,
            )
        }
        // On a narrow row the keys shrink to help and quit, then the order goes: how to find
        // the rest and how to leave are never cut off.
        None => {
            let room = usize::from(area.width);
            let fits =
                |parts: &[&str]| parts.iter().map(|p| str_width(p, mode)).sum::<usize>() < room;
            let (hints, short) = (strings.shelf_hints, strings.shelf_short_hints);
            let text = if fits(&[&progress, &sort, hints]) {
                format!("{progress}{sort} {hints}")
            } else if fits(&[&progress, &sort, short]) {
                format!("{progress}{sort} {short}")
            } else {
                format!("{progress} {short}")
            };
            (text, theme::STATUS)
        }
    };
    put_line(buf, area, &Line::styled(text, style), mode);
    None
}
