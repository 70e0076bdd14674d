//! The command line speaks the directory's language (issue 5): usage errors
//! and `--help` in German follow `language` in wegweiser.toml or `--lang de`,
//! with no word of clap's English left; `--lang en` keeps clap's English.
//! Usage errors exit 2 on stderr, help and version exit 0 on stdout.

use crate::common::*;

/// Words clap writes in English that German output must not contain.
const CLAP_ENGLISH: &[&str] = &[
    "error:",
    "Usage",
    "tip:",
    "For more information",
    "unexpected argument",
    "unrecognized subcommand",
    "invalid value",
    "a value is required",
    "cannot be used",
    "required arguments",
    "requires a subcommand",
    "possible values",
    "Possible values",
    "similar",
    "exists",
    "is not a year",
    "[OPTIONS]",
    "COMMAND",
    "default:",
    "Print help",
    "Print version",
    "see more",
    "see a summary",
    "Options:",
    "Arguments:",
    "Commands:",
];

fn assert_no_clap_english(what: &str, text: &str) {
    for word in CLAP_ENGLISH {
        assert!(
            !text.contains(word),
            "{what}: English `{word}` in German output:\n{text}"
        );
    }
}

/// A usage error: exit code 2, nothing on stdout, the message on stderr.
fn usage_error(root: &Root, args: &[&str]) -> String {
    let r = root.run(args);
    assert_eq!(r.code, 2, "{args:?}: {}", r.all());
    assert!(r.stdout.is_empty(), "{args:?}: stdout {}", r.stdout);
    assert!(
        !r.stderr.contains('\x1b'),
        "{args:?}: colour without a terminal: {:?}",
        r.stderr
    );
    r.stderr
}

/// A German usage error: starts with `Fehler:`, no clap English.
fn german_error(root: &Root, args: &[&str]) -> String {
    let e = usage_error(root, args);
    assert!(e.starts_with("Fehler: "), "{args:?}: {e}");
    assert!(
        e.contains("Weitere Informationen mit `--help`."),
        "{args:?}: {e}"
    );
    assert_no_clap_english(&format!("{args:?}"), &e);
    e
}

#[test]
fn unknown_command_is_german_and_suggests_the_right_one() {
    let root = Root::new();
    let e = german_error(&root, &["--lang", "de", "buld"]);
    assert!(e.contains("Den Befehl `buld` gibt es nicht."), "{e}");
    assert!(e.contains("Tipp: Meinten Sie `build`?"), "{e}");
    assert!(e.contains("Aufruf: wegweiser [OPTIONEN] <BEFEHL>"), "{e}");
    let e = german_error(&root, &["--lang", "de", "help", "nope"]);
    assert!(e.contains("`nope`"), "{e}");

    let e = usage_error(&root, &["--lang", "en", "buld"]);
    assert!(e.contains("error: unrecognized subcommand 'buld'"), "{e}");
    assert!(e.contains("'build'"), "{e}");
    assert!(e.contains("Usage: wegweiser [OPTIONS] <COMMAND>"), "{e}");
}

#[test]
fn unknown_option_is_german_without_clap_words() {
    let root = Root::new();
    let e = german_error(&root, &["--lang", "de", "build", "--foo"]);
    assert!(e.contains("Die Option `--foo` gibt es hier nicht."), "{e}");
    assert!(e.contains("Aufruf: wegweiser build [OPTIONEN]"), "{e}");
    let e = german_error(&root, &["--lang", "de", "build", "--yer", "2027"]);
    assert!(e.contains("Meinten Sie `--year`?"), "{e}");
    // An option of a command given before the command.
    let e = german_error(&root, &["--lang", "de", "--year", "2027", "build"]);
    assert!(e.contains("Meinten Sie `build --year`?"), "{e}");
    // A value that looks like an option.
    let e = german_error(&root, &["--lang", "de", "schema", "--foo"]);
    assert!(
        e.contains("Ist `--foo` als Wert gemeint, schreiben Sie `-- --foo`."),
        "{e}"
    );
    let e = german_error(&root, &["--lang", "de", "--", "build"]);
    assert!(
        e.contains("Den Befehl `build` gibt es; lassen Sie dafür das `--` davor weg."),
        "{e}"
    );
    let e = german_error(&root, &["--lang", "de", "new", "group", "a", "b"]);
    assert!(e.contains("`b` wird hier nicht erwartet."), "{e}");
    let e = german_error(&root, &["--lang", "de", "check", "--strict=ja"]);
    assert!(e.contains("`ja`"), "{e}");

    let e = usage_error(&root, &["--lang", "en", "build", "--foo"]);
    assert!(
        e.contains("error: unexpected argument '--foo' found"),
        "{e}"
    );
    assert!(e.contains("Usage: wegweiser build"), "{e}");
    assert!(e.contains("For more information, try '--help'."), "{e}");
}

#[test]
fn wrong_values_are_named_in_german() {
    let root = Root::new();
    let e = german_error(&root, &["--lang", "de", "print", "--year", "abc"]);
    assert!(
        e.contains("Ungültiger Wert für `--year <JAHR>`: `abc` ist keine Jahreszahl"),
        "{e}"
    );
    let e = german_error(&root, &["--lang", "de", "build", "--year", "12"]);
    assert!(e.contains("`12` ist keine Jahreszahl"), "{e}");
    let e = german_error(&root, &["--lang", "de", "serve", "--port", "abc"]);
    assert!(e.contains("`abc` ist keine Portnummer"), "{e}");
    let e = german_error(&root, &["--lang", "fr", "build"]);
    assert!(
        e.contains("`fr` ist kein gültiger Wert für `--lang <SPRACHE>`. Möglich sind: `de`, `en`."),
        "{e}"
    );
    let e = german_error(&root, &["--lang", "de", "build", "--only", "prnt"]);
    assert!(e.contains("Möglich sind: `web`, `print`."), "{e}");
    assert!(e.contains("Meinten Sie `print`?"), "{e}");
    let e = german_error(&root, &["--lang", "de", "new", "grp", "x"]);
    assert!(
        e.contains("`grp` ist kein gültiger Wert für `<ART>`"),
        "{e}"
    );
    let e = german_error(&root, &["--lang", "de", "build", "--root"]);
    assert!(e.contains("`--root <ORDNER>` braucht einen Wert."), "{e}");

    let e = usage_error(&root, &["--lang", "en", "print", "--year", "abc"]);
    assert!(
        e.contains("invalid value 'abc' for '--year <YEAR>': `abc` is not a year (YYYY)"),
        "{e}"
    );
    let e = usage_error(&root, &["--lang", "en", "build", "--only", "prnt"]);
    assert!(e.contains("[possible values: web, print]"), "{e}");
}

#[test]
fn missing_and_conflicting_arguments_in_german() {
    let root = Root::new();
    let e = german_error(&root, &["--lang", "de", "print"]);
    assert!(e.contains("Die Angabe `--year <JAHR>` fehlt."), "{e}");
    assert!(
        e.contains("Aufruf: wegweiser print [OPTIONEN] --year <JAHR>"),
        "{e}"
    );
    let e = german_error(&root, &["--lang", "de", "new"]);
    assert!(
        e.contains("Diese Angaben fehlen: `<ART>`, `<DATEINAME>`."),
        "{e}"
    );
    let e = german_error(&root, &["--lang", "de", "build", "--quiet", "--verbose"]);
    assert!(
        e.contains("`--quiet` geht nicht zusammen mit `--verbose`."),
        "{e}"
    );
    let e = german_error(
        &root,
        &["--lang", "de", "build", "--year", "2026", "--year", "2027"],
    );
    assert!(
        e.contains("`--year <JAHR>` darf nur einmal angegeben werden."),
        "{e}"
    );
    let e = german_error(&root, &["--lang", "de", "--quiet"]);
    assert!(
        e.contains("`wegweiser` braucht einen Befehl: `build`, `check`"),
        "{e}"
    );

    let e = usage_error(&root, &["--lang", "en", "build", "--quiet", "--verbose"]);
    assert!(
        e.contains("error: the argument '--quiet' cannot be used with '--verbose'"),
        "{e}"
    );
    let e = usage_error(&root, &["--lang", "en", "print"]);
    assert!(
        e.contains("the following required arguments were not provided"),
        "{e}"
    );
}

#[test]
fn language_of_usage_errors_follows_wegweiser_toml() {
    let root = Root::new(); // language = "de"
    let e = german_error(&root, &["build", "--yer", "2027"]);
    assert!(e.contains("Meinten Sie `--year`?"), "{e}");
    root.write(
        "wegweiser.toml",
        &SETTINGS.replace("language = \"de\"", "language = \"en\""),
    );
    let e = usage_error(&root, &["build", "--yer", "2027"]);
    assert!(
        e.contains("error: unexpected argument '--yer' found"),
        "{e}"
    );
    // `--lang` wins over the file.
    german_error(&root, &["--lang", "de", "build", "--yer", "2027"]);
    let r = root.run(&["build", "--root", ".", "--help"]);
    assert!(
        r.stdout.contains("Usage: wegweiser build [OPTIONS]"),
        "{}",
        r.stdout
    );
}

/// Every help a user can ask for, German.
#[test]
fn german_help_has_no_english_words() {
    let root = Root::new();
    let mut asks: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["-h"],
        vec!["help"],
        vec!["help", "help"],
    ];
    for cmd in ["build", "check", "print", "stale", "new", "serve", "schema"] {
        asks.push(vec![cmd, "--help"]);
        asks.push(vec![cmd, "-h"]);
        asks.push(vec!["help", cmd]);
    }
    // English texts of clap's value lists, which have German ones.
    let english = [
        "Only the",
        "Front matter",
        "A self-help",
        "Aligned columns",
        "One JSON object",
        "<ROOT>",
        "<YEAR>",
        "<LANG>",
        "<KIND>",
    ];
    for ask in asks {
        let mut args = vec!["--lang", "de"];
        args.extend(&ask);
        let r = root.run(&args);
        assert_eq!(r.code, 0, "{ask:?}: {}", r.all());
        assert!(r.stderr.is_empty(), "{ask:?}: {}", r.stderr);
        let help = &r.stdout;
        assert!(help.contains("Aufruf: wegweiser"), "{ask:?}: {help}");
        assert_no_clap_english(&format!("{ask:?}"), help);
        for word in english {
            assert!(!help.contains(word), "{ask:?}: English `{word}`:\n{help}");
        }
        assert!(!help.contains('\x1b'), "{ask:?}: colour without a terminal");
    }

    let r = root.run(&["--lang", "de", "--help"]);
    let help = &r.stdout;
    assert!(
        help.contains("Aufruf: wegweiser [OPTIONEN] <BEFEHL>"),
        "{help}"
    );
    assert!(help.contains("--lang <SPRACHE>"), "{help}");
    assert!(help.contains("[mögliche Werte: de, en]"), "{help}");
    assert!(help.contains("-V, --version"), "{help}");
    assert!(help.contains("Version anzeigen"), "{help}");

    let r = root.run(&["--lang", "de", "check", "--help"]);
    let help = &r.stdout;
    assert!(help.contains("--root <ORDNER>"), "{help}");
    assert!(help.contains("[Standard: .]"), "{help}");
    assert!(help.contains("Mögliche Werte:"), "{help}");
    assert!(
        help.contains("- json:   Ein JSON-Objekt je Problem"),
        "{help}"
    );
    assert!(help.contains("[Standard: human]"), "{help}");
    assert!(
        help.contains("Hilfe anzeigen (Kurzfassung mit `-h`)"),
        "{help}"
    );
    let r = root.run(&["--lang", "de", "check", "-h"]);
    assert!(
        r.stdout.contains("[mögliche Werte: human, json, github]"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("Hilfe anzeigen (ausführlicher mit `--help`)"),
        "{}",
        r.stdout
    );

    let r = root.run(&["--lang", "de", "print", "--help"]);
    assert!(
        r.stdout
            .contains("Aufruf: wegweiser print [OPTIONEN] --year <JAHR>"),
        "{}",
        r.stdout
    );
    let r = root.run(&["--lang", "de", "help", "help"]);
    assert!(
        r.stdout.contains("Aufruf: wegweiser help [BEFEHL]"),
        "{}",
        r.stdout
    );

    // The sample directory is German: no `--lang` needed.
    let r = run_in(&repo(), &["build", "--help"]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stdout.contains("Aufruf: wegweiser build [OPTIONEN]"),
        "{}",
        r.stdout
    );
    assert_no_clap_english("sample build --help", &r.stdout);

    let r = root.run(&["--lang", "de", "--version"]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.starts_with("wegweiser "), "{}", r.stdout);
}

#[test]
fn english_help_keeps_clap_wording() {
    let root = Root::new();
    let r = root.run(&["--lang", "en", "check", "--help"]);
    assert_eq!(r.code, 0, "{}", r.all());
    let help = &r.stdout;
    for want in [
        "Usage: wegweiser check [OPTIONS]",
        "--root <ROOT>",
        "[default: .]",
        "Possible values:",
        "- json:   One JSON object per problem",
        "[possible values: de, en]",
        "Print help (see a summary with '-h')",
    ] {
        assert!(help.contains(want), "missing `{want}`:\n{help}");
    }
    for unwanted in ["Aufruf", "OPTIONEN", "Standard:", "Hilfe"] {
        assert!(
            !help.contains(unwanted),
            "German `{unwanted}` in English help:\n{help}"
        );
    }
    let r = root.run(&["--lang", "en", "--help"]);
    assert!(
        r.stdout.contains("Usage: wegweiser [OPTIONS] <COMMAND>"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Print version"), "{}", r.stdout);
}

/// Without a terminal there is no colour, even without `NO_COLOR`.
#[test]
fn no_colour_when_not_a_terminal() {
    let root = Root::new();
    for lang in ["de", "en"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
            .args(["--lang", lang, "build", "--yer", "2027"])
            .current_dir(root.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .output()
            .expect("run wegweiser");
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains('\x1b'), "{lang}: {stderr:?}");
    }
}

/// A `--root` that is no folder is wrong usage (exit code 2), said in the
/// user's language, not a list of files missing from it.
#[test]
fn a_root_that_does_not_exist_is_wrong_usage() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(["--lang", "de", "check", "--root", "/gibt/es/nicht"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run wegweiser");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Den Ordner `/gibt/es/nicht` gibt es nicht."),
        "{err}"
    );
}
