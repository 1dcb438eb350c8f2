//! Pinyin: finding Chinese text with a keyboard and no input method.
//!
//! A query of ASCII letters (`zhongshan`, `rgzn`, `rengzn`, `zhongsh`) matches a run of Chinese
//! characters when every query letter is consumed, in order, by exactly one character's reading:
//! a whole syllable, its first letter, its `zh`/`ch`/`sh` initial, or — for the last character
//! only — any prefix of a syllable, so that the run grows as the reader types. Every reading of
//! a polyphonic character counts (行 is `xing` and `hang`), tones are ignored and `ü` is `v`.
//! ASCII letters and digits in the text are matched literally, so `tclkongtiao` crosses from
//! `TCL` into 空调.
//!
//! The index stores for every folded character a key: an ASCII byte, a reading set, or nothing.
//! Reading sets are interned per character, syllables are fixed-size byte arrays, and the
//! matcher keeps the query positions it can be at as one `u64` bit set per text character, so
//! a keystroke costs no allocation and no backtracking: O(run length × query length × readings).

use foldhash::HashMap;

use pinyin::{Pinyin, ToPinyinMulti};

/// The key of a folded character that takes no part in pinyin matching (punctuation, the
/// separator between documents, letters outside ASCII).
pub(crate) const NO_KEY: u32 = u32::MAX;

/// Keys below this are the ASCII byte of a letter or digit, matched literally.
const FIRST_SET_KEY: u32 = 128;

/// The number of bits in a first-letter mask: one per letter, one for all digits.
pub(crate) const INITIAL_CLASSES: usize = 27;

/// The bit in a first-letter mask for a query or text starting with any ASCII digit.
const DIGIT_BIT: u32 = 1 << 26;

/// Longest pinyin query, in letters: query positions 0..=len must fit a `u64` bit set.
pub(crate) const MAX_QUERY_LEN: usize = 63;

/// The bit for `byte` in a first-letter mask: one bit per lower-case letter, one for digits.
fn first_bit(byte: u8) -> u32 {
    match byte {
        b'a'..=b'z' => 1 << (byte - b'a'),
        b'0'..=b'9' => DIGIT_BIT,
        _ => 0,
    }
}

/// The most letters a syllable is kept with (the longest, `zhuang`, has six): so the most
/// query letters one character can consume.
pub(crate) const LONGEST_SYLLABLE: usize = 8;

/// One tone-less syllable in ASCII (`ü` as `v`); the longest, `zhuang`, has six letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Syllable {
    bytes: [u8; LONGEST_SYLLABLE],
    len: u8,
}

impl Syllable {
    /// The syllable of a plain (tone-less) reading, `None` if it does not fit ASCII.
    fn from_plain(plain: &str) -> Option<Self> {
        let mut bytes = [0; LONGEST_SYLLABLE];
        let mut len = 0;
        for ch in plain.chars() {
            let byte = match ch {
                'ü' => b'v',
                // ê only occurs in interjections (欸 ê); a reader types `e`.
                'ê' => b'e',
                'a'..='z' => u8::try_from(ch).ok()?,
                _ => return None,
            };
            *bytes.get_mut(len)? = byte;
            len += 1;
        }
        let len = u8::try_from(len).ok().filter(|&len| len > 0)?;
        Some(Self { bytes, len })
    }

    fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }
}

/// Every reading of the characters in an index, interned: each distinct (original, folded)
/// character pair gets one reading set, shared by all its occurrences.
#[derive(Debug, Clone, Default)]
pub(crate) struct Readings {
    /// All sets' syllables, one set after another.
    syllables: Vec<Syllable>,
    /// Per set, its range in `syllables`.
    sets: Vec<(u32, u32)>,
    /// Per set, the first letters of its syllables as a mask (see [`first_bit`]).
    set_masks: Vec<u32>,
    /// Build-time interning; dropped from the finished index.
    interned: HashMap<(char, Option<char>), u32>,
}

impl Readings {
    /// The key and first-letter mask of the folded character `folded`, which came from the
    /// single character `source` (if the original cluster was one character).
    pub(crate) fn key_of(&mut self, folded: char, source: Option<char>) -> (u32, u32) {
        if folded.is_ascii_alphanumeric() {
            // Folding lower-cased it already.
            let byte = u8::try_from(folded).unwrap_or_default();
            return (u32::from(byte), first_bit(byte));
        }
        if folded.is_ascii() {
            return (NO_KEY, 0);
        }
        // The source only matters when folding changed the character.
        let source = source.filter(|&source| source != folded);
        let set = if let Some(&set) = self.interned.get(&(folded, source)) {
            set
        } else {
            let set = self.intern(folded, source);
            self.interned.insert((folded, source), set);
            set
        };
        if set == NO_KEY {
            return (NO_KEY, 0);
        }
        let mask = self
            .set_masks
            .get(set as usize)
            .copied()
            .unwrap_or_default();
        (FIRST_SET_KEY + set, mask)
    }

    /// Adds the readings of `folded` and `source` as a new set; `NO_KEY` if they have none.
    fn intern(&mut self, folded: char, source: Option<char>) -> u32 {
        let start = self.syllables.len();
        for ch in std::iter::once(folded).chain(source) {
            let Some(multi) = ch.to_pinyin_multi() else {
                continue;
            };
            for reading in multi {
                let plain = Pinyin::plain(reading);
                if RARE_READINGS.contains(&(ch, plain)) {
                    continue;
                }
                let Some(syllable) = Syllable::from_plain(plain) else {
                    continue;
                };
                // Tones are gone, so 中 zhōng/zhòng is one `zhong`.
                for syllable in std::iter::once(syllable).chain(official_spelling(syllable)) {
                    if !self
                        .syllables
                        .get(start..)
                        .unwrap_or_default()
                        .contains(&syllable)
                    {
                        self.syllables.push(syllable);
                    }
                }
            }
        }
        let end = self.syllables.len();
        if start == end {
            return NO_KEY;
        }
        let mask = self
            .syllables
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .fold(0, |mask, syllable| mask | first_bit(syllable.bytes[0]));
        let (Ok(set), Ok(start), Ok(end)) = (
            u32::try_from(self.sets.len()),
            u32::try_from(start),
            u32::try_from(end),
        ) else {
            return NO_KEY;
        };
        self.sets.push((start, end));
        self.set_masks.push(mask);
        set
    }

    /// Drops what was only needed while building.
    pub(crate) fn finish(&mut self) {
        self.interned = HashMap::default();
        self.syllables.shrink_to_fit();
    }

    /// The letters a character of key `key` may consume, by place: bit `b` of entry `i` is
    /// set when the character can consume a letter of bit `b` (see [`first_bit`]) as the
    /// `i`-th of its letters. An ASCII letter or digit consumes itself alone; a reading set,
    /// the letters of its syllables where they stand.
    pub(crate) fn letters_by_place(&self, key: u32) -> [u32; LONGEST_SYLLABLE] {
        let mut places = [0; LONGEST_SYLLABLE];
        if key < FIRST_SET_KEY {
            places[0] = u8::try_from(key).map_or(0, first_bit);
            return places;
        }
        if key == NO_KEY {
            return places;
        }
        for syllable in self.set(key) {
            for (place, &letter) in places.iter_mut().zip(syllable.as_bytes()) {
                *place |= first_bit(letter);
            }
        }
        places
    }

    fn set(&self, key: u32) -> &[Syllable] {
        let Some(&(start, end)) = self.sets.get((key - FIRST_SET_KEY) as usize) else {
            return &[];
        };
        self.syllables
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The end (exclusive) of the longest run of text starting at `start` that `query` matches,
    /// given the keys of the text's folded characters; `None` if no run matches.
    #[cfg(test)]
    pub(crate) fn longest_match(
        &self,
        query: &PinyinQuery,
        keys: &[(u32, char)],
        start: usize,
    ) -> Option<usize> {
        self.longest_match_by(query, |pos| keys.get(pos).copied(), start)
    }

    /// As `longest_match`, with the text's keys and folded characters given by `key_at`
    /// (`None` past the end).
    pub(crate) fn longest_match_by(
        &self,
        query: &PinyinQuery,
        key_at: impl Fn(usize) -> Option<(u32, char)>,
        start: usize,
    ) -> Option<usize> {
        let done = 1u64 << query.len();
        // Bit i: the query's first i letters are consumed by the text before `pos`.
        let mut reach = 1u64;
        let mut best = None;
        let mut pos = start;
        while reach != 0 {
            let Some((key, ch)) = key_at(pos) else { break };
            let mut next = 0;
            let mut positions = reach;
            while positions != 0 {
                let at = positions.trailing_zeros() as usize;
                positions &= positions - 1;
                next |= self.step(query, key, ch, at);
            }
            pos += 1;
            if next & done != 0 {
                // Keep going: a later end is a longer match, and leftmost-longest wants it.
                best = Some(pos);
                next &= !done;
            }
            reach = next;
        }
        best
    }

    /// The query positions reachable from position `at` (with letters left) by consuming one
    /// text character of key `key`, folded `ch`, as a bit set.
    fn step(&self, query: &PinyinQuery, key: u32, ch: char, at: usize) -> u64 {
        let letters = query.letters.as_slice();
        let Some(&letter) = letters.get(at) else {
            return 0;
        };
        if letter == AS_ITSELF {
            // A character typed as itself is consumed by that character alone.
            return if query.itself_at(at) == Some(ch) {
                1 << (at + 1)
            } else {
                0
            };
        }
        if key < FIRST_SET_KEY {
            return if key == u32::from(letter) {
                1 << (at + 1)
            } else {
                0
            };
        }
        if key == NO_KEY {
            return 0;
        }
        let rest = letters.get(at..).unwrap_or_default();
        let mut reach = 0;
        for syllable in self.set(key) {
            let syllable = syllable.as_bytes();
            if syllable.first() != Some(&letter) {
                continue;
            }
            // The initial: one letter.
            reach |= 1 << (at + 1);
            // How far the query follows the syllable, stopping at a typed syllable boundary.
            let common = syllable
                .iter()
                .zip(rest)
                .enumerate()
                .skip(1)
                .take_while(|&(i, (s, q))| s == q && query.boundaries & (1 << (at + i)) == 0)
                .count()
                + 1;
            if common == syllable.len() || common == rest.len() {
                // The whole syllable, or a prefix of it that ends the query.
                reach |= 1 << (at + common);
            }
            if common >= 2 && has_double_initial(syllable) {
                reach |= 1 << (at + 2);
            }
        }
        reach
    }
}

/// Readings the pinyin data gives that no reader of modern Chinese types for the character:
/// 率 is lǜ (效率) or shuài (率领); its classical lüè would make `lue`, typed for 略, find
/// 效率 too. The rest are the classical, dialect or variant readings of the characters a
/// reply letter uses most (those of the shipped letter and the twelve real ones): each made
/// initials match where no reader would look (`wss` lit 关「于提升」, 于 read wéi, 提 shí).
/// Readings a reader does type stay, however rare: 的 dí (的确), 和 huó, 大 dài, 长, 调, 行 háng,
/// 将 qiāng, 强 jiàng, 系 jì, 落 là, 单 shàn, 车 jū, 区 ōu (surnames and places are typed).
const RARE_READINGS: &[(char, &str)] = &[
    ('率', "lüe"),
    ('市', "fu"),
    ('技', "qi"),
    ('能', "tai"),
    ('能', "nai"),
    ('能', "xiong"),
    ('年', "ning"),
    ('家', "gu"),
    ('家', "jie"),
    ('于', "wei"),
    ('于', "xu"),
    ('提', "chi"),
    ('提', "shi"),
    ('是', "ti"),
    ('才', "zai"),
    ('服', "bi"),
    ('服', "bo"),
    ('化', "huo"),
    ('个', "gan"),
    ('支', "qi"),
    ('研', "xing"),
    ('台', "yi"),
    ('台', "si"),
    ('有', "wei"),
    ('共', "hong"),
    ('信', "shen"),
    ('平', "pian"),
    ('平', "bing"),
    ('平', "beng"),
    ('划', "guo"),
    ('划', "huai"),
    ('机', "wei"),
    ('体', "ben"),
    ('体', "cui"),
    ('路', "luo"),
    ('号', "xiao"),
    ('以', "si"),
    ('游', "liu"),
    ('次', "zi"),
    ('省', "xian"),
    ('度', "zhai"),
    ('施', "yi"),
    ('式', "te"),
    ('广', "yan"),
    ('广', "an"),
    ('投', "dou"),
    ('已', "si"),
    ('助', "chu"),
    ('部', "pou"),
    ('示', "qi"),
    ('示', "zhi"),
    ('育', "zhou"),
    ('育', "yo"),
    ('月', "ru"),
    ('不', "fou"),
    ('不', "fu"),
    ('件', "mou"),
    ('培', "pou"),
    ('培', "pi"),
    ('立', "wei"),
    ('位', "li"),
    ('见', "xian"),
    ('格', "luo"),
    ('格', "he"),
    ('接', "sha"),
    ('接', "cha"),
    ('团', "qiu"),
    ('超', "tiao"),
    ('果', "luo"),
    ('果', "guan"),
    ('榜', "beng"),
    ('榜', "pang"),
    ('榜', "peng"),
    ('需', "nuo"),
    ('需', "ru"),
    ('需', "ruan"),
    ('角', "lu"),
    ('角', "gu"),
    ('款', "xin"),
    ('内', "na"),
    ('内', "rui"),
    ('感', "han"),
    ('核', "gai"),
    ('核', "kai"),
    ('司', "ci"),
    ('其', "ji"),
    ('期', "ji"),
    ('隔', "rong"),
    ('隔', "ji"),
    ('可', "ge"),
    ('渠', "ju"),
    ('揭', "qi"),
    ('揭', "he"),
    ('探', "xian"),
    ('措', "ze"),
    ('措', "ci"),
    ('注', "zhou"),
    ('之', "zhu"),
    ('余', "tu"),
    ('余', "xu"),
    ('离', "chi"),
    ('由', "yao"),
    ('造', "cao"),
    ('重', "tong"),
    ('方', "pang"),
    ('方', "wang"),
    ('方', "feng"),
    ('大', "tai"),
    ('半', "pan"),
    ('增', "ceng"),
    ('治', "chi"),
];

/// The other way a reader types `syllable`: `lüe` and `nüe` (略, 虐) are written `lue` and
/// `nue` in official pinyin, as there is no `lue` or `nue` with a plain u to confuse them with,
/// while most input methods take `lve` and `nve`. Both find them. (`lü` and `nü` keep their
/// `v`: `lu` and `nu` are other syllables.)
fn official_spelling(syllable: Syllable) -> Option<Syllable> {
    let plain = match syllable.as_bytes() {
        b"lve" => "lue",
        b"nve" => "nue",
        _ => return None,
    };
    Syllable::from_plain(plain)
}

/// Whether a syllable's initial is `zh`, `ch` or `sh`, which a reader may type whole or as its
/// first letter.
fn has_double_initial(syllable: &[u8]) -> bool {
    matches!(syllable, [b'z' | b'c' | b's', b'h', _, ..])
}

/// A query read as pinyin: its letters and digits, and where the reader typed a syllable
/// boundary (a space or an apostrophe, as in `xi'an`). It may hold characters typed as
/// themselves (`人工zn`, `智能zhizao`): each matches that character alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PinyinQuery {
    /// Lower-case ASCII letters and digits, `ü` written `v`; [`AS_ITSELF`] where a character
    /// typed as itself stands.
    letters: Vec<u8>,
    /// The characters typed as themselves (folded), by their place among `letters`.
    itself: Vec<(usize, char)>,
    /// Bit i: a syllable must start at letter i.
    boundaries: u64,
    /// The first-letter mask (see [`first_bit`]) of the first letter; 0 when the query
    /// begins with a character typed as itself.
    first: u32,
}

/// In a pinyin query's letters, a character typed as itself: no syllable has this byte, so
/// no reading consumes it.
const AS_ITSELF: u8 = 0;

/// Where a pinyin query's matches may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QueryStart {
    /// On a character with a reading (or an ASCII letter or digit) in this first-letter class.
    Class(usize),
    /// On this character, typed as itself.
    Itself(char),
}

impl PinyinQuery {
    /// Reads `query` as pinyin: `None` unless, after folding, it is ASCII letters and digits
    /// (at least one letter, at most [`MAX_QUERY_LEN`]) with spaces and apostrophes between.
    pub(crate) fn parse(query: &str) -> Option<Self> {
        let mut letters = Vec::with_capacity(query.len());
        let mut itself = Vec::new();
        let mut boundaries = 0u64;
        let mut valid = true;
        super::fold::fold_with(query, true, |ch, _, _| {
            let byte = match ch {
                'a'..='z' | '0'..='9' => u8::try_from(ch).unwrap_or_default(),
                'ü' => b'v',
                '\'' | '’' => {
                    boundaries |= 1 << letters.len().min(MAX_QUERY_LEN);
                    return;
                }
                _ if ch.is_whitespace() => {
                    boundaries |= 1 << letters.len().min(MAX_QUERY_LEN);
                    return;
                }
                // ASCII punctuation is typed as text (`COVID-19`, `5G-A`), not as pinyin.
                _ if ch.is_ascii() => {
                    valid = false;
                    return;
                }
                // Any other character is typed as itself: a reader with the Chinese for part
                // of a word and pinyin for the rest (`人工zn`).
                _ => {
                    itself.push((letters.len(), ch));
                    AS_ITSELF
                }
            };
            letters.push(byte);
        });
        if !valid || letters.len() > MAX_QUERY_LEN || !letters.iter().any(u8::is_ascii_lowercase) {
            return None;
        }
        let first = first_bit(*letters.first()?);
        Some(Self {
            letters,
            itself,
            boundaries,
            first,
        })
    }

    /// The character typed as itself at letter `at`, if one is there.
    fn itself_at(&self, at: usize) -> Option<char> {
        let i = self
            .itself
            .binary_search_by_key(&at, |&(place, _)| place)
            .ok()?;
        self.itself.get(i).map(|&(_, ch)| ch)
    }

    /// The characters typed as themselves, by their place among the letters.
    pub(crate) fn typed_as_themselves(&self) -> &[(usize, char)] {
        &self.itself
    }

    /// The number of letters and digits.
    pub(crate) fn len(&self) -> usize {
        self.letters.len()
    }

    /// Each letter's bit in a first-letter mask, in order: which characters may consume it.
    pub(crate) fn letter_bits(&self) -> impl Iterator<Item = u32> + '_ {
        self.letters.iter().map(|&letter| first_bit(letter))
    }

    /// Where a match can start: on a character of the first letter's class (bit number in a
    /// first-letter mask: the index keeps, per class, where a match can start), or on the
    /// character the query begins with, typed as itself.
    pub(crate) fn start(&self) -> QueryStart {
        match self.itself.first() {
            Some(&(0, ch)) => QueryStart::Itself(ch),
            _ => QueryStart::Class(self.first.trailing_zeros() as usize),
        }
    }
}

/// The plain readings of `ch`, every one, tone-less with `ü` as `v` — what the matcher uses.
/// For tests and for showing a reader why something matched.
#[must_use]
pub fn readings(ch: char) -> Vec<String> {
    let mut table = Readings::default();
    let (key, _) = table.key_of(ch, None);
    if key < FIRST_SET_KEY || key == NO_KEY {
        return Vec::new();
    }
    table
        .set(key)
        .iter()
        .map(|syllable| String::from_utf8_lossy(syllable.as_bytes()).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pinyin::ToPinyin;

    /// Whether `query` matches exactly the whole of `text` (both unfolded).
    fn matches_whole(query: &str, text: &str) -> bool {
        let mut table = Readings::default();
        let keys: Vec<(u32, char)> = super::super::fold::fold(text)
            .chars
            .iter()
            .map(|&ch| (table.key_of(ch, None).0, ch))
            .collect();
        let query = PinyinQuery::parse(query).expect("a pinyin query");
        table.longest_match(&query, &keys, 0) == Some(keys.len())
    }

    #[test]
    fn readings_are_toneless_and_complete() {
        assert_eq!(readings('中'), vec!["zhong"]);
        assert!(readings('行').contains(&"hang".to_owned()));
        assert!(readings('行').contains(&"xing".to_owned()));
        // The crate's default for 行 is `xing`, wrong in 银行: hence all readings.
        assert_eq!('行'.to_pinyin().map(Pinyin::plain), Some("xing"));
        assert_eq!(readings('律'), vec!["lv"]);
        assert!(readings('A').is_empty());
        assert!(readings('，').is_empty());
    }

    #[test]
    fn full_pinyin() {
        assert!(matches_whole("zhongshan", "中山"));
        assert!(matches_whole("rengongzhineng", "人工智能"));
    }

    #[test]
    fn initials() {
        assert!(matches_whole("rgzn", "人工智能"));
        assert!(matches_whole("zs", "中山"));
        assert!(matches_whole("zhs", "中山"));
        assert!(matches_whole("zhsh", "中山"));
    }

    #[test]
    fn mixed_syllables_and_initials() {
        assert!(matches_whole("rengzn", "人工智能"));
        assert!(matches_whole("rgongzhineng", "人工智能"));
        assert!(matches_whole("zhongs", "中山"));
    }

    #[test]
    fn every_reading_of_a_polyphone() {
        assert!(matches_whole("yinhang", "银行"));
        assert!(matches_whole("yinxing", "银行"));
        assert!(matches_whole("chongzhen", "重振"));
        assert!(matches_whole("zhongzhen", "重振"));
    }

    #[test]
    fn partial_last_syllable() {
        assert!(matches_whole("rengongzhi", "人工智"));
        assert!(matches_whole("zhongsh", "中山"));
        assert!(matches_whole("zhongsha", "中山"));
        // Only the last syllable may be cut short.
        assert!(!matches_whole("zhonshan", "中山"));
    }

    #[test]
    fn v_for_u_umlaut() {
        assert!(matches_whole("lv", "律"));
        assert!(matches_whole("lvse", "绿色"));
        assert!(matches_whole("lü", "律"));
        assert!(!matches_whole("lu", "律"));
    }

    #[test]
    fn lue_and_nue_find_what_lve_and_nve_find() {
        for (typed, text) in [
            ("zhanlue", "战略"),
            ("zhanlve", "战略"),
            ("nue", "虐"),
            ("nve", "虐"),
        ] {
            assert!(matches_whole(typed, text), "{typed} should find {text}");
        }
        assert!(
            matches_whole("zhanlu", "战略"),
            "a prefix of lue, being typed"
        );
        // ü alone keeps its v: `lu` is 路, not 律.
        assert!(!matches_whole("lu", "律"));
        assert!(!matches_whole("nu", "女"));
    }

    #[test]
    fn lue_is_not_the_lv_of_lv() {
        // 效率 is xiàolǜ: `lue`, typed for 略, does not find it; `lv` and `xiaolv` do.
        assert!(!matches_whole("lue", "率"));
        assert!(!matches_whole("lve", "率"));
        assert!(matches_whole("xiaolv", "效率"));
        assert!(matches_whole("shuai", "率"));
        assert!(matches_whole("lue", "略"));
    }

    /// The classical readings of a letter's commonest characters make no match: `wss` (于
    /// wéi, 提 shí) does not light 于提升, whose initials are `yts`; a reading a reader types,
    /// however rare, still matches (提防 dīfang, 的确 díquè, 银行 yínháng).
    #[test]
    fn classical_readings_of_common_characters_make_no_match() {
        assert!(!matches_whole("wss", "于提升"));
        assert!(matches_whole("yts", "于提升"));
        assert!(matches_whole("yutisheng", "于提升"));
        assert!(!matches_whole("tdw", "能单位"), "能 tái");
        assert!(matches_whole("ndw", "能单位"));
        for (typed, text) in [("df", "提防"), ("diq", "的确"), ("yh", "银行")] {
            assert!(matches_whole(typed, text), "{typed} {text}");
        }
        for (ch, reading) in RARE_READINGS {
            assert!(
                !readings(*ch).iter().any(|r| r == reading),
                "{ch} {reading}"
            );
            assert!(!readings(*ch).is_empty(), "{ch} keeps a reading");
        }
    }

    #[test]
    fn tones_are_ignored_and_case_too() {
        assert!(matches_whole("ZhongShan", "中山"));
    }

    #[test]
    fn typed_boundaries_are_respected() {
        assert!(matches_whole("zhong shan", "中山"));
        assert!(matches_whole("zhong'shan", "中山"));
        // `xi'an` is two syllables: 西安, never 先 xian.
        assert!(matches_whole("xi'an", "西安"));
        assert!(!matches_whole("xi'an", "先"));
        assert!(matches_whole("xian", "先"));
    }

    #[test]
    fn ascii_in_the_text_is_literal() {
        assert!(matches_whole("tclkt", "TCL空调"));
        assert!(matches_whole("5gjishu", "5G技术"));
        assert!(!matches_whole("tkl", "TCL"));
    }

    #[test]
    fn non_pinyin_queries_are_not_parsed() {
        assert_eq!(PinyinQuery::parse("人工"), None);
        assert_eq!(PinyinQuery::parse("100"), None);
        assert_eq!(PinyinQuery::parse("a-b"), None);
        assert_eq!(PinyinQuery::parse(&"a".repeat(MAX_QUERY_LEN + 1)), None);
        assert!(PinyinQuery::parse(&"a".repeat(MAX_QUERY_LEN)).is_some());
        assert!(PinyinQuery::parse("ＺＨＯＮＧ").is_some());
    }

    #[test]
    fn a_long_query_over_a_long_run_is_not_exponential() {
        // 63 `a`s over a run of 啊 (a) and 阿 (a/e): every split is a path; bit sets merge them.
        let text = "啊阿".repeat(200);
        let query = "a".repeat(MAX_QUERY_LEN);
        let mut table = Readings::default();
        let keys: Vec<(u32, char)> = text
            .chars()
            .map(|ch| (table.key_of(ch, None).0, ch))
            .collect();
        let query = PinyinQuery::parse(&query).expect("a pinyin query");
        assert_eq!(table.longest_match(&query, &keys, 0), Some(MAX_QUERY_LEN));
    }

    /// A reader who has the Chinese for part of a word types it, and pinyin for the rest:
    /// each character typed matches itself alone, and the letters match as pinyin around it.
    #[test]
    fn characters_typed_as_themselves_match_themselves_amid_pinyin() {
        for (query, text) in [
            ("人工zn", "人工智能"),
            ("rg智能", "人工智能"),
            ("人gong智neng", "人工智能"),
            ("zhi能", "智能"),
            ("中山s", "中山市"),
        ] {
            assert!(matches_whole(query, text), "{query} should match {text}");
        }
        for (query, text) in [
            // The character typed must be there itself: 智 is not 制, whatever their pinyin.
            ("人工智z", "人工制造"),
            ("人gzn", "工人智能"),
            // Typed as itself, a character is not read as pinyin: 能 does not stand for n.
            ("人工zn", "人工智慧"),
        ] {
            assert!(
                !matches_whole(query, text),
                "{query} should not match {text}"
            );
        }
        // Without a letter, a query is literal; ASCII punctuation makes it literal too.
        assert_eq!(PinyinQuery::parse("人工智能"), None);
        assert_eq!(PinyinQuery::parse("5G-A网络"), None);
    }
}
