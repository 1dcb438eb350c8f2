//! The status row: the selected node's breadcrumb, its position, the search, key hints; or,
//! while searching, the prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::{put_line, theme};
use crate::app::App;
use crate::text::truncate::truncate_crumb;
use crate::text::width::{AmbiguousWidth, grapheme_width, str_width};
use unicode_segmentation::UnicodeSegmentation;

/// Draws the status row; returns where the terminal cursor belongs (the prompt's caret).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    buf.set_style(area, theme::STATUS);
    if app.search().editing {
        return Some(draw_prompt(app, area, buf));
    }
    let strings = app.lang().strings();
    let width = usize::from(area.width);
    let mut count = search_count(app, width);
    let at = node_named(app);
    let mut position = format!(" {}/{} ", at + 1, app.tree().nodes.len());
    // A text imported just now says so for as long as it is open.
    let unreviewed = if app.tree().unreviewed_import() {
        format!(" {} ", strings.unreviewed)
    } else {
        String::new()
    };
    make_room_for_note(app, width, &unreviewed, [&mut count, &mut position]);
    let rest = str_width(&count, app.ambiguous())
        + str_width(&unreviewed, app.ambiguous())
        + str_width(&position, app.ambiguous());
    let (right, fixed) = right_of_status(app, width, rest);
    // Its breadcrumb, cut so that the numbers that say where it is stay (`truncate_crumb`).
    let crumb = app.tree().breadcrumb(at, app.lang());
    let crumb = truncate_crumb(&crumb, width.saturating_sub(fixed + 1), app.ambiguous());
    let gap = width.saturating_sub(fixed + str_width(&crumb, app.ambiguous()) + 1);
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(crumb.into_owned(), theme::STATUS),
        Span::raw(" ".repeat(gap)),
        Span::styled(count, theme::NOTE),
        Span::styled(unreviewed, theme::NOTE),
        Span::styled(position, theme::STATUS),
        Span::styled(
            right,
            if app.note().is_some() {
                theme::NOTE
            } else {
                theme::STATUS
            },
        ),
    ])
    .style(theme::STATUS);
    put_line(buf, area, &line, app.ambiguous());
    None
}

/// What stands at the status row's right, beside `rest` columns of counts and position in a
/// row `width` wide, and the columns the two take: the note, or the key hints. The breadcrumb
/// takes what is left. When space is short the hints shrink to the two a newcomer needs (the
/// other pane, and help), then go; a note whose end matters more (`=`'s) loses its start
/// instead of its end.
fn right_of_status(app: &App, width: usize, rest: usize) -> (String, usize) {
    let strings = app.lang().strings();
    // From the shelf, `q` goes back to it.
    let hints = if app.on_shelf() {
        strings.shelf_letter_hints
    } else {
        strings.hints
    };
    let right = match app.note() {
        Some(note) => {
            let room = width.saturating_sub(rest + 3);
            format!(" {} ", note.fitted(room, app.ambiguous()))
        }
        // Over the help or the figures, the overlay's border names its own keys: the
        // reader's (`q退出`, `Tab切换`) would say what they do not do there (q closes it).
        None if app.overlay().is_some() => String::new(),
        // With one pane on screen, Tab is how to reach the other: say so.
        None if app.areas().outline.is_none() || app.areas().reading.is_none() => {
            format!("{}{}", strings.tab_hint, hints)
        }
        None => hints.to_string(),
    };
    let fixed = rest + str_width(&right, app.ambiguous());
    if fixed + 12 > width && app.note().is_none() && !right.is_empty() {
        let short = strings.short_hints.to_string();
        let short_width = str_width(&short, app.ambiguous());
        if rest + short_width + 12 <= width {
            (short, rest + short_width)
        } else {
            (String::new(), rest)
        }
    } else {
        (right, fixed)
    }
}

/// The node the status row names: where the reader is (the deepest node at the top of the
/// text, even inside a collapsed section); with the outline alone on the screen, the row lit
/// there, as a place inside a section shown closed is nowhere on the screen.
fn node_named(app: &App) -> crate::letter::tree::NodeId {
    if app.areas().reading.is_none() {
        app.selected()
    } else {
        app.place()
    }
}

/// Makes room for a note to be said whole when it can be (or, for `=`'s, how far into the
/// letter, after its file): the position goes first, then the search's count (`[count,
/// position]`). A note goes with the next key; they come back then.
fn make_room_for_note(
    app: &App,
    width: usize,
    unreviewed: &str,
    [count, position]: [&mut String; 2],
) {
    let Some((note, kept)) = (app.note())
        .map(|note| (note, note.kept_whole()))
        .filter(|(_, kept)| !kept.is_empty())
    else {
        return;
    };
    let mode = app.ambiguous();
    // A note cut at its start shows `…` before what is kept of it.
    let cut = usize::from(kept.len() < note.text.len());
    let needed = str_width(kept, mode) + cut + str_width(unreviewed, mode) + 3;
    let fits = |shown: &[&String]| {
        needed + shown.iter().map(|s| str_width(s, mode)).sum::<usize>() <= width
    };
    // Too long even alone: a note cut at its end is cut whatever goes, so nothing goes; one
    // cut at its start (`=`'s) shows more of what it was asked for with each that goes.
    if !fits(&[]) {
        if note.keeps_end {
            position.clear();
            count.clear();
        }
        return;
    }
    if !fits(&[count, position]) {
        position.clear();
    }
    if !fits(&[count]) {
        count.clear();
    }
}

/// The finished search as the status row quotes it, with the current match: ` 「优势」 2/5 `;
/// empty without one. On a row `width` columns wide the query takes at most a quarter of it
/// (at least a few characters), cut at its end: the count, which moves with `n`, stays whole.
fn search_count(app: &App, width: usize) -> String {
    let search = &app.search();
    if search.query.is_empty() {
        return String::new();
    }
    let shown = sanitize_query(&search.query);
    let shown = crate::text::truncate(&shown, (width / 4).max(QUERY_SHOWN_LEAST), app.ambiguous());
    let (open, close) = app.lang().editorial().quotes;
    if search.waiting() {
        let preparing = app.lang().strings().index_preparing;
        return format!(" {open}{shown}{close} {preparing} ");
    }
    match search.current {
        Some(i) => format!(" {open}{shown}{close} {}/{} ", i + 1, search.matches.len()),
        None => format!(" {open}{shown}{close} 0/{} ", search.matches.len()),
    }
}

/// The fewest columns the status row quotes a finished search's query in.
const QUERY_SHOWN_LEAST: usize = 8;

/// Draws the search prompt with its query and match count; returns the caret's position.
fn draw_prompt(app: &App, area: Rect, buf: &mut Buffer) -> Position {
    let strings = app.lang().strings();
    let search = &app.search();
    let width = usize::from(area.width);
    let mode = app.ambiguous();
    let prompt = strings.search_prompt;
    let count_tail = match search.current {
        // Said in words: the prompt is not wrong to show no count, it is early.
        None if search.waiting() => format!("  {}", strings.index_preparing),
        Some(i) => format!("  {}/{}", i + 1, search.matches.len()),
        // Spaces alone are no query yet: nothing to count.
        None if search.query.trim().is_empty() => String::new(),
        None if search.only_in_notes => format!("  {}", strings.only_in_notes),
        None => format!("  {}", strings.no_match),
    };
    let room = width.saturating_sub(str_width(prompt, mode));
    // The count goes first when it would leave the query too little room.
    let tail_width = str_width(&count_tail, mode);
    let (count_tail, room) = if room >= tail_width + MIN_QUERY_ROOM {
        (count_tail, room - tail_width)
    } else {
        (String::new(), room)
    };
    let (shown, caret) = prompt_view(&search.query, search.caret, room, mode);
    let line = Line::from(vec![
        Span::styled(prompt, theme::STATUS),
        Span::styled(shown, theme::STATUS),
        Span::styled(count_tail, theme::NOTE),
    ]);
    put_line(buf, area, &line, mode);
    let caret = str_width(prompt, mode) + caret;
    let x = area.x + u16::try_from(caret.min(width.saturating_sub(1))).unwrap_or(0);
    Position::new(x, area.y)
}

/// The fewest columns the prompt keeps for the query before it drops the match count.
pub(crate) const MIN_QUERY_ROOM: usize = 12;

/// The part of `query` a prompt (the reader's, the shelf's) shows in `room` columns, and the
/// caret's column in it.
///
/// The whole query when it fits (with a column for the caret at its end). Otherwise the caret
/// stays in view, as in a shell's line editor: the query's start while the caret is near it,
/// else the part that ends at the character under the caret; a cut end is marked `…`. Drawing
/// is a function of the state, so the view is found from the query and caret alone.
pub(super) fn prompt_view(
    query: &str,
    caret: usize,
    room: usize,
    mode: AmbiguousWidth,
) -> (String, usize) {
    let graphemes: Vec<&str> = query.graphemes(true).collect();
    let widths: Vec<usize> = graphemes.iter().map(|g| grapheme_width(g, mode)).collect();
    // The caret (counted in characters) as a count of graphemes before it.
    let mut chars = 0;
    let at = graphemes
        .iter()
        .take_while(|g| {
            let before = chars < caret;
            chars += g.chars().count();
            before
        })
        .count();
    let total: usize = widths.iter().sum();
    if total < room {
        return (query.to_string(), widths[..at].iter().sum());
    }
    let ellipsis = str_width("…", mode);
    // One cell is kept at the right for the `…` of a cut end, or for the caret at the end.
    let budget = room.saturating_sub(ellipsis.max(1));
    // From the start, if that shows the character under the caret (or the caret at the end).
    let from_start = widths
        .iter()
        .scan(0, |sum, w| {
            *sum += w;
            Some(*sum)
        })
        .take_while(|&sum| sum <= budget)
        .count();
    let (start, end) = if from_start > at {
        (0, from_start)
    } else {
        // Ending with the character under the caret: as far back as fits after a `…`.
        let end = (at + 1).min(graphemes.len());
        let mut used = ellipsis + widths[at..end].iter().sum::<usize>();
        if used > budget {
            // Too narrow to show anything useful (the screen is below its minimum size).
            return (String::new(), 0);
        }
        let mut start = at;
        while start > 0 && used + widths[start - 1] <= budget {
            start -= 1;
            used += widths[start];
        }
        (start, end)
    };
    let mut shown = String::new();
    let mut caret_column = 0;
    if start > 0 {
        shown.push('…');
        caret_column += ellipsis;
    }
    shown.extend(graphemes[start..end].iter().copied());
    caret_column += widths[start..at.max(start)].iter().sum::<usize>();
    if end < graphemes.len() {
        shown.push('…');
    }
    (shown, caret_column)
}

/// The query as the status row quotes it: already one inert line (the prompt sanitises what
/// it takes), cut short so the count stays visible.
fn sanitize_query(query: &str) -> String {
    let chars: Vec<char> = query.chars().collect();
    if chars.len() > 16 {
        chars[..15].iter().chain(['…'].iter()).collect()
    } else {
        query.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NARROW: AmbiguousWidth = AmbiguousWidth::Narrow;

    #[test]
    fn a_query_that_fits_is_shown_whole() {
        assert_eq!(
            prompt_view("人工智能", 2, 20, NARROW),
            ("人工智能".into(), 4)
        );
        assert_eq!(prompt_view("abc", 3, 4, NARROW), ("abc".into(), 3));
    }

    #[test]
    fn the_caret_at_the_end_of_a_long_query_shows_its_end() {
        let query = "abcdefghijklmnopqrstuvwxyz";
        let (shown, caret) = prompt_view(query, 26, 10, NARROW);
        assert_eq!(shown, "…stuvwxyz");
        assert_eq!(caret, 9, "just after z");
    }

    #[test]
    fn the_caret_near_the_start_shows_the_start() {
        let query = "abcdefghijklmnopqrstuvwxyz";
        assert_eq!(prompt_view(query, 2, 10, NARROW), ("abcdefghi…".into(), 2));
    }

    #[test]
    fn the_caret_in_the_middle_shows_the_character_under_it() {
        let query = "人工智能产业发展的政策支持";
        // 13 characters, 26 columns, in 11 columns; the caret before 的 (index 8).
        let (shown, caret) = prompt_view(query, 8, 11, NARROW);
        assert!(shown.starts_with('…') && shown.ends_with("的…"), "{shown}");
        assert!(str_width(&shown, NARROW) <= 11, "{shown}");
        assert_eq!(
            caret,
            str_width(&shown, NARROW) - 3,
            "the caret stands on 的"
        );
    }

    #[test]
    fn no_room_is_no_panic() {
        for room in 0..4 {
            for caret in 0..=3 {
                let (shown, _) = prompt_view("人工智", caret, room, NARROW);
                assert!(str_width(&shown, NARROW) <= room, "{room} {caret} {shown}");
            }
        }
    }
}
