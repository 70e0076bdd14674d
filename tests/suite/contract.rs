//! The examples of the contract (content-format.md) build as written.

use crate::common::*;

const SETTINGS_FULL: &str = r#"title = "Selbsthilfe-Wegweiser Musterstadt"          # (required)
base_url = "https://selbsthilfe-musterstadt.example" # (required) may hold a path: "https://x.github.io/wegweiser"
language = "de"                                      # (required)
theme = "default"

[publisher]                       # (required) who publishes: usually the contact point
name = "KISS Musterstadt"         # (required)
address = "Marktplatz 1, 12345 Musterstadt"
phone = "01234 5678-0"
email = "info@kiss-musterstadt.example"
website = "https://kiss-musterstadt.example"

[print]                           # optional, defaults shown
paper = "a5"                      # "a5" | "a4"
bleed_mm = 0                      # 0 = no bleed
crop_marks = false
stale_after_months = 18           # see section 6
arrangement = "topics"            # "topics": sections per primary indication (the usual
                                  # printed Wegweiser); "a-z": one alphabetical list
color = "rgb"                     # "rgb" (PDF/A) | "cmyk" (offset print)
funding_note = "Die Herausgabe wird gefördert von den Krankenkassen nach § 20h SGB V."
cover_image = "images/cover.jpg"  # no default
"#;

const INDICATIONS_FULL: &str = r#"[diabetes]
name = "Diabetes"                                      # (required)
category = "Chronische Erkrankungen"                   # (required)
synonyms = ["Zuckerkrankheit", "Diabetes mellitus"]
see_also = ["adipositas"]                              # ids

[adipositas]
name = "Adipositas"
category = "Chronische Erkrankungen"
"#;

const GROUP_FULL: &str = r#"+++
name = "Diabetes-Selbsthilfegruppe Musterstadt-Nord"   # (required)
sort_as = "Diabetes Musterstadt-Nord"   # key for A–Z order and letter ("AA" → "Anonyme Alkoholiker")
aliases = ["Diabetiker Nord"]           # extra A–Z entries pointing here ("siehe")
former_slugs = ["diabetes-nord"]        # old URLs that must keep working (redirect pages)
indications = ["diabetes"]              # (required) at least one id; the first is the primary one
audience = ["affected", "relatives"]    # (required) "affected" | "relatives"
format = "in-person"                    # (required) "in-person" | "online" | "hybrid"
status = "active"                       # (required) "active" | "founding" | "full" | "ended"
verified = 2026-09-14                   # (required) last confirmed with the group
organisation = "ddb-landesverband"      # slug in organisations/
contact_point = "kiss-musterstadt"      # slug in contact-points/
district = "Nord"
languages = ["de", "tr"]                # ISO 639-1, default ["de"]
since = 2011                            # year founded
web = true                              # default true
print = true                            # default true
confidential = false                    # default false: true = place, address and personal
                                        # contact are never published anywhere

[[meetings]]                            # zero or more
rhythm = "monthly"                      # (required) "weekly" | "biweekly" | "monthly" | "irregular"
weekday = "tuesday"                     # required unless irregular
weeks = [2]                             # required for monthly: 1..4, or -1 for the last
start = "19:00"                         # required unless irregular
end = "21:00"
place = "Selbsthilfetreff, Raum 2"
address = "Hauptstraße 5, 12345 Musterstadt"
accessible = true                       # step-free access; absent = unknown
note = "nicht in den Schulferien"

[[meetings]]
rhythm = "biweekly"
weekday = "tuesday"
first_date = 2026-01-13                 # required for biweekly: a date the group met
start = "19:00"

[contact]
via_contact_point = true                # publish only the contact point as contact
person = "Frau M."                      # needs consent
phone = "01234 987654"                  # needs consent
email = "diabetes-nord@example.org"     # needs consent
consent = 2026-03-01                    # date the group agreed to publish person, phone, email
website = "https://diabetes-nord.example"
+++
Free description in Markdown. It is shown on the web and printed.
"#;

#[test]
fn contract_examples_build() {
    let root = Root::new();
    root.write("wegweiser.toml", SETTINGS_FULL);
    root.write_bytes(
        "content/images/cover.jpg",
        include_bytes!("../fixtures/cover.jpg"),
    );
    root.write("content/indications.toml", INDICATIONS_FULL);
    std::fs::remove_file(root.path().join("content/groups/diabetes-nord.md")).unwrap();
    root.write(
        "content/groups/diabetes-selbsthilfegruppe-musterstadt-nord.md",
        GROUP_FULL,
    );
    root.write(
        "content/organisations/ddb-landesverband.md",
        "+++\nname = \"Diabetes-Landesverband\"\nlevel = \"state\"\nverified = 2026-01-02\nindications = [\"diabetes\"]\naddress = \"Weg 1\"\nphone = \"0123 4\"\nemail = \"a@b.example\"\nwebsite = \"https://b.example\"\nsort_as = \"Landesverband Diabetes\"\naliases = [\"DLV\"]\nformer_slugs = [\"dlv\"]\nweb = true\nprint = true\n+++\nText.\n",
    );
    root.write(
        "content/contact-points/kiss-musterstadt.md",
        "+++\nname = \"KISS Musterstadt\"\nverified = 2026-01-02\naddress = \"Marktplatz 1\"\nphone = \"01234 5678-0\"\nemail = \"info@kiss.example\"\nwebsite = \"https://kiss.example\"\nopening_hours = [\"Mo–Do 9–16 Uhr\"]\nsort_as = \"KISS\"\naliases = [\"Kontaktstelle\"]\nformer_slugs = [\"kiss\"]\nweb = true\nprint = true\n+++\nText.\n",
    );
    root.write(
        "content/pages/impressum.md",
        "+++\ntitle = \"Impressum\"\nweight = 90\nweb = true\nprint = true\n+++\nText.\n",
    );
    let r = root.run(&["build", "--root", ".", "--year", "2027"]);
    assert_eq!(r.code, 0, "{}", r.all());
    let site = root.path().join("output/site");
    for p in [
        "gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/index.html",
        "gruppen/diabetes-nord/index.html",
        "organisationen/ddb-landesverband/index.html",
        "organisationen/dlv/index.html",
        "kontaktstellen/kiss-musterstadt/index.html",
        "kontaktstellen/kiss/index.html",
        "impressum/index.html",
        "themen/diabetes/index.html",
        "a-z/d/index.html",
    ] {
        assert!(site.join(p).is_file(), "missing {p}");
    }
    // via_contact_point = true: the consented person is not shown, the contact point is.
    let page = std::fs::read_to_string(
        site.join("gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/index.html"),
    )
    .unwrap();
    assert!(
        !page.contains("Frau M."),
        "via_contact_point hides the person"
    );
    assert!(page.contains("KISS Musterstadt"));
    assert!(
        root.path()
            .join("output/print/wegweiser-2027.pdf")
            .is_file()
    );
}
