//! The message catalogue: every sentence an editor reads, in German and
//! English, in one place. A [`Message`] is data; [`Message::text`] turns it
//! into a sentence in the directory's language.

/// Language of the messages (follows `language` in `wegweiser.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Deutsch (default).
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// `"de"` → German, `"en"` → English, anything else → German.
    pub fn from_code(code: &str) -> Lang {
        match code.trim().to_ascii_lowercase().as_str() {
            s if s.starts_with("en") => Lang::En,
            _ => Lang::De,
        }
    }
}

/// Everything the tool can tell an editor, with its arguments.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum Message {
    // ---- files -----------------------------------------------------------
    EmptyFile,
    NoFrontMatterStart,
    FrontMatterNotClosed,
    InvalidUtf8 {
        offset: usize,
    },
    ReadFailed {
        error: String,
    },
    SubfolderNotAllowed,
    InvalidSlug {
        slug: String,
    },
    ReservedPageSlug {
        slug: String,
    },
    SettingsMissing {
        path: String,
    },
    IndicationsMissing {
        path: String,
    },
    RootMissing {
        path: String,
    },
    // ---- TOML and types --------------------------------------------------
    TomlSyntax {
        detail: String,
    },
    MissingField {
        field: String,
    },
    UnknownField {
        field: String,
        suggestion: Option<String>,
    },
    WrongType {
        found: String,
        expected: String,
    },
    UnknownValue {
        value: String,
        allowed: Vec<String>,
    },
    InvalidValue {
        detail: String,
    },
    NotADate,
    InvalidTime {
        value: String,
    },
    InvalidUrl {
        value: String,
    },
    InvalidEmail {
        value: String,
    },
    InvalidBaseUrl {
        value: String,
    },
    InvalidLanguageCode {
        code: String,
    },
    /// Two letters, but no ISO 639-1 code.
    UnknownLanguageCode {
        code: String,
        suggestion: Option<String>,
    },
    UnsupportedLanguage {
        code: String,
    },
    InvalidId {
        id: String,
    },
    OutOfRange {
        value: String,
        range: String,
    },
    // ---- references ------------------------------------------------------
    UnknownIndication {
        id: String,
        suggestion: Option<String>,
    },
    UnknownOrganisation {
        slug: String,
        suggestion: Option<String>,
    },
    UnknownContactPoint {
        slug: String,
        suggestion: Option<String>,
    },
    NoIndications,
    EmptyAudience,
    /// `name = ""`.
    EmptyName,
    DuplicateSlug {
        slug: String,
        other: String,
    },
    // ---- rules -----------------------------------------------------------
    PersonalDataWithoutConsent {
        field: String,
    },
    EndedMissing,
    EndedNotAllowed,
    PathLeavesContent {
        path: String,
    },
    FileNotFound {
        path: String,
    },
    /// An image in `content/images/` that cannot be decoded.
    ImageUnreadable {
        path: String,
        detail: String,
    },
    WeekdayMissing,
    StartMissing,
    WeeksMissing,
    WeeksNotAllowed,
    InvalidWeek {
        value: i64,
    },
    FirstDateMissing,
    FirstDateNotAllowed,
    EndBeforeStart {
        start: String,
        end: String,
    },
    ThemeNotFound {
        name: String,
        path: String,
    },
    InvalidRepo {
        value: String,
    },
    EditingFieldMissing {
        field: String,
        backend: String,
    },
    // ---- warnings --------------------------------------------------------
    /// `verified` is older than the edition allows: the date as each
    /// language writes it ("20.02.2025", "20 February 2025").
    Stale {
        verified_de: String,
        verified_en: String,
        months: u32,
        year: i32,
    },
    UnprintableCharacter {
        character: char,
        codepoint: String,
    },
    OrganisationWithoutGroups {
        slug: String,
    },
    UnusedIndication {
        id: String,
    },
    ImplausiblePhone {
        value: String,
    },
    DuplicateName {
        name: String,
        other: String,
    },
    // ---- output ----------------------------------------------------------
    OutputNotOurs {
        path: String,
    },
    WriteFailed {
        path: String,
        error: String,
    },
    FileExists {
        path: String,
    },
    /// A file of personal data (`stale`, `export`) asked to go into the
    /// output folder, which gets published.
    PersonalDataIntoOutput {
        path: String,
    },
    /// `sheets --entries` names no entry.
    UnknownEntry {
        slug: String,
        suggestion: Option<String>,
    },
    PrintFailed {
        detail: String,
    },
    /// A word of the theme's `i18n/<language>.toml` that the booklet or the
    /// sheets need is missing or not a text (`key` dotted: `booklet.notes`).
    WordMissing {
        key: String,
    },
    PrintWarning {
        detail: String,
    },
    /// typst's error or warning in a print template: typst's message, its
    /// hints, its call trace (each step with its place) and whether the
    /// template is the built-in theme's.
    PrintTemplate {
        message: String,
        hints: Vec<String>,
        trace: Vec<String>,
        built_in: bool,
    },
    TemplateFailed {
        template: String,
        detail: String,
    },
    // ---- import / export (contract section 10) ----------------------------
    /// A file `import` cannot read as a table (binary, truncated, no header).
    TableUnreadable {
        detail: String,
    },
    /// A header named in the mapping that the file does not have.
    ColumnMissing {
        header: String,
        suggestion: Option<String>,
    },
    ImportNotADate {
        value: String,
    },
    ImportNotANumber {
        value: String,
    },
    ImportNotYesNo {
        value: String,
    },
    /// Person, phone or e-mail left out: no consent date.
    PersonalDataLeftOut,
    MeetingKeptAsNote {
        text: String,
    },
    FirstDateNeeded {
        text: String,
    },
    ColumnNotImported {
        header: String,
    },
    IndicationCreated {
        id: String,
        name: String,
        category: String,
    },
    /// The entry exists and differs from the row (no `--update`).
    EntryDiffers {
        path: String,
    },
}

/// Where a missing word goes: `notes = "…"` under `[booklet]` for
/// `booklet.notes`, at the top of the file for a key without a table.
fn word_place(key: &str, lang: Lang) -> String {
    match (key.rsplit_once('.'), lang) {
        (Some((table, name)), Lang::De) => format!("als `{name} = \"…\"` unter `[{table}]`"),
        (Some((table, name)), Lang::En) => format!("as `{name} = \"…\"` under `[{table}]`"),
        (None, Lang::De) => format!("als `{key} = \"…\"` vor der ersten Tabelle"),
        (None, Lang::En) => format!("as `{key} = \"…\"` before the first table"),
    }
}

fn opt_suggestion(lang: Lang, s: &Option<String>) -> String {
    match (s, lang) {
        (Some(s), Lang::De) => format!(" Meinten Sie `{s}`?"),
        (Some(s), Lang::En) => format!(" Did you mean `{s}`?"),
        (None, _) => String::new(),
    }
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// clap's English lists: "'a', 'b'".
fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "`a`, `b` oder `c`" (`word` joins the last two).
fn list_or(items: &[String], word: &str) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {word} `{last}`", list(rest)),
        _ => list(items),
    }
}

impl Message {
    /// A short, stable code for tools (JSON output, tests, docs).
    pub fn code(&self) -> &'static str {
        use Message::*;
        match self {
            EmptyFile => "empty-file",
            NoFrontMatterStart => "no-front-matter",
            FrontMatterNotClosed => "front-matter-not-closed",
            InvalidUtf8 { .. } => "invalid-utf8",
            ReadFailed { .. } => "read-failed",
            SubfolderNotAllowed => "subfolder",
            InvalidSlug { .. } => "invalid-slug",
            ReservedPageSlug { .. } => "reserved-slug",
            SettingsMissing { .. } => "settings-missing",
            IndicationsMissing { .. } => "indications-missing",
            RootMissing { .. } => "root-missing",
            TomlSyntax { .. } => "toml-syntax",
            MissingField { .. } => "missing-field",
            UnknownField { .. } => "unknown-field",
            WrongType { .. } => "wrong-type",
            UnknownValue { .. } => "unknown-value",
            InvalidValue { .. } => "invalid-value",
            NotADate => "not-a-date",
            InvalidTime { .. } => "invalid-time",
            InvalidUrl { .. } => "invalid-url",
            InvalidEmail { .. } => "invalid-email",
            InvalidBaseUrl { .. } => "invalid-base-url",
            InvalidLanguageCode { .. } | UnknownLanguageCode { .. } => "invalid-language",
            UnsupportedLanguage { .. } => "unsupported-language",
            InvalidId { .. } => "invalid-id",
            OutOfRange { .. } => "out-of-range",
            UnknownIndication { .. } => "unknown-indication",
            UnknownOrganisation { .. } => "unknown-organisation",
            UnknownContactPoint { .. } => "unknown-contact-point",
            NoIndications => "no-indications",
            EmptyAudience => "empty-audience",
            EmptyName => "empty-name",
            DuplicateSlug { .. } => "duplicate-slug",
            PersonalDataWithoutConsent { .. } => "missing-consent",
            EndedMissing => "ended-missing",
            EndedNotAllowed => "ended-not-allowed",
            PathLeavesContent { .. } => "path-outside-content",
            FileNotFound { .. } => "file-not-found",
            ImageUnreadable { .. } => "image-unreadable",
            WeekdayMissing => "weekday-missing",
            StartMissing => "start-missing",
            WeeksMissing => "weeks-missing",
            WeeksNotAllowed => "weeks-not-allowed",
            InvalidWeek { .. } => "invalid-week",
            FirstDateMissing => "first-date-missing",
            FirstDateNotAllowed => "first-date-not-allowed",
            EndBeforeStart { .. } => "end-before-start",
            ThemeNotFound { .. } => "theme-not-found",
            InvalidRepo { .. } => "invalid-repo",
            EditingFieldMissing { .. } => "editing-field-missing",
            Stale { .. } => "stale",
            UnprintableCharacter { .. } => "unprintable-character",
            OrganisationWithoutGroups { .. } => "organisation-without-groups",
            UnusedIndication { .. } => "unused-indication",
            ImplausiblePhone { .. } => "implausible-phone",
            DuplicateName { .. } => "duplicate-name",
            OutputNotOurs { .. } => "output-not-ours",
            WriteFailed { .. } => "write-failed",
            FileExists { .. } => "file-exists",
            PersonalDataIntoOutput { .. } => "personal-data-into-output",
            UnknownEntry { .. } => "unknown-entry",
            PrintFailed { .. } => "print-failed",
            WordMissing { .. } => "word-missing",
            PrintWarning { .. } => "print-warning",
            PrintTemplate { .. } => "print-template",
            TemplateFailed { .. } => "template-failed",
            TableUnreadable { .. } => "table-unreadable",
            ColumnMissing { .. } => "column-missing",
            ImportNotADate { .. } => "import-not-a-date",
            ImportNotANumber { .. } => "import-not-a-number",
            ImportNotYesNo { .. } => "import-not-yes-no",
            PersonalDataLeftOut => "personal-data-left-out",
            MeetingKeptAsNote { .. } => "meeting-kept-as-note",
            FirstDateNeeded { .. } => "first-date-needed",
            ColumnNotImported { .. } => "column-not-imported",
            IndicationCreated { .. } => "indication-created",
            EntryDiffers { .. } => "entry-differs",
        }
    }

    /// The sentence, in the given language.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::*;
        use Message::*;
        match (self, lang) {
            (EmptyFile, De) => "Die Datei ist leer. Sie muss mit einer Zeile `+++` beginnen, dann folgen die Angaben, dann wieder `+++` und die Beschreibung.".into(),
            (EmptyFile, En) => "The file is empty. It must start with a line `+++`, then the fields, another `+++` line and the description.".into(),
            (NoFrontMatterStart, De) => "Die erste Zeile muss genau `+++` lauten (Beginn der Angaben).".into(),
            (NoFrontMatterStart, En) => "The first line must be exactly `+++` (start of the fields).".into(),
            (FrontMatterNotClosed, De) => "Die Angaben werden nicht mit einer Zeile `+++` abgeschlossen. Fügen Sie nach dem letzten Feld eine Zeile `+++` ein.".into(),
            (FrontMatterNotClosed, En) => "The fields are never closed by a line `+++`. Add a line `+++` after the last field.".into(),
            (InvalidUtf8 { offset }, De) => format!("Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte an Position {offset}). Speichern Sie sie im Editor mit der Kodierung UTF-8."),
            (InvalidUtf8 { offset }, En) => format!("The file is not valid UTF-8 (invalid byte at offset {offset}). Save it with the UTF-8 encoding."),
            (ReadFailed { error }, De) => format!("Die Datei kann nicht gelesen werden: {error}"),
            (ReadFailed { error }, En) => format!("The file cannot be read: {error}"),
            (SubfolderNotAllowed, De) => "Einträge dürfen nicht in Unterordnern liegen. Verschieben Sie die Datei direkt in den Ordner ihrer Art.".into(),
            (SubfolderNotAllowed, En) => "Entries may not be in subfolders. Move the file directly into the folder of its kind.".into(),
            (InvalidSlug { slug }, De) => format!("Der Dateiname `{slug}` ist nicht erlaubt: nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (z. B. `diabetes-nord.md`; ä → ae, ß → ss)."),
            (InvalidSlug { slug }, En) => format!("The file name `{slug}` is not allowed: use lowercase a–z, digits and single hyphens only (e.g. `diabetes-nord.md`)."),
            (ReservedPageSlug { slug }, De) => format!("Die Seite darf nicht `{slug}` heißen: diese Adresse gehört der Website selbst. Benennen Sie die Datei um."),
            (ReservedPageSlug { slug }, En) => format!("A page may not be called `{slug}`: that URL belongs to the site itself. Rename the file."),
            (SettingsMissing { path }, De) => format!("`{path}` fehlt. Jedes Verzeichnis braucht diese Datei mit Titel, base_url, language und [publisher]."),
            (SettingsMissing { path }, En) => format!("`{path}` is missing. Every directory needs it, with title, base_url, language and [publisher]."),
            (IndicationsMissing { path }, De) => format!("`{path}` fehlt. Legen Sie die Liste der Themen (Indikationen) an."),
            (IndicationsMissing { path }, En) => format!("`{path}` is missing. Create the list of topics (indications)."),
            (RootMissing { path }, De) => format!("Der Ordner `{path}` existiert nicht."),
            (RootMissing { path }, En) => format!("The folder `{path}` does not exist."),
            (TomlSyntax { detail }, De) => format!("Die Angaben sind kein gültiges TOML: {detail}. Prüfen Sie Anführungszeichen, Klammern und `=` in dieser Zeile."),
            (TomlSyntax { detail }, En) => format!("The fields are not valid TOML: {detail}. Check quotes, brackets and `=` in this line."),
            (MissingField { field }, De) => format!("Das Pflichtfeld `{field}` fehlt. Bitte ergänzen Sie es."),
            (MissingField { field }, En) => format!("The required field `{field}` is missing. Please add it."),
            (UnknownField { field, suggestion: suggestion @ Some(_) }, De) => format!("Das Feld `{field}` gibt es nicht.{} Sonst löschen Sie die Zeile.", opt_suggestion(De, suggestion)),
            (UnknownField { field, suggestion: None }, De) => format!("Das Feld `{field}` gibt es nicht. Löschen Sie die Zeile."),
            (UnknownField { field, suggestion: suggestion @ Some(_) }, En) => format!("There is no field `{field}`.{} Otherwise delete the line.", opt_suggestion(En, suggestion)),
            (UnknownField { field, suggestion: None }, En) => format!("There is no field `{field}`. Delete the line."),
            (WrongType { found, expected }, De) => format!("Hier wird {} erwartet, nicht {}.", type_de(expected), type_de(found)),
            (WrongType { found, expected }, En) => format!("Expected {expected} here, found {found}."),
            (UnknownValue { value, allowed }, De) => format!("`{value}` ist hier nicht erlaubt. Möglich sind: {}.", list(allowed)),
            (UnknownValue { value, allowed }, En) => format!("`{value}` is not allowed here. Allowed values: {}.", list(allowed)),
            (InvalidValue { detail }, De) => format!("Ungültiger Wert: {detail}"),
            (InvalidValue { detail }, En) => format!("Invalid value: {detail}"),
            (NotADate, De) => "Hier wird ein Datum ohne Uhrzeit erwartet, z. B. `2026-09-14` (ohne Anführungszeichen).".into(),
            (NotADate, En) => "Expected a date without time here, e.g. `2026-09-14` (without quotes).".into(),
            (InvalidTime { value }, De) => format!("`{value}` ist keine Uhrzeit. Schreiben Sie Stunden und Minuten wie \"19:00\"."),
            (InvalidTime { value }, En) => format!("`{value}` is not a time of day. Write hours and minutes like \"19:00\"."),
            (InvalidUrl { value }, De) => format!("`{value}` ist keine gültige Web-Adresse. Sie muss mit `https://` oder `http://` beginnen."),
            (InvalidUrl { value }, En) => format!("`{value}` is not a valid web address. It must start with `https://` or `http://`."),
            (InvalidEmail { value }, De) => format!("`{value}` ist keine gültige E-Mail-Adresse."),
            (InvalidEmail { value }, En) => format!("`{value}` is not a valid e-mail address."),
            (InvalidBaseUrl { value }, De) => format!("`base_url` muss eine vollständige Adresse mit `https://` oder `http://` sein, nicht `{value}`."),
            (InvalidBaseUrl { value }, En) => format!("`base_url` must be a complete address with `https://` or `http://`, not `{value}`."),
            (InvalidLanguageCode { code }, De) => format!("`{code}` ist kein Sprachkürzel nach ISO 639-1. Verwenden Sie zwei Kleinbuchstaben, z. B. \"de\", \"tr\", \"ru\"."),
            (InvalidLanguageCode { code }, En) => format!("`{code}` is not an ISO 639-1 language code. Use two lowercase letters, e.g. \"de\", \"tr\", \"ru\"."),
            (UnknownLanguageCode { code, suggestion }, De) => format!("`{code}` ist kein Sprachkürzel nach ISO 639-1.{} Verwenden Sie das Kürzel der Sprache aus ISO 639-1, z. B. \"de\", \"tr\", \"ru\".", opt_suggestion(De, suggestion)),
            (UnknownLanguageCode { code, suggestion }, En) => format!("`{code}` is not an ISO 639-1 language code.{} Use the language's code from ISO 639-1, e.g. \"de\", \"tr\", \"ru\".", opt_suggestion(En, suggestion)),
            (UnsupportedLanguage { code }, De) => format!("Die Sprache `{code}` wird nicht unterstützt. Möglich sind \"de\" und \"en\"."),
            (UnsupportedLanguage { code }, En) => format!("The language `{code}` is not supported. Use \"de\" or \"en\"."),
            (InvalidId { id }, De) => format!("Die Kennung `{id}` ist nicht erlaubt: nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche."),
            (InvalidId { id }, En) => format!("The id `{id}` is not allowed: use lowercase a–z, digits and single hyphens only."),
            (OutOfRange { value, range }, De) => format!("`{value}` liegt außerhalb des erlaubten Bereichs ({range})."),
            (OutOfRange { value, range }, En) => format!("`{value}` is out of range ({range})."),
            (UnknownIndication { id, suggestion }, De) => format!("`{id}` ist keine Indikation aus `content/indications.toml`.{}", opt_suggestion(De, suggestion)),
            (UnknownIndication { id, suggestion }, En) => format!("`{id}` is not an indication in `content/indications.toml`.{}", opt_suggestion(En, suggestion)),
            (UnknownOrganisation { slug, suggestion }, De) => format!("Es gibt keine Organisation `{slug}` in `content/organisations/`.{}", opt_suggestion(De, suggestion)),
            (UnknownOrganisation { slug, suggestion }, En) => format!("There is no organisation `{slug}` in `content/organisations/`.{}", opt_suggestion(En, suggestion)),
            (UnknownContactPoint { slug, suggestion }, De) => format!("Es gibt keine Kontaktstelle `{slug}` in `content/contact-points/`.{}", opt_suggestion(De, suggestion)),
            (UnknownContactPoint { slug, suggestion }, En) => format!("There is no contact point `{slug}` in `content/contact-points/`.{}", opt_suggestion(En, suggestion)),
            (NoIndications, De) => "Geben Sie mindestens eine Indikation an; die erste ist das Hauptthema.".into(),
            (NoIndications, En) => "Give at least one indication; the first one is the primary topic.".into(),
            (EmptyAudience, De) => "Geben Sie an, für wen die Gruppe ist: \"affected\" (Betroffene), \"relatives\" (Angehörige) oder beide.".into(),
            (EmptyAudience, En) => "Say whom the group is for: \"affected\", \"relatives\" or both.".into(),
            (EmptyName, De) => "Der Name ist leer. Tragen Sie den Namen ein, unter dem der Eintrag erscheinen soll.".into(),
            (EmptyName, En) => "The name is empty. Enter the name the entry is to appear under.".into(),
            (DuplicateSlug { slug, other }, De) => format!("Die Adresse `{slug}` wird schon von `{other}` verwendet. Jede Adresse darf nur einmal vorkommen."),
            (DuplicateSlug { slug, other }, En) => format!("The address `{slug}` is already used by `{other}`. Every address may be used only once."),
            (PersonalDataWithoutConsent { field }, De) => format!("`{field}` darf nur mit Einwilligung veröffentlicht werden. Tragen Sie das Datum der Einwilligung als `consent = JJJJ-MM-TT` ein oder löschen Sie `{field}`."),
            (PersonalDataWithoutConsent { field }, En) => format!("`{field}` may only be published with consent. Add the date of consent as `consent = YYYY-MM-DD` or remove `{field}`."),
            (EndedMissing, De) => "Bei `status = \"ended\"` fehlt `ended`: tragen Sie das Datum ein, an dem sich die Gruppe aufgelöst hat (z. B. `ended = 2026-06-30`).".into(),
            (EndedMissing, En) => "`status = \"ended\"` needs `ended`: add the date the group ended (e.g. `ended = 2026-06-30`).".into(),
            (EndedNotAllowed, De) => "`ended` ist nur bei `status = \"ended\"` erlaubt. Löschen Sie `ended` oder ändern Sie den Status.".into(),
            (EndedNotAllowed, En) => "`ended` is only allowed with `status = \"ended\"`. Remove `ended` or change the status.".into(),
            (PathLeavesContent { path }, De) => format!("Der Pfad `{path}` führt aus dem Ordner `content/` heraus. Legen Sie die Datei in `content/images/` ab und geben Sie den Pfad relativ zu `content/` an."),
            (PathLeavesContent { path }, En) => format!("The path `{path}` leaves the folder `content/`. Put the file into `content/images/` and give its path relative to `content/`."),
            (FileNotFound { path }, De) => format!("Die Datei `{path}` gibt es nicht (Pfade sind relativ zu `content/`)."),
            (FileNotFound { path }, En) => format!("The file `{path}` does not exist (paths are relative to `content/`)."),
            (ImageUnreadable { path, detail }, De) => format!("Das Bild `{path}` lässt sich nicht lesen ({detail}). Speichern Sie es neu als PNG, JPEG, GIF, WebP oder SVG."),
            (ImageUnreadable { path, detail }, En) => format!("The image `{path}` cannot be read ({detail}). Save it again as PNG, JPEG, GIF, WebP or SVG."),
            (WeekdayMissing, De) => "Für dieses Treffen fehlt `weekday` (z. B. \"tuesday\"). Nur bei `rhythm = \"irregular\"` darf er fehlen.".into(),
            (WeekdayMissing, En) => "This meeting needs `weekday` (e.g. \"tuesday\"). Only `rhythm = \"irregular\"` may leave it out.".into(),
            (StartMissing, De) => "Für dieses Treffen fehlt `start` (z. B. \"19:00\"). Nur bei `rhythm = \"irregular\"` darf sie fehlen.".into(),
            (StartMissing, En) => "This meeting needs `start` (e.g. \"19:00\"). Only `rhythm = \"irregular\"` may leave it out.".into(),
            (WeeksMissing, De) => "Bei `rhythm = \"monthly\"` fehlt `weeks`: welche Woche(n) im Monat, z. B. `weeks = [2, 4]` oder `weeks = [-1]` für die letzte.".into(),
            (WeeksMissing, En) => "`rhythm = \"monthly\"` needs `weeks`: which week(s) of the month, e.g. `weeks = [2, 4]` or `weeks = [-1]` for the last.".into(),
            (WeeksNotAllowed, De) => "`weeks` gilt nur bei `rhythm = \"monthly\"`. Löschen Sie `weeks` oder ändern Sie den Rhythmus.".into(),
            (WeeksNotAllowed, En) => "`weeks` only applies to `rhythm = \"monthly\"`. Remove it or change the rhythm.".into(),
            (InvalidWeek { value }, De) => format!("`{value}` ist keine Woche im Monat. Erlaubt sind 1, 2, 3, 4 und -1 (die letzte)."),
            (InvalidWeek { value }, En) => format!("`{value}` is not a week of the month. Allowed: 1, 2, 3, 4 and -1 (the last)."),
            (FirstDateMissing, De) => "Bei `rhythm = \"biweekly\"` fehlt `first_date`: ein Datum, an dem sich die Gruppe getroffen hat.".into(),
            (FirstDateMissing, En) => "`rhythm = \"biweekly\"` needs `first_date`: a date on which the group met.".into(),
            (FirstDateNotAllowed, De) => "`first_date` gilt nur bei `rhythm = \"biweekly\"`.".into(),
            (FirstDateNotAllowed, En) => "`first_date` only applies to `rhythm = \"biweekly\"`.".into(),
            (EndBeforeStart { start, end }, De) => format!("Das Treffen endet ({end}) vor seinem Beginn ({start}). Prüfen Sie die Uhrzeiten."),
            (EndBeforeStart { start, end }, En) => format!("The meeting ends ({end}) before it starts ({start}). Check the times."),
            (ThemeNotFound { name, path }, De) => format!("Das Theme `{name}` gibt es nicht (weder eingebaut noch in `{path}`)."),
            (ThemeNotFound { name, path }, En) => format!("There is no theme `{name}` (neither built in nor in `{path}`)."),
            (InvalidRepo { value }, De) => format!("`{value}` ist kein Repository in der Form `besitzer/name` (z. B. `kiss-musterstadt/wegweiser`)."),
            (InvalidRepo { value }, En) => format!("`{value}` is not a repository of the form `owner/name` (e.g. `kiss-musterstadt/wegweiser`)."),
            (EditingFieldMissing { field, backend }, De) => format!("Für `backend = \"{backend}\"` braucht [editing] auch `{field}`. Bitte ergänzen Sie es (siehe docs/redaktion.md)."),
            (EditingFieldMissing { field, backend }, En) => format!("With `backend = \"{backend}\"`, [editing] also needs `{field}`. Please add it (see docs/redaktion.md)."),
            (Stale { verified_de, months, year, .. }, De) => format!("Zuletzt bestätigt am {verified_de}: älter als {months} Monate vor dem 1. Januar {year}. Bitte lassen Sie die Angaben von den Ansprechpersonen bestätigen und aktualisieren Sie `verified`."),
            (Stale { verified_en, months, year, .. }, En) => format!("Last confirmed on {verified_en}: older than {months} months before 1 January {year}. Please confirm the entry and update `verified`."),
            (UnprintableCharacter { character, codepoint }, De) => format!("Das Zeichen `{character}` ({codepoint}) kann mit den Schriften des Hefts nicht gedruckt werden; im PDF steht dafür „?“. Ersetzen Sie es durch ein anderes Zeichen."),
            (UnprintableCharacter { character, codepoint }, En) => format!("The character `{character}` ({codepoint}) cannot be shown by the print fonts; the PDF shows \"?\" instead. Replace it with another character."),
            (OrganisationWithoutGroups { slug }, De) => format!("Keine Gruppe nennt diese Organisation. Stimmt das, ist alles in Ordnung; sonst tragen Sie bei ihren Gruppen `organisation = \"{slug}\"` ein."),
            (OrganisationWithoutGroups { slug }, En) => format!("No group names this organisation. If that is right, all is well; otherwise add `organisation = \"{slug}\"` to its groups."),
            (UnusedIndication { id }, De) => format!("Die Indikation `{id}` wird von keiner Gruppe und keiner Organisation verwendet. Ordnen Sie ihr Einträge zu oder löschen Sie sie."),
            (UnusedIndication { id }, En) => format!("The indication `{id}` is used by no group and no organisation. Assign entries to it or delete it."),
            (ImplausiblePhone { value }, De) => format!("`{value}` kann keine deutsche Telefonnummer sein. Schreiben Sie die Nummer mit Vorwahl, nur mit Ziffern, Leerzeichen und `-` oder `/`, z. B. `01234 567890` oder `+49 1234 567890`."),
            (ImplausiblePhone { value }, En) => format!("`{value}` cannot be a German phone number. Write it with its area code, using only digits, spaces and `-` or `/`, e.g. `01234 567890` or `+49 1234 567890`."),
            (DuplicateName { name, other }, De) => format!("`{other}` hat denselben Namen „{name}“. Ist es derselbe Eintrag, löschen Sie eine der Dateien; sonst machen Sie die Namen unterscheidbar (z. B. mit dem Ort)."),
            (DuplicateName { name, other }, En) => format!("`{other}` has the same name \"{name}\". If it is the same entry, delete one of the files; otherwise make the names distinguishable (e.g. by the place)."),
            (OutputNotOurs { path }, De) => format!("Der Ordner `{path}` ist nicht leer und wurde nicht von wegweiser angelegt. Wählen Sie mit `--out` einen anderen oder leeren Ordner."),
            (OutputNotOurs { path }, En) => format!("The folder `{path}` is not empty and was not made by wegweiser. Choose another or an empty folder with `--out`."),
            (WriteFailed { path, error }, De) => format!("`{path}` kann nicht geschrieben werden: {error}"),
            (WriteFailed { path, error }, En) => format!("Cannot write `{path}`: {error}"),
            (FileExists { path }, De) => format!("`{path}` gibt es schon; wegweiser überschreibt keine Einträge. Wählen Sie einen anderen Namen."),
            (FileExists { path }, En) => format!("`{path}` already exists; wegweiser never overwrites an entry. Choose another name."),
            (PersonalDataIntoOutput { path }, De) => format!("`{path}` liegt im Ausgabeordner, der veröffentlicht wird. Die Liste enthält persönliche Daten: wählen Sie eine Datei außerhalb von `output/`."),
            (PersonalDataIntoOutput { path }, En) => format!("`{path}` is inside the output folder, which gets published. The list holds personal data: choose a file outside `output/`."),
            (UnknownEntry { slug, suggestion }, De) => format!("`--entries`: Es gibt keinen Eintrag `{slug}` (Gruppe, Organisation oder Kontaktstelle mit diesem Dateinamen).{}", opt_suggestion(De, suggestion)),
            (UnknownEntry { slug, suggestion }, En) => format!("`--entries`: there is no entry `{slug}` (group, organisation or contact point with this file name).{}", opt_suggestion(En, suggestion)),
            (PrintWarning { detail }, De) => format!("Hinweis beim Setzen des Hefts: {detail}"),
            (PrintWarning { detail }, En) => format!("Note from typesetting the booklet: {detail}"),
            (PrintFailed { detail }, De) => format!("Das PDF konnte nicht gesetzt werden: {detail}"),
            (PrintFailed { detail }, En) => format!("The PDF could not be typeset: {detail}"),
            (WordMissing { key }, De) => format!("Das Wort `{key}` fehlt im Wörterbuch des Themes oder ist kein Text in Anführungszeichen."),
            (WordMissing { key }, En) => format!("The word `{key}` is missing from the theme's word table or is not a quoted text."),
            (PrintTemplate { message, .. }, De) => format!("typst meldet in der Druckvorlage: {message}"),
            (PrintTemplate { message, .. }, En) => format!("typst reports in the print template: {message}"),
            (TemplateFailed { template, detail }, De) => format!("Die Vorlage `{template}` konnte nicht angewendet werden: {detail}"),
            (TemplateFailed { template, detail }, En) => format!("The template `{template}` failed: {detail}"),
            (TableUnreadable { detail }, De) => format!("Die Datei lässt sich nicht als Tabelle lesen ({detail}). Speichern Sie die Liste als CSV, XLSX oder ODS mit den Spaltennamen in der ersten Zeile."),
            (TableUnreadable { detail }, En) => format!("The file cannot be read as a table ({detail}). Save the list as CSV, XLSX or ODS with the column names in the first row."),
            (ColumnMissing { header, suggestion }, De) => format!("Die Tabelle hat keine Spalte „{header}“.{} Tragen Sie den Namen der Spalte so ein, wie er in der ersten Zeile steht.", opt_suggestion(De, suggestion)),
            (ColumnMissing { header, suggestion }, En) => format!("The table has no column \"{header}\".{} Write the column's name as it stands in the first row.", opt_suggestion(En, suggestion)),
            (ImportNotADate { value }, De) => format!("„{value}“ ist kein Datum. Schreiben Sie es als 14.09.2026 oder 2026-09-14."),
            (ImportNotADate { value }, En) => format!("\"{value}\" is not a date. Write it as 2026-09-14 or 14.09.2026."),
            (ImportNotANumber { value }, De) => format!("„{value}“ ist keine ganze Zahl (z. B. ein Jahr wie 2011)."),
            (ImportNotANumber { value }, En) => format!("\"{value}\" is not a whole number (e.g. a year like 2011)."),
            (ImportNotYesNo { value }, De) => format!("„{value}“ ist weder ja noch nein. Schreiben Sie „ja“ oder „nein“."),
            (ImportNotYesNo { value }, En) => format!("\"{value}\" is neither yes nor no. Write \"ja\" or \"nein\"."),
            (PersonalDataLeftOut, De) => "Ansprechperson, Telefon und E-Mail werden nicht übernommen: es fehlt das Datum der Einwilligung. Die Gruppe wird über die Kontaktstelle erreicht (`via_contact_point = true`).".into(),
            (PersonalDataLeftOut, En) => "Contact person, phone and e-mail are left out: the date of consent is missing. The group is reached through the contact point (`via_contact_point = true`).".into(),
            (MeetingKeptAsNote { text }, De) => format!("Die Treffzeit „{text}“ ist nicht lesbar; sie steht als Hinweis eines unregelmäßigen Treffens im Eintrag. Bitte prüfen Sie sie."),
            (MeetingKeptAsNote { text }, En) => format!("The meeting time \"{text}\" cannot be read; it is kept as the note of an irregular meeting. Please check it."),
            (FirstDateNeeded { text }, De) => format!("„{text}“ ist 14-täglich, aber es fehlt ein Datum, an dem sich die Gruppe getroffen hat; das Treffen steht als unregelmäßig im Eintrag. Ergänzen Sie `first_date`."),
            (FirstDateNeeded { text }, En) => format!("\"{text}\" is biweekly, but a date the group met is missing; the meeting is kept as irregular. Add `first_date`."),
            (ColumnNotImported { header }, De) => format!("Die Spalte „{header}“ wird nicht übernommen (sie steht nicht unter [columns] der Zuordnung)."),
            (ColumnNotImported { header }, En) => format!("The column \"{header}\" is not imported (it is not under [columns] of the mapping)."),
            (IndicationCreated { id, name, category }, De) => format!("Neue Indikation `{id}` („{name}“, Bereich „{category}“) in `content/indications.toml`."),
            (IndicationCreated { id, name, category }, En) => format!("New indication `{id}` (\"{name}\", category \"{category}\") in `content/indications.toml`."),
            (EntryDiffers { path }, De) => format!("`{path}` gibt es schon und weicht von dieser Zeile ab; er bleibt, wie er ist. Mit `--update` werden die zugeordneten Felder übernommen."),
            (EntryDiffers { path }, En) => format!("`{path}` exists and differs from this row; it is left as it is. `--update` takes over the mapped fields."),
        }
    }
}

impl Message {
    /// A hint what to do, where the message alone does not say it fully
    /// (`help` in the JSON output, `= …` note in the human output).
    pub fn help(&self, lang: Lang) -> Option<String> {
        use Lang::*;
        use Message::*;
        let replace = |from: &str, to: &Option<String>| {
            to.as_ref().map(|to| match lang {
                De => format!("Ersetzen Sie `{from}` durch `{to}`."),
                En => format!("Replace `{from}` with `{to}`."),
            })
        };
        match (self, lang) {
            (UnknownIndication { id, suggestion }, _) => replace(id, suggestion),
            (UnknownOrganisation { slug, suggestion }, _)
            | (UnknownContactPoint { slug, suggestion }, _) => replace(slug, suggestion),
            (UnknownField { field, suggestion }, _) => replace(field, suggestion),
            (UnknownLanguageCode { code, suggestion }, _) => replace(code, suggestion),
            (PersonalDataWithoutConsent { field }, De) => Some(format!(
                "Tragen Sie unter [contact] `consent = JJJJ-MM-TT` (Datum der Einwilligung) ein oder löschen Sie `{field}`."
            )),
            (PersonalDataWithoutConsent { field }, En) => Some(format!(
                "Add `consent = YYYY-MM-DD` (date of consent) under [contact] or delete `{field}`."
            )),
            (WordMissing { key }, De) => Some(format!(
                "Tragen Sie es {} ein; alle Wörter mit ihren Schlüsseln stehen in themes/default/i18n/ des Wegweiser-Quelltexts.",
                word_place(key, De)
            )),
            (WordMissing { key }, En) => Some(format!(
                "Add it {}; every word with its key is in themes/default/i18n/ of wegweiser's source.",
                word_place(key, En)
            )),
            (NotADate, De) => Some("Beispiel: `verified = 2026-09-14`".into()),
            (NotADate, En) => Some("Example: `verified = 2026-09-14`".into()),
            (
                PrintTemplate {
                    hints,
                    trace,
                    built_in,
                    ..
                },
                _,
            ) => {
                let mut lines: Vec<String> = hints
                    .iter()
                    .map(|hint| match lang {
                        De => format!("Hinweis von typst: {hint}"),
                        En => format!("typst hint: {hint}"),
                    })
                    .collect();
                lines.extend(trace.iter().cloned());
                if *built_in {
                    lines.push(match lang {
                        De => "Die Vorlage ist die des eingebauten Themes; eine eigene Fassung unter themes/<name>/print/ ersetzt sie.".into(),
                        En => "This is the built-in theme's template; a copy under themes/<name>/print/ replaces it.".into(),
                    });
                }
                (!lines.is_empty()).then(|| lines.join("\n"))
            }
            _ => None,
        }
    }
}

/// Everything else the tool says (progress, summaries, the browser overlay,
/// table headings): not problems, but read by the same people.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum Note {
    /// "N errors, M warnings" under the problems.
    ProblemCount {
        errors: usize,
        warnings: usize,
        notices: usize,
    },
    CheckOk {
        groups: usize,
        organisations: usize,
        contact_points: usize,
        indications: usize,
        warnings: usize,
    },
    Loaded {
        files: usize,
        seconds: f64,
    },
    RenderingWeb,
    RenderedWeb {
        files: usize,
        seconds: f64,
    },
    Typesetting {
        year: i32,
    },
    Typeset {
        pages: usize,
        seconds: f64,
    },
    Writing {
        path: String,
    },
    BuildDone {
        entries: usize,
        files: usize,
        pdf_pages: Option<usize>,
        path: String,
        seconds: f64,
    },
    PrintDone {
        path: String,
        pages: usize,
    },
    StaleCount {
        count: usize,
        year: i32,
    },
    StaleHeader,
    /// Head of the stale CSV's column with the page of each entry's sheet.
    StaleSheetPage,
    /// `sheets` wrote its PDF.
    SheetsDone {
        path: String,
        sheets: usize,
        pages: usize,
        reply_by: String,
    },
    KindGroup,
    KindOrganisation,
    KindContactPoint,
    Via {
        name: String,
    },
    Written {
        path: String,
    },
    ServeListening {
        url: String,
        root: String,
    },
    ServeWatching {
        paths: String,
    },
    ServeChanged {
        paths: String,
    },
    ServeRebuilt {
        files: usize,
        rendered: usize,
        millis: u128,
    },
    ServeFailed {
        errors: usize,
    },
    ServeStopping,
    ServeBuilding,
    ServePortInUse {
        port: u16,
        error: String,
    },
    // serve's editor API (`POST /api/v1`), answered as JSON `{"error": …}`
    ApiForeignRequest,
    ApiPathOutside {
        path: String,
    },
    ApiNotEntryPath {
        path: String,
    },
    ApiNotImagePath {
        path: String,
    },
    ApiNotFound {
        path: String,
    },
    ApiBodyTooLarge {
        megabytes: usize,
    },
    ApiNotJson,
    ApiPostOnly,
    ApiBadJson {
        detail: String,
    },
    ApiMissingParam {
        name: String,
    },
    ApiUnknownAction {
        action: String,
    },
    ApiBadBase64 {
        path: String,
    },
    ApiWriteFailed {
        error: String,
    },
    OverlayTitle,
    OverlayHint,
    // ---- command line: wrong usage (clap's errors; `src/cli/localize.rs`) --
    // German is rendered from these; English keeps clap's own rendering
    // (the English texts say the same, in clap's words where it has them).
    /// "error" before a usage error.
    CliError,
    /// "tip" before a suggestion.
    CliTip,
    /// "Usage" before the usage line.
    CliUsage,
    CliMoreHelp {
        flag: String,
    },
    CliUnknownOption {
        arg: String,
    },
    CliUnexpectedArgument {
        arg: String,
    },
    CliUnknownCommand {
        name: String,
    },
    CliInvalidValue {
        value: String,
        arg: String,
    },
    CliValueRequired {
        arg: String,
    },
    CliPossibleValues {
        values: Vec<String>,
    },
    CliBadValue {
        arg: String,
        detail: String,
    },
    CliNotAYear {
        value: String,
    },
    CliNotAPort {
        value: String,
    },
    CliNotADate {
        value: String,
    },
    CliNotAFolder {
        value: String,
    },
    CliNoEquals {
        arg: String,
    },
    CliTooManyValues {
        value: String,
        arg: String,
    },
    CliTooFewValues {
        arg: String,
        min: isize,
        actual: isize,
    },
    CliWrongNumberOfValues {
        arg: String,
        expected: isize,
        actual: isize,
    },
    /// `others` empty: "the other arguments".
    CliConflict {
        arg: String,
        others: Vec<String>,
    },
    CliCommandConflict {
        name: String,
        others: Vec<String>,
    },
    CliRepeated {
        arg: String,
    },
    CliMissing {
        args: Vec<String>,
    },
    CliMissingCommand {
        parent: String,
        available: Vec<String>,
    },
    CliInvalidUtf8,
    CliDidYouMean {
        candidates: Vec<String>,
    },
    /// `arg` starts with `-` but is meant as a value: write `fix`.
    CliPassAsValue {
        arg: String,
        fix: String,
    },
    CliCommandAfterDoubleDash {
        name: String,
    },
    // ---- import / export ------------------------------------------------
    /// The word before a report line: created, updated, …
    ImportKind {
        kind: &'static str,
    },
    ImportCreated {
        path: String,
        written: bool,
    },
    ImportUpdated {
        path: String,
        written: bool,
    },
    ImportUnchanged {
        path: String,
    },
    ImportSummary {
        rows: usize,
        created: usize,
        updated: usize,
        unchanged: usize,
        problems: usize,
        written: bool,
    },
    MappingWritten {
        path: String,
        columns: usize,
        unplaced: usize,
    },
    ExportDone {
        path: String,
        entries: usize,
    },
}

impl Note {
    /// The line, in the given language.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::*;
        use Note::*;
        match (self, lang) {
            (ProblemCount { errors, warnings, notices }, De) => format!(
                "{errors} Fehler, {}{}",
                n(*warnings, "Warnung", "Warnungen"),
                if *notices > 0 { format!(", {}", n(*notices, "Hinweis", "Hinweise")) } else { String::new() }
            ),
            (ProblemCount { errors, warnings, notices }, En) => format!(
                "{}, {}{}",
                n(*errors, "error", "errors"),
                n(*warnings, "warning", "warnings"),
                if *notices > 0 { format!(", {}", n(*notices, "notice", "notices")) } else { String::new() }
            ),
            (CheckOk { groups, organisations, contact_points, indications, warnings }, De) => format!(
                "In Ordnung: {}, {}, {}, {}, {}.",
                n(*groups, "Gruppe", "Gruppen"),
                n(*organisations, "Organisation", "Organisationen"),
                n(*contact_points, "Kontaktstelle", "Kontaktstellen"),
                n(*indications, "Indikation", "Indikationen"),
                n(*warnings, "Warnung", "Warnungen")
            ),
            (CheckOk { groups, organisations, contact_points, indications, warnings }, En) => format!(
                "OK: {}, {}, {}, {}, {}.",
                n(*groups, "group", "groups"),
                n(*organisations, "organisation", "organisations"),
                n(*contact_points, "contact point", "contact points"),
                n(*indications, "indication", "indications"),
                n(*warnings, "warning", "warnings")
            ),
            (Loaded { files, seconds }, De) => format!("Gelesen und geprüft: {files} Dateien ({seconds:.2} s)"),
            (Loaded { files, seconds }, En) => format!("Read and checked: {files} files ({seconds:.2} s)"),
            (RenderingWeb, De) => "Website wird erzeugt …".into(),
            (RenderingWeb, En) => "Rendering the website …".into(),
            (RenderedWeb { files, seconds }, De) => format!("Website: {files} Dateien ({seconds:.2} s)"),
            (RenderedWeb { files, seconds }, En) => format!("Website: {files} files ({seconds:.2} s)"),
            (Typesetting { year }, De) => format!("PDF der Ausgabe {year} wird gesetzt …"),
            (Typesetting { year }, En) => format!("Typesetting the PDF of the {year} edition …"),
            (Typeset { pages, seconds }, De) => format!("PDF: {pages} Seiten ({seconds:.2} s)"),
            (Typeset { pages, seconds }, En) => format!("PDF: {pages} pages ({seconds:.2} s)"),
            (Writing { path }, De) => format!("Schreibe {path} …"),
            (Writing { path }, En) => format!("Writing {path} …"),
            (BuildDone { entries, files, pdf_pages, path, seconds }, De) => format!(
                "wegweiser: {entries} Einträge, {files} Dateien{} → {path} ({seconds:.2} s)",
                pdf_pages.map(|p| format!(", PDF {p} Seiten")).unwrap_or_default()
            ),
            (BuildDone { entries, files, pdf_pages, path, seconds }, En) => format!(
                "wegweiser: {entries} entries, {files} files{} → {path} ({seconds:.2} s)",
                pdf_pages.map(|p| format!(", PDF {p} pages")).unwrap_or_default()
            ),
            (PrintDone { path, pages }, De) => format!("wegweiser: {path} ({pages} Seiten)"),
            (PrintDone { path, pages }, En) => format!("wegweiser: {path} ({pages} pages)"),
            (StaleCount { count, year }, De) => format!("{count} Einträge zu bestätigen (Ausgabe {year})."),
            (StaleCount { count, year }, En) => format!("{count} entries to confirm (edition {year})."),
            (StaleSheetPage, De) => "Seite im Rückmeldebogen".into(),
            (StaleSheetPage, En) => "Sheet page".into(),
            (SheetsDone { path, sheets, pages, reply_by }, De) => format!("wegweiser: {path} ({sheets} Rückmeldebögen, {pages} Seiten, Antwort bis {reply_by})"),
            (SheetsDone { path, sheets, pages, reply_by }, En) => format!("wegweiser: {path} ({sheets} sheets, {pages} pages, reply by {reply_by})"),
            (StaleHeader, De) => "Art\tDatei\tName\tBestätigt\tKontakt".into(),
            (StaleHeader, En) => "Kind\tFile\tName\tVerified\tContact".into(),
            (KindGroup, De) => "Gruppe".into(),
            (KindGroup, En) => "Group".into(),
            (KindOrganisation, De) => "Organisation".into(),
            (KindOrganisation, En) => "Organisation".into(),
            (KindContactPoint, De) => "Kontaktstelle".into(),
            (KindContactPoint, En) => "Contact point".into(),
            (Via { name }, De) => format!("über {name}"),
            (Via { name }, En) => format!("via {name}"),
            (Written { path }, De) => format!("Angelegt: {path}"),
            (Written { path }, En) => format!("Created: {path}"),
            (ServeListening { url, root }, De) => format!("wegweiser serve: {url} (Verzeichnis {root}; beenden mit Strg+C)"),
            (ServeListening { url, root }, En) => format!("wegweiser serve: {url} (directory {root}; stop with Ctrl+C)"),
            (ServeWatching { paths }, De) => format!("Beobachte {paths}"),
            (ServeWatching { paths }, En) => format!("Watching {paths}"),
            (ServeChanged { paths }, De) => format!("Geändert: {paths}"),
            (ServeChanged { paths }, En) => format!("Changed: {paths}"),
            (ServeRebuilt { files, rendered, millis }, De) => format!("Neu erzeugt: {rendered} von {files} Dateien in {millis} ms"),
            (ServeRebuilt { files, rendered, millis }, En) => format!("Rebuilt: {rendered} of {files} files in {millis} ms"),
            (ServeFailed { errors }, De) => format!("{errors} Fehler: der Browser zeigt weiter die letzte gute Fassung und die Probleme."),
            (ServeFailed { errors }, En) => format!("{errors} errors: the browser keeps showing the last good version and the problems."),
            (ServeBuilding, De) => "Die Website wird erzeugt … Die Seite lädt sich gleich von selbst neu.".into(),
            (ServeBuilding, En) => "Building the website … this page reloads by itself in a moment.".into(),
            (ServeStopping, De) => "wegweiser serve beendet.".into(),
            (ServeStopping, En) => "wegweiser serve stopped.".into(),
            (ServePortInUse { port, error }, De) => format!("Port {port} auf 127.0.0.1 kann nicht geöffnet werden ({error}). Wählen Sie einen anderen mit `--port`."),
            (ServePortInUse { port, error }, En) => format!("Cannot open port {port} on 127.0.0.1 ({error}). Choose another one with `--port`."),
            (ApiForeignRequest, De) => "Abgelehnt: die Anfrage kommt nicht von dieser Seite (`Host` oder `Origin` ist nicht die Adresse von `wegweiser serve`). Öffnen Sie den Editor unter der Adresse, die `wegweiser serve` anzeigt.".into(),
            (ApiForeignRequest, En) => "Refused: the request does not come from this page (`Host` or `Origin` is not the address of `wegweiser serve`). Open the editor at the address `wegweiser serve` shows.".into(),
            (ApiPathOutside { path }, De) => format!("Abgelehnt: `{path}` ist kein Pfad unter `content/` (nur relative Pfade mit `/`, ohne `..`, ohne Verknüpfung nach außen)."),
            (ApiPathOutside { path }, En) => format!("Refused: `{path}` is not a path below `content/` (relative paths with `/` only, no `..`, no link leading out)."),
            (ApiNotEntryPath { path }, De) => format!("`{path}`: Einträge werden nur als `content/groups/`, `content/organisations/`, `content/contact-points/` oder `content/pages/` + Kürzel + `.md` gespeichert; das Kürzel besteht aus Kleinbuchstaben a–z, Ziffern und einzelnen Bindestrichen (z. B. `diabetes-nord`)."),
            (ApiNotEntryPath { path }, En) => format!("`{path}`: entries are saved only as `content/groups/`, `content/organisations/`, `content/contact-points/` or `content/pages/` + slug + `.md`; the slug is lowercase letters a–z, digits and single hyphens (e.g. `diabetes-nord`)."),
            (ApiNotImagePath { path }, De) => format!("`{path}`: Bilder werden nur direkt in `content/images/` gespeichert, als PNG, JPEG, GIF, WebP oder SVG, mit einem Namen aus Buchstaben, Ziffern, `.`, `_` und `-`."),
            (ApiNotImagePath { path }, En) => format!("`{path}`: images are saved only directly in `content/images/`, as PNG, JPEG, GIF, WebP or SVG, named with letters, digits, `.`, `_` and `-`."),
            (ApiNotFound { path }, De) => format!("`{path}` gibt es nicht."),
            (ApiNotFound { path }, En) => format!("`{path}` does not exist."),
            (ApiBodyTooLarge { megabytes }, De) => format!("Abgelehnt: die Anfrage ist größer als {megabytes} MB. Verkleinern Sie das Bild vor dem Hochladen."),
            (ApiBodyTooLarge { megabytes }, En) => format!("Refused: the request is larger than {megabytes} MB. Make the image smaller before uploading it."),
            (ApiNotJson, De) => "Abgelehnt: die Anfrage muss JSON sein (`Content-Type: application/json`).".into(),
            (ApiNotJson, En) => "Refused: the request must be JSON (`Content-Type: application/json`).".into(),
            (ApiPostOnly, De) => "Diese Adresse nimmt nur POST-Anfragen an.".into(),
            (ApiPostOnly, En) => "This address takes POST requests only.".into(),
            (ApiBadJson { detail }, De) => format!("Die Anfrage ist kein gültiges JSON ({detail})."),
            (ApiBadJson { detail }, En) => format!("The request is not valid JSON ({detail})."),
            (ApiMissingParam { name }, De) => format!("Der Anfrage fehlt der Parameter `{name}` (oder er hat die falsche Art)."),
            (ApiMissingParam { name }, En) => format!("The request lacks the parameter `{name}` (or it has the wrong type)."),
            (ApiUnknownAction { action }, De) => format!("Unbekannte Aktion {action}"),
            (ApiUnknownAction { action }, En) => format!("Unknown action {action}"),
            (ApiBadBase64 { path }, De) => format!("Der Inhalt von `{path}` ist kein gültiges Base64."),
            (ApiBadBase64 { path }, En) => format!("The content of `{path}` is not valid base64."),
            (ApiWriteFailed { error }, De) => format!("Speichern fehlgeschlagen: {error}"),
            (ApiWriteFailed { error }, En) => format!("Saving failed: {error}"),
            (OverlayTitle, De) => "Probleme im Inhalt".into(),
            (OverlayTitle, En) => "Problems in the content".into(),
            (OverlayHint, De) => "Die Seite zeigt die letzte fehlerfreie Fassung. Sobald die Dateien korrigiert und gespeichert sind, verschwindet dieser Hinweis.".into(),
            (OverlayHint, En) => "The page shows the last version without errors. This notice disappears as soon as the files are fixed and saved.".into(),
            (CliError, De) => "Fehler".into(),
            (CliError, En) => "error".into(),
            (CliTip, De) => "Tipp".into(),
            (CliTip, En) => "tip".into(),
            (CliUsage, De) => "Aufruf".into(),
            (CliUsage, En) => "Usage".into(),
            (CliMoreHelp { flag }, De) => format!("Weitere Informationen mit `{flag}`."),
            (CliMoreHelp { flag }, En) => format!("For more information, try '{flag}'."),
            (CliUnknownOption { arg }, De) => format!("Die Option `{arg}` gibt es hier nicht."),
            (CliUnknownOption { arg }, En) | (CliUnexpectedArgument { arg }, En) => format!("unexpected argument '{arg}' found"),
            (CliUnexpectedArgument { arg }, De) => format!("`{arg}` wird hier nicht erwartet."),
            (CliUnknownCommand { name }, De) => format!("Den Befehl `{name}` gibt es nicht."),
            (CliUnknownCommand { name }, En) => format!("unrecognized subcommand '{name}'"),
            (CliInvalidValue { value, arg }, De) => format!("`{value}` ist kein gültiger Wert für `{arg}`."),
            (CliInvalidValue { value, arg }, En) => format!("invalid value '{value}' for '{arg}'"),
            (CliValueRequired { arg }, De) => format!("`{arg}` braucht einen Wert."),
            (CliValueRequired { arg }, En) => format!("a value is required for '{arg}' but none was supplied"),
            (CliPossibleValues { values }, De) => format!("Möglich sind: {}.", list(values)),
            (CliPossibleValues { values }, En) => format!("[possible values: {}]", values.join(", ")),
            (CliBadValue { arg, detail }, De) => format!("Ungültiger Wert für `{arg}`: {detail}"),
            (CliBadValue { arg, detail }, En) => format!("invalid value for '{arg}': {detail}"),
            (CliNotAYear { value }, De) => format!("`{value}` ist keine Jahreszahl (JJJJ, z. B. 2027)."),
            (CliNotAYear { value }, En) => format!("`{value}` is not a year (YYYY)"),
            (CliNotADate { value }, De) => format!("`{value}` ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 31.03.2027)."),
            (CliNotADate { value }, En) => format!("`{value}` is not a date (DD.MM.YYYY or YYYY-MM-DD)"),
            (CliNotAPort { value }, De) => format!("`{value}` ist keine Portnummer (0–65535)."),
            (CliNotAPort { value }, En) => format!("`{value}` is not a port number (0–65535)"),
            (CliNotAFolder { value }, De) => format!("Den Ordner `{value}` gibt es nicht."),
            (CliNotAFolder { value }, En) => format!("there is no folder `{value}`"),
            (CliNoEquals { arg }, De) => format!("Den Wert von `{arg}` bitte mit `=` anhängen."),
            (CliNoEquals { arg }, En) => format!("equal sign is needed when assigning values to '{arg}'"),
            (CliTooManyValues { value, arg }, De) => format!("`{arg}` nimmt keinen weiteren Wert; `{value}` ist zu viel."),
            (CliTooManyValues { value, arg }, En) => format!("unexpected value '{value}' for '{arg}' found; no more were expected"),
            (CliTooFewValues { arg, min, actual }, De) => format!("`{arg}` braucht mindestens {min} Werte, angegeben: {actual}."),
            (CliTooFewValues { arg, min, actual }, En) => format!("{min} values required by '{arg}'; only {actual} provided"),
            (CliWrongNumberOfValues { arg, expected, actual }, De) => format!("`{arg}` braucht {expected} Werte, angegeben: {actual}."),
            (CliWrongNumberOfValues { arg, expected, actual }, En) => format!("{expected} values required for '{arg}' but {actual} provided"),
            (CliConflict { arg, others }, De) if others.is_empty() => format!("`{arg}` geht nicht zusammen mit den anderen Angaben."),
            (CliConflict { arg, others }, De) => format!("`{arg}` geht nicht zusammen mit {}.", list_or(others, "oder")),
            (CliConflict { arg, others }, En) if others.is_empty() => format!("the argument '{arg}' cannot be used with one or more of the other specified arguments"),
            (CliConflict { arg, others }, En) => format!("the argument '{arg}' cannot be used with {}", quoted(others)),
            (CliCommandConflict { name, others }, De) => format!("Der Befehl `{name}` geht nicht zusammen mit {}.", list_or(others, "oder")),
            (CliCommandConflict { name, others }, En) => format!("the subcommand '{name}' cannot be used with {}", quoted(others)),
            (CliRepeated { arg }, De) => format!("`{arg}` darf nur einmal angegeben werden."),
            (CliRepeated { arg }, En) => format!("the argument '{arg}' cannot be used multiple times"),
            (CliMissing { args }, De) if args.len() == 1 => format!("Die Angabe {} fehlt.", list(args)),
            (CliMissing { args }, De) => format!("Diese Angaben fehlen: {}.", list(args)),
            (CliMissing { args }, En) => format!("the following required arguments were not provided: {}", args.join(", ")),
            (CliMissingCommand { parent, available }, De) => format!("`{parent}` braucht einen Befehl: {}.", list_or(available, "oder")),
            (CliMissingCommand { parent, available }, En) => format!("'{parent}' requires a subcommand but one was not provided: {}", available.join(", ")),
            (CliInvalidUtf8, De) => "Ein Argument ist kein gültiges UTF-8.".into(),
            (CliInvalidUtf8, En) => "invalid UTF-8 was detected in one or more arguments".into(),
            (CliDidYouMean { candidates }, De) => format!("Meinten Sie {}?", list_or(candidates, "oder")),
            (CliDidYouMean { candidates }, En) => format!("a similar value exists: {}", quoted(candidates)),
            (CliPassAsValue { arg, fix }, De) => format!("Ist `{arg}` als Wert gemeint, schreiben Sie `{fix}`."),
            (CliPassAsValue { arg, fix }, En) => format!("to pass '{arg}' as a value, use '{fix}'"),
            (CliCommandAfterDoubleDash { name }, De) => format!("Den Befehl `{name}` gibt es; lassen Sie dafür das `--` davor weg."),
            (CliCommandAfterDoubleDash { name }, En) => format!("subcommand '{name}' exists; to use it, remove the '--' before it"),
            (ImportKind { kind }, De) => match *kind {
                "created" => "neu",
                "updated" => "aktualisiert",
                "unchanged" => "unverändert",
                "notice" => "Hinweis",
                _ => "Problem",
            }
            .into(),
            (ImportKind { kind }, En) => (*kind).into(),
            (ImportCreated { path, written: true }, De) => format!("angelegt: {path}"),
            (ImportCreated { path, written: false }, De) => format!("würde angelegt: {path}"),
            (ImportCreated { path, written: true }, En) => format!("created {path}"),
            (ImportCreated { path, written: false }, En) => format!("would create {path}"),
            (ImportUpdated { path, written: true }, De) => format!("aktualisiert: {path}"),
            (ImportUpdated { path, written: false }, De) => format!("würde aktualisiert: {path}"),
            (ImportUpdated { path, written: true }, En) => format!("updated {path}"),
            (ImportUpdated { path, written: false }, En) => format!("would update {path}"),
            (ImportUnchanged { path }, De) => format!("unverändert: {path}"),
            (ImportUnchanged { path }, En) => format!("unchanged: {path}"),
            (ImportSummary { rows, created, updated, unchanged, problems, written }, De) => format!(
                "{}: {created} neu, {updated} aktualisiert, {unchanged} unverändert, {} mit Problem{}.",
                n(*rows, "Zeile", "Zeilen"),
                problems,
                if *written { "" } else { " (Probelauf: nichts geschrieben; mit --write schreiben)" }
            ),
            (ImportSummary { rows, created, updated, unchanged, problems, written }, En) => format!(
                "{}: {created} created, {updated} updated, {unchanged} unchanged, {problems} with a problem{}.",
                n(*rows, "row", "rows"),
                if *written { "" } else { " (dry run: nothing written; write with --write)" }
            ),
            (MappingWritten { path, columns, unplaced }, De) => format!("Zuordnung geschrieben: {path} ({columns} Spalten zugeordnet, {unplaced} nicht). Bitte einmal durchsehen."),
            (MappingWritten { path, columns, unplaced }, En) => format!("Mapping written: {path} ({columns} columns placed, {unplaced} not). Please look it over."),
            (ExportDone { path, entries }, De) => format!("Exportiert: {entries} Einträge → {path}"),
            (ExportDone { path, entries }, En) => format!("Exported: {entries} entries → {path}"),
        }
    }
}

/// Help texts of the command line (`--help`) in German; the English texts
/// are the doc comments of the clap types in `src/cli/` and clap's own words.
/// Keys: `about`, a command's name, `COMMAND.ARG`, `arg.ARG` (any command),
/// `COMMAND.ARG.VALUE` (a possible value), `value.COMMAND.ARG` and
/// `value.ARG` (the placeholder in `--arg <VALUE>`), `heading.*`, `usage.*`,
/// `spec.*` (the bracketed notes after a help text).
pub fn help_text(key: &str, lang: Lang) -> Option<&'static str> {
    if lang == Lang::En {
        return None;
    }
    Some(match key {
        "about" => {
            "Erzeugt aus den Dateien eines Selbsthilfe-Wegweisers die Website und das gedruckte Heft."
        }
        "heading.usage" => "Aufruf",
        "heading.commands" => "Befehle",
        "heading.options" => "Optionen",
        "heading.arguments" => "Argumente",
        "usage.options" => "[OPTIONEN]",
        "spec.default" => "Standard",
        "spec.possible_values" => "mögliche Werte",
        "spec.possible_values_heading" => "Mögliche Werte",
        "value.command" => "BEFEHL",
        "value.subcommand" => "BEFEHL",
        "value.root" => "ORDNER",
        "value.build.out" => "AUSGABE",
        "value.out" => "DATEI",
        "value.year" => "JAHR",
        "value.lang" => "SPRACHE",
        "value.format" => "FORMAT",
        "value.only" => "TEIL",
        "value.port" => "PORT",
        "value.name" => "NAME",
        "value.indications" => "INDIKATIONEN",
        "value.kind" => "ART",
        "value.slug" => "DATEINAME",
        "value.emit_typst" => "ZIELORDNER",
        "value.cover_pdf" => "DATEI",
        "build" => "Website (AUSGABE/site/) und Heft (AUSGABE/print/wegweiser-JAHR.pdf) erzeugen",
        "check" => "Das Verzeichnis prüfen und jedes Problem melden",
        "print" => "Das Heft eines Jahrgangs setzen",
        "sheets" => {
            "Die Rückmeldebögen der jährlichen Abfrage setzen: ein Brief je Eintrag, der im Internet oder im Heft des Jahrgangs steht"
        }
        "sheets.year" => "Jahrgang, für den abgefragt wird",
        "sheets.out" => "Die PDF-Datei (Standard: ORDNER/output/print/rueckmeldung-JAHR.pdf)",
        "sheets.reply_by" => {
            "Antwort bis zu diesem Datum (TT.MM.JJJJ oder JJJJ-MM-TT; Standard: [print] reply_weeks Wochen nach dem neuesten `verified`)"
        }
        "sheets.entries" => "Nur diese Einträge (Dateinamen ohne .md, durch Kommas getrennt)",
        "print.variant" => "Welches Heft: das übliche oder den Großdruck",
        "print.variant.standard" => "Das übliche Heft (wegweiser-JAHR.pdf)",
        "print.variant.large" => {
            "Großdruck: A4, eine Spalte, Text mindestens 14 pt (wegweiser-JAHR-grossdruck.pdf)"
        }
        "value.reply_by" => "DATUM",
        "value.entries" => "EINTRÄGE",
        "value.variant" => "FASSUNG",
        "stale" => {
            "Einträge auflisten, die für einen Jahrgang bestätigt werden müssen (persönliche Daten: nur Standardausgabe oder --out)"
        }
        "new" => "Eine kommentierte Vorlage für einen neuen Eintrag anlegen",
        "serve" => {
            "Die Website auf 127.0.0.1 zeigen, bei jeder Änderung neu erzeugen und den Browser neu laden"
        }
        "schema" => "Das JSON-Schema einer Dateiart ausgeben (für Vervollständigung im Editor)",
        "help" => "Diese Hilfe oder die Hilfe eines Befehls anzeigen",
        "arg.help" => "Hilfe anzeigen",
        "arg.help.more" => "Hilfe anzeigen (ausführlicher mit `--help`)",
        "arg.help.summary" => "Hilfe anzeigen (Kurzfassung mit `-h`)",
        "arg.subcommand" => "Die Hilfe dieses Befehls anzeigen",
        "arg.version" => "Version anzeigen",
        "arg.lang" => "Sprache der Meldungen (Standard: `language` in wegweiser.toml)",
        "arg.quiet" => "Nur Probleme ausgeben",
        "arg.verbose" => {
            "Jeden Schritt mit seiner Dauer zeigen (Standard im Terminal; nicht in CI)"
        }
        "arg.root" => "Der Ordner des Verzeichnisses (mit wegweiser.toml und content/)",
        "arg.strict" => "Jede Warnung als Fehler behandeln",
        "arg.year" => "Jahrgang (Standard: dieses Jahr)",
        "build.out" => "Ausgabeordner (Standard: ORDNER/output)",
        "build.year" => "Jahrgang des Hefts (Standard: dieses Jahr)",
        "build.only" => "Nur einen Teil erzeugen; der andere Teil von AUSGABE bleibt, wie er ist",
        "build.only.web" => "Nur die Website (AUSGABE/site/)",
        "build.only.print" => "Nur das Heft (AUSGABE/print/)",
        "check.year" => {
            "Jahrgang, für den veraltete Einträge gemeldet werden (Standard: dieses Jahr)"
        }
        "check.format" => "Ausgabeformat der Probleme",
        "check.format.human" => {
            "`Pfad:Zeile:Spalte`, die Zeile aus der Datei und das Problem unterstrichen"
        }
        "check.format.json" => "Ein JSON-Objekt je Problem, in einem JSON-Array",
        "check.format.github" => "Workflow-Befehle für GitHub Actions (`::error file=…`)",
        "print.year" => "Jahrgang des Hefts",
        "print.out" => "Die PDF-Datei (Standard: ORDNER/output/print/wegweiser-JAHR.pdf)",
        "print.emit_typst" => {
            "Auch die typst-Vorlagen, data.json, Schriften und Bilder in ZIELORDNER schreiben (zum Nachsehen oder für die typst-Kommandozeile, siehe ZIELORDNER/README.txt)"
        }
        "print.cover_pdf" => {
            "Auch den Umschlag (erste Seite) als eigene PDF-Datei schreiben, für Druckereien, die ihn getrennt drucken (das Heft behält ihn)"
        }
        "stale.year" => "Jahrgang, für den bestätigt wird",
        "stale.format" => "Ausgabeformat",
        "stale.format.table" => "Bündige Spalten zum Lesen",
        "stale.format.csv" => "Durch Kommas getrennte Werte, z. B. für einen Serienbrief",
        "stale.out" => {
            "In diese Datei schreiben statt auf die Standardausgabe (nie in ORDNER/output/: die Liste enthält persönliche Daten)"
        }
        "new.kind" => "Was angelegt wird",
        "new.kind.group" => "Eine Selbsthilfegruppe (content/groups/)",
        "new.kind.organisation" => "Eine Selbsthilfeorganisation (content/organisations/)",
        "new.kind.contact-point" => "Eine Kontaktstelle (content/contact-points/)",
        "new.slug" => "Dateiname ohne `.md`: Kleinbuchstaben a–z, Ziffern, Bindestriche",
        "new.name" => "Name des Eintrags",
        "new.indications" => "Indikationen, durch Kommas getrennt (Gruppen und Organisationen)",
        "serve.port" => "Port auf 127.0.0.1",
        "serve.year" => {
            "Jahrgang, für den veraltete Einträge gemeldet werden (Standard: dieses Jahr)"
        }
        "schema.kind" => "Die Dateiart; ohne sie alle Arten unter \"$defs\" in einem Dokument",
        "schema.kind.group" => "Angaben einer Gruppe (content/groups/*.md)",
        "schema.kind.organisation" => "Angaben einer Organisation (content/organisations/*.md)",
        "schema.kind.contact-point" => "Angaben einer Kontaktstelle (content/contact-points/*.md)",
        "schema.kind.page" => "Angaben einer Seite (content/pages/*.md)",
        "schema.kind.indications" => "Die Indikationen (content/indications.toml)",
        "schema.kind.settings" => "Die Einstellungen (wegweiser.toml)",
        "import" => {
            "Eine Liste (CSV, XLSX, ODS) in Einträge übernehmen (Probelauf, außer mit --write)"
        }
        "export" => "Alle Einträge in eine Tabelle schreiben (persönliche Daten: nie nach output/)",
        "import.file" => {
            "Die Liste: CSV (UTF-8 oder Windows-1252; `;`, `,` oder Tab), XLSX oder ODS"
        }
        "import.mapping" => "Die Zuordnung (Spalten → Felder)",
        "import.init" => {
            "Eine aus der Kopfzeile geratene Zuordnung in diese Datei schreiben (überschreibt nie)"
        }
        "import.write" => "Die Einträge schreiben (sonst ein Probelauf, der nichts schreibt)",
        "import.update" => {
            "Bei bestehenden Einträgen die zugeordneten Felder ersetzen (alle anderen Felder und die Beschreibung bleiben)"
        }
        "import.create_indications" => {
            "Unbekannte Indikationen in diesem Bereich von indications.toml anlegen"
        }
        "import.format" => "Ausgabeformat des Berichts",
        "import.format.human" => "`DATEI:Zeile:Spalte: Art: Meldung` je Zeile",
        "import.format.json" => "Ein JSON-Objekt je Zeile des Berichts, in einem JSON-Array",
        "import.format.github" => "Workflow-Befehle für GitHub Actions (`::error file=…`)",
        "value.import.file" => "DATEI",
        "value.mapping" => "ZUORDNUNG",
        "value.init" => "ZUORDNUNG",
        "value.create_indications" => "BEREICH",
        "export.format" => "Dateiformat",
        "export.format.csv" => "Eine CSV-Datei je Art (UTF-8 mit BOM, `;`, CRLF)",
        "export.format.xlsx" => "Eine XLSX-Datei, ein Blatt je Art",
        "export.out" => {
            "Die Datei (csv: aus `NAME.csv` werden `NAME-gruppen.csv`, …; Standard `wegweiser-export.csv` / `.xlsx`); nie in ORDNER/output/"
        }
        _ => return None,
    })
}

/// The German text of a description in `wegweiser schema` (the English
/// texts are the doc comments of `src/format/raw.rs`). A unit test in
/// `src/cli/schema.rs` makes sure every description has one.
pub fn schema_description_de(english: &str) -> Option<&'static str> {
    Some(match english {
        "\"active\", \"founding\", \"full\" or \"ended\"." => {
            "\"active\" (aktiv), \"founding\" (in Gründung), \"full\" (keine Plätze frei) oder \"ended\" (beendet)."
        }
        "\"affected\" and/or \"relatives\"." => {
            "\"affected\" (Betroffene) und/oder \"relatives\" (Angehörige)."
        }
        "\"in-person\", \"online\" or \"hybrid\"." => {
            "\"in-person\" (vor Ort), \"online\" oder \"hybrid\"."
        }
        "\"local\", \"state\" or \"federal\"." => {
            "\"local\" (örtlich), \"state\" (Land) oder \"federal\" (Bund)."
        }
        "\"rgb\" (PDF/A) or \"cmyk\" (offset print)." => {
            "\"rgb\" (PDF/A) oder \"cmyk\" (Offsetdruck)."
        }
        "\"topics\": sections per primary indication; \"a-z\": one alphabetical list." => {
            "\"topics\": Abschnitte nach Hauptthema; \"a-z\": eine alphabetische Liste."
        }
        "\"weekly\", \"biweekly\", \"monthly\" or \"irregular\"." => {
            "\"weekly\" (wöchentlich), \"biweekly\" (14-täglich), \"monthly\" (monatlich) oder \"irregular\" (unregelmäßig)."
        }
        "A short note, e.g. \"nicht in den Schulferien\"." => {
            "Ein kurzer Hinweis, z. B. \"nicht in den Schulferien\"."
        }
        "Address of the meeting place." => "Adresse des Treffpunkts.",
        "Address of the published website; may hold a path (\"https://x.github.io/wegweiser\")." => {
            "Adresse der veröffentlichten Website; darf einen Pfad enthalten (\"https://x.github.io/wegweiser\")."
        }
        "Biweekly only: a date the group met." => {
            "Nur bei biweekly: ein Datum, an dem sich die Gruppe getroffen hat."
        }
        "Bleed in millimetres (0–20); 0 = no bleed." => {
            "Beschnittzugabe in Millimetern (0–20); 0 = keine."
        }
        "Category the topic is listed under." => "Bereich, unter dem das Thema steht.",
        "Colour model of the PDF." => "Farbmodell des PDF.",
        "Contact person (needs consent)." => "Ansprechperson (nur mit Einwilligung).",
        "Cover picture, relative to content/ (e.g. \"images/cover.jpg\")." => {
            "Titelbild, relativ zu content/ (z. B. \"images/cover.jpg\")."
        }
        "Date the data was last confirmed (YYYY-MM-DD)." => {
            "Datum der letzten Bestätigung der Angaben (JJJJ-MM-TT)."
        }
        "Date the data was last confirmed with the group (YYYY-MM-DD)." => {
            "Datum, an dem die Gruppe die Angaben zuletzt bestätigt hat (JJJJ-MM-TT)."
        }
        "Date the group agreed to publish person, phone and e-mail." => {
            "Datum, an dem die Gruppe der Veröffentlichung von Person, Telefon und E-Mail zugestimmt hat."
        }
        "Date the group ended; required if and only if status = \"ended\"." => {
            "Datum, an dem die Gruppe endete; genau dann nötig, wenn status = \"ended\"."
        }
        "Day of the week." => "Wochentag.",
        "Day of the week; required unless irregular." => "Wochentag; nötig außer bei irregular.",
        "District or part of town." => "Stadtteil oder Ortsteil.",
        "E-mail address (needs consent)." => "E-Mail-Adresse (nur mit Einwilligung).",
        "E-mail address." => "E-Mail-Adresse.",
        "End time \"HH:MM\"." => "Ende \"HH:MM\".",
        "Entries whose `verified` is older than this many months before the edition year get a warning." => {
            "Einträge, deren `verified` so viele Monate vor dem Jahrgang liegt, werden gemeldet."
        }
        "Extra A–Z entries pointing here." => "Weitere A–Z-Einträge, die hierher verweisen.",
        "Extra A–Z entries pointing to this group." => {
            "Weitere A–Z-Einträge, die auf diese Gruppe verweisen."
        }
        "File name (without .md) of a contact point in content/contact-points/." => {
            "Dateiname (ohne .md) einer Kontaktstelle in content/contact-points/."
        }
        "File name (without .md) of an organisation in content/organisations/." => {
            "Dateiname (ohne .md) einer Organisation in content/organisations/."
        }
        "Front matter of `content/contact-points/*.md`." => {
            "Angaben einer Kontaktstelle (`content/contact-points/*.md`)."
        }
        "Front matter of `content/groups/*.md`." => "Angaben einer Gruppe (`content/groups/*.md`).",
        "Front matter of `content/organisations/*.md`." => {
            "Angaben einer Organisation (`content/organisations/*.md`)."
        }
        "Front matter of `content/pages/*.md`." => "Angaben einer Seite (`content/pages/*.md`).",
        "Funding note printed in the imprint (\"\" for none)." => {
            "Förderhinweis im Impressum (\"\" für keinen)."
        }
        "How a group meets." => "Wie sich eine Gruppe trifft.",
        "How often a meeting happens." => "Wie oft ein Treffen stattfindet.",
        "How the groups are arranged in print." => "Wie die Gruppen im Heft angeordnet sind.",
        "How to reach the group." => "Wie man die Gruppe erreicht.",
        "Ids of related indications." => "Kennungen verwandter Indikationen.",
        "Indication ids from content/indications.toml; the first is the primary topic." => {
            "Indikationen aus content/indications.toml; die erste ist das Hauptthema."
        }
        "Indication ids the organisation works on." => {
            "Indikationen, zu denen die Organisation arbeitet."
        }
        "Key for A–Z order and letter, if the name does not start with the right word." => {
            "Schlüssel für die A–Z-Sortierung und den Buchstaben, wenn der Name nicht mit dem richtigen Wort beginnt."
        }
        "Key for A–Z order and letter." => "Schlüssel für die A–Z-Sortierung und den Buchstaben.",
        "Language of the site and of messages: \"de\" or \"en\"." => {
            "Sprache der Website und der Meldungen: \"de\" oder \"en\"."
        }
        "Languages spoken in the group (ISO 639-1, default [\"de\"])." => {
            "Sprachen der Gruppe (ISO 639-1, Standard [\"de\"])."
        }
        "Level of an organisation." => "Ebene einer Organisation.",
        "Monthly only: weeks of the month, 1–4 or -1 for the last." => {
            "Nur bei monthly: Wochen des Monats, 1–4 oder -1 für die letzte."
        }
        "Name of the contact point." => "Name der Kontaktstelle.",
        "Name of the group." => "Name der Gruppe.",
        "Name of the organisation." => "Name der Organisation.",
        "Name of the publisher." => "Name des Herausgebers.",
        "Name of the topic as shown." => "Name des Themas, wie er angezeigt wird.",
        "Never publish place, address or personal contact (default false)." => {
            "Ort, Adresse und persönlichen Kontakt nie veröffentlichen (Standard false)."
        }
        "Old file names whose URLs must keep working." => {
            "Frühere Dateinamen, deren Adressen weiter funktionieren sollen."
        }
        "One alphabetical list." => "Eine alphabetische Liste.",
        "One definition per file kind under $defs: group, organisation, contact-point, page, indications, settings." => {
            "Eine Definition je Dateiart unter $defs: group, organisation, contact-point, page, indications, settings."
        }
        "One indication (topic)." => "Eine Indikation (Thema).",
        "One table per indication (topic); the key is its id: lowercase a–z, digits and single hyphens." => {
            "Eine Tabelle je Indikation (Thema); der Schlüssel ist ihre Kennung: Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche."
        }
        "Opening hours, one line each." => "Öffnungszeiten, je eine Zeile.",
        "Order of the pages (smaller first, default 0)." => {
            "Reihenfolge der Seiten (kleinere zuerst, Standard 0)."
        }
        "Other words for the topic (keyword index, search)." => {
            "Andere Wörter für das Thema (Stichwortverzeichnis, Suche)."
        }
        "Phone number (needs consent)." => "Telefonnummer (nur mit Einwilligung).",
        "Phone number." => "Telefonnummer.",
        "Postal address." => "Postanschrift.",
        "Print crop marks." => "Schnittmarken drucken.",
        "Publish only the contact point as contact." => {
            "Nur die Kontaktstelle als Kontakt veröffentlichen."
        }
        "Regular meetings." => "Regelmäßige Treffen.",
        "Sections per category and primary indication." => {
            "Abschnitte nach Bereich und Hauptthema."
        }
        "Settings of the printed booklet." => "Einstellungen des gedruckten Hefts.",
        "Editing in the browser: publish /admin/ (Decap CMS) with the site." => {
            "Bearbeiten im Browser: /admin/ (Decap CMS) mit der Website veröffentlichen."
        }
        "`[editing]`: the git host the browser editor at /admin/ saves to." => {
            "`[editing]`: der Git-Dienst, in den der Browser-Editor unter /admin/ speichert."
        }
        "Git host: \"github\", \"gitlab\" or \"gitea\" (also Forgejo)." => {
            "Git-Dienst: \"github\", \"gitlab\" oder \"gitea\" (auch Forgejo)."
        }
        "Repository as owner/name, e.g. \"kiss-musterstadt/wegweiser\"." => {
            "Repository als besitzer/name, z. B. \"kiss-musterstadt/wegweiser\"."
        }
        "Branch the editor saves to (default \"main\")." => {
            "Branch, in den der Editor speichert (Standard \"main\")."
        }
        "API address of a Gitea/Forgejo or self-hosted GitLab (https://…)." => {
            "API-Adresse eines Gitea/Forgejo oder eines selbst betriebenen GitLab (https://…)."
        }
        "GitHub: address of the OAuth helper (https://…)." => {
            "GitHub: Adresse des OAuth-Helfers (https://…)."
        }
        "GitLab/Gitea: id of the OAuth application (PKCE)." => {
            "GitLab/Gitea: Kennung (Client-ID) der OAuth-Anwendung (PKCE)."
        }
        "true: changes become pull/merge requests that someone reviews (default false)." => {
            "true: Änderungen werden zu Pull-/Merge-Requests, die jemand prüft (Standard false)."
        }
        "The git host of the browser editor." => "Der Git-Dienst des Browser-Editors.",
        "Show in the booklet (default true)." => "Im Heft zeigen (Standard true).",
        "Show on the website (default true)." => "Auf der Website zeigen (Standard true).",
        "Start time \"HH:MM\"; required unless irregular." => {
            "Beginn \"HH:MM\"; nötig außer bei irregular."
        }
        "Step-free access (absent = unknown)." => "Stufenloser Zugang (fehlt = unbekannt).",
        "Theme folder under themes/ (default: \"default\")." => {
            "Ordner der Gestaltung unter themes/ (Standard: \"default\")."
        }
        "Title of the directory, e.g. \"Selbsthilfe-Wegweiser Musterstadt\"." => {
            "Titel des Verzeichnisses, z. B. \"Selbsthilfe-Wegweiser Musterstadt\"."
        }
        "Title of the page." => "Titel der Seite.",
        "Trim size of the booklet." => "Format des Hefts.",
        "Trim size: \"a5\" or \"a4\"." => "Format: \"a5\" oder \"a4\".",
        "Website (https://…)." => "Website (https://…).",
        "Website of the group (https://…)." => "Website der Gruppe (https://…).",
        "Where a group stands." => "Stand einer Gruppe.",
        "Where the group meets." => "Wo sich die Gruppe trifft.",
        "Who a group is for." => "Für wen eine Gruppe ist.",
        "Who publishes the directory, usually the contact point." => {
            "Wer das Verzeichnis herausgibt, meist die Kontaktstelle."
        }
        "Year the group was founded." => "Gründungsjahr der Gruppe.",
        "`[[meetings]]`." => "Ein Treffen (`[[meetings]]`).",
        "`[contact]` of a group." => "Kontakt einer Gruppe (`[contact]`).",
        "`[print]` settings." => "Einstellungen für das Heft (`[print]`).",
        "`[publisher]`: who publishes the directory, usually the contact point." => {
            "Herausgeber (`[publisher]`), meist die Kontaktstelle."
        }
        "`wegweiser.toml`." => "Einstellungen des Verzeichnisses (`wegweiser.toml`).",
        "false: no meeting places or addresses in the booklet (readers ask the contact point)." => {
            "false: keine Treffpunkte und Adressen im Heft (Leser fragen bei der Kontaktstelle)."
        }
        "\"all\": groups' own contacts are printed; \"contact-point\": the booklet names only the contact point as contact." => {
            "\"all\": die eigenen Kontakte der Gruppen werden gedruckt; \"contact-point\": das Heft nennt nur die Kontaktstelle als Kontakt."
        }
        "The booklets `build` writes: \"standard\" (wegweiser-YEAR.pdf) and/or \"large\" (wegweiser-YEAR-grossdruck.pdf)." => {
            "Die Hefte, die `build` schreibt: \"standard\" (wegweiser-JAHR.pdf) und/oder \"large\" (wegweiser-JAHR-grossdruck.pdf, Großdruck)."
        }
        "Weeks after the directory's date by which the verification sheets ask for an answer." => {
            "Wochen nach dem Stand des Verzeichnisses, bis zu denen die Rückmeldebögen um Antwort bitten."
        }
        "Which contacts of a group the booklet prints." => {
            "Welche Kontakte einer Gruppe das Heft druckt."
        }
        "The group's own contacts (person, phone, e-mail, website), where it consented." => {
            "Die eigenen Kontakte der Gruppe (Person, Telefon, E-Mail, Website), soweit sie eingewilligt hat."
        }
        "Only the contact point, for every group." => "Nur die Kontaktstelle, für jede Gruppe.",
        "A typesetting of the booklet." => "Eine Fassung des Hefts.",
        "The usual booklet (paper, columns and sizes of `[print]`)." => {
            "Das übliche Heft (Format, Spalten und Größen aus `[print]`)."
        }
        "Large print: A4, one column, running text at least 14 pt." => {
            "Großdruck: A4, eine Spalte, Fließtext mindestens 14 pt."
        }
        _ => return None,
    })
}

/// `1 Gruppe`, `2 Gruppen`.
fn n(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Serde's type names ("a string", "i64", …) in plain German.
fn type_de(t: &str) -> String {
    let t = t.trim();
    let lower = t.to_ascii_lowercase();
    let word = if lower.contains("string") {
        "ein Text in Anführungszeichen"
    } else if lower.contains("sequence") || lower.contains("array") {
        "eine Liste in eckigen Klammern [ … ]"
    } else if lower.contains("bool") {
        "true oder false"
    } else if lower.contains("datetime") || lower.contains("date") {
        "ein Datum wie 2026-09-14"
    } else if lower.contains("integer")
        || lower.starts_with('i')
        || lower.starts_with('u')
        || lower.contains("number")
    {
        "eine ganze Zahl"
    } else if lower.contains("float") || lower.starts_with('f') {
        "eine Zahl"
    } else if lower.contains("map") || lower.contains("struct") || lower.contains("table") {
        "eine Tabelle"
    } else {
        return format!("`{t}`");
    };
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_and_differs() {
        let m = Message::UnknownIndication {
            id: "diabetis".into(),
            suggestion: Some("diabetes".into()),
        };
        assert!(m.text(Lang::De).contains("Meinten Sie `diabetes`?"));
        assert!(m.text(Lang::En).contains("Did you mean `diabetes`?"));
    }

    #[test]
    fn types_read_as_german() {
        let m = Message::WrongType {
            found: "integer `5`".into(),
            expected: "a string".into(),
        };
        assert_eq!(
            m.text(Lang::De),
            "Hier wird ein Text in Anführungszeichen erwartet, nicht eine ganze Zahl."
        );
    }
}
