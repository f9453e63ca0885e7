//! Reports written unit by unit, in memory flat in the number of units: each unit's
//! part (its JSON score sheet, its Markdown table) is made as soon as the unit is
//! scored and written to a temporary file ([`Spooled`]); once every unit has been
//! read and scored without a problem, the report is written whole — its opening, the
//! parts as they were spooled, its closing — so that a report is still all there or
//! not at all, never the first units of a run that then failed.
//!
//! The temporary file is made by [`tempfile::tempfile`] in the system's temporary
//! folder (`TMPDIR`), with no name, so it disappears when closed, even if the process
//! is killed.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use rust_decimal::Decimal;

use crate::check::Rubric;
use crate::diagnostic::Diagnostic;
use crate::eval::Sheet;

/// The parts of a report, one a unit, in the order the units were read, spooled to
/// a temporary file: collected from the units as they are scored ([`Extend`]).
#[derive(Default)]
pub struct Spooled {
    file: Option<BufWriter<File>>,
    /// How many parts were spooled.
    count: usize,
    /// The first error writing the temporary file, reported at the end.
    error: Option<io::Error>,
}

impl Extend<String> for Spooled {
    fn extend<I: IntoIterator<Item = String>>(&mut self, parts: I) {
        for part in parts {
            if self.error.is_some() {
                // Scoring goes on, to report every problem of the evidence; the
                // report is not written.
                continue;
            }
            let written = (|| {
                if self.file.is_none() {
                    self.file = Some(BufWriter::with_capacity(
                        crate::spill::READ_BUFFER,
                        tempfile::tempfile()?,
                    ));
                }
                let file = self.file.as_mut().expect("made above");
                if self.count > 0 {
                    file.write_all(SEPARATOR)?;
                }
                file.write_all(part.as_bytes())
            })();
            match written {
                Ok(()) => self.count += 1,
                Err(e) => self.error = Some(e),
            }
        }
    }
}

/// What separates two parts in the temporary file: a byte no part holds (parts are
/// UTF-8 text), so that each writer puts its own separator between them.
const SEPARATOR: &[u8] = b"\xff";

impl Spooled {
    /// How many units were spooled.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether no unit was spooled.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The parts, their separator replaced by `between`, written to `out`.
    fn copy(self, between: &[u8], out: &mut dyn Write) -> io::Result<()> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let Some(file) = self.file else {
            return Ok(());
        };
        let mut file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.seek(SeekFrom::Start(0))?;
        let mut input = BufReader::with_capacity(crate::spill::READ_BUFFER, file);
        let mut buffer = vec![0u8; crate::spill::READ_BUFFER];
        loop {
            let n = input.read(&mut buffer)?;
            if n == 0 {
                return Ok(());
            }
            for (i, piece) in buffer[..n].split(|&b| b == SEPARATOR[0]).enumerate() {
                if i > 0 {
                    out.write_all(between)?;
                }
                out.write_all(piece)?;
            }
        }
    }

    /// Writes the JSON report of the parts [`json_part`] made: the same document as
    /// [`super::json`] writes of every sheet at once.
    pub fn write_json(self, rubric: &Rubric, out: &mut dyn Write) -> io::Result<()> {
        let head = Head {
            rubric: &rubric.title,
            total: rubric.total.normalize(),
        };
        // The opening as serde_json writes it, the empty list of units left open.
        let opening = serde_json::to_string_pretty(&head).map_err(io::Error::other)?;
        let opening = crate::safe::json(&opening);
        let opening = opening.strip_suffix("\n}").unwrap_or(&opening);
        out.write_all(opening.as_bytes())?;
        if self.is_empty() {
            return out.write_all(b",\n  \"units\": []\n}\n");
        }
        out.write_all(b",\n  \"units\": [\n    ")?;
        self.copy(b",\n    ", out)?;
        out.write_all(b"\n  ]\n}\n")
    }

    /// Writes the Markdown report of the parts [`super::markdown_sheet`] made: the
    /// same text as [`super::markdown`] writes of every sheet at once.
    pub fn write_markdown(self, out: &mut dyn Write) -> io::Result<()> {
        self.copy(b"\n", out)
    }
}

/// The opening of the JSON report.
#[derive(serde::Serialize)]
struct Head<'a> {
    rubric: &'a str,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    total: Decimal,
}

/// One unit's score sheet as the JSON report holds it in its list of units: written
/// by serde_json as the whole report would write it, indented to its place.
pub fn json_part(sheet: &Sheet, narrator: &super::Narrator) -> Result<String, Diagnostic> {
    let value = super::json::sheet_value(sheet, narrator);
    let text = serde_json::to_string_pretty(&value).map_err(|e| {
        Diagnostic::error(
            crate::diagnostic::codes::WRITE,
            format!(
                "the score sheet of `{}` cannot be written as JSON: {e}",
                sheet.unit
            ),
        )
    })?;
    let text = crate::safe::json(&text);
    // A JSON text holds no line break but between its tokens: every line is indented.
    Ok(text.replace('\n', "\n    "))
}
