use std::time::Instant;

use super::*;

const ENTITY_HEADER: &str = "# table: entities\n# source: test\n# licence: CC0\n";
const TITLE_HEADER: &str = "# table: titles\n# source: test\n# licence: CC0\n";

fn entities_file(rows: &str) -> String {
    format!("{ENTITY_HEADER}# columns: surface\tkind\tcanonical\tcountry\tattrs\n{rows}")
}

#[test]
fn malformed_files_are_rejected_with_path_line_and_reason() {
    let cases: &[(&str, String, usize, &str)] = &[
        ("missing table", "# source: x\n# licence: y\nA\tCOUNTRY\tA\t\t\n".into(), 0, "missing `# table:`"),
        ("missing source", "# table: entities\n# licence: y\n".into(), 0, "missing `# source:`"),
        ("missing licence", "# table: entities\n# source: x\n".into(), 0, "missing `# licence:`"),
        ("empty source", "# table: entities\n# source:\n# licence: y\n".into(), 2, "empty `source:`"),
        ("bad table kind", "# table: Entities!\n# source: x\n# licence: y\n".into(), 1, "bad table kind"),
        ("two table lines", "# table: entities\n# table: titles\n".into(), 2, "second `table:`"),
        (
            "wrong entity columns",
            format!("{ENTITY_HEADER}# columns: surface\tkind\n"),
            4,
            "`entities` tables have columns",
        ),
        ("too few fields", entities_file("Ukraine\tCOUNTRY\tUkraine\tUKR\n"), 5, "4 tab-separated fields, expected 5"),
        ("too many fields", entities_file("Ukraine\tCOUNTRY\tUkraine\tUKR\t\tx\n"), 5, "6 tab-separated fields"),
        ("unknown kind", entities_file("Ukraine\tSTATE\tUkraine\tUKR\t\n"), 5, "unknown kind \"STATE\""),
        ("pronoun kind", entities_file("he\tPRONOUN\the\t\t\n"), 5, "unknown kind \"PRONOUN\""),
        ("lower-case country", entities_file("Ukraine\tCOUNTRY\tUkraine\tukr\t\n"), 5, "bad country code \"ukr\""),
        ("alpha-2 country", entities_file("Ukraine\tCOUNTRY\tUkraine\tUA\t\n"), 5, "bad country code \"UA\""),
        ("unknown flag", entities_file("Ukraine\tCOUNTRY\tUkraine\tUKR\tbig\n"), 5, "unknown attr \"big\""),
        ("unknown key", entities_file("Kyiv\tCITY\tKyiv\tUKR\tsize=3\n"), 5, "unknown attr key \"size\""),
        ("bad pop", entities_file("Kyiv\tCITY\tKyiv\tUKR\tpop=3m\n"), 5, "pop must be a whole number"),
        ("bad year", entities_file("A B\tPERSON\tA B\tUKR\tfrom=19\n"), 5, "year must be YYYY"),
        ("from after to", entities_file("A B\tPERSON\tA B\tUKR\tfrom=2020;to=2019\n"), 5, "from=2020 is after to=2019"),
        ("bad role", entities_file("A B\tPERSON\tA B\tUKR\trole=gov\n"), 5, "role must be"),
        ("empty title attr", entities_file("A B\tPERSON\tA B\tUKR\ttitle=\n"), 5, "empty title"),
        ("empty surface", entities_file("\tCOUNTRY\tUkraine\tUKR\t\n"), 5, "empty surface"),
        ("padded canonical", entities_file("Kyiv\tCITY\t Kyiv\tUKR\t\n"), 5, "white space"),
        (
            "error on a later line",
            entities_file("Kyiv\tCITY\tKyiv\tUKR\tcapital\n\n# note\nKiev\tCITY\tKyiv\tUK\t\n"),
            8,
            "bad country code \"UK\"",
        ),
        ("upper-case title phrase", format!("{TITLE_HEADER}President\tPresident\tGOV\n"), 4, "must be lower case"),
        ("bad title role", format!("{TITLE_HEADER}president\tPresident\tgov\n"), 4, "bad role \"gov\""),
        ("title field count", format!("{TITLE_HEADER}president\tPresident\n"), 4, "2 tab-separated fields, expected 3"),
        ("generic without columns", "# table: triggers\n# source: x\n# licence: y\n".into(), 0, "missing `# columns:`"),
        (
            "generic field count",
            "# table: triggers\n# source: x\n# licence: y\n# columns: word code\ntalks\t04\textra\n".into(),
            5,
            "3 tab-separated fields, expected 2",
        ),
    ];
    for (name, text, line, reason) in cases {
        let mut lex = Lexicons::empty();
        let version = lex.version().to_string();
        let err = lex.add_str("user/bad.tsv", text).expect_err(name);
        assert_eq!(err.path, "user/bad.tsv", "{name}");
        assert_eq!(err.line, *line, "{name}: {err}");
        assert!(
            err.reason.contains(reason),
            "{name}: {:?} lacks {reason:?}",
            err.reason
        );
        assert!(
            lex.entities().is_empty() && lex.files().is_empty(),
            "{name}: partial load"
        );
        assert_eq!(lex.version(), version, "{name}: version changed on failure");
    }
}

#[test]
fn well_formed_rows_parse_into_typed_entries() {
    let text = entities_file(
        "US\tCOUNTRY\tUnited States\tUSA\tcase\n\
         Kyiv\tCITY\tKyiv\tUKR\tcapital; pop=2952301\n\
         Vladimir Putin\tPERSON\tVladimir Putin\tRUS\ttitle=President;role=GOV;from=2012;to=2025\n\
         Nice\tCITY\tNice\tFRA\tambiguous;pop=338620\n\
         Putin\tPERSON\tVladimir Putin\tRUS\tsurname;case\n\
         Kremlin\tGOVERNMENT\tKremlin\tRUS\t\r\n",
    );
    let mut lex = Lexicons::empty();
    lex.add_str("t.tsv", &text).unwrap();
    let e = lex.entities();
    assert_eq!(e.len(), 6);
    assert!(e[0].case_sensitive && e[0].kind == EntityKind::Country);
    assert_eq!(e[0].country.as_deref(), Some("USA"));
    assert!(e[1].capital && e[1].population == Some(2_952_301));
    assert_eq!(e[2].title.as_deref(), Some("President"));
    assert_eq!(e[2].role.as_deref(), Some("GOV"));
    assert_eq!((e[2].from_year, e[2].to_year), (Some(2012), Some(2025)));
    assert!(e[3].ambiguous && !e[3].case_sensitive);
    assert!(e[4].surname && e[4].case_sensitive);
    assert!(
        Arc::ptr_eq(&e[2].canonical, &e[4].canonical),
        "canonical names are shared"
    );
    assert_eq!(e[5].surface, "Kremlin");
    assert_eq!(e[5].kind, EntityKind::Government);
    assert_eq!(lex.files()[0].kind, "entities");
    assert!(lex.files()[0].rows.is_empty());
}

#[test]
fn generic_tables_keep_rows_with_line_numbers() {
    let text = "# table: triggers\n# source: sitrep\n# source: PETRARCH2\n# license: MIT\n\
                # columns: word\tcode\n\ntalks\t040\n# skip\nstrike\t190\n";
    let mut lex = Lexicons::empty();
    lex.add_str("triggers.tsv", text).unwrap();
    let tables: Vec<&Table> = lex.tables("triggers").collect();
    assert_eq!(tables.len(), 1);
    let t = tables[0];
    assert_eq!(t.source, "sitrep; PETRARCH2");
    assert_eq!(t.licence, "MIT");
    assert_eq!(t.columns, ["word", "code"]);
    assert_eq!(t.column("code"), Some(1));
    assert_eq!(t.rows.len(), 2);
    assert_eq!(
        (t.rows[0].line, t.rows[0].fields.as_slice()),
        (7, &["talks".to_string(), "040".to_string()][..])
    );
    assert_eq!(t.rows[1].line, 9);
    assert_eq!(
        t.error(9, "bad code").to_string(),
        "triggers.tsv:9: bad code"
    );
    assert_eq!(lex.tables("cameo").count(), 0);
}

fn has(lex: &Lexicons, surface: &str, kind: EntityKind, canonical: &str, country: &str) -> bool {
    lex.entities().iter().any(|e| {
        e.surface == surface
            && e.kind == kind
            && &*e.canonical == canonical
            && e.country.as_deref().unwrap_or("") == country
    })
}

#[test]
fn embedded_lexicons_load_and_hold_the_reference_article_names() {
    let lex = Lexicons::embedded().unwrap();
    use EntityKind::*;
    let expected: &[(&str, EntityKind, &str, &str)] = &[
        ("Ukraine", Country, "Ukraine", "UKR"),
        ("Ukrainian", Nationality, "Ukraine", "UKR"),
        ("Ukrainians", Nationality, "Ukraine", "UKR"),
        ("Russia", Country, "Russia", "RUS"),
        ("Russian", Nationality, "Russia", "RUS"),
        ("US", Country, "United States", "USA"),
        ("U.S.", Country, "United States", "USA"),
        ("United States", Country, "United States", "USA"),
        ("American", Nationality, "United States", "USA"),
        ("Saudi Arabia", Country, "Saudi Arabia", "SAU"),
        ("Saudi", Nationality, "Saudi Arabia", "SAU"),
        ("Britain", Country, "United Kingdom", "GBR"),
        ("Ivory Coast", Country, "Ivory Coast", "CIV"),
        // News style (AP, Reuters): "Congo" alone is the Democratic Republic.
        ("Congo", Country, "Democratic Republic of the Congo", "COD"),
        ("Congo Republic", Country, "Republic of the Congo", "COG"),
        ("Palestinian", Nationality, "Palestine", "PSE"),
        ("Kyiv", City, "Kyiv", "UKR"),
        ("Kiev", City, "Kyiv", "UKR"),
        ("Odessa", City, "Odesa", "UKR"),
        ("Riyadh", City, "Riyadh", "SAU"),
        ("Black Sea", Region, "Black Sea", ""),
        ("Donbas", Region, "Donbas", "UKR"),
        ("Gaza Strip", Region, "Gaza Strip", "PSE"),
        ("Kremlin", Government, "Kremlin", "RUS"),
        ("Washington", Government, "Washington", "USA"),
        ("White House", Government, "White House", "USA"),
        ("NATO", Organization, "NATO", ""),
        ("United Nations", Organization, "United Nations", ""),
        ("Hamas", ArmedGroup, "Hamas", "PSE"),
        ("Facebook", Media, "Facebook", "USA"),
        ("Fox News", Media, "Fox News", "USA"),
        ("Vladimir Putin", Person, "Vladimir Putin", "RUS"),
        ("Rustem Umerov", Person, "Rustem Umerov", "UKR"),
        ("Steve Witkoff", Person, "Steve Witkoff", "USA"),
        ("Dmitry Peskov", Person, "Dmitry Peskov", "RUS"),
        ("Volodymyr Zelensky", Person, "Volodymyr Zelensky", "UKR"),
        ("officials", Group, "officials", ""),
        ("civilians", Group, "civilians", ""),
    ];
    let missing: Vec<_> = expected
        .iter()
        .filter(|(s, k, c, cc)| !has(&lex, s, *k, c, cc))
        .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");

    let riyadh = lex
        .entities()
        .iter()
        .find(|e| e.surface == "Riyadh" && e.kind == EntityKind::City)
        .unwrap();
    assert!(riyadh.capital && riyadh.population.unwrap() > 1_000_000);
    let us = lex
        .entities()
        .iter()
        .find(|e| e.surface == "US" && e.kind == EntityKind::Country)
        .unwrap();
    assert!(us.case_sensitive);
    let putin = lex
        .entities()
        .iter()
        .find(|e| e.surface == "Vladimir Putin")
        .unwrap();
    assert_eq!(putin.title.as_deref(), Some("President"));
    assert!(
        lex.entities()
            .iter()
            .any(|e| e.surface == "Putin" && e.surname)
    );
    assert!(
        lex.entities()
            .iter()
            .any(|e| e.surface == "Washington" && e.kind == EntityKind::City)
    );

    let title = |p: &str| lex.titles().iter().find(|t| t.phrase == p);
    let defence = title("defence minister").expect("defence minister");
    assert_eq!(&*defence.canonical, "Defence Minister");
    assert_eq!(defence.role.as_deref(), Some("GOV"));
    for phrase in [
        "defense minister",
        "president",
        "spokesman",
        "special envoy",
        "envoy",
        "lt. col.",
    ] {
        assert!(title(phrase).is_some(), "title {phrase:?}");
    }

    // Every embedded file names its source and licence.
    for t in lex.files() {
        assert!(!t.source.is_empty() && !t.licence.is_empty(), "{}", t.path);
    }
    assert_eq!(lex.files().len(), EMBEDDED.len());
}

#[test]
fn embedded_lexicons_load_fast_and_version_is_stable() {
    // The best of a few runs: the machine may be busy with other work.
    let mut elapsed = std::time::Duration::MAX;
    let mut loaded = None;
    for _ in 0..5 {
        let start = Instant::now();
        let lex = Lexicons::embedded().unwrap();
        elapsed = elapsed.min(start.elapsed());
        loaded = Some(lex);
    }
    let a = loaded.unwrap();
    let rows = a.entities().len() + a.titles().len();
    eprintln!("embedded lexicons: {rows} rows in {elapsed:?}");
    let b = Lexicons::embedded().unwrap();
    assert_eq!(a.version(), b.version());
    assert_eq!(a.version().len(), 16);
    assert!(a.version().bytes().all(|c| c.is_ascii_hexdigit()));
    // Generous bound for unoptimized test builds on a busy machine; release is far faster.
    assert!(
        elapsed.as_millis() < 2000,
        "embedded lexicons took {elapsed:?}"
    );
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-lexicon-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_user_directory_adds_entries_and_changes_the_version() {
    let dir = temp_dir("user");
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    std::fs::write(
        dir.join("b.tsv"),
        entities_file("Bakhmut\tCITY\tBakhmut\tUKR\t\nArtemivsk\tCITY\tBakhmut\tUKR\t\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("nested").join("a.tsv"),
        format!("{TITLE_HEADER}deputy defence minister\tDeputy Defence Minister\tGOV\n"),
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not a lexicon").unwrap();
    // A ConfigMap mount keeps a second copy under `..data`: hidden entries are not read.
    std::fs::create_dir_all(dir.join("..data")).unwrap();
    std::fs::write(
        dir.join("..data").join("b.tsv"),
        entities_file("Bakhmut\tCITY\tBakhmut\tUKR\t\n"),
    )
    .unwrap();

    let mut lex = Lexicons::embedded().unwrap();
    let before = lex.version().to_string();
    let (n_entities, n_titles) = (lex.entities().len(), lex.titles().len());
    lex.load_dir(&dir).unwrap();
    assert_ne!(lex.version(), before);
    assert_eq!(lex.entities().len(), n_entities + 2);
    assert_eq!(lex.titles().len(), n_titles + 1);
    assert!(has(&lex, "Artemivsk", EntityKind::City, "Bakhmut", "UKR"));
    // Files load in sorted path order: b.tsv before nested/a.tsv.
    let paths: Vec<&str> = lex
        .files()
        .iter()
        .rev()
        .take(2)
        .map(|t| t.path.as_str())
        .collect();
    assert!(
        paths[0].ends_with("a.tsv") && paths[1].ends_with("b.tsv"),
        "{paths:?}"
    );

    // The same directory gives the same version on a fresh load.
    let mut again = Lexicons::embedded().unwrap();
    again.load_dir(&dir).unwrap();
    assert_eq!(again.version(), lex.version());

    // A bad file anywhere rejects the whole directory, naming the file and line.
    std::fs::write(
        dir.join("nested").join("c.tsv"),
        entities_file("Avdiivka\tTOWN\tAvdiivka\tUKR\t\n"),
    )
    .unwrap();
    let mut third = Lexicons::embedded().unwrap();
    let err = third.load_dir(&dir).unwrap_err();
    assert!(err.path.ends_with("c.tsv"), "{err}");
    assert_eq!(err.line, 5);
    assert_eq!(third.version(), before);
    assert_eq!(third.entities().len(), n_entities);

    let missing = Lexicons::embedded()
        .unwrap()
        .load_dir(&dir.join("nope"))
        .unwrap_err();
    assert_eq!(missing.line, 0);
    assert!(missing.reason.contains("cannot read directory"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn kind_names_round_trip() {
    for name in [
        "COUNTRY",
        "NATIONALITY",
        "CITY",
        "REGION",
        "ORGANIZATION",
        "GOVERNMENT",
        "ARMED_GROUP",
        "MEDIA",
        "PERSON",
        "GROUP",
    ] {
        let kind = kind_from_name(name).unwrap();
        assert_eq!(kind_name(kind), Some(name));
    }
    assert_eq!(kind_name(EntityKind::Pronoun), None);
    assert_eq!(kind_from_name("country"), None);
}
