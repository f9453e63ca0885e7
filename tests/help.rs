//! The values `--format` takes, as `--help` lists them: the command line defines them
//! (the library's formats know nothing of clap), and they must stay as they were.

mod run;

use run::{kaohe, stdout};

/// The `--help` of a command, which must succeed.
fn help(command: &str) -> String {
    let o = kaohe(&[command, "--help"]);
    assert_eq!(o.status.code(), Some(0), "{command} --help");
    stdout(&o)
}

#[test]
fn eval_lists_its_formats_with_their_default() {
    assert!(help("eval").contains(
        "      --format <FORMAT>
          The report's format

          Possible values:
          - table: A ranking of the units with each first-level subtotal
          - json:  Every unit's whole score sheet with its trace
          - md:    Each unit's score sheet as a Markdown table laid out like the official one
          - csv:   The ranking as CSV: rank, unit, total, each first-level subtotal
          - xlsx:  A workbook: the ranking, and each unit's score sheet laid out like the official one (needs `--output`)
          - html:  One self-contained page for the screen and A4: the ranking, charts, and each unit's score sheet
          
          [default: table]
"
    ));
}

#[test]
fn template_lists_its_formats_with_their_default() {
    assert!(help("template").contains(
        "      --format <FORMAT>
          The form's format

          Possible values:
          - toml: One TOML file per unit, every fact described in comments
          - csv:  One row per unit: the header of a CSV file
          - xlsx: One row per unit: an XLSX workbook with notes and drop-down lists
          
          [default: toml]
"
    ));
}

#[test]
fn render_lists_its_formats_without_a_default() {
    assert!(help("render").contains(
        "      --format <FORMAT>
          The table's format; by default the one `--output`'s extension names, else `md`

          Possible values:
          - md:   A Markdown table; a first-level cell is written on the first of its rows only
          - html: A self-contained HTML page, printable on A4, first-level cells spanning rows
          - xlsx: An XLSX workbook with merged cells and wrapped text, set up for A4

  -o, --output"
    ));
}

#[test]
fn each_format_is_taken_by_its_name_and_another_refused() {
    for (command, formats) in [
        ("eval", &["table", "json", "md", "csv", "xlsx", "html"][..]),
        ("template", &["toml", "csv", "xlsx"][..]),
        ("render", &["md", "html", "xlsx"][..]),
    ] {
        let mut args = vec![command, "no-such.rule"];
        if command == "eval" {
            args.push("e.toml");
        }
        args.push("--format");
        for format in formats.iter().chain(&["pdf"]) {
            let o = kaohe(&[&args[..], &[format]].concat());
            // A format taken leaves the command to fail on the missing file (1); one
            // not taken is a usage error (2).
            let expected = if *format == "pdf" { 2 } else { 1 };
            assert_eq!(
                o.status.code(),
                Some(expected),
                "{command} --format {format}"
            );
        }
    }
}
