//! A shelf of made letters for tests, the example and the benchmarks: letter `i` is the
//! shipped letter with another issuer, document number, date, proposal number and title, and a
//! subset of its suggestions; each passes `dafu check`.

use std::path::Path;

use dafu::letter::Letter;

/// Bodies that issue the made letters, with the prefix of their document numbers.
const ISSUERS: [(&str, &str); 8] = [
    ("中山市科学技术局", "中山科函"),
    ("中山市工业和信息化局", "中山工信函"),
    ("中山市发展和改革局", "中山发改函"),
    ("中山市商务局", "中山商务函"),
    ("中山市人力资源和社会保障局", "中山人社函"),
    ("中山市财政局", "中山财函"),
    ("中山市教育和体育局", "中山教体函"),
    ("中山市市场监督管理局", "中山市监函"),
];

/// What a made letter is, beside its YAML.
#[derive(Debug, Clone)]
pub struct MadeLetter {
    /// The file name it is written under.
    pub file_name: String,
    /// The letter as written.
    pub yaml: String,
    /// The issuing body.
    pub issuer: String,
    /// Its document number.
    pub doc_number: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// The proposal it answers.
    pub proposal: u64,
    /// The proposal's title.
    pub subject: String,
    /// The suggestions of the shipped letter it keeps (0-based), in order.
    pub suggestions: Vec<usize>,
}

/// A fixed mix of `i`'s bits, so that neighbouring letters differ in every respect.
fn mix(i: usize) -> u64 {
    let mut h = (i as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

/// The made letter `i`.
#[must_use]
pub fn made_letter(i: usize) -> MadeLetter {
    let mut letter = dafu::letter::load::embedded();
    let h = mix(i);
    let (issuer, prefix) = ISSUERS[i % ISSUERS.len()];
    let year = 2015 + (h % 10);
    let (month, day) = (1 + (h >> 8) % 12, 1 + (h >> 16) % 28);
    let date = format!("{year}-{month:02}-{day:02}");
    let doc_number = format!("{prefix}〔{year}〕{}号", 1 + i);
    let proposal = 100_000 + i as u64;
    // A non-empty subset of the five suggestions.
    let mask = 1 + (h >> 24) % 31;
    let suggestions: Vec<usize> = (0..letter.suggestions.len())
        .filter(|s| mask & (1 << s) != 0)
        .collect();
    letter.suggestions = suggestions
        .iter()
        .filter_map(|&s| letter.suggestions.get(s).cloned())
        .collect();
    letter.issuer = Some(issuer.to_string());
    letter.signature.issuer = Some(issuer.to_string());
    letter.signature.date = Some(date.clone());
    letter.doc_number = Some(doc_number.clone());
    letter.proposal.number = Some(proposal.to_string());
    // Proposals on as many subjects as the letter's suggestions: a shelf whose letters all
    // answer one proposal's title would list one subject ten thousand times.
    letter.proposal.title = letter.suggestions.first().map(|s| s.title.clone());
    letter.title = Some(format!(
        "{issuer}关于{}提案第{proposal}号答复的函",
        letter.proposal.session.as_deref().unwrap_or_default()
    ));
    keep_editorial_that_occurs(&mut letter);
    let yaml = serde_yaml::to_string(&letter).expect("a letter serialises");
    MadeLetter {
        file_name: format!("letter-{i:05}.yaml"),
        yaml,
        issuer: issuer.to_string(),
        doc_number,
        date,
        proposal,
        subject: letter.proposal.title.clone().unwrap_or_default(),
        suggestions,
    }
}

/// Drops the notes and errata whose text went with a suggestion left out: a note must
/// quote the letter.
fn keep_editorial_that_occurs(letter: &mut Letter) {
    let (notes, errata) = (
        std::mem::take(&mut letter.notes),
        std::mem::take(&mut letter.errata),
    );
    // Every text field, as JSON leaves Chinese as it is.
    let text = serde_json::to_string(&letter).expect("a letter serialises");
    letter.notes = notes
        .into_iter()
        .filter(|n| text.contains(&n.text))
        .collect();
    letter.errata = errata
        .into_iter()
        .filter(|e| text.contains(e.in_text()))
        .collect();
}

/// Writes the made letters `0..n` into `dir`; returns what each is.
///
/// # Errors
/// When a file cannot be written.
pub fn write_shelf(dir: &Path, n: usize) -> std::io::Result<Vec<MadeLetter>> {
    (0..n)
        .map(|i| {
            let made = made_letter(i);
            std::fs::write(dir.join(&made.file_name), &made.yaml)?;
            Ok(made)
        })
        .collect()
}
