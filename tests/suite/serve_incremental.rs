//! `serve` rebuilds incrementally: after a change it reads only the changed
//! files again and renders only the pages that may show the change. Here a
//! copy of the sample directory is edited step by step (the kinds of edits
//! editors make), and after every step the incremental site must be the
//! same, byte for byte, as a full build of the same content, and report the
//! same problems.

use std::path::Path;
use std::sync::Arc;

use wegweiser::diagnostics::{self, Format, Lang};
use wegweiser::load::FileCache;
use wegweiser::model::Directory;
use wegweiser::output::Files;
use wegweiser::project::Project;
use wegweiser::render::web::{self, incremental::SiteCache, incremental::Stats};

const YEAR: i32 = 2026;

/// A copy of the sample directory and the caches of a `serve` session.
struct Session {
    root: tempfile::TempDir,
    files: FileCache,
    model: Option<Arc<Directory>>,
    site: SiteCache,
}

impl Session {
    fn new() -> Session {
        let root = tempfile::tempdir().unwrap();
        let repo = crate::common::repo();
        std::fs::copy(
            repo.join("wegweiser.toml"),
            root.path().join("wegweiser.toml"),
        )
        .unwrap();
        copy_dir(&repo.join("content"), &root.path().join("content"));
        // Served under a sub-path, so that every link carries it.
        let s = Session {
            root,
            files: FileCache::default(),
            model: None,
            site: SiteCache::new(),
        };
        s.edit("wegweiser.toml", |t| {
            t.replace(
                "https://selbsthilfe-musterstadt.example",
                "https://example.org/wegweiser",
            )
        });
        s
    }

    fn path(&self, rel: &str) -> std::path::PathBuf {
        self.root.path().join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Rewrites a file; the edit must change it (or the test is wrong).
    fn edit(&self, rel: &str, f: impl FnOnce(&str) -> String) {
        let old = self.read(rel);
        let new = f(&old);
        assert_ne!(old, new, "edit of {rel} changes nothing");
        self.write(rel, &new);
    }

    /// Replaces `from` by `to` in `rel`, then [`Self::incremental`] with
    /// that one file changed.
    fn replace(&mut self, rel: &str, from: &str, to: &str, what: &str, max: usize) {
        self.edit(rel, |t| t.replace(from, to));
        self.incremental(what, &[rel], max);
    }

    /// The incremental build after changes of `changed` (as the watcher
    /// reports them), compared with a full build. Returns what the
    /// incremental render did, or `None` if the content has errors (then,
    /// as in `serve`, nothing is rendered).
    fn build(&mut self, what: &str, changed: &[&str]) -> Option<Stats> {
        for rel in changed {
            self.files.forget(&self.path(rel));
        }
        let root = self.root.path();
        let mut cached = Project::open_cached(root, YEAR, &mut self.files, self.model.as_deref());
        let full = Project::open(root, YEAR);
        let reported = problems(&full);
        assert_eq!(problems(&cached), reported, "{what}: problems differ");
        if full.diagnostics.has_errors() {
            println!("{what}: {reported}");
            return None;
        }
        let expected = web::render(full.usable().unwrap(), &full.theme).unwrap();
        let dir = Arc::new(cached.directory.take().unwrap());
        self.model = Some(Arc::clone(&dir));
        let (got, stats) = self.site.render(dir, &cached.theme).unwrap();
        assert_same(what, &got, &expected);
        assert_eq!(stats.files, expected.len());
        Some(stats)
    }

    /// A step that must be rendered incrementally, with at most `max` files made.
    fn incremental(&mut self, what: &str, changed: &[&str], max: usize) {
        let stats = self
            .build(what, changed)
            .unwrap_or_else(|| panic!("{what}: unexpected problems"));
        assert!(!stats.full, "{what}: rendered everything");
        assert!(
            stats.rendered <= max,
            "{what}: {} files rendered, expected at most {max}",
            stats.rendered
        );
    }

    /// A step that may render everything.
    fn any(&mut self, what: &str, changed: &[&str]) {
        self.build(what, changed)
            .unwrap_or_else(|| panic!("{what}: unexpected problems"));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn problems(p: &Project) -> String {
    let mut out = Vec::new();
    diagnostics::render(
        &p.diagnostics,
        &p.sources,
        Lang::De,
        Format::Json,
        false,
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

fn assert_same(what: &str, got: &Files, expected: &Files) {
    let got_paths: Vec<&str> = got.iter().map(|(p, _)| p).collect();
    let expected_paths: Vec<&str> = expected.iter().map(|(p, _)| p).collect();
    let extra: Vec<&&str> = got_paths
        .iter()
        .filter(|p| expected.get(p).is_none())
        .collect();
    let missing: Vec<&&str> = expected_paths
        .iter()
        .filter(|p| got.get(p).is_none())
        .collect();
    assert!(
        extra.is_empty() && missing.is_empty(),
        "{what}: files {extra:?} too many, {missing:?} missing"
    );
    let differ: Vec<&str> = expected
        .iter()
        .filter(|(p, b)| got.get(p) != Some(*b))
        .map(|(p, _)| p)
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: {} files differ from a full build: {differ:?}",
        differ.len()
    );
}

const GROUP: &str = "content/groups/diabetes-selbsthilfegruppe-musterstadt-nord.md";
const ORG: &str = "content/organisations/landesverband-diabetes-musterland.md";
const CP: &str = "content/contact-points/kiss-musterstadt.md";
const PAGE: &str = "content/pages/vorwort.md";

#[test]
fn incremental_site_equals_full_build_after_every_edit() {
    let mut s = Session::new();
    let first = s.build("first build", &[]).unwrap();
    assert!(first.full && first.rendered == first.files, "{first:?}");

    // Saved without a change: nothing to do.
    let text = s.read(GROUP);
    s.write(GROUP, &text);
    s.incremental("unchanged save", &[GROUP], 0);

    // A group: name (same letter), description, topics, contact point, meetings.
    s.replace(
        GROUP,
        "name = \"Diabetes-Selbsthilfegruppe Musterstadt-Nord\"",
        "name = \"Diabetesgruppe Nord\"",
        "group name",
        30,
    );
    s.replace(
        GROUP,
        "Zweimal im Jahr",
        "Dreimal im Jahr",
        "group description",
        30,
    );
    s.replace(
        GROUP,
        "indications = [\"diabetes\", \"uebergewicht\"]",
        "indications = [\"uebergewicht\", \"diabetes\"]",
        "group primary topic",
        30,
    );
    s.replace(
        GROUP,
        "indications = [\"uebergewicht\", \"diabetes\"]",
        "indications = [\"diabetes\", \"alkohol\"]",
        "group topics",
        30,
    );
    s.replace(
        GROUP,
        "contact_point = \"kiss-musterstadt\"",
        "contact_point = \"selbsthilfebuero-musterdorf\"",
        "group contact point",
        30,
    );
    s.edit(GROUP, |t| {
        t.replace("weeks = [2]", "weeks = [2, 4]")
            .replace("start = \"19:00\"", "start = \"18:30\"")
    });
    s.incremental("group meeting", &[GROUP], 30);
    s.replace(
        GROUP,
        "former_slugs = [\"diabetes-nord\"]",
        "former_slugs = [\"diabetes-nord\", \"diabetes-alt\"]",
        "group former slug",
        30,
    );
    // What the filters of /suche/, the static lists and the start page's
    // groups in founding show: status, format, audience, district, language.
    s.replace(
        GROUP,
        "status = \"active\"",
        "status = \"founding\"",
        "group in founding",
        30,
    );
    s.replace(
        GROUP,
        "format = \"in-person\"",
        "format = \"hybrid\"",
        "group format",
        30,
    );
    s.replace(
        GROUP,
        "audience = [\"affected\", \"relatives\"]",
        "audience = [\"affected\"]",
        "group audience",
        30,
    );
    s.replace(
        GROUP,
        "district = \"Nord\"",
        "district = \"Neustadt\"",
        "group in a new district",
        30,
    );
    s.replace(
        GROUP,
        "languages = [\"de\", \"tr\"]",
        "languages = [\"de\", \"tr\", \"fa\"]",
        "group language",
        30,
    );
    s.replace(
        GROUP,
        "status = \"founding\"",
        "status = \"active\"",
        "group founded",
        30,
    );
    s.replace(
        "content/groups/myasthenie-treff-musterland.md",
        "status = \"founding\"",
        "status = \"full\"",
        "other group founded and full",
        30,
    );

    // An organisation and a contact point: shown on their groups' pages.
    s.replace(
        ORG,
        "name = \"Landesverband Diabetes Musterland e.V.\"",
        "name = \"Landesverband Diabetes Musterland\"",
        "organisation name",
        60,
    );
    s.replace(
        CP,
        "phone = \"01234 5678-0\"",
        "phone = \"01234 5678-9\"",
        "contact point phone",
        250,
    );
    let other_cp = "content/contact-points/selbsthilfebuero-musterdorf.md";
    s.replace(
        other_cp,
        "name = \"Selbsthilfebüro Musterdorf\"",
        "name = \"Selbsthilfebüro Musterdorf-Land\"",
        "contact point name",
        200,
    );
    let confidential = "content/groups/diabetes-treff-musterdorf.md";
    s.edit(confidential, |t| {
        t.replacen("+++\n", "+++\nconfidential = true\n", 1)
    });
    s.incremental("group confidential", &[confidential], 30);

    // A free page: its body, then its title (in every page's footer).
    s.edit(PAGE, |t| format!("{t}\nNoch ein Absatz.\n"));
    s.incremental("page body", &[PAGE], 5);
    s.edit(PAGE, |t| t.replacen("title = \"", "title = \"Unser ", 1));
    s.any("page title", &[PAGE]);

    // Groups gone, new, renamed (a new file name), ended, hidden.
    std::fs::remove_file(s.path("content/groups/kaufsucht-gespraechskreis-musterstadt.md"))
        .unwrap();
    s.incremental(
        "group deleted",
        &["content/groups/kaufsucht-gespraechskreis-musterstadt.md"],
        30,
    );
    s.write(
        "content/groups/neue-gruppe.md",
        &crate::common::group("Neue Gruppe für Zuckerkranke", "")
            .replace("diabetes\"]", "diabetes\", \"alkohol\"]"),
    );
    s.incremental("group added", &["content/groups/neue-gruppe.md"], 30);
    std::fs::rename(
        s.path("content/groups/neue-gruppe.md"),
        s.path("content/groups/neue-gruppe-nord.md"),
    )
    .unwrap();
    s.incremental(
        "group renamed",
        &[
            "content/groups/neue-gruppe.md",
            "content/groups/neue-gruppe-nord.md",
        ],
        30,
    );
    s.replace(
        "content/groups/neue-gruppe-nord.md",
        "name = \"Neue Gruppe",
        "name = \"Treff: Neue Gruppe",
        "group to another letter",
        30,
    );
    // A letter without entries gets one (the A–Z bar on every page), and loses it again.
    s.write(
        "content/groups/yoga.md",
        &crate::common::group("Yoga bei Depression", ""),
    );
    s.any("group in an empty letter", &["content/groups/yoga.md"]);
    std::fs::remove_file(s.path("content/groups/yoga.md")).unwrap();
    s.any(
        "last group of a letter deleted",
        &["content/groups/yoga.md"],
    );
    s.edit("content/groups/neue-gruppe-nord.md", |t| {
        t.replace(
            "status = \"active\"",
            "status = \"ended\"\nended = 2026-06-30",
        )
    });
    s.incremental("group ended", &["content/groups/neue-gruppe-nord.md"], 30);
    s.edit(GROUP, |t| {
        t.replace("status = \"active\"", "status = \"active\"\nweb = false")
    });
    s.incremental("group hidden", &[GROUP], 30);

    // A broken file: nothing rendered; fixed again.
    s.edit(GROUP, |t| {
        t.replace("status = \"active\"", "status = \"aktiv\"")
    });
    assert!(s.build("broken group", &[GROUP]).is_none());
    s.edit(GROUP, |t| {
        t.replace("status = \"aktiv\"", "status = \"active\"")
            .replace("\nweb = false", "")
    });
    s.any("group repaired", &[GROUP]);

    // An image, used in a description.
    std::fs::create_dir_all(s.path("content/images")).unwrap();
    std::fs::write(s.path("content/images/treff.png"), RED_PIXEL_PNG).unwrap();
    s.edit(GROUP, |t| {
        format!("{t}\n![Unser Treff](images/treff.png)\n")
    });
    s.incremental("image added", &["content/images/treff.png", GROUP], 30);
    std::fs::write(s.path("content/images/treff.png"), BLUE_PIXEL_PNG).unwrap();
    s.incremental("image changed", &["content/images/treff.png"], 10);

    // The folder of groups as a whole (e.g. after `git checkout`).
    s.edit("content/groups/ms-gruppe-musterstadt-nord.md", |t| {
        t.replace(
            "name = \"MS-Gruppe Musterstadt-Nord\"",
            "name = \"MS-Gruppe Nord\"",
        )
    });
    s.incremental("folder reported", &["content/groups"], 30);

    // Settings and the theme: everything.
    s.edit("wegweiser.toml", |t| {
        t.replace(
            "title = \"Selbsthilfe-Wegweiser Musterstadt\"",
            "title = \"Wegweiser Musterstadt\"",
        )
    });
    s.any("settings", &["wegweiser.toml"]);
    s.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Hier ist nichts.</p>{% endblock %}",
    );
    s.any(
        "template override added",
        &["themes/default/templates/404.html"],
    );
    s.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Nichts.</p>{% endblock %}",
    );
    s.any(
        "template override changed",
        &["themes/default/templates/404.html"],
    );
    s.replace(
        GROUP,
        "Dreimal im Jahr",
        "Viermal im Jahr",
        "group description after theme change",
        30,
    );
}

/// Images `check` accepts (it decodes them): one pixel, red and blue.
const RED_PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];
const BLUE_PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x60, 0xf8, 0x0f,
    0x00, 0x01, 0x03, 0x01, 0x00, 0x08, 0x89, 0xc2, 0xec, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];
