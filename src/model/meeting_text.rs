//! The German meeting-text reader: the inverse of [`Meeting::sentence_de`].
//!
//! Contact points keep meeting times as free German text ("jeden 2. und 4.
//! Mittwoch im Monat, 19–21 Uhr", "Mo 10 Uhr / Do 18 Uhr (nicht in den
//! Ferien)"). [`read_meetings`] turns one such cell into [`Meeting`]s
//! (place, address and access stay `None`: they come from other columns).
//!
//! What it decides:
//! - A regular meeting needs a day and a start time; "montags" alone is not
//!   a meeting the contract allows, so it is kept as a note.
//! - "jeden zweiten Dienstag" is biweekly; "jeden zweiten Dienstag im
//!   Monat" (what the model writes for week 2) is monthly.
//! - A biweekly meeting needs `first_date`; without one (or with one on
//!   another weekday) it is irregular, its text the note, and a
//!   [`MeetingFinding::NeedsFirstDate`] asks for the date.
//! - Notes: words that begin one ("außer", "nicht", "bitte", "im …"), text
//!   in brackets (for the meeting just before it), and any text after a
//!   complete meeting ("Do 19 Uhr Gruppe B").
//! - "unregelmäßig" (the model's word) is an irregular meeting without a
//!   note; "nach Vereinbarung", "auf Anfrage" keep their text as the note.
//! - Nothing is ever dropped: a cell with anything the reader cannot place
//!   becomes one irregular meeting whose note is the whole cell, with a
//!   [`MeetingFinding::KeptAsNote`] for the report.
//!
//! The reader works in three hand-written steps:
//! 1. `tokenize`: words (lower case, umlauts folded: "ä" → "ae"), numbers,
//!    punctuation (every dash is one dash), separators; each with its place
//!    in the text.
//! 2. `Atoms`: tokens become the pieces of a meeting text: weekdays
//!    ("Mo", "montags", "Mo–Fr"), weeks of the month ("1.", "letzten"),
//!    rhythm words ("14-tägig", "im Monat"), times ("19.30–21 Uhr"),
//!    notes ("außer in den Ferien", "(nicht im August)"), joiners ("und",
//!    ",", "/") and separators (";", line breaks).
//! 3. `Groups`: the pieces are combined into groups (one schedule and its
//!    time, shared by "montags und donnerstags 19 Uhr"), and each group
//!    gives one meeting per weekday.

use super::meeting::weekday_of;
use super::{Date, Meeting, Rhythm, Time, Weekday};

/// What was read from one cell of meeting text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadMeetings {
    /// The meetings, in the order written. Text that could not be read is
    /// NOT lost: it becomes an irregular meeting whose `note` is the whole
    /// cell text (trimmed).
    pub meetings: Vec<Meeting>,
    /// What the reader could not do cleanly, for report lines.
    pub findings: Vec<MeetingFinding>,
}

/// Something the reader could not do cleanly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingFinding {
    /// The whole text (or a part) could not be read; kept as an irregular
    /// meeting's note.
    KeptAsNote {
        /// The text kept (the whole cell, trimmed).
        text: String,
    },
    /// A biweekly meeting without a first date (or with one on another
    /// weekday): made irregular with the text as note; the caller may supply
    /// `first_date` (from a column), see [`read_meetings_with`].
    NeedsFirstDate {
        /// The text of that meeting (the whole cell if it holds one meeting).
        text: String,
    },
}

/// Cells longer than this (in bytes) are prose, not a meeting time: they
/// are kept as a note without being read (this also bounds the work).
pub const MAX_READ_LEN: usize = 1000;

/// Reads one cell of German meeting text; no first date is known, so
/// biweekly meetings become irregular (see [`MeetingFinding::NeedsFirstDate`]).
pub fn read_meetings(text: &str) -> ReadMeetings {
    read_meetings_with(text, None)
}

/// Reads one cell of German meeting text. `first_date` (a date the group
/// met, from a column) anchors biweekly meetings on its weekday; a biweekly
/// text without a weekday takes the weekday of `first_date`.
pub fn read_meetings_with(text: &str, first_date: Option<Date>) -> ReadMeetings {
    let cell = text.trim();
    if cell.is_empty() {
        return ReadMeetings::default();
    }
    if cell.len() <= MAX_READ_LEN {
        let tokens = tokenize(cell);
        let atoms = Atoms {
            src: cell,
            toks: &tokens,
        }
        .atomize(0, tokens.len());
        if let Some(groups) = Groups::combine(&atoms)
            && let Some(read) = to_meetings(cell, &groups, first_date)
        {
            return read;
        }
    }
    kept_as_note(cell)
}

/// The whole (trimmed) cell as one irregular meeting's note.
fn kept_as_note(cell: &str) -> ReadMeetings {
    ReadMeetings {
        meetings: vec![irregular(None, None, Some(cell.to_owned()))],
        findings: vec![MeetingFinding::KeptAsNote {
            text: cell.to_owned(),
        }],
    }
}

fn irregular(weekday: Option<Weekday>, time: Option<Span>, note: Option<String>) -> Meeting {
    Meeting {
        start: time.map(|t| t.0),
        end: time.and_then(|t| t.1),
        note,
        ..Meeting::new(Rhythm::Irregular, weekday)
    }
}

// ---------------------------------------------------------------- tokens

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// Lower case, umlauts folded ("wöchentlich" → "woechentlich").
    Word(String),
    /// ASCII digits: the value (saturated) and how many digits.
    Num(u32, usize),
    Dot,
    Colon,
    /// Any dash or minus sign.
    Dash,
    Comma,
    Slash,
    Plus,
    Amp,
    /// `;`
    Semicolon,
    /// Any line break.
    Newline,
    /// `(` or `[`
    Open,
    /// `)` or `]`
    Close,
    Other(char),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    /// Byte range in the cell.
    start: usize,
    end: usize,
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}'
    )
}

fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Lower case with umlauts and ß folded, so "Wöchentlich", "woechentlich"
/// and "wöchentlich" match alike.
fn fold_into(c: char, out: &mut String) {
    for l in c.to_lowercase() {
        match l {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            // A combining diaeresis (decomposed "ä"): "a" + "e".
            '\u{308}' => out.push('e'),
            l => out.push(l),
        }
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let tok = if c.is_alphabetic() {
            let mut word = String::new();
            fold_into(c, &mut word);
            while let Some(&(_, n)) = chars.peek() {
                if !(n.is_alphabetic() || n == '\u{308}') {
                    break;
                }
                fold_into(n, &mut word);
                chars.next();
            }
            Tok::Word(word)
        } else if c.is_ascii_digit() {
            let (mut value, mut digits) = (u32::from(c as u8 - b'0'), 1);
            while let Some(&(_, n)) = chars.peek() {
                if !n.is_ascii_digit() {
                    break;
                }
                value = value
                    .saturating_mul(10)
                    .saturating_add(u32::from(n as u8 - b'0'));
                digits += 1;
                chars.next();
            }
            Tok::Num(value, digits)
        } else if is_newline(c) {
            Tok::Newline
        } else if c.is_whitespace() {
            continue;
        } else if is_dash(c) {
            Tok::Dash
        } else {
            match c {
                '.' => Tok::Dot,
                ':' => Tok::Colon,
                ',' => Tok::Comma,
                '/' => Tok::Slash,
                '+' => Tok::Plus,
                '&' => Tok::Amp,
                ';' => Tok::Semicolon,
                '(' | '[' => Tok::Open,
                ')' | ']' => Tok::Close,
                c => Tok::Other(c),
            }
        };
        let end = chars.peek().map_or(text.len(), |&(i, _)| i);
        out.push(Token { tok, start, end });
    }
    out
}

// ---------------------------------------------------------------- atoms

/// How often, as a word says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Weekly,
    Biweekly,
    Monthly,
    /// "unregelmäßig", the word the model writes.
    Irregular,
}

/// A start time and an optional end time.
type Span = (Time, Option<Time>);

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// `;` or a line break: meetings on either side share nothing.
    Separator,
    /// "und", ",", "/", "+", "&"; `and` for the word-like ones.
    Joiner {
        and: bool,
    },
    /// Words that say nothing ("am", "um", "Treffen:", "abends").
    Filler,
    /// One day, or several ("Mo–Fr").
    Weekdays(Vec<Weekday>),
    /// A week of the month as written (1..=5, -1 = last).
    Ordinal(i8),
    /// "jeden", "immer", "alle".
    Every,
    Marker(Marker),
    /// "nach Vereinbarung", "auf Anfrage": irregular, the text is the note.
    IrregularPhrase,
    Time(Span),
    /// Text for a note ("außer in den Ferien", "nicht im August").
    Note(String),
    /// A note in brackets: it belongs to the meeting just before it
    /// ("Do 10 Uhr (Frauengruppe)").
    Aside(String),
    /// Text the reader does not know; a note after a complete meeting.
    Unknown(String),
}

#[derive(Debug, Clone)]
struct Atom {
    kind: Kind,
    /// Byte range in the cell.
    start: usize,
    end: usize,
}

/// Words that begin a note.
const NOTE_WORDS: &[&str] = &[
    "ausser",
    "ausserhalb",
    "ausgenommen",
    "nicht",
    "nur",
    "bitte",
    "ferien",
    "schulferien",
    "sommerferien",
    "sommerpause",
    "winterpause",
    "pause",
    "feiertags",
    "feiertage",
    "feiertagen",
    "waehrend",
    "sonst",
    "aber",
    "jedoch",
    "auch",
    "zusaetzlich",
    "ggf",
    "gegebenenfalls",
    "evtl",
    "eventuell",
    "anmeldung",
    "vorherige",
    "vorher",
    "telefonische",
    "online",
    "per",
    "mit",
    "ohne",
    "kein",
    "keine",
    "in",
    "im",
    "ab",
    "bis",
    "vor",
    "nach",
    "oder",
    "siehe",
    "hinweis",
    "achtung",
];

const FILLER_WORDS: &[&str] = &[
    // "Di (1. und 3. Woche)"
    "woche",
    "am",
    "an",
    "den",
    "der",
    "die",
    "das",
    "dem",
    "um",
    "ca",
    "jeweils",
    "einmal",
    "treffen",
    "treffzeit",
    "treffzeiten",
    "gruppentreffen",
    "termin",
    "termine",
    "zeit",
    "zeiten",
    "uhrzeit",
    "uhrzeiten",
    "abends",
    "abend",
    "nachmittags",
    "nachmittag",
    "vormittags",
    "vormittag",
    "morgens",
    "mittags",
];

fn weekday_word(w: &str) -> Option<Weekday> {
    use Weekday::*;
    let abbreviation = match w {
        "mo" => Some(Monday),
        "di" => Some(Tuesday),
        "mi" => Some(Wednesday),
        "do" => Some(Thursday),
        "fr" => Some(Friday),
        "sa" => Some(Saturday),
        "so" => Some(Sunday),
        _ => None,
    };
    if abbreviation.is_some() {
        return abbreviation;
    }
    WEEKDAY_NAMES.iter().find_map(|&(name, day)| {
        w.strip_prefix(name)
            .filter(|rest| WEEKDAY_SUFFIXES.contains(rest))
            .map(|_| day)
    })
}

/// "Mittw.", "Donnerst.": a weekday cut short (before a dot).
fn weekday_cut_short(w: &str) -> Option<Weekday> {
    let mut days = WEEKDAY_NAMES
        .iter()
        .filter(|(name, _)| w.len() >= 4 && name.starts_with(w));
    match (days.next(), days.next()) {
        (Some(&(_, day)), None) => Some(day),
        _ => None,
    }
}

const WEEKDAY_NAMES: [(&str, Weekday); 8] = {
    use Weekday::*;
    [
        ("montag", Monday),
        ("dienstag", Tuesday),
        ("mittwoch", Wednesday),
        ("donnerstag", Thursday),
        ("freitag", Friday),
        ("samstag", Saturday),
        ("sonnabend", Saturday),
        ("sonntag", Sunday),
    ]
};

/// "montags", "Montagabend" …
const WEEKDAY_SUFFIXES: [&str; 14] = [
    "",
    "s",
    "e",
    "en",
    "abend",
    "abends",
    "nachmittag",
    "nachmittags",
    "vormittag",
    "vormittags",
    "morgen",
    "morgens",
    "mittag",
    "mittags",
];

fn weekday_index(d: Weekday) -> usize {
    d as usize
}

/// "erste", "2.", "letzten" … as a week of the month.
fn ordinal_word(w: &str) -> Option<i8> {
    const STEMS: [(&str, i8); 6] = [
        ("erst", 1),
        ("zweit", 2),
        ("dritt", 3),
        ("viert", 4),
        ("fuenft", 5),
        ("letzt", -1),
    ];
    STEMS.iter().find_map(|&(stem, n)| {
        w.strip_prefix(stem)
            .filter(|rest| ["e", "en", "er", "es", "em"].contains(rest))
            .map(|_| n)
    })
}

/// Reads tokens into atoms; context-free.
struct Atoms<'a> {
    src: &'a str,
    toks: &'a [Token],
}

impl Atoms<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i).map(|t| &t.tok)
    }

    fn word(&self, i: usize) -> Option<&str> {
        match self.tok(i) {
            Some(Tok::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn is(&self, i: usize, t: &Tok) -> bool {
        self.tok(i) == Some(t)
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.tok(i) {
            Some(&Tok::Num(v, d)) => Some((v, d)),
            _ => None,
        }
    }

    /// `i` past an optional dot.
    fn dot(&self, i: usize) -> usize {
        if self.is(i, &Tok::Dot) { i + 1 } else { i }
    }

    /// The words `ws` at `i`; the index after them.
    fn words(&self, i: usize, ws: &[&str]) -> Option<usize> {
        ws.iter()
            .enumerate()
            .all(|(k, w)| self.word(i + k) == Some(*w))
            .then_some(i + ws.len())
    }

    /// Atoms of tokens `lo..hi`.
    fn atomize(&self, lo: usize, hi: usize) -> Vec<Atom> {
        let mut atoms: Vec<Atom> = Vec::new();
        // Since the last separator: an irregular meeting, whose brackets
        // hold its note ("unregelmäßig (montags)", as `export` writes a
        // cell that was kept as a note).
        let mut irregular = false;
        let mut i = lo;
        while i < hi {
            let (kind, next) = if self.is(i, &Tok::Open) {
                self.bracket(i, hi, irregular)
            } else if let Some((kind, next)) = self.structural(i, hi) {
                (kind, next)
            } else {
                let end = self.note_end(i, hi);
                let text = self.text(i, end);
                // A label ("Gruppe für Angehörige: jeden 1. Mo 18 Uhr") is a
                // note of the meeting after it.
                let label = end < hi && self.is(end, &Tok::Colon);
                let note = label || self.word(i).is_some_and(|w| NOTE_WORDS.contains(&w));
                (
                    if note {
                        Kind::Note(text)
                    } else {
                        Kind::Unknown(text)
                    },
                    end,
                )
            };
            if next == i {
                // A transparent bracket: its content is read next.
                i += 1;
                continue;
            }
            match kind {
                Kind::Marker(Marker::Irregular) | Kind::IrregularPhrase => irregular = true,
                Kind::Separator => irregular = false,
                _ => {}
            }
            atoms.push(Atom {
                kind,
                start: self.toks[i].start,
                end: self.toks[next - 1].end,
            });
            i = next;
        }
        atoms
    }

    /// A bracket at `i`: transparent when all it holds are schedule pieces
    /// ("(14-tägig)", "(1. und 3.)") and it does not follow an irregular
    /// meeting: then `i` itself is returned and the content is read as if
    /// there were no bracket; else a note of its inner text.
    fn bracket(&self, i: usize, hi: usize, irregular: bool) -> (Kind, usize) {
        let mut depth = 0usize;
        let mut close = hi;
        for j in i..hi {
            match self.tok(j) {
                Some(Tok::Open) => depth += 1,
                Some(Tok::Close) => {
                    depth -= 1;
                    if depth == 0 {
                        close = j;
                        break;
                    }
                }
                _ => {}
            }
        }
        let next = (close + 1).min(hi);
        // The inner text as written (only white space trimmed): an
        // exported note "(Raum 2 -)" comes back as it was.
        let inner_end = self.toks.get(close).map_or(self.src.len(), |t| t.start);
        let text = self.src[self.toks[i].end..inner_end].trim().to_owned();
        if text.is_empty() {
            return (Kind::Filler, next);
        }
        // Nested brackets are never schedule pieces (and reading them twice
        // would cost time).
        let nested = (i + 1..close).any(|j| self.is(j, &Tok::Open));
        if !nested
            && !irregular
            && self
                .atomize(i + 1, close)
                .iter()
                .all(|a| !matches!(a.kind, Kind::Note(_) | Kind::Aside(_) | Kind::Unknown(_)))
        {
            // The closing bracket (if any) is read as a filler.
            return (Kind::Filler, i);
        }
        (Kind::Aside(text), next)
    }

    /// The text of tokens `lo..hi`, without separators at its ends.
    fn text(&self, lo: usize, hi: usize) -> String {
        if lo >= hi {
            return String::new();
        }
        let raw = &self.src[self.toks[lo].start..self.toks[hi - 1].end];
        raw.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '/') || is_dash(c)
        })
        .to_owned()
    }

    /// Where a note starting at `i` ends: at a `;` or line break, or before
    /// a joiner or colon followed by the start of another meeting
    /// ("…, Do 18 Uhr", "Angehörige: jeden 1. Mo").
    fn note_end(&self, i: usize, hi: usize) -> usize {
        let mut depth = 0usize;
        let mut j = i;
        while j < hi {
            match self.tok(j) {
                Some(Tok::Open) => depth += 1,
                Some(Tok::Close) => depth = depth.saturating_sub(1),
                Some(Tok::Semicolon | Tok::Newline) if depth == 0 => break,
                Some(Tok::Colon) if depth == 0 && j > i && self.starts_schedule(j + 1, hi) => break,
                _ if depth == 0 && j > i => {
                    if let Some((Kind::Joiner { .. }, after)) = self.structural(j, hi)
                        && self.starts_schedule(after, hi)
                    {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        j.max(i + 1)
    }

    /// Does a schedule (weekday, week, rhythm word) start at `i`, after
    /// fillers?
    fn starts_schedule(&self, mut i: usize, hi: usize) -> bool {
        while let Some((kind, next)) = self.structural(i, hi) {
            match kind {
                Kind::Filler => i = next,
                Kind::Weekdays(_)
                | Kind::Ordinal(_)
                | Kind::Every
                | Kind::Marker(_)
                | Kind::IrregularPhrase => {
                    return true;
                }
                _ => return false,
            }
        }
        false
    }

    /// Every atom except notes, unknown text and brackets.
    fn structural(&self, i: usize, hi: usize) -> Option<(Kind, usize)> {
        let (kind, next) = self
            .separator(i)
            .or_else(|| self.joiner(i))
            .or_else(|| self.marker(i))
            .or_else(|| self.irregular_phrase(i))
            .or_else(|| self.time(i))
            .or_else(|| self.ordinal(i))
            .or_else(|| self.weekdays(i))
            .or_else(|| self.every(i))
            .or_else(|| self.filler(i))?;
        (next <= hi).then_some((kind, next))
    }

    fn separator(&self, i: usize) -> Option<(Kind, usize)> {
        matches!(self.tok(i)?, Tok::Semicolon | Tok::Newline).then_some((Kind::Separator, i + 1))
    }

    fn joiner(&self, i: usize) -> Option<(Kind, usize)> {
        match self.tok(i)? {
            Tok::Comma | Tok::Slash | Tok::Other('|') => Some((Kind::Joiner { and: false }, i + 1)),
            Tok::Plus | Tok::Amp => Some((Kind::Joiner { and: true }, i + 1)),
            Tok::Word(w) if w == "und" || w == "sowie" => Some((Kind::Joiner { and: true }, i + 1)),
            Tok::Word(w) if w == "u" => Some((Kind::Joiner { and: true }, self.dot(i + 1))),
            _ => None,
        }
    }

    fn marker(&self, i: usize) -> Option<(Kind, usize)> {
        let m = |marker, next| Some((Kind::Marker(marker), next));
        let w = self.word(i);
        // "14-tägig", "14 tägig", "14tägl.", "2-wöchentlich", "2wöchig"
        if let Some((n @ (14 | 2), _)) = self.num(i) {
            let j = if self.is(i + 1, &Tok::Dash) {
                i + 2
            } else {
                i + 1
            };
            let after = self.word(j)?;
            let fits = match n {
                14 => {
                    after.starts_with("taeg")
                        || after.starts_with("tagig")
                        || after.starts_with("taglich")
                }
                _ => {
                    after.starts_with("woechentl")
                        || after.starts_with("woechig")
                        || after.starts_with("wochentl")
                }
            };
            return if fits {
                m(Marker::Biweekly, self.dot(j + 1))
            } else {
                None
            };
        }
        let w = w?;
        if [
            "vierzehntaeg",
            "vierzehntagig",
            "zweiwoechentl",
            "zweiwoechig",
            "zweiwochentl",
        ]
        .iter()
        .any(|p| w.starts_with(p))
        {
            return m(Marker::Biweekly, self.dot(i + 1));
        }
        if w == "alle" {
            // "alle zwei Wochen", "alle 2 Wochen", "alle 14 Tage"
            let (n, j) = match (self.word(i + 1), self.num(i + 1)) {
                (Some("zwei"), _) => (2, i + 2),
                (Some("vierzehn"), _) => (14, i + 2),
                (_, Some((n, _))) => (n, i + 2),
                _ => return None,
            };
            return match (n, self.word(j)) {
                (2, Some("wochen")) | (14, Some("tage")) => m(Marker::Biweekly, j + 1),
                _ => None,
            };
        }
        if w == "in"
            && self.word(i + 1) == Some("jedem")
            && matches!(self.word(i + 2), Some("monat" | "monats"))
        {
            return m(Marker::Monthly, i + 3);
        }
        if matches!(w, "jede" | "jeder" | "jeden" | "in") {
            // "jede zweite Woche", "jede 2. Woche", "in jeder zweiten Woche", "jede Woche"
            let j = if w == "in" {
                self.words(i + 1, &["jeder"])?
            } else {
                i + 1
            };
            let (second, k) = match (self.word(j), self.num(j)) {
                (Some("zweite" | "zweiten"), _) => (true, j + 1),
                (_, Some((2, 1))) if self.is(j + 1, &Tok::Dot) => (true, j + 2),
                _ => (false, j),
            };
            return match self.word(k) {
                Some("woche") => m(
                    if second {
                        Marker::Biweekly
                    } else {
                        Marker::Weekly
                    },
                    k + 1,
                ),
                Some("monat") if !second => m(Marker::Monthly, k + 1),
                _ => None,
            };
        }
        if w.starts_with("woechentl") || w.starts_with("wochentl") {
            return m(Marker::Weekly, self.dot(i + 1));
        }
        if matches!(w, "pro" | "je") {
            return match self.word(i + 1) {
                Some("woche") => m(Marker::Weekly, i + 2),
                Some("monat") => m(Marker::Monthly, i + 2),
                _ => None,
            };
        }
        if w.starts_with("monatl") {
            return m(Marker::Monthly, self.dot(i + 1));
        }
        if matches!(w, "im" | "des" | "eines" | "jedem")
            && matches!(self.word(i + 1), Some("monat" | "monats"))
        {
            return m(Marker::Monthly, i + 2);
        }
        // "1. Mittwoch d. M." (des Monats)
        if w == "d" && self.is(i + 1, &Tok::Dot) && self.word(i + 2) == Some("m") {
            return m(Marker::Monthly, self.dot(i + 3));
        }
        // "1. Mittwoch/Monat"
        if matches!(w, "monat" | "monats") {
            return m(Marker::Monthly, i + 1);
        }
        if w.starts_with("unregelm") {
            return m(Marker::Irregular, i + 1);
        }
        None
    }

    fn irregular_phrase(&self, i: usize) -> Option<(Kind, usize)> {
        let w = self.word(i)?;
        let next = match w {
            "nach" | "auf" | "bei" => {
                let what = self.word(i + 1)?;
                let known = [
                    "vereinbarung",
                    "absprache",
                    "terminvereinbarung",
                    "terminabsprache",
                    "ruecksprache",
                    "verabredung",
                    "bedarf",
                    "anfrage",
                    "nachfrage",
                ];
                known.contains(&what).then_some(i + 2)?
            }
            // "n. V.", "n.V."
            "n" if self.is(i + 1, &Tok::Dot) && self.word(i + 2) == Some("v") => self.dot(i + 3),
            "nv" => self.dot(i + 1),
            "variabel" | "wechselnd" | "wechselnde" | "unterschiedlich" | "unterschiedliche" => {
                i + 1
            }
            _ => return None,
        };
        Some((Kind::IrregularPhrase, next))
    }

    /// A clock time at `i`: hour and optional minutes ("19", "19:30",
    /// "19.30"; not a date like "19.03.").
    fn clock(&self, i: usize) -> Option<(u32, Option<u32>, usize)> {
        let (h, digits) = self.num(i)?;
        if digits > 2 {
            return None;
        }
        let colon = self.is(i + 1, &Tok::Colon);
        // "19.30", not "den 5. 19 Uhr": minutes follow without a space.
        let tight = |k: usize| {
            self.toks
                .get(k + 1)
                .is_some_and(|n| n.start == self.toks[k].end)
        };
        if (colon || self.is(i + 1, &Tok::Dot))
            && tight(i)
            && tight(i + 1)
            && let Some((m, 2)) = self.num(i + 2)
        {
            if !colon && self.is(i + 3, &Tok::Dot) {
                return None;
            }
            return Some((h, Some(m), i + 3));
        }
        Some((h, None, i + 1))
    }

    /// "Uhr" or "h" (with an optional dot).
    fn uhr(&self, i: usize) -> Option<usize> {
        matches!(self.word(i)?, "uhr" | "h").then(|| self.dot(i + 1))
    }

    fn time(&self, i: usize) -> Option<(Kind, usize)> {
        let mut j = i;
        let mut prefix = None;
        while let Some(w @ ("von" | "um" | "ab" | "gegen" | "zwischen" | "ca")) = self.word(j) {
            prefix = Some(w);
            j = self.dot(j + 1);
        }
        let (h1, m1, mut j) = self.clock(j)?;
        let mut uhr = false;
        if let Some(k) = self.uhr(j) {
            (uhr, j) = (true, k);
        }
        let mut end = None;
        // "19-21", "19 bis 21", "zwischen 19 und 21"
        let to = (self.is(j, &Tok::Dash)
            || self.word(j) == Some("bis")
            || (prefix == Some("zwischen") && self.word(j) == Some("und")))
        .then_some(j + 1);
        if let Some(mut k) = to {
            if self.word(k) == Some("ca") {
                k = self.dot(k + 1);
            }
            if let Some((h2, m2, k)) = self.clock(k) {
                end = Some((h2, m2));
                j = k;
                if let Some(k) = self.uhr(j) {
                    (uhr, j) = (true, k);
                }
            }
        }
        if !(uhr || m1.is_some() || end.is_some() || prefix.is_some()) {
            // "montags 10 und 18 Uhr", "10, 14 und 18 Uhr": a bare hour in
            // a short list of times that ends in one with "Uhr".
            let (mut k, mut listed) = (j, false);
            for _ in 0..4 {
                let Some((h, m, next)) = self.joiner(k).and_then(|(_, after)| self.clock(after))
                else {
                    break;
                };
                if h < 24 && (m.is_some() || self.uhr(next).is_some()) {
                    listed = true;
                    break;
                }
                k = next;
            }
            if !listed {
                return None;
            }
        }
        // "7 Uhr abends", "nachmittags 3–5 Uhr": hours after noon.
        let pm =
            |w: Option<&str>| matches!(w, Some("abends" | "abend" | "nachmittags" | "nachmittag"));
        let later = i.checked_sub(1).is_some_and(|p| pm(self.word(p))) || pm(self.word(j));
        let time = |h: u32, m: Option<u32>| {
            let h = if later && (1..12).contains(&h) {
                h + 12
            } else {
                h
            };
            let (hour, minute) = (u8::try_from(h).ok()?, u8::try_from(m.unwrap_or(0)).ok()?);
            (hour < 24 && minute < 60).then_some(Time { hour, minute })
        };
        let start = time(h1, m1)?;
        let end = match end {
            Some((h, m)) => Some(time(h, m)?),
            None => None,
        };
        Some((Kind::Time((start, end)), j))
    }

    fn ordinal(&self, i: usize) -> Option<(Kind, usize)> {
        if let Some(w) = self.word(i) {
            return ordinal_word(w).map(|n| (Kind::Ordinal(n), i + 1));
        }
        let (n, digits) = self.num(i)?;
        if digits > 1 || !(1..=5).contains(&n) {
            return None;
        }
        let n = n as i8;
        if self.is(i + 1, &Tok::Dot) && self.num(i + 2).is_none() {
            return Some((Kind::Ordinal(n), i + 2));
        }
        if let Some("te" | "ten" | "ter" | "tes" | "tem" | "ste" | "sten" | "ster") =
            self.word(i + 1)
        {
            return Some((Kind::Ordinal(n), self.dot(i + 2)));
        }
        None
    }

    /// "Mo", "Di.", "montags", "Montagabend", "Mo–Fr", "Montag bis Freitag".
    fn weekdays(&self, i: usize) -> Option<(Kind, usize)> {
        let w = self.word(i)?;
        let first = weekday_word(w).or_else(|| {
            self.is(i + 1, &Tok::Dot)
                .then(|| weekday_cut_short(w))
                .flatten()
        })?;
        let j = self.dot(i + 1);
        if (self.is(j, &Tok::Dash) || self.word(j) == Some("bis"))
            && let Some(last) = self.word(j + 1).and_then(weekday_word)
        {
            let (a, b) = (weekday_index(first), weekday_index(last));
            let len = (b + 7 - a) % 7 + 1;
            let days = (0..len).map(|k| Weekday::ALL[(a + k) % 7]).collect();
            return Some((Kind::Weekdays(days), self.dot(j + 2)));
        }
        Some((Kind::Weekdays(vec![first]), j))
    }

    fn every(&self, i: usize) -> Option<(Kind, usize)> {
        matches!(
            self.word(i)?,
            "jeden" | "jede" | "jeder" | "jedes" | "jedem" | "immer" | "alle"
        )
        .then_some((Kind::Every, i + 1))
    }

    fn filler(&self, i: usize) -> Option<(Kind, usize)> {
        let fill = match self.tok(i)? {
            Tok::Word(w) => {
                FILLER_WORDS.contains(&w.as_str())
                    || w.starts_with("regelmaess")
                    || w.starts_with("regelmass")
            }
            // "1x pro Woche", "1 x im Monat"
            Tok::Num(1, 1) => self.word(i + 1) == Some("x"),
            Tok::Dot | Tok::Colon | Tok::Dash | Tok::Close => true,
            Tok::Other(c) => "!\"'*•·„“”‚‘’»«".contains(*c),
            _ => false,
        };
        let next = if self.is(i, &Tok::Num(1, 1)) {
            i + 2
        } else {
            i + 1
        };
        fill.then_some((Kind::Filler, next))
    }
}

// ---------------------------------------------------------------- groups

/// One schedule with its time: gives one meeting per weekday.
#[derive(Debug, Clone, Default)]
struct Group {
    started: bool,
    /// Byte range in the cell.
    start: usize,
    end: usize,
    weekdays: Vec<Weekday>,
    weeks: Vec<i8>,
    every: bool,
    marker: Option<Marker>,
    /// "nach Vereinbarung" and the like.
    by_arrangement: bool,
    time: Option<Span>,
    notes: Vec<String>,
}

impl Group {
    fn has_schedule(&self) -> bool {
        !self.weekdays.is_empty()
            || !self.weeks.is_empty()
            || self.every
            || self.marker.is_some()
            || self.by_arrangement
    }

    /// Has a day and a time: what follows belongs to another meeting (or
    /// is a note). "jeden" or "14-tägig" alone is not a day yet
    /// ("19 Uhr, jeden Mittwoch").
    fn complete(&self) -> bool {
        self.time.is_some() && (!self.weekdays.is_empty() || self.irregular())
    }

    fn irregular(&self) -> bool {
        self.by_arrangement || self.marker == Some(Marker::Irregular)
    }

    fn take(&mut self, atom: &Atom) {
        if !self.started {
            (self.started, self.start) = (true, atom.start);
        }
        self.end = self.end.max(atom.end);
    }
}

/// Combines atoms into groups.
struct Groups {
    done: Vec<Group>,
    cur: Group,
    /// Index in `done` of the first group after the last separator.
    boundary: usize,
    /// The joiner just read, if any (`true` for "und"-like ones).
    joined: Option<bool>,
    /// Was the last schedule piece a week ("1." in "1./3.")?
    after_ordinal: bool,
    /// A note read before any group it could belong to.
    pending_note: Option<(String, usize)>,
}

impl Groups {
    fn combine(atoms: &[Atom]) -> Option<Vec<Group>> {
        let mut g = Groups {
            done: Vec::new(),
            cur: Group::default(),
            boundary: 0,
            joined: None,
            after_ordinal: false,
            pending_note: None,
        };
        for (k, atom) in atoms.iter().enumerate() {
            g.step(atom, &atoms[k + 1..])?;
        }
        g.close();
        g.settle_pending_note();
        // A note with no meeting at all: the cell is kept whole.
        g.pending_note.is_none().then_some(g.done)
    }

    /// A note on a line of its own ("Mo 10 Uhr; Sommerpause im Juli")
    /// belongs to the meetings before it that have none (or else to the
    /// last one): never dropped.
    fn settle_pending_note(&mut self) {
        let Some(last) = self.done.len().checked_sub(1) else {
            return;
        };
        let Some((note, _)) = self.pending_note.take() else {
            return;
        };
        let mut placed = false;
        for g in self.done.iter_mut().filter(|g| g.notes.is_empty()) {
            g.notes.push(note.clone());
            placed = true;
        }
        if !placed {
            self.done[last].notes.push(note);
        }
    }

    fn close(&mut self) {
        if self.cur.started {
            self.done.push(std::mem::take(&mut self.cur));
        }
    }

    /// Ends the current group; the next piece starts a new one.
    fn next_group(&mut self) {
        self.close();
        self.after_ordinal = false;
    }

    fn start(&mut self, atom: &Atom) {
        let fresh = !self.cur.started;
        self.cur.take(atom);
        if fresh && let Some((note, start)) = self.pending_note.take() {
            self.cur.notes.push(note);
            self.cur.start = start;
        }
    }

    /// Does a weekday, week or "jeden" follow (after fillers)?
    fn schedule_follows(rest: &[Atom]) -> bool {
        rest.iter()
            .find(|a| a.kind != Kind::Filler)
            .is_some_and(|a| matches!(a.kind, Kind::Weekdays(_) | Kind::Ordinal(_) | Kind::Every))
    }

    fn step(&mut self, atom: &Atom, rest: &[Atom]) -> Option<()> {
        let joined = self.joined.take();
        if let Kind::Note(text) | Kind::Aside(text) | Kind::Unknown(text) = &atom.kind
            && text.is_empty()
        {
            return Some(());
        }
        match &atom.kind {
            Kind::Separator => {
                self.next_group();
                self.boundary = self.done.len();
                self.settle_pending_note();
            }
            Kind::Joiner { and } => {
                self.joined = Some(*and);
                return Some(());
            }
            Kind::Filler => {
                if self.cur.started {
                    self.cur.take(atom);
                }
                self.joined = joined;
                return Some(());
            }
            Kind::Weekdays(days) => {
                if self.cur.complete() || self.cur.by_arrangement {
                    self.next_group();
                }
                self.start(atom);
                for &day in days {
                    if !self.cur.weekdays.contains(&day) {
                        self.cur.weekdays.push(day);
                    }
                }
                self.after_ordinal = false;
                return Some(());
            }
            Kind::Ordinal(n) => {
                let extend = !self.cur.complete()
                    && !self.cur.by_arrangement
                    && (self.after_ordinal
                        || self.cur.weekdays.is_empty()
                        || (self.cur.weeks.is_empty() && joined != Some(true)));
                if !extend {
                    self.next_group();
                }
                self.start(atom);
                self.cur.weeks.push(*n);
                self.after_ordinal = true;
                return Some(());
            }
            Kind::Every => {
                if self.cur.complete() || self.cur.by_arrangement || !self.cur.weekdays.is_empty() {
                    self.next_group();
                }
                self.start(atom);
                self.cur.every = true;
            }
            Kind::Marker(m) => {
                let own =
                    !self.cur.weekdays.is_empty() && (self.cur.complete() || joined.is_some());
                if (own && Self::schedule_follows(rest)) || self.cur.by_arrangement {
                    self.next_group();
                }
                match self.cur.marker {
                    Some(old) if old != *m => return None,
                    _ => self.cur.marker = Some(*m),
                }
                self.start(atom);
            }
            Kind::IrregularPhrase => {
                if self.cur.started && (joined.is_some() || self.cur.complete()) {
                    self.next_group();
                }
                self.start(atom);
                self.cur.by_arrangement = true;
            }
            Kind::Time(span) => {
                if self.cur.time.is_some() {
                    if !self.cur.has_schedule() {
                        return None;
                    }
                    // "montags 10 Uhr und 18 Uhr": the same day again (but
                    // "Mo 10 Uhr, 18 Uhr Do" names its own).
                    let again =
                        joined.is_some() && self.cur.complete() && !Self::schedule_follows(rest);
                    let before = std::mem::take(&mut self.cur);
                    self.done.push(before.clone());
                    self.after_ordinal = false;
                    if again {
                        self.cur = Group {
                            weekdays: before.weekdays,
                            weeks: before.weeks,
                            every: before.every,
                            marker: before.marker,
                            by_arrangement: before.by_arrangement,
                            ..Group::default()
                        };
                    }
                }
                self.start(atom);
                self.cur.time = Some(*span);
                // "montags und jeden Donnerstag 19 Uhr": earlier groups
                // without a time share this one.
                for g in self.done[self.boundary..].iter_mut().rev() {
                    if g.time.is_some() || g.irregular() {
                        break;
                    }
                    g.time = Some(*span);
                }
            }
            Kind::Note(text) | Kind::Aside(text) => {
                if !self.cur.started {
                    match &mut self.pending_note {
                        Some((note, _)) => *note = format!("{note}; {text}"),
                        None => self.pending_note = Some((text.clone(), atom.start)),
                    }
                } else {
                    self.cur.take(atom);
                    self.cur.notes.push(text.clone());
                    // A note at the end applies to the meetings before it
                    // that have none ("Mo 10 Uhr, Do 18 Uhr, außer in den
                    // Ferien"); one in brackets only to its own.
                    let earlier = if matches!(atom.kind, Kind::Aside(_)) {
                        &mut [][..]
                    } else {
                        &mut self.done[self.boundary..]
                    };
                    for g in earlier {
                        if g.notes.is_empty() {
                            g.notes.push(text.clone());
                        }
                    }
                }
            }
            Kind::Unknown(text) => {
                if !(self.cur.time.is_some() && self.cur.has_schedule() || self.cur.irregular()) {
                    return None;
                }
                // Unknown text with a time of its own ("Mo 19 Uhr und
                // täglich 10 Uhr") may be a meeting the reader missed: the
                // cell is kept whole rather than read halfway.
                if tokenize(text)
                    .iter()
                    .any(|t| t.tok == Tok::Word("uhr".to_owned()))
                {
                    return None;
                }
                self.cur.take(atom);
                self.cur.notes.push(text.clone());
            }
        }
        self.after_ordinal = false;
        Some(())
    }
}

// ---------------------------------------------------------------- meetings

fn to_meetings(cell: &str, groups: &[Group], first_date: Option<Date>) -> Option<ReadMeetings> {
    if groups.is_empty() {
        return None;
    }
    let mut read = ReadMeetings::default();
    for g in groups {
        let text = if groups.len() == 1 {
            cell.to_owned()
        } else {
            cell[g.start..g.end].trim().to_owned()
        };
        group_meetings(g, &text, first_date, &mut read)?;
    }
    Some(read)
}

fn group_meetings(
    g: &Group,
    text: &str,
    first_date: Option<Date>,
    read: &mut ReadMeetings,
) -> Option<()> {
    let notes = (!g.notes.is_empty()).then(|| g.notes.join("; "));
    if g.irregular() {
        // "unregelmäßig[, 19:00 Uhr]" is what the model writes: nothing to
        // keep beyond it. Anything more ("dienstags nach Vereinbarung") is
        // kept as the note.
        let plain = !g.by_arrangement && g.weekdays.is_empty() && g.weeks.is_empty() && !g.every;
        let weekday = match g.weekdays.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        read.meetings.push(irregular(
            weekday,
            g.time,
            if plain { notes } else { Some(text.to_owned()) },
        ));
        return Some(());
    }
    if g.weeks.iter().any(|w| !matches!(w, 1..=4 | -1)) {
        return None;
    }
    let rhythm = match (g.weeks.as_slice(), g.marker) {
        ([], Some(Marker::Monthly)) => return None,
        ([], Some(Marker::Biweekly)) => Rhythm::Biweekly,
        ([], _) => Rhythm::Weekly,
        (_, Some(Marker::Monthly)) => Rhythm::Monthly,
        // "jeden zweiten Dienstag" (without "im Monat") is biweekly.
        ([2], Some(Marker::Biweekly)) => Rhythm::Biweekly,
        ([2], None) if g.every => Rhythm::Biweekly,
        (_, None) => Rhythm::Monthly,
        _ => return None,
    };
    if rhythm == Rhythm::Biweekly {
        return biweekly(g, text, first_date, notes, read);
    }
    let time = g.time?;
    if g.weekdays.is_empty() {
        return None;
    }
    let mut weeks = Vec::new();
    if rhythm == Rhythm::Monthly {
        weeks.clone_from(&g.weeks);
        weeks.sort_by_key(|&w| if w == -1 { 5 } else { w });
        weeks.dedup();
    }
    for &weekday in &g.weekdays {
        read.meetings.push(Meeting {
            weeks: weeks.clone(),
            start: Some(time.0),
            end: time.1,
            note: notes.clone(),
            ..Meeting::new(rhythm, Some(weekday))
        });
    }
    Some(())
}

/// A biweekly group: the series needs a date the group met on its weekday
/// (`first_date`, whose weekday also stands in for a missing one). Without
/// it, each meeting is irregular with the text as its note, and the report
/// asks for the date (contract section 10), even when the text has no time.
fn biweekly(
    g: &Group,
    text: &str,
    first_date: Option<Date>,
    notes: Option<String>,
    read: &mut ReadMeetings,
) -> Option<()> {
    let weekdays: Vec<Weekday> = if g.weekdays.is_empty() {
        first_date.map(weekday_of).into_iter().collect()
    } else {
        g.weekdays.clone()
    };
    let ask = |read: &mut ReadMeetings| {
        read.findings.push(MeetingFinding::NeedsFirstDate {
            text: text.to_owned(),
        });
    };
    let Some(first_date) = first_date else {
        if weekdays.is_empty() {
            read.meetings
                .push(irregular(None, g.time, Some(text.to_owned())));
        }
        for &weekday in &weekdays {
            read.meetings
                .push(irregular(Some(weekday), g.time, Some(text.to_owned())));
        }
        ask(read);
        return Some(());
    };
    let time = g.time?;
    let mut asked = false;
    for weekday in weekdays {
        if weekday_of(first_date) == weekday {
            read.meetings.push(Meeting {
                first_date: Some(first_date),
                start: Some(time.0),
                end: time.1,
                note: notes.clone(),
                ..Meeting::new(Rhythm::Biweekly, Some(weekday))
            });
        } else {
            read.meetings
                .push(irregular(Some(weekday), Some(time), Some(text.to_owned())));
            if !asked {
                ask(read);
                asked = true;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One meeting in a few words: its sentence, the weekday of an
    /// irregular one in parentheses, the note in brackets, the first date in
    /// braces.
    fn describe(m: &Meeting) -> String {
        let mut s = m.sentence_de();
        if let (Rhythm::Irregular, Some(d)) = (m.rhythm, m.weekday) {
            s.push_str(&format!(" ({})", super::super::meeting::weekday_de(d)));
        }
        if let Some(note) = &m.note {
            s.push_str(&format!(" [{note}]"));
        }
        if let Some(d) = m.first_date {
            s.push_str(&format!(" {{{d}}}"));
        }
        s
    }

    /// All meetings joined by " | ", then "KEPT" or "DATE" per finding.
    fn summary(read: &ReadMeetings) -> String {
        let mut parts: Vec<String> = read.meetings.iter().map(describe).collect();
        for f in &read.findings {
            parts.push(match f {
                MeetingFinding::KeptAsNote { .. } => "KEPT".to_owned(),
                MeetingFinding::NeedsFirstDate { .. } => "DATE".to_owned(),
            });
        }
        parts.join(" | ")
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// (cell text, first date from a column, expected summary)
    const CASES: &[(&str, Option<&str>, &str)] = &[
        // Weekly.
        ("montags 19 Uhr", None, "jeden Montag, 19:00 Uhr"),
        ("jeden Montag 19.30 Uhr", None, "jeden Montag, 19:30 Uhr"),
        (
            "wöchentlich dienstags 18-20 Uhr",
            None,
            "jeden Dienstag, 18:00–20:00 Uhr",
        ),
        ("Mo 10:00–12:00", None, "jeden Montag, 10:00–12:00 Uhr"),
        ("Di. 19 Uhr", None, "jeden Dienstag, 19:00 Uhr"),
        (
            "mittwochs von 18 bis 20 Uhr",
            None,
            "jeden Mittwoch, 18:00–20:00 Uhr",
        ),
        (
            "immer donnerstags ab 18 Uhr",
            None,
            "jeden Donnerstag, 18:00 Uhr",
        ),
        (
            "Freitag, 19.00-21.00",
            None,
            "jeden Freitag, 19:00–21:00 Uhr",
        ),
        (
            "samstags 10 - 12 Uhr",
            None,
            "jeden Samstag, 10:00–12:00 Uhr",
        ),
        ("Sonntag 15:00 Uhr", None, "jeden Sonntag, 15:00 Uhr"),
        ("  MONTAGS   19   UHR  ", None, "jeden Montag, 19:00 Uhr"),
        (
            "jeden Dienstag, 18:00 - 20:00 Uhr.",
            None,
            "jeden Dienstag, 18:00–20:00 Uhr",
        ),
        ("Mittwochabend 19:30 Uhr", None, "jeden Mittwoch, 19:30 Uhr"),
        ("Do 19h", None, "jeden Donnerstag, 19:00 Uhr"),
        (
            "jeden Donnerstag um 19 Uhr",
            None,
            "jeden Donnerstag, 19:00 Uhr",
        ),
        (
            "einmal pro Woche, freitags 17 Uhr",
            None,
            "jeden Freitag, 17:00 Uhr",
        ),
        (
            "1x wöchentlich montags 19 Uhr",
            None,
            "jeden Montag, 19:00 Uhr",
        ),
        (
            "Montag 19:00 bis 21:00 Uhr",
            None,
            "jeden Montag, 19:00–21:00 Uhr",
        ),
        ("montags, 19–21 Uhr", None, "jeden Montag, 19:00–21:00 Uhr"),
        (
            "Montag 19 Uhr bis 21 Uhr",
            None,
            "jeden Montag, 19:00–21:00 Uhr",
        ),
        (
            "zwischen 18 und 20 Uhr am Dienstag",
            None,
            "jeden Dienstag, 18:00–20:00 Uhr",
        ),
        ("19 Uhr, jeden Mittwoch", None, "jeden Mittwoch, 19:00 Uhr"),
        (
            "Treffen: dienstags, 9:30 Uhr",
            None,
            "jeden Dienstag, 09:30 Uhr",
        ),
        ("woechentlich Mi 17 Uhr!", None, "jeden Mittwoch, 17:00 Uhr"),
        // Biweekly.
        (
            "14-tägig dienstags 19 Uhr",
            None,
            "unregelmäßig, 19:00 Uhr (Dienstag) [14-tägig dienstags 19 Uhr] | DATE",
        ),
        (
            "14-tägig dienstags 19 Uhr",
            Some("2026-09-15"),
            "jeden zweiten Dienstag, 19:00 Uhr {2026-09-15}",
        ),
        (
            "alle zwei Wochen donnerstags 18 Uhr",
            Some("2026-09-17"),
            "jeden zweiten Donnerstag, 18:00 Uhr {2026-09-17}",
        ),
        (
            "jeden zweiten Dienstag 19 Uhr",
            Some("2026-09-15"),
            "jeden zweiten Dienstag, 19:00 Uhr {2026-09-15}",
        ),
        (
            "vierzehntägig mittwochs 10 Uhr",
            Some("2026-09-16"),
            "jeden zweiten Mittwoch, 10:00 Uhr {2026-09-16}",
        ),
        (
            "alle 14 Tage, Fr 17 Uhr",
            Some("2026-09-18"),
            "jeden zweiten Freitag, 17:00 Uhr {2026-09-18}",
        ),
        (
            "14-tägig, 19 Uhr",
            Some("2026-09-18"),
            "jeden zweiten Freitag, 19:00 Uhr {2026-09-18}",
        ),
        (
            "14-tägig, 19 Uhr",
            None,
            "unregelmäßig, 19:00 Uhr [14-tägig, 19 Uhr] | DATE",
        ),
        (
            "Di 19 Uhr (14-tägig)",
            Some("2026-09-15"),
            "jeden zweiten Dienstag, 19:00 Uhr {2026-09-15}",
        ),
        (
            "jede zweite Woche montags 18:30 Uhr",
            Some("2026-09-14"),
            "jeden zweiten Montag, 18:30 Uhr {2026-09-14}",
        ),
        (
            "14-tägig dienstags 19 Uhr",
            Some("2026-09-16"),
            "unregelmäßig, 19:00 Uhr (Dienstag) [14-tägig dienstags 19 Uhr] | DATE",
        ),
        (
            "14tägig Do 19 Uhr",
            None,
            "unregelmäßig, 19:00 Uhr (Donnerstag) [14tägig Do 19 Uhr] | DATE",
        ),
        (
            "2-wöchentlich, montags 19 Uhr",
            Some("2026-09-14"),
            "jeden zweiten Montag, 19:00 Uhr {2026-09-14}",
        ),
        (
            "alle 2 Wochen Mi. 16-18 Uhr",
            Some("2026-09-16"),
            "jeden zweiten Mittwoch, 16:00–18:00 Uhr {2026-09-16}",
        ),
        // Monthly.
        (
            "jeden 1. und 3. Donnerstag im Monat 19 Uhr",
            None,
            "jeden 1. und 3. Donnerstag im Monat, 19:00 Uhr",
        ),
        (
            "letzter Freitag im Monat, 18 Uhr",
            None,
            "jeden letzten Freitag im Monat, 18:00 Uhr",
        ),
        (
            "monatlich am letzten Freitag 19:30 Uhr",
            None,
            "jeden letzten Freitag im Monat, 19:30 Uhr",
        ),
        (
            "1./3. Do. 19-21 Uhr",
            None,
            "jeden 1. und 3. Donnerstag im Monat, 19:00–21:00 Uhr",
        ),
        (
            "1. + 3. Donnerstag, 19 Uhr",
            None,
            "jeden 1. und 3. Donnerstag im Monat, 19:00 Uhr",
        ),
        (
            "jeden 2. und 4. Mittwoch, 15-17 Uhr",
            None,
            "jeden 2. und 4. Mittwoch im Monat, 15:00–17:00 Uhr",
        ),
        (
            "am ersten Montag im Monat um 18 Uhr",
            None,
            "jeden 1. Montag im Monat, 18:00 Uhr",
        ),
        (
            "jeden letzten Mittwoch 19 Uhr",
            None,
            "jeden letzten Mittwoch im Monat, 19:00 Uhr",
        ),
        (
            "jeden 2. Dienstag im Monat 19 Uhr",
            None,
            "jeden 2. Dienstag im Monat, 19:00 Uhr",
        ),
        (
            "jeden zweiten Dienstag im Monat, 19 Uhr",
            None,
            "jeden 2. Dienstag im Monat, 19:00 Uhr",
        ),
        (
            "1. Montag im Monat 10 Uhr",
            None,
            "jeden 1. Montag im Monat, 10:00 Uhr",
        ),
        (
            "jeden 1., 3. und letzten Montag im Monat, 19:00–21:00 Uhr",
            None,
            "jeden 1., 3. und letzten Montag im Monat, 19:00–21:00 Uhr",
        ),
        (
            "Do (1. und 3. im Monat) 19 Uhr",
            None,
            "jeden 1. und 3. Donnerstag im Monat, 19:00 Uhr",
        ),
        (
            "erster und dritter Mittwoch, 18.30 Uhr",
            None,
            "jeden 1. und 3. Mittwoch im Monat, 18:30 Uhr",
        ),
        (
            "jeden 4. Samstag 14 Uhr",
            None,
            "jeden 4. Samstag im Monat, 14:00 Uhr",
        ),
        (
            "2. und letzter Donnerstag im Monat 19 Uhr",
            None,
            "jeden 2. und letzten Donnerstag im Monat, 19:00 Uhr",
        ),
        (
            "3. Mi des Monats 18 Uhr",
            None,
            "jeden 3. Mittwoch im Monat, 18:00 Uhr",
        ),
        (
            "1.Montag im Monat, 19.00 Uhr",
            None,
            "jeden 1. Montag im Monat, 19:00 Uhr",
        ),
        // Times.
        (
            "Mo 18:00 - 20:00 Uhr",
            None,
            "jeden Montag, 18:00–20:00 Uhr",
        ),
        ("Mo 18 – 20 Uhr", None, "jeden Montag, 18:00–20:00 Uhr"),
        ("Mo 18—20 Uhr", None, "jeden Montag, 18:00–20:00 Uhr"),
        (
            "Mo 18.00 Uhr - 20.00 Uhr",
            None,
            "jeden Montag, 18:00–20:00 Uhr",
        ),
        ("Mo ab 18.30 Uhr", None, "jeden Montag, 18:30 Uhr"),
        ("Mo 9.15 bis 10.45", None, "jeden Montag, 09:15–10:45 Uhr"),
        (
            "montags 10 und 18 Uhr",
            None,
            "jeden Montag, 10:00 Uhr | jeden Montag, 18:00 Uhr",
        ),
        (
            "Sa 10, 14 und 16.30 Uhr",
            None,
            "jeden Samstag, 10:00 Uhr | jeden Samstag, 14:00 Uhr | jeden Samstag, 16:30 Uhr",
        ),
        // Several meetings in one cell.
        (
            "montags 10 Uhr und donnerstags 18 Uhr",
            None,
            "jeden Montag, 10:00 Uhr | jeden Donnerstag, 18:00 Uhr",
        ),
        (
            "Mo 10 Uhr; Do 18 Uhr",
            None,
            "jeden Montag, 10:00 Uhr | jeden Donnerstag, 18:00 Uhr",
        ),
        (
            "Mo 10 Uhr / Do 18 Uhr",
            None,
            "jeden Montag, 10:00 Uhr | jeden Donnerstag, 18:00 Uhr",
        ),
        (
            "Mo 10 Uhr\r\nDo 18 Uhr",
            None,
            "jeden Montag, 10:00 Uhr | jeden Donnerstag, 18:00 Uhr",
        ),
        (
            "montags und donnerstags 19 Uhr",
            None,
            "jeden Montag, 19:00 Uhr | jeden Donnerstag, 19:00 Uhr",
        ),
        (
            "Mo/Do 19 Uhr",
            None,
            "jeden Montag, 19:00 Uhr | jeden Donnerstag, 19:00 Uhr",
        ),
        (
            "jeden 1. Montag 18 Uhr, jeden 3. Donnerstag 19 Uhr",
            None,
            "jeden 1. Montag im Monat, 18:00 Uhr | jeden 3. Donnerstag im Monat, 19:00 Uhr",
        ),
        (
            "Mo-Fr 9-12 Uhr",
            None,
            "jeden Montag, 09:00–12:00 Uhr | jeden Dienstag, 09:00–12:00 Uhr | jeden Mittwoch, 09:00–12:00 Uhr \
             | jeden Donnerstag, 09:00–12:00 Uhr | jeden Freitag, 09:00–12:00 Uhr",
        ),
        (
            "jeden Montag, 19:00 Uhr; jeden 2. Mittwoch im Monat, 15:00–17:00 Uhr",
            None,
            "jeden Montag, 19:00 Uhr | jeden 2. Mittwoch im Monat, 15:00–17:00 Uhr",
        ),
        (
            "Di 19 Uhr, 14-tägig Do 18 Uhr",
            Some("2026-09-17"),
            "jeden Dienstag, 19:00 Uhr | jeden zweiten Donnerstag, 18:00 Uhr {2026-09-17}",
        ),
        (
            "Di 19 Uhr, 14-tägig Do 18 Uhr",
            None,
            "jeden Dienstag, 19:00 Uhr | unregelmäßig, 18:00 Uhr (Donnerstag) [14-tägig Do 18 Uhr] | DATE",
        ),
        // Notes.
        (
            "montags 19 Uhr, außer in den Ferien",
            None,
            "jeden Montag, 19:00 Uhr [außer in den Ferien]",
        ),
        (
            "jeden Dienstag 19 Uhr (nicht in den Schulferien)",
            None,
            "jeden Dienstag, 19:00 Uhr [nicht in den Schulferien]",
        ),
        (
            "mittwochs 18 Uhr, nicht im August",
            None,
            "jeden Mittwoch, 18:00 Uhr [nicht im August]",
        ),
        (
            "Do 19 Uhr im Gemeindehaus",
            None,
            "jeden Donnerstag, 19:00 Uhr [im Gemeindehaus]",
        ),
        (
            "Mo 10 Uhr (nicht im August), Do 18 Uhr",
            None,
            "jeden Montag, 10:00 Uhr [nicht im August] | jeden Donnerstag, 18:00 Uhr",
        ),
        (
            "jeden 2. Mittwoch im Monat 19 Uhr; Sommerpause im Juli",
            None,
            "jeden 2. Mittwoch im Monat, 19:00 Uhr [Sommerpause im Juli]",
        ),
        (
            "(nicht in den Ferien) montags 19 Uhr",
            None,
            "jeden Montag, 19:00 Uhr [nicht in den Ferien]",
        ),
        (
            "montags 19 Uhr, Anmeldung erbeten",
            None,
            "jeden Montag, 19:00 Uhr [Anmeldung erbeten]",
        ),
        (
            "Mo 19 Uhr Gruppe A, Do 18 Uhr Gruppe B",
            None,
            "jeden Montag, 19:00 Uhr [Gruppe A] | jeden Donnerstag, 18:00 Uhr [Gruppe B]",
        ),
        // Irregular.
        (
            "nach Vereinbarung",
            None,
            "unregelmäßig [nach Vereinbarung]",
        ),
        ("unregelmäßig", None, "unregelmäßig"),
        ("Unregelmässig", None, "unregelmäßig"),
        ("auf Anfrage", None, "unregelmäßig [auf Anfrage]"),
        (
            "Termine nach Absprache",
            None,
            "unregelmäßig [Termine nach Absprache]",
        ),
        ("unregelmäßig, 19:00 Uhr", None, "unregelmäßig, 19:00 Uhr"),
        (
            "dienstags nach Vereinbarung",
            None,
            "unregelmäßig (Dienstag) [dienstags nach Vereinbarung]",
        ),
        (
            "montags 19 Uhr und nach Vereinbarung",
            None,
            "jeden Montag, 19:00 Uhr | unregelmäßig [nach Vereinbarung]",
        ),
        ("n. V.", None, "unregelmäßig [n. V.]"),
        // Kept whole as a note.
        ("montags", None, "unregelmäßig [montags] | KEPT"),
        (
            "immer donnerstags",
            None,
            "unregelmäßig [immer donnerstags] | KEPT",
        ),
        ("19 Uhr", None, "unregelmäßig [19 Uhr] | KEPT"),
        (
            "einmal im Monat",
            None,
            "unregelmäßig [einmal im Monat] | KEPT",
        ),
        (
            "täglich 10 Uhr",
            None,
            "unregelmäßig [täglich 10 Uhr] | KEPT",
        ),
        (
            "jeden 5. Montag 19 Uhr",
            None,
            "unregelmäßig [jeden 5. Montag 19 Uhr] | KEPT",
        ),
        (
            "siehe Homepage",
            None,
            "unregelmäßig [siehe Homepage] | KEPT",
        ),
        (
            "monatlich dienstags 19 Uhr",
            None,
            "unregelmäßig [monatlich dienstags 19 Uhr] | KEPT",
        ),
        (
            "2x im Monat dienstags 19 Uhr",
            None,
            "unregelmäßig [2x im Monat dienstags 19 Uhr] | KEPT",
        ),
        ("Mo 25 Uhr", None, "unregelmäßig [Mo 25 Uhr] | KEPT"),
        (
            "nach den Sommerferien wieder montags",
            None,
            "unregelmäßig [nach den Sommerferien wieder montags] | KEPT",
        ),
        (
            "montags 10 Uhr und donnerstags",
            None,
            "unregelmäßig [montags 10 Uhr und donnerstags] | KEPT",
        ),
        (
            "jeden vorletzten Freitag 19 Uhr",
            None,
            "unregelmäßig [jeden vorletzten Freitag 19 Uhr] | KEPT",
        ),
        (
            "am 19.03.2026 um 18 Uhr",
            None,
            "unregelmäßig [am 19.03.2026 um 18 Uhr] | KEPT",
        ),
        ("  -  ", None, "unregelmäßig [-] | KEPT"),
        // Found in lists as contact points keep them.
        (
            "Jeden 1. Dienstag im Monat von 19:00 bis 21:00 Uhr",
            None,
            "jeden 1. Dienstag im Monat, 19:00–21:00 Uhr",
        ),
        (
            "1. Mittwoch / Monat, 19 Uhr",
            None,
            "jeden 1. Mittwoch im Monat, 19:00 Uhr",
        ),
        (
            "letzten Donnerstag des Monats um 19 Uhr",
            None,
            "jeden letzten Donnerstag im Monat, 19:00 Uhr",
        ),
        (
            "in jedem Monat am 1. Montag 19 Uhr",
            None,
            "jeden 1. Montag im Monat, 19:00 Uhr",
        ),
        (
            "jeweils am ersten Montag eines Monats, 19.30 Uhr",
            None,
            "jeden 1. Montag im Monat, 19:30 Uhr",
        ),
        (
            "einmal monatlich, 1. Donnerstag, 19:30 Uhr",
            None,
            "jeden 1. Donnerstag im Monat, 19:30 Uhr",
        ),
        (
            "monatlich, jeweils am 3. Dienstag, 18 Uhr",
            None,
            "jeden 3. Dienstag im Monat, 18:00 Uhr",
        ),
        (
            "letzter Do. im Monat 19:30",
            None,
            "jeden letzten Donnerstag im Monat, 19:30 Uhr",
        ),
        (
            "jeden zweiten und vierten Dienstag, 18 Uhr",
            None,
            "jeden 2. und 4. Dienstag im Monat, 18:00 Uhr",
        ),
        (
            "Di (1. und 3. Woche) 19 Uhr",
            None,
            "jeden 1. und 3. Dienstag im Monat, 19:00 Uhr",
        ),
        (
            "am 2. und 4. Montag des Monats von 17:00 - 19:00 Uhr",
            None,
            "jeden 2. und 4. Montag im Monat, 17:00–19:00 Uhr",
        ),
        (
            "dienstags 19 Uhr, 14tägig",
            Some("2026-09-15"),
            "jeden zweiten Dienstag, 19:00 Uhr {2026-09-15}",
        ),
        (
            "Donnerstag (14-täglich) 19:30",
            Some("2026-09-17"),
            "jeden zweiten Donnerstag, 19:30 Uhr {2026-09-17}",
        ),
        (
            "Dienstag 19 Uhr (alle 14 Tage)",
            Some("2026-09-15"),
            "jeden zweiten Dienstag, 19:00 Uhr {2026-09-15}",
        ),
        (
            "Montag 19:00-21:00 Uhr, 14-tägig",
            None,
            "unregelmäßig, 19:00–21:00 Uhr (Montag) [Montag 19:00-21:00 Uhr, 14-tägig] | DATE",
        ),
        ("Mittw. 19 Uhr", None, "jeden Mittwoch, 19:00 Uhr"),
        ("Treffzeit: Mi 19:00 Uhr", None, "jeden Mittwoch, 19:00 Uhr"),
        (
            "Do, 19:00 - ca. 21:00 Uhr",
            None,
            "jeden Donnerstag, 19:00–21:00 Uhr",
        ),
        (
            "jeden Montag ab 19.30 Uhr bis ca. 21.30 Uhr",
            None,
            "jeden Montag, 19:30–21:30 Uhr",
        ),
        (
            "jede Woche Dienstag 19:00",
            None,
            "jeden Dienstag, 19:00 Uhr",
        ),
        (
            "Mo, Mi, Fr 10-11 Uhr",
            None,
            "jeden Montag, 10:00–11:00 Uhr | jeden Mittwoch, 10:00–11:00 Uhr | jeden Freitag, 10:00–11:00 Uhr",
        ),
        (
            "Mo u. Mi 18 Uhr",
            None,
            "jeden Montag, 18:00 Uhr | jeden Mittwoch, 18:00 Uhr",
        ),
        (
            "Di. und Do. jeweils 9.30 Uhr",
            None,
            "jeden Dienstag, 09:30 Uhr | jeden Donnerstag, 09:30 Uhr",
        ),
        (
            "Montags 10.00 - 11.30 Uhr und 18.00 - 19.30 Uhr",
            None,
            "jeden Montag, 10:00–11:30 Uhr | jeden Montag, 18:00–19:30 Uhr",
        ),
        (
            "jeden 1. Montag und jeden 3. Donnerstag im Monat 19 Uhr",
            None,
            "jeden 1. Montag im Monat, 19:00 Uhr | jeden 3. Donnerstag im Monat, 19:00 Uhr",
        ),
        (
            "erster Montag im Monat 19.30 Uhr; dritter Montag im Monat 10 Uhr",
            None,
            "jeden 1. Montag im Monat, 19:30 Uhr | jeden 3. Montag im Monat, 10:00 Uhr",
        ),
        (
            "mittwochs 18 Uhr (außer Ferien)",
            None,
            "jeden Mittwoch, 18:00 Uhr [außer Ferien]",
        ),
        (
            "montags 19 Uhr - außer an Feiertagen",
            None,
            "jeden Montag, 19:00 Uhr [außer an Feiertagen]",
        ),
        (
            "Mo. 19-21 Uhr, Ort: Gemeindehaus",
            None,
            "jeden Montag, 19:00–21:00 Uhr [Ort: Gemeindehaus]",
        ),
        (
            "Mittwochs um 19 Uhr im Gemeindezentrum, Raum 3",
            None,
            "jeden Mittwoch, 19:00 Uhr [im Gemeindezentrum, Raum 3]",
        ),
        (
            "1. Di im Monat, 18 Uhr, sonst nach Vereinbarung",
            None,
            "jeden 1. Dienstag im Monat, 18:00 Uhr [sonst nach Vereinbarung]",
        ),
        (
            "jeden Dienstag 19 Uhr. Bitte vorher anrufen!",
            None,
            "jeden Dienstag, 19:00 Uhr [Bitte vorher anrufen!]",
        ),
        (
            "jeden 1. Mi. im Monat 17 Uhr; Sommerpause Juli/August",
            None,
            "jeden 1. Mittwoch im Monat, 17:00 Uhr [Sommerpause Juli/August]",
        ),
        (
            "Dienstags 18 Uhr, Donnerstags 10 Uhr (Frauengruppe)",
            None,
            "jeden Dienstag, 18:00 Uhr | jeden Donnerstag, 10:00 Uhr [Frauengruppe]",
        ),
        (
            "Mo 10 Uhr, Do 18 Uhr, nicht im August",
            None,
            "jeden Montag, 10:00 Uhr [nicht im August] | jeden Donnerstag, 18:00 Uhr [nicht im August]",
        ),
        (
            "Montag, den 5. 19 Uhr",
            None,
            "unregelmäßig [Montag, den 5. 19 Uhr] | KEPT",
        ),
        (
            "mittwochs 19 Uhr (1x im Monat)",
            None,
            "unregelmäßig [mittwochs 19 Uhr (1x im Monat)] | KEPT",
        ),
        (
            "ab 2027 montags 19 Uhr",
            None,
            "unregelmäßig [ab 2027 montags 19 Uhr] | KEPT",
        ),
        (
            "derzeit keine Treffen",
            None,
            "unregelmäßig [derzeit keine Treffen] | KEPT",
        ),
        ("Di 19", None, "unregelmäßig [Di 19] | KEPT"),
        ("1.+3. Montag", None, "unregelmäßig [1.+3. Montag] | KEPT"),
        (
            "am 1. Montag d. M. 19 Uhr",
            None,
            "jeden 1. Montag im Monat, 19:00 Uhr",
        ),
        (
            "Jeden Montag (außer feiertags) 19 Uhr",
            None,
            "jeden Montag, 19:00 Uhr [außer feiertags]",
        ),
        (
            "Mo, Di, Mi jeweils 10-12 Uhr",
            None,
            "jeden Montag, 10:00–12:00 Uhr | jeden Dienstag, 10:00–12:00 Uhr | jeden Mittwoch, 10:00–12:00 Uhr",
        ),
        ("Mo\u{a0}19\u{a0}Uhr", None, "jeden Montag, 19:00 Uhr"),
        ("19:00Uhr, Montag", None, "jeden Montag, 19:00 Uhr"),
        (
            "ab 19:00 Uhr – open end, mittwochs",
            None,
            "unregelmäßig [ab 19:00 Uhr – open end, mittwochs] | KEPT",
        ),
        (
            "Mittwochs ab 19:00 Uhr – open end",
            None,
            "jeden Mittwoch, 19:00 Uhr [open end]",
        ),
        (
            "Mo 19 Uhr und Mittwochnachmittag",
            None,
            "unregelmäßig [Mo 19 Uhr und Mittwochnachmittag] | KEPT",
        ),
        (
            "jeden 1. und 3. Montag sowie jeden 4. Mittwoch, 19 Uhr",
            None,
            "jeden 1. und 3. Montag im Monat, 19:00 Uhr | jeden 4. Mittwoch im Monat, 19:00 Uhr",
        ),
        // "jeden 2." without "im Monat" is biweekly: the report asks.
        (
            "jeden 2. Mittwoch 19 Uhr",
            None,
            "unregelmäßig, 19:00 Uhr (Mittwoch) [jeden 2. Mittwoch 19 Uhr] | DATE",
        ),
        ("Mo 7 Uhr abends", None, "jeden Montag, 19:00 Uhr"),
        (
            "dienstags, abends 7-9 Uhr",
            None,
            "jeden Dienstag, 19:00–21:00 Uhr",
        ),
        (
            "Sonntag nachmittags 3 Uhr",
            None,
            "jeden Sonntag, 15:00 Uhr",
        ),
        (
            "Mi vormittags 10 Uhr, abends 19 Uhr",
            None,
            "jeden Mittwoch, 10:00 Uhr | jeden Mittwoch, 19:00 Uhr",
        ),
        (
            "19 Uhr jeden Montag, 20 Uhr jeden Donnerstag",
            None,
            "jeden Montag, 19:00 Uhr | jeden Donnerstag, 20:00 Uhr",
        ),
        (
            "Mo 10 Uhr, 18 Uhr Do",
            None,
            "jeden Montag, 10:00 Uhr | jeden Donnerstag, 18:00 Uhr",
        ),
        (
            "Do. 19:00 Uhr; Gruppe für Angehörige: jeden 1. Mo 18 Uhr",
            None,
            "jeden Donnerstag, 19:00 Uhr | jeden 1. Montag im Monat, 18:00 Uhr [Gruppe für Angehörige]",
        ),
        (
            "online: jeden Dienstag 20 Uhr",
            None,
            "jeden Dienstag, 20:00 Uhr [online]",
        ),
        (
            "alle 2 Wochen, donnerstags, 18:00 – 19:30 Uhr",
            Some("2026-09-17"),
            "jeden zweiten Donnerstag, 18:00–19:30 Uhr {2026-09-17}",
        ),
        (
            "jeden 1. + 3. Mi. d. M., 19.00 Uhr",
            None,
            "jeden 1. und 3. Mittwoch im Monat, 19:00 Uhr",
        ),
        (
            "zur Zeit keine Treffen",
            None,
            "unregelmäßig [zur Zeit keine Treffen] | KEPT",
        ),
        // Found by the stability property: a cell kept as a note, written
        // as `export` writes it, reads back the same.
        ("jeden", None, "unregelmäßig [jeden] | KEPT"),
        ("unregelmäßig (jeden)", None, "unregelmäßig [jeden]"),
        (
            "unregelmäßig (montags 19 Uhr)",
            None,
            "unregelmäßig [montags 19 Uhr]",
        ),
        (
            "Mo 19 Uhr und täglich 10 Uhr",
            None,
            "unregelmäßig [Mo 19 Uhr und täglich 10 Uhr] | KEPT",
        ),
        (
            "1. Freitag im Monat 15-17 Uhr, im Sommer 16-18 Uhr",
            None,
            "jeden 1. Freitag im Monat, 15:00–17:00 Uhr [im Sommer 16-18 Uhr]",
        ),
        ("14-tägig", None, "unregelmäßig [14-tägig] | DATE"),
        (
            "alle zwei Wochen dienstags",
            None,
            "unregelmäßig (Dienstag) [alle zwei Wochen dienstags] | DATE",
        ),
        (
            "alle zwei Wochen dienstags",
            Some("2026-09-15"),
            "unregelmäßig [alle zwei Wochen dienstags] | KEPT",
        ),
        ("", None, ""),
        (" \n\t ", None, ""),
    ];

    #[test]
    fn real_world_phrasings() {
        let mut failures = Vec::new();
        for &(text, first, expected) in CASES {
            let got = summary(&read_meetings_with(text, first.map(date)));
            if got != expected {
                failures.push(format!(
                    "{text:?}\n   got      {got}\n   expected {expected}"
                ));
            }
        }
        assert!(CASES.len() >= 60);
        assert!(
            failures.is_empty(),
            "{} of {} cases differ:\n{}",
            failures.len(),
            CASES.len(),
            failures.join("\n")
        );
    }

    /// Reading is linear and quick: 10,000 cells (the table's phrasings
    /// over and over) and 1,000 hostile cells of the longest length read,
    /// each within a bound that holds even on a loaded debug build; the
    /// times are printed (`--nocapture`) for the README.
    #[test]
    fn reads_ten_thousand_cells_quickly() {
        use std::time::{Duration, Instant};
        let cells: Vec<&str> = CASES.iter().map(|c| c.0).cycle().take(10_000).collect();
        let started = Instant::now();
        let meetings: usize = cells.iter().map(|c| read_meetings(c).meetings.len()).sum();
        let took = started.elapsed();
        println!("10,000 cells, {meetings} meetings: {took:?}");
        assert!(meetings > 10_000);
        assert!(took < Duration::from_secs(10), "{took:?}");

        let hostile: Vec<String> = [
            "(",
            "1./",
            "Mo ",
            "x ",
            "19-",
            "(a) ",
            "und ",
            "1 und ",
            "Mo 1 und ",
            ", Mo 19 Uhr außer",
        ]
        .iter()
        .map(|p| p.repeat(MAX_READ_LEN / p.len()))
        .collect();
        let started = Instant::now();
        for cell in hostile.iter().cycle().take(1_000) {
            assert!(!read_meetings(cell).meetings.is_empty());
        }
        let took = started.elapsed();
        println!("1,000 hostile cells of {MAX_READ_LEN} bytes: {took:?}");
        assert!(took < Duration::from_secs(10), "{took:?}");
    }

    #[test]
    fn findings_carry_the_text() {
        let read = read_meetings("  irgendwann mal  ");
        assert_eq!(
            read.findings,
            vec![MeetingFinding::KeptAsNote {
                text: "irgendwann mal".to_owned()
            }]
        );
        let read = read_meetings("Di 19 Uhr, 14-tägig Do 18 Uhr");
        assert_eq!(
            read.findings,
            vec![MeetingFinding::NeedsFirstDate {
                text: "14-tägig Do 18 Uhr".to_owned()
            }]
        );
        let long = "montags 19 Uhr ".repeat(100);
        assert_eq!(
            read_meetings(&long).findings,
            vec![MeetingFinding::KeptAsNote {
                text: long.trim().to_owned()
            }]
        );
    }

    /// Would `validate` accept this meeting (section 4 of the contract)?
    fn valid(m: &Meeting) -> bool {
        let weeks_ok = m.weeks.iter().all(|w| matches!(w, 1..=4 | -1))
            && m.weeks
                .windows(2)
                .all(|p| (if p[0] == -1 { 5 } else { p[0] }) < (if p[1] == -1 { 5 } else { p[1] }));
        let fields_ok = m.place.is_none() && m.address.is_none() && m.accessible.is_none();
        let rhythm_ok = match m.rhythm {
            Rhythm::Irregular => m.weeks.is_empty() && m.first_date.is_none(),
            Rhythm::Weekly => {
                m.weekday.is_some()
                    && m.start.is_some()
                    && m.weeks.is_empty()
                    && m.first_date.is_none()
            }
            Rhythm::Monthly => {
                m.weekday.is_some()
                    && m.start.is_some()
                    && !m.weeks.is_empty()
                    && m.first_date.is_none()
            }
            Rhythm::Biweekly => {
                m.start.is_some()
                    && m.weeks.is_empty()
                    && m.first_date
                        .is_some_and(|d| Some(weekday_of(d)) == m.weekday)
            }
        };
        weeks_ok && fields_ok && rhythm_ok && m.note.as_ref().is_none_or(|n| !n.trim().is_empty())
    }

    fn any_time() -> impl Strategy<Value = Time> {
        (0u8..24, 0u8..60).prop_map(|(hour, minute)| Time { hour, minute })
    }

    /// Every meeting the model can hold whose sentence says all of it
    /// (an irregular meeting's sentence has no weekday and no note).
    fn any_meeting() -> impl Strategy<Value = Meeting> {
        let weekday = (0usize..7).prop_map(|i| Weekday::ALL[i]);
        let weeks = prop::sample::subsequence(vec![1i8, 2, 3, 4, -1], 1..=5);
        (
            0u8..4,
            weekday,
            weeks,
            any_time(),
            prop::option::of(any_time()),
            0i64..3650,
            any::<bool>(),
        )
            .prop_map(|(rhythm, weekday, weeks, start, end, day, has_start)| {
                let mut m = irregular(None, Some((start, end)), None);
                match rhythm {
                    0 => m.rhythm = Rhythm::Weekly,
                    1 => {
                        m.rhythm = Rhythm::Biweekly;
                        let d = date("2020-01-01")
                            .checked_add(jiff::Span::new().days(day))
                            .unwrap();
                        m.first_date = Some(d);
                    }
                    2 => (m.rhythm, m.weeks) = (Rhythm::Monthly, weeks),
                    _ if !has_start => (m.start, m.end) = (None, None),
                    _ => {}
                }
                if m.rhythm != Rhythm::Irregular {
                    m.weekday = Some(m.first_date.map_or(weekday, weekday_of));
                }
                m
            })
    }

    /// Notes as groups have them (none of them a schedule by itself).
    fn any_note() -> impl Strategy<Value = String> {
        let starts = [
            "nicht in den Ferien",
            "Raum 2",
            "bitte anmelden",
            "außer im August",
            "online per Zoom",
            "Treffpunkt: Eingang B",
            "für Angehörige",
            "nur nach Anmeldung; Tel. 0123/456",
            "siehe (Aushang)",
        ];
        (
            prop::sample::select(starts.to_vec()),
            "[a-zA-Z0-9äöüß .,:;!?/-]{0,20}",
        )
            .prop_map(|(start, tail)| format!("{start}{tail}").trim().to_owned())
    }

    /// The meetings of a group as `export` writes them: each sentence with
    /// its note in brackets, joined by "; ". Biweekly meetings are left
    /// out (the cell has one first date; `sentences_read_back` covers them).
    fn any_meetings_cell() -> impl Strategy<Value = Vec<Meeting>> {
        let meeting = (any_meeting(), prop::option::of(any_note())).prop_map(|(mut m, note)| {
            if m.rhythm == Rhythm::Biweekly {
                (m.rhythm, m.first_date) = (Rhythm::Weekly, None);
            }
            m.note = note;
            m
        });
        prop::collection::vec(meeting, 1..4)
    }

    /// Are the brackets of `s` balanced?
    fn balanced(s: &str) -> bool {
        let mut depth = 0i32;
        for c in s.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    /// Pieces of real meeting texts, to be put together at random.
    fn piece() -> impl Strategy<Value = String> {
        let words = [
            "jeden",
            "Montag",
            "Di.",
            "mittwochs",
            "1.",
            "3.",
            "letzten",
            "und",
            ",",
            "/",
            ";",
            "\n",
            "im Monat",
            "14-tägig",
            "19",
            "19:00",
            "19.30",
            "Uhr",
            "–",
            "-",
            "bis",
            "von",
            "ab",
            "(",
            ")",
            "nicht",
            "in den Ferien",
            "nach Vereinbarung",
            "unregelmäßig",
            "alle zwei Wochen",
            "zweiten",
            "Mo–Fr",
            "x",
            "ä",
            "\u{308}",
            "𝔘",
            "",
            "  ",
        ];
        prop_oneof![
            prop::sample::select(words.to_vec()).prop_map(str::to_owned),
            "[ -~]{0,6}",
            any::<char>().prop_map(|c| c.to_string()),
        ]
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::collection::vec(piece(), 0..16).prop_map(|v| v.join(" ")),
            ".{0,80}"
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, max_global_rejects: 100_000, ..ProptestConfig::default() })]

        /// Every sentence the model writes reads back to the same meeting.
        #[test]
        fn sentences_read_back(m in any_meeting()) {
            let read = read_meetings_with(&m.sentence_de(), m.first_date);
            prop_assert_eq!(&read.meetings, &vec![m.clone()], "{}", m.sentence_de());
            prop_assert!(read.findings.is_empty());
        }

        /// What `export` writes (sentences, notes in brackets, "; ")
        /// reads back to the same meetings.
        #[test]
        fn exported_cells_read_back(meetings in any_meetings_cell()) {
            let cell = meetings
                .iter()
                .map(|m| match &m.note {
                    Some(n) => format!("{} ({n})", m.sentence_de()),
                    None => m.sentence_de(),
                })
                .collect::<Vec<_>>()
                .join("; ");
            let read = read_meetings(&cell);
            prop_assert_eq!(&read.meetings, &meetings, "{}", cell);
            prop_assert!(read.findings.is_empty());
        }

        /// Reading is stable: what was read from any text, written as
        /// `export` writes it, reads back the same.
        #[test]
        fn read_then_written_reads_back(text in any_text(), first in prop::option::of(0i64..3650)) {
            let first = first.map(|d| date("2020-01-01").checked_add(jiff::Span::new().days(d)).unwrap());
            let meetings = read_meetings_with(&text, first).meetings;
            // An irregular meeting's sentence has no weekday, and a note
            // in brackets must not close them early.
            prop_assume!(meetings.iter().all(|m| m.rhythm != Rhythm::Irregular || m.weekday.is_none()));
            prop_assume!(meetings.iter().all(|m| m.note.as_deref().is_none_or(balanced)));
            let cell = meetings
                .iter()
                .map(|m| match &m.note {
                    Some(n) => format!("{} ({n})", m.sentence_de()),
                    None => m.sentence_de(),
                })
                .collect::<Vec<_>>()
                .join("; ");
            prop_assert_eq!(&read_meetings_with(&cell, first).meetings, &meetings, "{:?} -> {:?}", text, cell);
        }

        /// Any text: no panic, only valid meetings, and nothing lost: a
        /// cell not read cleanly is kept whole as a note.
        #[test]
        fn any_text_is_kept_or_read(text in any_text(), first in prop::option::of(0i64..3650)) {
            let first = first.map(|d| date("2020-01-01").checked_add(jiff::Span::new().days(d)).unwrap());
            let read = read_meetings_with(&text, first);
            let cell = text.trim();
            if cell.is_empty() {
                prop_assert!(read.meetings.is_empty() && read.findings.is_empty());
            } else {
                prop_assert!(!read.meetings.is_empty());
            }
            for m in &read.meetings {
                prop_assert!(valid(m), "{:?} from {:?}", m, text);
            }
            for f in &read.findings {
                match f {
                    MeetingFinding::KeptAsNote { text: kept } => {
                        prop_assert_eq!(kept, cell);
                        prop_assert_eq!(read.meetings.len(), 1);
                        prop_assert_eq!(read.meetings[0].note.as_deref(), Some(cell));
                    }
                    MeetingFinding::NeedsFirstDate { text: kept } => {
                        prop_assert!(read.meetings.iter().any(|m| m.note.as_deref() == Some(kept.as_str())));
                    }
                }
            }
        }
    }
}
