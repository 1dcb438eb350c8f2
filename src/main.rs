//! `dafu`: parse the command line, load the letter, hand over to the command-line faces or
//! the interactive reader. Nothing else lives here.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dafu::cli;
use dafu::letter::load;
use dafu::letter::tree::LetterTree;
use dafu::strings::Lang;
use dafu::tui::{self, AmbiguousSetting};

/// Read a Chinese official reply letter (答复) in the terminal.
///
/// Without a FILE, dafu opens the letter it ships with: 中山科函〔2021〕142号, the Zhongshan
/// Science and Technology Bureau's reply to CPPCC proposal No. 125053 on the new-generation
/// AI industry. Any other letter written in the same YAML schema opens by path.
#[derive(Debug, Parser)]
#[command(name = "dafu", version)]
struct Cli {
    /// A letter in dafu's YAML schema (default: the letter built into dafu); a `.txt` file is
    /// imported in memory (`dafu import`) and read as an unreviewed draft.
    file: Option<PathBuf>,

    /// Interface language (the letter itself is never translated).
    #[arg(
        long,
        value_enum,
        env = "DAFU_LANG",
        default_value = "zh",
        global = true
    )]
    lang: Lang,

    /// How wide the terminal draws ambiguous characters such as “ ” — …: `auto` asks it.
    #[arg(
        long,
        value_enum,
        env = "DAFU_AMBIGUOUS_WIDTH",
        default_value = "auto",
        global = true
    )]
    ambiguous_width: AmbiguousSetting,

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
        #[arg(long)]
        depth: Option<usize>,
    },
    /// Search the letter (Chinese, or pinyin from a Latin keyboard); exit 0 if found, 1 if not.
    Search {
        /// What to look for: Chinese text, pinyin (`rengongzhineng`) or initials (`rgzn`).
        query: String,
        /// A letter file (default: the built-in letter).
        file: Option<PathBuf>,
    },
    /// List every amount, count and percentage the letter states.
    Figures {
        /// A letter file (default: the built-in letter).
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
    /// Check that FILE is a valid letter; print nothing when it is.
    Check {
        /// The letter file to check.
        file: PathBuf,
    },
    /// Draft a letter from the plain text of a reply letter (`pdftotext -layout`, or a copy
    /// from a PDF viewer); a review report goes to stderr.
    Import {
        /// The text (`-` for standard input).
        text: PathBuf,
        /// Write the YAML here instead of to standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Show what changed from letter A to letter B (a draft and the reviewed letter), by
    /// node; exit 0 when nothing did, 1 when something did.
    Diff {
        /// The earlier version (a YAML letter, or a text to import).
        a: PathBuf,
        /// The later version.
        b: PathBuf,
    },
}

fn load_tree(file: Option<&PathBuf>) -> Result<LetterTree, load::LoadError> {
    let letter = match file {
        // Plain text is imported in memory; the reader says it is an unreviewed draft.
        Some(path) if dafu::import::is_text(path) => return dafu::import::tree_from_path(path),
        Some(path) => load::from_path(path)?,
        None => load::embedded(),
    };
    Ok(LetterTree::new(letter))
}

/// Exit statuses, as grep uses them.
const FOUND: u8 = 0;
const NOT_FOUND: u8 = 1;
const FAILED: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // A reader that stopped reading (`dafu | head`) is not an error.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(FOUND),
        Err(failure) => {
            // Errors come before the terminal is touched, so stderr is a plain stream here.
            let _ = writeln!(io::stderr(), "{failure}");
            ExitCode::from(FAILED)
        }
    }
}

#[derive(Debug)]
enum Failure {
    Load(load::LoadError),
    Io(io::Error),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Load(e) => write!(f, "{e}"),
            Failure::Io(e) => write!(f, "dafu: {e}"),
        }
    }
}

impl From<load::LoadError> for Failure {
    fn from(e: load::LoadError) -> Self {
        Failure::Load(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    let stdout = io::stdout();
    match cli.command {
        None => {
            let tree = load_tree(cli.file.as_ref())?;
            if stdout.is_terminal() && io::stdin().is_terminal() {
                tui::run(tree, cli.lang, cli.ambiguous_width)?;
            } else {
                let mut out = io::BufWriter::new(stdout.lock());
                cli::print_letter(&tree, &mut out)?;
                out.flush()?;
            }
            Ok(FOUND)
        }
        Some(Command::Outline { file, depth }) => {
            let tree = load_tree(file.as_ref())?;
            let mut out = io::BufWriter::new(stdout.lock());
            cli::print_outline(&tree, depth, cli.lang, &mut out)?;
            out.flush()?;
            Ok(FOUND)
        }
        Some(Command::Search { query, file }) => {
            let tree = load_tree(file.as_ref())?;
            let options = cli::SearchOptions {
                color: stdout.is_terminal(),
                lang: cli.lang,
            };
            let mut out = io::BufWriter::new(stdout.lock());
            let found = cli::search(&tree, &query, options, &mut out)?;
            out.flush()?;
            Ok(if found > 0 { FOUND } else { NOT_FOUND })
        }
        Some(Command::Figures {
            file,
            format,
            sort,
            unit,
        }) => {
            let tree = load_tree(file.as_ref())?;
            let mut out = io::BufWriter::new(stdout.lock());
            let options = cli::figures::Options {
                format,
                sort,
                unit,
                lang: cli.lang,
            };
            cli::figures::print(&tree, options, &mut out)?;
            out.flush()?;
            Ok(FOUND)
        }
        Some(Command::Check { file }) => {
            load_tree(Some(&file))?;
            Ok(FOUND)
        }
        Some(Command::Import { text, output }) => {
            let imported = dafu::import::from_path(&text)?;
            let yaml = dafu::import::to_yaml(&imported.letter, &text.display().to_string());
            // The draft passes `dafu check`, or this is a bug worth an error, not a bad file.
            load::parse(&yaml, "(draft)")?;
            match output {
                Some(path) => std::fs::write(path, yaml)?,
                None => stdout.lock().write_all(yaml.as_bytes())?,
            }
            dafu::import::report::write(&imported, &mut io::stderr().lock())?;
            Ok(FOUND)
        }
        Some(Command::Diff { a, b }) => {
            let (a, b) = (load_tree(Some(&a))?, load_tree(Some(&b))?);
            let changes = dafu::diff::diff(&a.letter, &b.letter);
            let mut out = io::BufWriter::new(stdout.lock());
            dafu::diff::write(&changes, &mut out)?;
            out.flush()?;
            Ok(if changes.is_empty() { FOUND } else { NOT_FOUND })
        }
    }
}
