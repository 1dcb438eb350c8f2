//! `dafu`: parse the command line, load the letter, hand over to the command-line faces or
//! the interactive reader. Nothing else lives here.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use dafu::cli;
use dafu::colour::{ColorSetting, PaletteChoice, ThemeSetting};
use dafu::letter::load;
use dafu::letter::tree::LetterTree;
use dafu::strings::{self, Lang};
use dafu::text::sanitize::sanitize;
use dafu::tui::{self, AmbiguousSetting};

/// A shelf's search and reading make and free many small strings on every core: mimalloc's
/// per-thread pages cost less there than the system allocator (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The heading of the options every command takes, how dafu shows and says things: in a
/// command's help they come after its own.
const DISPLAY_OPTIONS: &str = "Display options";

/// Read a Chinese official reply letter (答复) in the terminal.
///
/// Without a FILE, dafu opens the letter it ships with: 中山科函〔2021〕142号, the Zhongshan
/// Science and Technology Bureau's reply to CPPCC proposal No. 125053 on the new-generation
/// AI industry. Any other letter written in the same YAML schema opens by path.
#[derive(Debug, Parser)]
// dafu's own `help` command, not clap's: clap's takes no option, and `dafu help figures
// --lang en` was refused.
#[command(
    name = "dafu",
    version,
    subcommand_precedence_over_arg = true,
    disable_help_subcommand = true
)]
struct Cli {
    /// A letter in dafu's YAML schema (default: the letter built into dafu); a `.txt` file is
    /// imported in memory (`dafu import`) and read as an unreviewed draft. A folder, or
    /// several files, open as a shelf: the list of the letters. Before a subcommand, it is
    /// the subcommand's FILE.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Interface language (the letter itself is never translated).
    #[arg(
        long,
        value_enum,
        env = "DAFU_LANG",
        default_value = "zh",
        global = true,
        help_heading = DISPLAY_OPTIONS
    )]
    lang: Lang,

    /// How wide the terminal draws ambiguous characters such as “ ” — …: `auto` asks it.
    #[arg(
        long,
        value_enum,
        env = "DAFU_AMBIGUOUS_WIDTH",
        default_value = "auto",
        global = true,
        help_heading = DISPLAY_OPTIONS
    )]
    ambiguous_width: AmbiguousSetting,

    /// Colour: `auto` colours a terminal unless NO_COLOR is set (and not empty); `never`
    /// marks by reverse video, underline and bold alone; `always` colours even a pipe.
    #[arg(
        long,
        value_enum,
        default_value = "auto",
        global = true,
        help_heading = DISPLAY_OPTIONS
    )]
    color: ColorSetting,

    /// The terminal's background, for the reader's colours: `auto` asks the terminal, then
    /// reads COLORFGBG, then assumes dark.
    #[arg(
        long,
        value_enum,
        env = "DAFU_THEME",
        default_value = "auto",
        global = true,
        help_heading = DISPLAY_OPTIONS
    )]
    theme: ThemeSetting,

    /// Start at the top, with no marks or search history from earlier runs; nothing kept is
    /// erased (this run's place, marks and queries join it).
    #[arg(long)]
    fresh: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the letter's outline, one node a line, numbered as in the letter.
    Outline {
        /// A letter file (default: the built-in letter).
        file: Option<PathBuf>,
        /// Show only this many levels (1 = the suggestions).
        #[arg(long, value_parser = parse_depth)]
        depth: Option<usize>,
    },
    /// Search the letter, or every letter of a folder (Chinese, or pinyin from a Latin
    /// keyboard); exit 0 if found, 1 if not, 2 if a letter could not be read.
    Search {
        /// What to look for: Chinese text, pinyin (`rengongzhineng`) or initials (`rgzn`).
        #[arg(value_parser = parse_query)]
        query: String,
        /// A letter file, or a folder of letters (default: the built-in letter).
        file: Option<PathBuf>,
    },
    /// List every amount, count and percentage the letter (or each letter of a folder)
    /// states.
    Figures {
        /// A letter file, or a folder of letters (default: the built-in letter).
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: cli::figures::Format,
        /// Order: as in the letter, or largest first (money by 元, then counts, then %).
        #[arg(long, value_enum, default_value = "order")]
        sort: dafu::figures::FigureSort,
        /// Only figures of this kind.
        #[arg(long, value_enum)]
        unit: Option<dafu::figures::UnitKind>,
    },
    /// Check that FILE (or every letter of a folder) is a valid letter; print nothing when
    /// it is.
    Check {
        /// The letter file, or folder of letters, to check.
        file: Option<PathBuf>,
    },
    /// List the letters of a folder (a shelf): date, issuer, document number, proposal, class,
    /// suggestions and figures, and what each answers (its proposal's title); a letter that
    /// cannot be read is listed with its error.
    List {
        /// Folders of letters (`.yaml`, `.yml`, `.txt`), or letter files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: cli::figures::Format,
    },
    /// Draft a letter from the plain text of a reply letter (`pdftotext -layout`, or a copy
    /// from a PDF viewer); a review report goes to stderr.
    Import {
        /// The text (`-` for standard input).
        text: PathBuf,
        /// Write the YAML here instead of to standard output (`-` is standard output); never
        /// over an existing file unless `--force`, and never over the text itself.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the file named by `-o` if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Show what changed from letter A to letter B (a draft and the reviewed letter), by
    /// node; exit 0 when nothing did, 1 when something did.
    Diff {
        /// The earlier version (a YAML letter, or a text to import).
        a: PathBuf,
        /// The later version.
        b: PathBuf,
    },
    /// Print this message or the help of the given subcommand(s)
    Help {
        /// Print help for the subcommand(s)
        #[arg(value_name = "COMMAND")]
        command: Vec<String>,
    },
}

/// `--depth`: a number of levels, at least one (zero levels would print nothing).
fn parse_depth(arg: &str) -> Result<usize, String> {
    match arg.parse::<usize>() {
        Ok(0) => Err("the depth counts levels from 1 (the suggestions); 0 shows nothing".into()),
        Ok(depth) => Ok(depth),
        Err(e) => Err(e.to_string()),
    }
}

/// The search query: an empty one would match everywhere or nowhere, neither of which is
/// an answer.
fn parse_query(arg: &str) -> Result<String, String> {
    if arg.trim().is_empty() {
        Err("the query is empty; give the text, pinyin or initials to look for".into())
    } else {
        Ok(arg.to_string())
    }
}

/// Environment variables that stand for options. Set but empty (`DAFU_LANG= dafu`), a
/// variable means no value, as it does to most programs, not an invalid one.
const OPTION_VARIABLES: [(&str, &str); 3] = [
    ("lang", "DAFU_LANG"),
    ("ambiguous_width", "DAFU_AMBIGUOUS_WIDTH"),
    ("theme", "DAFU_THEME"),
];

/// The command line's definition, with messages in plain text (see [`parse_arguments`]).
///
/// The help is laid out the same in every build: clap wraps it only when built with its
/// `wrap_help` feature, which a benchmark crate turns on in the tests' build and nothing in
/// the release build, and lays it out for 100 columns. Unwrapped (the terminal wraps it), each
/// sentence stays whole, to be given in the interface's language ([`strings::help`]); and
/// each description on the line after its name, as the long help has it, not after a column
/// of padding the terminal would wrap back to the margin.
fn plain_command() -> clap::Command {
    let command = Cli::command()
        .styles(clap::builder::Styles::plain())
        .term_width(0)
        .next_line_help(true);
    match asked_lang() {
        Lang::Zh => value_names_in_chinese(command),
        Lang::En => command,
    }
}

/// `command` with the names of what its arguments take in Chinese (`<查询>`), its
/// subcommands' too ([`strings::help::VALUE_NAMES`]).
fn value_names_in_chinese(command: clap::Command) -> clap::Command {
    command
        .mut_args(|arg| {
            let names: Option<Vec<&'static str>> = arg.get_value_names().map(|names| {
                names
                    .iter()
                    .filter_map(|name| strings::help::value_name_in_chinese(name))
                    .collect()
            });
            match names {
                Some(names) if !names.is_empty() => arg.value_names(names),
                _ => arg,
            }
        })
        .subcommand_value_name(strings::help::value_name_in_chinese("COMMAND"))
        .mut_subcommands(value_names_in_chinese)
}

/// Parses the command line, ignoring the option variables that are set but empty.
///
/// Messages are plain text: clap would style them with escape sequences and, to print them
/// plain, strip every escape sequence, the user's own with them (`--depth $'\e]2;…'` would
/// show as `''`). dafu prints them itself, with the user's escapes made visible.
fn parse_arguments() -> Result<Cli, clap::Error> {
    let mut command = plain_command();
    for (id, variable) in OPTION_VARIABLES {
        if std::env::var_os(variable).is_some_and(|value| value.is_empty()) {
            command = command.mut_arg(id, |arg| arg.env(None));
        }
    }
    Cli::from_arg_matches(&command.try_get_matches()?)
}

/// The letter file a command reads: the one after the subcommand or the one before it, never
/// both (one of them would be ignored).
fn one_file(
    before: Option<PathBuf>,
    after: Option<PathBuf>,
    lang: Lang,
) -> Result<Option<PathBuf>, clap::Error> {
    match (before, after) {
        (Some(before), Some(after)) => Err(plain_command().error(
            ErrorKind::ArgumentConflict,
            strings::two_files(
                &before.display().to_string(),
                &after.display().to_string(),
                lang,
            ),
        )),
        (before, after) => Ok(after.or(before)),
    }
}

/// Refuses a letter given before `command`, which takes its files after it: one
/// that is not used would pass unnoticed (`dafu /nonexistent diff A B` compared A and B).
fn refuse_before(before: Option<&PathBuf>, command: &str, lang: Lang) -> Result<(), clap::Error> {
    match before {
        None => Ok(()),
        Some(file) => Err(plain_command().error(
            ErrorKind::ArgumentConflict,
            strings::file_before_unused(&file.display().to_string(), command, lang),
        )),
    }
}

/// The letter's tree, its editorial labels in the interface's language.
fn load_tree(file: Option<&PathBuf>, lang: Lang) -> Result<LetterTree, load::LoadError> {
    match file {
        // Plain text is imported in memory (the reader says it is an unreviewed draft), as
        // a letter on a shelf is.
        Some(path) => dafu::shelf::read_letter(path, lang),
        None => Ok(LetterTree::in_lang(load::embedded(), lang)),
    }
}

/// Files from this size on are read once the reader has taken the terminal, under a note:
/// reading one takes long enough to be seen.
const LARGE_LETTER_BYTES: u64 = 1024 * 1024;

/// The letter the reader opens on: a large file is read under a note, once the terminal is
/// taken; any other letter before.
fn open_letter(file: Option<&PathBuf>, lang: Lang) -> Result<tui::Opening, load::LoadError> {
    let large = file.filter(|path| {
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() >= LARGE_LETTER_BYTES)
    });
    let Some(path) = large else {
        return load_tree(file, lang).map(|tree| tui::Opening::Read(Box::new(tree)));
    };
    let name = dafu::text::sanitize::path_line(path);
    let path = path.clone();
    Ok(tui::Opening::Large {
        note: format!("{} {name}…", lang.strings().reading_letter),
        read: Box::new(move || load_tree(Some(&path), lang)),
    })
}

/// The subcommand `path` was meant to be, when it is no file but a command one or two
/// letters off (`dafu outlin`): a bare word, not there, near one of the commands' names.
fn mistyped_command(path: &Path) -> Option<String> {
    let word = path.to_str()?;
    if path.exists() || word.contains(['/', '.']) || word.is_empty() {
        return None;
    }
    plain_command()
        .get_subcommands()
        .map(|command| command.get_name().to_string())
        .map(|name| (strsim::levenshtein(word, &name), name))
        .filter(|(distance, name)| *distance <= 2 && *distance <= name.len() / 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// `help`, as clap renders it, as dafu prints it: in `lang`, and for a terminal each sentence
/// broken to its width at its own indent (a pipe gets one sentence a line).
fn answered_help(help: String, lang: Lang) -> String {
    let help = match lang {
        Lang::Zh => strings::help::help_in_chinese(&help),
        Lang::En => help,
    };
    match terminal_width() {
        Some(width) => dafu::cli::wrap_help(&help, width),
        None => help,
    }
}

/// The help of the command `names` name (`figures`; none: dafu's), as `dafu help` prints it.
///
/// # Errors
/// A name that is no command's.
fn help_of(names: &[String], lang: Lang) -> Result<String, clap::Error> {
    let mut command = plain_command();
    command.build();
    // Each command reached is taken whole (a clone: this is the help, printed once), so
    // that a name that is none of its commands is refused with its usage, as clap does.
    let mut at = command;
    for name in names {
        let Some(sub) = at.find_subcommand(name).cloned() else {
            return Err(at.error(
                ErrorKind::InvalidSubcommand,
                format!("unrecognized subcommand '{name}'"),
            ));
        };
        at = sub;
    }
    Ok(answered_help(at.render_long_help().to_string(), lang))
}

/// The width of the terminal standard output is, if it is one.
fn terminal_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(columns, _)| usize::from(columns))
        .filter(|&columns| columns > 0)
}

/// The terminal a table is printed to, if standard output is one: its width, and how it draws
/// ambiguous characters as the reader was told (`--ambiguous-width wide`; a command that
/// prints does not ask the terminal, so `auto` is narrow, as most terminals draw them).
fn table_terminal(ambiguous: AmbiguousSetting) -> Option<cli::Terminal> {
    let mode = ambiguous.told().unwrap_or_default();
    terminal_width().map(|width| cli::Terminal { width, mode })
}

/// Exit statuses, as grep uses them.
const FOUND: u8 = 0;
const NOT_FOUND: u8 = 1;
const FAILED: u8 = 2;

fn main() -> ExitCode {
    // Taken first, so that the commands that print find out at once whether they can.
    let stdout = stdout_file();
    let cli = match parse_arguments() {
        Ok(cli) => cli,
        // `--help` and `--version` are answers, on stdout; the help in the interface's
        // language.
        Err(e) if !e.use_stderr() => {
            let answer = e.render().ansi().to_string();
            let answer = match e.kind() {
                ErrorKind::DisplayHelp => answered_help(answer, asked_lang()),
                _ => answer,
            };
            let result = print_to(stdout, |out| {
                out.write_all(answer.as_bytes()).map(|()| FOUND)
            });
            return finish(result);
        }
        Err(e) => return finish(Err(Failure::Usage(e))),
    };
    let lang = cli.lang;
    finish(run(cli, stdout).map_err(|failure| (failure, lang)))
}

/// The exit status of a run, and its message on stderr, in the interface's language, when it
/// failed (clap's own messages are English).
fn finish(result: Result<u8, impl Into<(Failure, Lang)>>) -> ExitCode {
    match result.map_err(Into::into) {
        Ok(code) => ExitCode::from(code),
        // A reader that stopped reading (`dafu | head`) is not an error.
        Err((Failure::Output(e), _)) if e.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::from(FOUND)
        }
        Err((failure, lang)) => {
            // Errors come before the terminal is touched, so stderr is a plain stream here.
            let _ = write!(io::stderr(), "{}", failure.describe(lang));
            ExitCode::from(FAILED)
        }
    }
}

impl From<Failure> for (Failure, Lang) {
    /// A failure before the command line was read (a usage error): in the language it asks
    /// for, if it names one (`--lang en`, `--lang=en`, `DAFU_LANG=en`).
    fn from(failure: Failure) -> Self {
        (failure, asked_lang())
    }
}

/// The interface's language as the raw arguments or the environment name it, for a command
/// line that could not be read as a whole.
fn asked_lang() -> Lang {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let named = args
        .iter()
        .zip(args.iter().skip(1))
        .filter(|(option, _)| *option == "--lang")
        .map(|(_, value)| value.as_str())
        .chain(args.iter().filter_map(|a| a.strip_prefix("--lang=")))
        .last()
        .map(str::to_string)
        .or_else(|| std::env::var("DAFU_LANG").ok());
    match named.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::default(),
    }
}

/// Standard output as a file of dafu's own, for the commands that print, or why there is
/// none. Rust's `Stdout` reports every write to a bad descriptor as done (output lost, exit
/// 0); writes through a duplicate report it, as for a descriptor opened only for reading.
///
/// A descriptor closed before dafu started (`>&-`) cannot be told apart: Rust's runtime puts
/// `/dev/null`, opened for reading and writing, in its place, as `1<>/dev/null` and Python's
/// `subprocess.DEVNULL` do on purpose; dafu writes there as to any working output.
fn stdout_file() -> io::Result<File> {
    Ok(File::from(io::stdout().as_fd().try_clone_to_owned()?))
}

#[derive(Debug)]
enum Failure {
    /// The command line is wrong (or asked for help, which goes to stdout).
    Usage(clap::Error),
    Load(load::LoadError),
    /// Standard output could not be written.
    Output(io::Error),
    /// The interactive reader failed.
    Io(io::Error),
}

impl Failure {
    /// What went wrong, as stderr says it in `lang`.
    fn describe(&self, lang: Lang) -> String {
        match self {
            // clap quotes the arguments it refuses: shown inert, like a letter's text.
            Failure::Usage(e) => {
                let text = sanitize(&e.render().ansi().to_string()).into_owned();
                match lang {
                    Lang::Zh => strings::refusals::usage_in_chinese(&text, &command_in_args()),
                    Lang::En => text,
                }
            }
            Failure::Load(e) => format!("{}\n", e.in_lang(lang)),
            Failure::Output(e) => format!(
                "{}{}\n",
                strings::cannot_write_stdout(lang),
                strings::in_lang(&e.to_string(), lang)
            ),
            Failure::Io(e) => format!("dafu: {}\n", strings::in_lang(&e.to_string(), lang)),
        }
    }
}

/// The command this run's arguments name (`dafu figures`), the first word that is one
/// before any `--`; `dafu` when none is: whose help a usage error points at when clap gives
/// no usage line to name it (a value it refused).
fn command_in_args() -> String {
    let command = plain_command();
    let named = (std::env::args_os().skip(1))
        .take_while(|arg| arg != "--")
        .find_map(|arg| {
            let arg = arg.to_str()?.to_string();
            command.find_subcommand(&arg).map(|_| arg)
        });
    named.map_or_else(|| "dafu".to_string(), |name| format!("dafu {name}"))
}

impl From<tui::Ended> for Failure {
    fn from(e: tui::Ended) -> Self {
        match e {
            tui::Ended::Terminal(e) => Failure::Io(e),
            tui::Ended::Refused(e) => Failure::Load(e),
        }
    }
}

impl From<load::LoadError> for Failure {
    fn from(e: load::LoadError) -> Self {
        Failure::Load(e)
    }
}

impl From<clap::Error> for Failure {
    fn from(e: clap::Error) -> Self {
        Failure::Usage(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// How the shelf is read: through the cache.
fn shelf_options() -> dafu::shelf::Options {
    dafu::shelf::Options {
        cache: dafu::shelf::cache::default_path(),
        stop: None,
        give_way: None,
    }
}

/// Whether a command's letter (before or after the subcommand) is a folder: a shelf.
fn is_shelf(before: Option<&PathBuf>, after: Option<&PathBuf>) -> bool {
    before
        .or(after)
        .is_some_and(|path| dafu::shelf::walk::is_folder(path))
}

/// `dafu list` of `paths` (and `dafu DIR` without a terminal). A path named that is not there
/// is the command line's error, said on standard error first, as `ls` says it (exit 2; said
/// even when the output is a pipe closed early), the others listed; a letter that cannot be
/// read is a row with its error: listing it is the answer.
fn list_shelf(
    paths: &[PathBuf],
    format: cli::figures::Format,
    lang: Lang,
    terminal: Option<cli::Terminal>,
    stdout: io::Result<File>,
) -> Result<u8, Failure> {
    let (paths, missing) = dafu::shelf::walk::there(paths);
    let code = report_errors(&missing, lang);
    let shelf = dafu::shelf::summaries(&paths, &shelf_options());
    // Each folder named that gave no letter (the others still list theirs): the folders each
    // letter stands under, looked up once a letter.
    let folders: HashSet<&Path> = (paths.iter())
        .filter(|path| dafu::shelf::walk::is_folder(path))
        .map(PathBuf::as_path)
        .collect();
    let mut gave: HashSet<&Path> = HashSet::new();
    for entry in &shelf {
        gave.extend(entry.path.ancestors().filter(|a| folders.contains(a)));
    }
    let empty: Vec<PathBuf> = (paths.iter())
        .filter(|path| folders.contains(path.as_path()) && !gave.contains(path.as_path()))
        .cloned()
        .collect();
    say_no_letters(&empty, strings::NO_LETTER_FILES, lang);
    let printed = print_to(stdout, |out| {
        cli::shelf::list(&shelf, format, lang, terminal, out).map(|()| FOUND)
    })?;
    Ok(printed.max(code))
}

/// Says on standard error, for each of `folders`, that it holds no letter (`words`): an empty
/// list or no match is then not taken for what the letters said.
fn say_no_letters(folders: &[PathBuf], words: strings::Words, lang: Lang) {
    let mut stderr = io::stderr().lock();
    for folder in folders {
        let folder = dafu::text::sanitize::path_line(folder);
        let _ = writeln!(stderr, "{folder}: {}", words.of(lang));
    }
}

/// Says on stderr that a figures table has no row, when it has none (`name`: the letter or
/// folder, sanitised): the table is then not
/// printed (CSV and JSON keep their header and `[]`, which say it themselves).
fn say_if_no_figures(written: usize, name: &str, options: cli::figures::Options) {
    if written > 0 || options.format != cli::figures::Format::Table {
        return;
    }
    // The unit asked for, as it was typed (`--unit percent`).
    let said = match options
        .unit
        .and_then(|u| clap::ValueEnum::to_possible_value(&u))
    {
        Some(unit) => format!(
            "{} {}",
            strings::NO_FIGURES_OF_UNIT.of(options.lang),
            unit.get_name()
        ),
        None => strings::NO_FIGURES.of(options.lang).to_string(),
    };
    let _ = writeln!(io::stderr().lock(), "{name}: {said}");
}

/// Prints the error of every letter of `shelf` that was refused to standard error, one a
/// line at its `FILE:LINE:COL`; the exit status: [`FAILED`] if there was any.
fn report_refused<T>(shelf: &[dafu::shelf::Entry<T>], lang: Lang) -> u8 {
    let errors: Vec<load::LoadError> = cli::shelf::refused(shelf).cloned().collect();
    report_errors(&errors, lang)
}

/// Prints `errors` to standard error, one a line, in `lang`; the exit status: [`FAILED`] if
/// any.
fn report_errors(errors: &[load::LoadError], lang: Lang) -> u8 {
    let mut stderr = io::stderr().lock();
    for error in errors {
        let _ = writeln!(stderr, "{}", error.in_lang(lang));
    }
    if errors.is_empty() { FOUND } else { FAILED }
}

/// Runs `print` on standard output, buffered; any failure to write is an output failure.
fn print_to(
    stdout: io::Result<File>,
    print: impl FnOnce(&mut io::BufWriter<File>) -> io::Result<u8>,
) -> Result<u8, Failure> {
    let mut out = io::BufWriter::new(stdout.map_err(Failure::Output)?);
    let code = print(&mut out).map_err(Failure::Output)?;
    out.flush().map_err(Failure::Output)?;
    Ok(code)
}

/// How the reader runs, as the command line and the environment say.
fn reader_settings(cli: &Cli) -> tui::Settings {
    tui::Settings {
        lang: cli.lang,
        ambiguous: cli.ambiguous_width,
        palette: PaletteChoice::from_env(cli.color, cli.theme),
        keeping: tui::keep::Keeping {
            path: dafu::state::path(),
            fresh: cli.fresh,
        },
    }
}

/// `dafu [FILE]`: the reader on a terminal that can hold it, the letter as plain text
/// otherwise. A folder or several files: the shelf, or its list.
fn read(cli: &Cli, stdout_file: io::Result<File>) -> Result<u8, Failure> {
    // The first word only: `dafu searhc 科技` is a command mistyped, not two missing files.
    if let Some(typed) = cli.files.first()
        && let Some(meant) = mistyped_command(typed)
    {
        let message = strings::not_a_command(&typed.display().to_string(), &meant, cli.lang);
        return Err(Failure::Usage(
            plain_command().error(ErrorKind::InvalidSubcommand, message),
        ));
    }
    let terminal = io::stdout().is_terminal()
        && io::stdin().is_terminal()
        && tui::full_screen_capable(std::env::var_os("TERM").as_deref());
    let file = cli.files.first();
    if tui::shelf::is_shelf(&cli.files) {
        if !terminal {
            return list_shelf(
                &cli.files,
                cli::figures::Format::Table,
                cli.lang,
                table_terminal(cli.ambiguous_width),
                stdout_file,
            );
        }
        tui::shelf::run(&cli.files, reader_settings(cli))?;
        return Ok(FOUND);
    }
    if terminal {
        let opening = open_letter(file, cli.lang)?;
        tui::run(opening, reader_settings(cli))?;
        Ok(FOUND)
    } else {
        let tree = load_tree(file, cli.lang)?;
        print_to(stdout_file, |out| {
            cli::print_letter(&tree, out).map(|()| FOUND)
        })
    }
}

/// `dafu import TEXT`: the draft to `output` or standard output, the review report to
/// standard error.
fn import(
    text: &Path,
    output: Option<&Path>,
    force: bool,
    lang: Lang,
    stdout_file: io::Result<File>,
) -> Result<u8, Failure> {
    if let Some(path) = output {
        dafu::import::may_write(text, path, force)?;
    }
    let imported = dafu::import::from_path(text)?;
    let yaml = dafu::import::draft(&imported, &text.display().to_string())?;
    match output {
        Some(path) => dafu::import::write_draft(path, &yaml, force)?,
        None => {
            print_to(stdout_file, |out| {
                out.write_all(yaml.as_bytes()).map(|()| FOUND)
            })?;
        }
    }
    dafu::import::report::write(&imported, lang, &mut io::stderr().lock())?;
    Ok(FOUND)
}

fn run(cli: Cli, stdout_file: io::Result<File>) -> Result<u8, Failure> {
    let stdout = io::stdout();
    // The letter given before a subcommand is its FILE: one of them.
    let before = match cli.files.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        _ if cli.command.is_none() => None,
        _ => {
            return Err(Failure::Usage(plain_command().error(
                ErrorKind::ArgumentConflict,
                strings::several_before(cli.lang),
            )));
        }
    };
    match cli.command {
        None => read(&cli, stdout_file),
        Some(Command::Outline { file, depth }) => {
            let tree = load_tree(one_file(before.clone(), file, cli.lang)?.as_ref(), cli.lang)?;
            print_to(stdout_file, |out| {
                cli::print_outline(&tree, depth, cli.lang, out).map(|()| FOUND)
            })
        }
        Some(Command::List { paths, format }) => {
            refuse_before(before.as_ref(), "list", cli.lang)?;
            let terminal = table_terminal(cli.ambiguous_width);
            list_shelf(&paths, format, cli.lang, terminal, stdout_file)
        }
        Some(Command::Search { query, file }) if is_shelf(before.as_ref(), file.as_ref()) => {
            let folder = one_file(before.clone(), file, cli.lang)?.unwrap_or_default();
            let options = cli::SearchOptions {
                color: cli.color.colours_here(stdout.is_terminal()),
                lang: cli.lang,
            };
            let mut refused = Vec::new();
            let mut letters = 0;
            let folders = [folder];
            let printed = print_to(stdout_file, |out| {
                let searched =
                    cli::shelf::search(&folders, &shelf_options(), &query, options, out)?;
                (refused, letters) = (searched.refused, searched.letters);
                Ok(if searched.matches > 0 {
                    FOUND
                } else {
                    NOT_FOUND
                })
            })?;
            if letters == 0 {
                say_no_letters(&folders, strings::NO_LETTER_FILES, cli.lang);
            }
            // As grep: a letter that could not be read is an error, whatever was found.
            Ok(printed.max(report_errors(&refused, cli.lang)))
        }
        Some(Command::Figures {
            file,
            format,
            sort,
            unit,
        }) if is_shelf(before.as_ref(), file.as_ref()) => {
            let folder = one_file(before.clone(), file, cli.lang)?.unwrap_or_default();
            let shelf = dafu::shelf::read_all(std::slice::from_ref(&folder), cli.lang, |tree| tree);
            let folder_name = dafu::text::sanitize::path_line(&folder);
            if shelf.is_empty() {
                say_no_letters(&[folder], strings::NO_LETTER_FILES, cli.lang);
            }
            let options = cli::figures::Options {
                format,
                sort,
                unit,
                lang: cli.lang,
                terminal: table_terminal(cli.ambiguous_width),
            };
            let names: Vec<String> = shelf
                .iter()
                .map(|e| dafu::text::sanitize::path_line(&e.path))
                .collect();
            let letters: Vec<_> = shelf
                .iter()
                .zip(&names)
                .filter_map(|(e, name)| Some((Some(name.as_str()), e.letter.as_ref().ok()?)))
                .collect();
            let printed = print_to(stdout_file, |out| {
                let written = cli::figures::print_letters(&letters, options, out)?;
                // A folder whose letters were all refused says so, not that they state no figures.
                if !letters.is_empty() {
                    say_if_no_figures(written, &folder_name, options);
                }
                Ok(FOUND)
            })?;
            Ok(printed.max(report_refused(&shelf, cli.lang)))
        }
        Some(Command::Check { file }) if is_shelf(before.as_ref(), file.as_ref()) => {
            let folder = one_file(before.clone(), file, cli.lang)?.unwrap_or_default();
            let shelf = dafu::shelf::read_all(std::slice::from_ref(&folder), cli.lang, |_| ());
            if shelf.is_empty() {
                // Nothing refused, but nothing read either: said, as `rg` says it searched
                // no file, so that a folder of the wrong files does not pass for a good one.
                say_no_letters(&[folder], strings::NO_LETTERS_IN_FOLDER, cli.lang);
            }
            Ok(report_refused(&shelf, cli.lang))
        }
        Some(Command::Search { query, file }) => {
            let tree = load_tree(one_file(before.clone(), file, cli.lang)?.as_ref(), cli.lang)?;
            let options = cli::SearchOptions {
                color: cli.color.colours_here(stdout.is_terminal()),
                lang: cli.lang,
            };
            print_to(stdout_file, |out| {
                let found = cli::search(&tree, &query, options, out)?;
                if found == 0 && cli::only_in_notes(&tree, &query) {
                    let query = dafu::text::sanitize::sanitize_line(&query);
                    let said = cli.lang.strings().only_in_notes;
                    let _ = writeln!(io::stderr().lock(), "{query}: {said}");
                }
                Ok(if found > 0 { FOUND } else { NOT_FOUND })
            })
        }
        Some(Command::Figures {
            file,
            format,
            sort,
            unit,
        }) => {
            let file = one_file(before.clone(), file, cli.lang)?;
            let tree = load_tree(file.as_ref(), cli.lang)?;
            let options = cli::figures::Options {
                format,
                sort,
                unit,
                lang: cli.lang,
                terminal: table_terminal(cli.ambiguous_width),
            };
            let name = file.map_or_else(
                || cli.lang.strings().built_in_letter.to_string(),
                |f| dafu::text::sanitize::path_line(&f),
            );
            print_to(stdout_file, |out| {
                let written = cli::figures::print(&tree, options, out)?;
                say_if_no_figures(written, &name, options);
                Ok(FOUND)
            })
        }
        Some(Command::Check { file }) => {
            let Some(file) = one_file(before.clone(), file, cli.lang)? else {
                return Err(Failure::Usage(plain_command().error(
                    ErrorKind::MissingRequiredArgument,
                    strings::check_needs_file(cli.lang),
                )));
            };
            if file == Path::new("-") {
                // A letter's YAML, as every other FILE of check (`import -` takes a transcript).
                load::from_stdin()?;
            } else if dafu::import::is_text(&file) {
                load_tree(Some(&file), cli.lang)?;
            } else {
                // Every check is made while the letter is loaded: the reader's tree is not built.
                load::from_path(&file)?;
            }
            Ok(FOUND)
        }
        Some(Command::Import {
            text,
            output,
            force,
        }) => {
            refuse_before(before.as_ref(), "import", cli.lang)?;
            // `-o -` is standard output, as `-` for the text is standard input: not a file
            // named `-`.
            let output = output.filter(|path| path != Path::new("-"));
            import(&text, output.as_deref(), force, cli.lang, stdout_file)
        }
        Some(Command::Help { command }) => {
            let help = help_of(&command, cli.lang)?;
            print_to(stdout_file, |out| {
                out.write_all(help.as_bytes()).map(|()| FOUND)
            })
        }
        Some(Command::Diff { a, b }) => {
            refuse_before(before.as_ref(), "diff", cli.lang)?;
            let (a, b) = (
                load_tree(Some(&a), cli.lang)?,
                load_tree(Some(&b), cli.lang)?,
            );
            let changes = dafu::diff::diff(&a.letter, &b.letter);
            print_to(stdout_file, |out| {
                dafu::diff::write(&changes, out)?;
                Ok(if changes.is_empty() { FOUND } else { NOT_FOUND })
            })
        }
    }
}
