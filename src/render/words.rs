//! The one vocabulary of the words a reader sees, for the website and for
//! print: the theme's `i18n/<language>.toml` (the built-in table of the
//! language, overlaid key by key with the directory's own
//! `themes/<name>/i18n/<language>.toml`).
//!
//! The web templates index the merged table as `t`; Rust reads the words
//! it needs through the typed [`Words`], where every field is required: a
//! missing or mistyped word is a [`WordsError`] naming the file and the key,
//! never an empty string and never a German word in an English booklet.
//! The print data carries [`Words`] as `t`, so the typst templates hold no
//! words of their own.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Message;
use crate::load::Theme;
use crate::model::{Audience, Level, MeetingFormat, Status};

/// The path of a language's table in a theme (`i18n/en.toml`).
pub fn table_path(language: &str) -> String {
    format!("i18n/{language}.toml")
}

/// The string table of the theme for a language: the built-in
/// `i18n/<language>.toml` (German for a language without a built-in
/// table), overlaid key by key with the theme's own `i18n/<language>.toml`
/// (so an override may hold only the words it changes). Another language's
/// table never fills in: a word missing in English stays missing.
pub fn strings(theme: &Theme, language: &str) -> Result<toml::Value, Message> {
    let parse = |path: &str, text: &str| {
        toml::from_str::<toml::Value>(text).map_err(|e| Message::TemplateFailed {
            template: path.to_owned(),
            detail: e.to_string(),
        })
    };
    let built_in = Theme::built_in();
    let path = table_path(language);
    let (base_path, base) = match built_in.text(&path) {
        Some(text) => (path.clone(), text),
        None => {
            let de = table_path("de");
            let text = built_in.text(&de).unwrap_or_default();
            (de, text)
        }
    };
    let mut table = parse(&base_path, base)?;
    if let Some(text) = theme.text(&path) {
        merge(&mut table, parse(&path, text)?);
    }
    Ok(table)
}

/// Deep merge of TOML tables: values of `over` replace those of `base`.
fn merge(base: &mut toml::Value, over: toml::Value) {
    match (base, over) {
        (toml::Value::Table(b), toml::Value::Table(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(existing) => merge(existing, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, o) => *b = o,
    }
}

/// A word the table lacks (or that is not a string where one is needed),
/// or a table that is no TOML.
#[derive(Debug, Clone, PartialEq)]
pub struct WordsError {
    /// The table's path in the theme (`i18n/en.toml`): the directory's own
    /// file if it has one, else the built-in one.
    pub path: String,
    /// Where in that file the word belongs: the line of the key, else of
    /// its table's header, else the start.
    pub range: Range<usize>,
    /// What is wrong, as the catalogue words it: [`Message::WordMissing`]
    /// with the dotted key, or [`Message::TemplateFailed`] for a broken
    /// table.
    pub message: Message,
}

impl WordsError {
    /// The dotted key of the missing word (`booklet.contents`), if a word
    /// is what is missing.
    pub fn key(&self) -> Option<&str> {
        match &self.message {
            Message::WordMissing { key } => Some(key),
            _ => None,
        }
    }
}

impl std::fmt::Display for WordsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}",
            self.path,
            self.message.text(crate::diagnostics::Lang::En)
        )
    }
}

impl Words {
    /// The words of `language` from the theme (see [`strings`]).
    pub fn load(theme: &Theme, language: &str) -> Result<Words, WordsError> {
        let path = table_path(language);
        let table = strings(theme, language).map_err(|message| WordsError {
            path: path.clone(),
            range: 0..0,
            message,
        })?;
        Words::from_table(table, &path, theme.text(&path).unwrap_or_default())
    }

    /// The built-in theme's words of `language` (German for a language
    /// without a table of its own). Both built-in tables hold every word:
    /// `both_built_in_tables_hold_every_word` fails otherwise.
    pub fn built_in(language: &str) -> Words {
        Words::load(&Theme::built_in(), language)
            .expect("the built-in tables hold every word (a unit test checks it)")
    }

    /// The words of a merged table; `path` and `text` name and hold the
    /// file a missing word is reported in.
    pub fn from_table(table: toml::Value, path: &str, text: &str) -> Result<Words, WordsError> {
        serde_path_to_error::deserialize::<_, Words>(table).map_err(|e| {
            let inner = e.inner().to_string();
            let mut key: Vec<String> = e
                .path()
                .iter()
                .filter_map(|s| match s {
                    serde_path_to_error::Segment::Map { key } => Some(key.clone()),
                    _ => None,
                })
                .collect();
            // serde names a missing field in its message, not in the path.
            if let Some(field) = inner
                .strip_prefix("missing field `")
                .and_then(|r| r.split('`').next())
            {
                key.push(field.to_owned());
            }
            let key = key.join(".");
            WordsError {
                path: path.to_owned(),
                range: locate(text, &key),
                message: Message::WordMissing { key },
            }
        })
    }

    /// "aktiv", "in Gründung", … (the web's `status` words).
    pub fn status(&self, s: Status) -> &str {
        match s {
            Status::Active => &self.status.active,
            Status::Founding => &self.status.founding,
            Status::Full => &self.status.full,
            Status::Ended => &self.status.ended,
        }
    }

    /// "Treffen vor Ort", … (the web's `format` words).
    pub fn format(&self, f: MeetingFormat) -> &str {
        match f {
            MeetingFormat::InPerson => &self.format.in_person,
            MeetingFormat::Online => &self.format.online,
            MeetingFormat::Hybrid => &self.format.hybrid,
        }
    }

    /// "örtlich", "auf Landesebene", … (the web's `level` words).
    pub fn level(&self, l: Level) -> &str {
        match l {
            Level::Local => &self.level.local,
            Level::State => &self.level.state,
            Level::Federal => &self.level.federal,
        }
    }

    /// "Für Betroffene und Angehörige": whom a group is for, as a phrase.
    pub fn audience(&self, a: &[Audience]) -> &str {
        let affected = a.contains(&Audience::Affected);
        let relatives = a.contains(&Audience::Relatives);
        match (affected, relatives) {
            (true, true) => &self.booklet.audience_both,
            (false, true) => &self.booklet.audience_relatives,
            _ => &self.booklet.audience_affected,
        }
    }

    /// "ja" or "nein".
    pub fn yes_no(&self, b: bool) -> &str {
        if b { &self.yes } else { &self.no }
    }
}

/// The byte range of the line where `key` (dotted) is or belongs in a TOML
/// text: its own line, else its table's header, else the start.
fn locate(text: &str, key: &str) -> Range<usize> {
    let (table, last) = match key.rsplit_once('.') {
        Some((t, l)) => (Some(t), l),
        None => (None, key),
    };
    let line_at = |start: usize| start..text[start..].find('\n').map_or(text.len(), |n| start + n);
    let header = table.and_then(|t| {
        let head = format!("[{t}]");
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if line.trim() == head {
                return Some(offset);
            }
            offset += line.len();
        }
        None
    });
    let from = header.unwrap_or(0);
    let mut offset = from;
    for (n, line) in text[from..].split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if n > 0 && trimmed.starts_with('[') {
            break;
        }
        if let Some(rest) = trimmed.strip_prefix(last)
            && rest.trim_start().starts_with('=')
        {
            return line_at(offset);
        }
        offset += line.len();
    }
    match header {
        Some(h) => line_at(h),
        None => 0..0,
    }
}

/// Every word web and print share, and the print-only sections.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Words {
    /// "und": the last join of a list.
    pub and: String,
    /// "ja".
    pub yes: String,
    /// "nein".
    pub no: String,
    /// Contact labels of the whole site.
    pub site: SiteWords,
    /// An entry's kind, singular.
    pub kind: KindWords,
    /// An entry's kind, plural.
    pub kinds: KindsWords,
    /// A group's status.
    pub status: StatusWords,
    /// How a group meets.
    pub format: FormatWords,
    /// An organisation's level.
    pub level: LevelWords,
    /// The labels of a group's facts.
    pub group: GroupWords,
    /// The labels of an organisation's or contact point's facts.
    pub entry: EntryWords,
    /// A topic's page.
    pub topic: TopicWords,
    /// The A–Z register.
    pub az: AzWords,
    /// The search filters' choices (their word for step-free access).
    pub filters: FilterWords,
    /// The booklet's own words.
    pub booklet: BookletWords,
    /// The verification sheets' own words.
    pub sheets: SheetWords,
}

/// `[site]`: contact labels.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SiteWords {
    /// "Telefon".
    pub phone: String,
    /// "E-Mail".
    pub email: String,
    /// "Internet".
    pub web: String,
}

/// `[kind]`: an entry's kind, singular.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct KindWords {
    /// "Selbsthilfegruppe".
    pub group: String,
    /// "Selbsthilfeorganisation".
    pub organisation: String,
    /// "Selbsthilfe-Kontaktstelle".
    pub contact_point: String,
    /// "Thema".
    pub topic: String,
}

/// `[kinds]`: an entry's kind, plural.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct KindsWords {
    /// "Selbsthilfegruppen".
    pub group: String,
    /// "Selbsthilfeorganisationen".
    pub organisation: String,
    /// "Selbsthilfe-Kontaktstellen".
    pub contact_point: String,
}

/// `[status]`: a group's status.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct StatusWords {
    /// "aktiv".
    pub active: String,
    /// "in Gründung".
    pub founding: String,
    /// "zur Zeit keine Aufnahme".
    pub full: String,
    /// "trifft sich nicht mehr".
    pub ended: String,
}

/// `[format]`: how a group meets.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct FormatWords {
    /// "Treffen vor Ort".
    #[serde(rename = "in-person")]
    pub in_person: String,
    /// "Treffen online".
    pub online: String,
    /// "vor Ort und online (hybrid)".
    pub hybrid: String,
}

/// `[level]`: where an organisation works.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct LevelWords {
    /// "örtlich".
    pub local: String,
    /// "auf Landesebene".
    pub state: String,
    /// "auf Bundesebene".
    pub federal: String,
}

/// `[group]`: the labels of a group's facts.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GroupWords {
    /// "Für wen".
    pub for_whom: String,
    /// "Stand der Gruppe".
    pub status: String,
    /// "Form".
    pub format: String,
    /// "Sprachen".
    pub languages: String,
    /// "Stadtteil".
    pub district: String,
    /// "Gegründet".
    pub since: String,
    /// "Themen".
    pub topics: String,
    /// "Treffen".
    pub meetings_heading: String,
    /// "stufenloser Zugang".
    pub accessible_yes: String,
    /// "Kontakt".
    pub contact_heading: String,
    /// "Ansprechperson".
    pub contact_direct: String,
    /// "Kontaktstelle".
    pub contact_point: String,
}

/// `[entry]`: the labels of an organisation's or contact point's facts.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct EntryWords {
    /// "Öffnungszeiten".
    pub opening_hours: String,
    /// "Stand": the date the details were last confirmed.
    pub verified: String,
}

/// `[topic]`: a topic's page.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TopicWords {
    /// "Siehe auch": related topics.
    pub see_also_heading: String,
    /// "Kontaktstellen": the contact points (the booklet's section too).
    pub contact_points_heading: String,
}

/// `[filters]`: the search's filters.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct FilterWords {
    /// `[filters.access_choice]`.
    pub access_choice: AccessWords,
}

/// `[filters.access_choice]`: access a meeting place offers.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AccessWords {
    /// "stufenlos zugänglich": a meeting place with step-free access.
    #[serde(rename = "step-free")]
    pub step_free: String,
}

/// `[az]`: the A–Z register.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AzWords {
    /// "siehe": another name points to the entry.
    pub see: String,
}

/// `[booklet]`: the booklet's own words.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct BookletWords {
    /// Keywords of the PDF, separated by ", ".
    pub keywords: String,
    /// "Selbsthilfe-Wegweiser {year}": the cover's second line.
    pub year_title: String,
    /// "Ausgabe {year}": the same when the title names the booklet.
    pub edition: String,
    /// "Großdruck": the large print's cover line.
    pub large_print: String,
    /// The cover's line about what the booklet holds.
    pub cover_line: String,
    /// Alternative text of the cover picture.
    pub cover_image: String,
    /// Alternative text of a picture without one.
    pub image: String,
    /// "Impressum".
    pub imprint: String,
    /// "Herausgeber".
    pub publisher: String,
    /// The imprint's paragraph on where the details come from.
    pub disclaimer: String,
    /// The imprint's paragraph on what being listed means.
    pub no_rating: String,
    /// The imprint's paragraph asking for changes.
    pub changes: String,
    /// The imprint's line on font and typesetting.
    pub colophon: String,
    /// The imprint's sentence when meeting places are held back.
    pub rule_no_places: String,
    /// The imprint's sentence when every group is reached through the
    /// contact point.
    pub rule_contact_point_only: String,
    /// "Inhalt".
    pub contents: String,
    /// Introduction of the groups in the topics arrangement.
    pub groups_intro_topics: String,
    /// Introduction of the groups in the A–Z arrangement.
    pub groups_intro_az: String,
    /// "Auch zu diesem Thema": groups of another topic that cover this one.
    pub also_topic: String,
    /// "Für Betroffene".
    pub audience_affected: String,
    /// "Für Angehörige".
    pub audience_relatives: String,
    /// "Für Betroffene und Angehörige".
    pub audience_both: String,
    /// "Sprache" (one language; more: `group.languages`).
    pub language: String,
    /// "über" (a contact point).
    pub via: String,
    /// "über die Internetseite": a group reached only through its website.
    pub via_website: String,
    /// "Verband": the short label of a group's organisation.
    pub belongs_to: String,
    /// "Adresse".
    pub address: String,
    /// "Tel.": before a phone number in an entry (the imprint and the
    /// sheets spell out `site.phone`).
    pub phone: String,
    /// "Gruppen": the short label of an organisation's groups.
    pub groups: String,
    /// "Organisationen": the section's title.
    pub organisations: String,
    /// Introduction of the organisations.
    pub organisations_intro: String,
    /// Introduction of the contact points.
    pub contact_points_intro: String,
    /// A contact point that answers for one printed group.
    pub cp_groups_one: String,
    /// A contact point that answers for `{n}` printed groups.
    pub cp_groups_many: String,
    /// "Register von A bis Z".
    pub register: String,
    /// Introduction of the register.
    pub register_intro: String,
    /// "Stichwortverzeichnis".
    pub keyword_index: String,
    /// Introduction of the keyword index.
    pub keyword_index_intro: String,
    /// "S.": before a page number.
    pub page: String,
    /// "Herausgeber und Kontakt": the back cover's heading.
    pub publisher_contact: String,
    /// The back cover's paragraph on the contact point.
    pub back_text: String,
    /// Caption of the QR code.
    pub qr_caption: String,
    /// Start of the QR code's alternative text (the address follows).
    pub qr_alt: String,
    /// "Notizen": the title of the blank pages at the end.
    pub notes: String,
}

/// `[sheets]`: the verification sheets' own words.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SheetWords {
    /// "Rückmeldebogen": the PDF's title.
    pub document: String,
    /// Title of the letter.
    pub title: String,
    /// Greeting.
    pub salutation: String,
    /// Introduction before the items.
    pub intro: String,
    /// "Antwort bis".
    pub reply_by: String,
    /// "Zeichen" (the reference: the slug).
    pub reference: String,
    /// "Zurück an".
    pub return_to: String,
    /// Head of the item column.
    pub item: String,
    /// Head of the value column.
    pub value: String,
    /// The tick box's word.
    pub correct: String,
    /// Head of the correction column.
    pub correction: String,
    /// Shown for an item without a value.
    pub empty: String,
    /// Heading of where the entry is published.
    pub published: String,
    /// "Gedruckter Wegweiser {year}".
    pub in_print: String,
    /// What print holds back: meeting places.
    pub held_back_places: String,
    /// What print holds back: the group's own contact.
    pub held_back_contact: String,
    /// Heading of the consent block.
    pub consent_title: String,
    /// The consent question.
    pub consent: String,
    /// Line under the place and date.
    pub place_date: String,
    /// Line under the signature.
    pub signature: String,
    /// Closing line.
    pub thanks: String,
    /// Label of the entry's name.
    pub name: String,
    /// Label of an organisation's level.
    pub level: String,
    /// Label of the description.
    pub description: String,
    /// Label of the date a group ended.
    pub ended_on: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_built_in_tables_hold_every_word() {
        let theme = Theme::built_in();
        for lang in ["de", "en"] {
            let w = Words::load(&theme, lang).unwrap_or_else(|e| panic!("{e}"));
            assert!(!w.booklet.contents.is_empty());
        }
        assert_eq!(
            Words::load(&theme, "en").unwrap().booklet.contents,
            "Contents"
        );
    }

    #[test]
    fn a_missing_word_names_its_file_and_key() {
        let text = "and = \"und\"\n[booklet]\nimprint = \"Impressum\"\n";
        let mut table = strings(&Theme::built_in(), "de").unwrap();
        table["booklet"]
            .as_table_mut()
            .unwrap()
            .remove("contents")
            .unwrap();
        let e = Words::from_table(table, "i18n/de.toml", text).unwrap_err();
        assert_eq!(e.key(), Some("booklet.contents"));
        assert_eq!(e.path, "i18n/de.toml");
        // Not in the text: its table's header.
        assert_eq!(&text[e.range.clone()], "[booklet]");
        assert!(e.to_string().contains("`booklet.contents`"), "{e}");
    }

    #[test]
    fn a_theme_table_that_is_no_toml_is_named() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("themes/eigen/i18n");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("en.toml"), "[booklet\ncontents = 1\n").unwrap();
        let mut diagnostics = crate::diagnostics::Diagnostics::default();
        let theme = Theme::load(root.path(), "eigen", &mut diagnostics);
        let e = Words::load(&theme, "en").unwrap_err();
        assert_eq!((e.path.as_str(), e.key()), ("i18n/en.toml", None));
        assert!(e.to_string().starts_with("i18n/en.toml: "), "{e}");
        // The German table of the same theme is untouched by it.
        assert!(Words::load(&theme, "de").is_ok());
    }

    #[test]
    fn a_word_of_the_wrong_type_is_located_at_its_line() {
        let text = "[status]\nactive = \"aktiv\"\n\n[booklet]\nnotes = 3\n";
        let mut table = strings(&Theme::built_in(), "de").unwrap();
        table["booklet"]["notes"] = toml::Value::Integer(3);
        let e = Words::from_table(table, "i18n/de.toml", text).unwrap_err();
        assert_eq!(e.key(), Some("booklet.notes"));
        assert_eq!(&text[e.range.clone()], "notes = 3");
    }
}
