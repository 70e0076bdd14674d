//! German words the print templates get through their data, in one place
//! (templates hold no new German of their own): the booklet's notes on its
//! publication rules, large print and QR code, and every word of the
//! verification sheets.

use serde::Serialize;

use crate::model::Restriction;

/// Cover line of the large-print booklet.
pub const LARGE_PRINT: &str = "Großdruck";

/// Caption of the QR code on the back cover.
pub const QR_CAPTION: &str = "Aktuelle Angaben im Internet";

/// Start of the QR code's alternative text (the address follows).
pub const QR_ALT: &str = "QR-Code mit der Adresse der Internetseite";

/// The imprint's sentence for a publication rule.
pub fn restriction(r: Restriction) -> &'static str {
    match r {
        Restriction::NoPlaces => "Treffpunkte erfahren Sie über die Kontaktstelle.",
        Restriction::ContactPointOnly => "Kontakt zu allen Gruppen über die Kontaktstelle.",
    }
}

/// "Internet" in the sheets' note where an entry is published.
pub const SHEET_ON_WEB: &str = "Internet";

/// "Gedruckter Wegweiser" in the same note (the year follows).
pub const SHEET_IN_PRINT: &str = "Gedruckter Wegweiser";

/// What the sheets say a publication rule holds back in print.
pub fn sheet_restriction(r: Restriction) -> &'static str {
    match r {
        Restriction::NoPlaces => "ohne Treffpunkte, Adressen und Angaben zur Zugänglichkeit",
        Restriction::ContactPointOnly => "als Kontakt nur die Kontaktstelle",
    }
}

/// The fixed words of the verification sheets.
#[derive(Debug, Serialize)]
pub struct SheetWords {
    /// Title of the letter ("Bitte prüfen Sie Ihren Eintrag").
    pub title: &'static str,
    /// Greeting.
    pub salutation: &'static str,
    /// Introduction before the items.
    pub intro: &'static str,
    /// "Antwort bis".
    pub reply_by: &'static str,
    /// "Zeichen" (the reference: the slug).
    pub reference: &'static str,
    /// "Zurück an".
    pub return_to: &'static str,
    /// Head of the item column.
    pub item: &'static str,
    /// Head of the value column.
    pub value: &'static str,
    /// The tick box's word.
    pub correct: &'static str,
    /// Head of the correction column.
    pub correction: &'static str,
    /// Shown for an item without a value.
    pub empty: &'static str,
    /// Heading of where the entry is published.
    pub published: &'static str,
    /// Heading of the consent block.
    pub consent_title: &'static str,
    /// The consent question.
    pub consent: &'static str,
    /// "ja" box.
    pub yes: &'static str,
    /// "nein" box.
    pub no: &'static str,
    /// Line under the place and date.
    pub place_date: &'static str,
    /// Line under the signature.
    pub signature: &'static str,
    /// Closing line.
    pub thanks: &'static str,
    /// "Seite" (of an entry's sheet).
    pub page: &'static str,
    /// Title of the document (PDF metadata).
    pub document: &'static str,
}

/// The words of the verification sheets.
pub const SHEET_WORDS: SheetWords = SheetWords {
    title: "Bitte prüfen Sie Ihren Eintrag",
    salutation: "Guten Tag,",
    intro: "wir bereiten die neue Ausgabe des Wegweisers vor und aktualisieren die Angaben im Internet. \
            Bitte prüfen Sie jede Zeile: Stimmt sie, kreuzen Sie „stimmt so“ an; sonst schreiben Sie die \
            richtige Angabe daneben. Senden Sie den Bogen bitte bis zum genannten Datum an uns zurück.",
    reply_by: "Antwort bis",
    reference: "Zeichen",
    return_to: "Zurück an",
    item: "Angabe",
    value: "So veröffentlichen wir",
    correct: "stimmt so",
    correction: "Korrektur",
    empty: "(keine Angabe)",
    published: "Veröffentlicht",
    consent_title: "Einwilligung",
    consent: "Wir sind einverstanden, dass die oben genannten persönlichen Kontaktdaten \
              (Ansprechperson, Telefon, E-Mail) im Wegweiser und im Internet veröffentlicht werden. \
              Die Einwilligung kann jederzeit widerrufen werden.",
    yes: "ja",
    no: "nein",
    place_date: "Ort, Datum",
    signature: "Unterschrift",
    thanks: "Vielen Dank für Ihre Mithilfe!",
    page: "Seite",
    document: "Rückmeldebogen",
};
