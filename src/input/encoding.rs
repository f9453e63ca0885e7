//! The text encodings kaohe reads, and the refusal of every other.
//!
//! Rule files, calendars, and TOML and JSON evidence are UTF-8 only; a UTF-8
//! byte-order mark at the start (as Windows Notepad writes it) is skipped. A file in
//! another encoding is refused with what it looks like and how to convert it.
//!
//! CSV evidence comes from Excel and WPS, which on Chinese Windows save "CSV" in
//! GB18030 (GBK) and "CSV UTF-8" in UTF-8 with a byte-order mark, so a CSV file may be
//! either. Its encoding is named with `kaohe eval --encoding`, or detected from the
//! file's first bytes ([`SNIFF`], the whole of most files):
//!
//! 1. bytes that are not text — UTF-16 (a byte-order mark `FF FE` or `FE FF`, or NUL
//!    bytes between ASCII letters), a zip archive such as a workbook, an old `.xls` or
//!    `.et` workbook, a PDF, any other NUL byte — are refused;
//! 2. valid UTF-8 is UTF-8;
//! 3. otherwise, bytes that decode as GB18030 without a single malformed sequence, and
//!    then hold `单位` or a column header of the rubric, are GB18030, and a warning
//!    (`kaohe::io::encoding_detected`) says so;
//! 4. anything else is refused: kaohe cannot tell what it is.
//!
//! A CSV file is then decoded as it is read ([`TextReader`]), so that a large file is
//! never held whole; a byte further on that is not valid in the encoding (or a NUL
//! byte) ends the reading with the same refusal, at its line.
//!
//! A refusal quotes no line of the file: decoded with the wrong encoding, the line
//! would be mojibake. It names the line instead.

use std::borrow::Cow;
use std::io::Read;

use encoding_rs::{Decoder, DecoderResult, GB18030};

use super::problem::{Binary, InputError, IoProblem, Resave};
use crate::diagnostic::msg;
use crate::diagnostic::Diagnostic;

/// An encoding a CSV file may be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// GB18030, the superset of GBK (and of GB2312) that Excel and WPS write for "CSV"
    /// on Chinese Windows.
    Gb18030,
}

impl Encoding {
    /// The encoding's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030 (GBK)",
        }
    }
}

/// How to save a CSV file so that it is read, for helps.
/// What a file that is not text looks like, by its first bytes.
const ZIP: Binary = Binary::Zip;
const XLS: Binary = Binary::Xls;
const PDF: Binary = Binary::Pdf;
const PNG: Binary = Binary::Png;
const NUL: Binary = Binary::Nul;

/// How to save a CSV file kaohe reads, in the run's language.
pub(super) fn save_csv() -> String {
    msg!("encoding-save-csv")
}

/// What the bytes of a file that is not text are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotText {
    /// UTF-16, with or without its byte-order mark.
    Utf16 { bom: bool },
    /// A binary file, described.
    Binary(Binary),
}

/// Whether the bytes are not text at all, and what they are then.
fn not_text(bytes: &[u8]) -> Option<NotText> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(NotText::Utf16 { bom: true });
    }
    const SIGNATURES: [(&[u8], Binary); 4] = [
        (b"PK\x03\x04", ZIP),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", XLS),
        (b"%PDF-", PDF),
        (b"\x89PNG", PNG),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(s, _)| bytes.starts_with(s)) {
        return Some(NotText::Binary(*what));
    }
    if !bytes.contains(&0) {
        return None;
    }
    // UTF-16 without a byte-order mark puts a NUL beside every ASCII character (the
    // commas and line breaks of a CSV file), and the text it decodes to, in one byte
    // order or the other, has no control characters and no lone surrogates. Bytes of
    // a binary file decode to some of those.
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let clean = |big_endian: bool| {
        char::decode_utf16(sample.chunks_exact(2).map(|p| {
            if big_endian {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        }))
        .all(|c| c.is_ok_and(|c| !c.is_control() || matches!(c, '\t' | '\r' | '\n')))
    };
    Some(if clean(false) || clean(true) {
        NotText::Utf16 { bom: false }
    } else {
        NotText::Binary(NUL)
    })
}

/// The 1-based line of a byte offset (every encoding read here writes a line break
/// as the byte `\n`).
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytecount(&bytes[..offset.min(bytes.len())]) + 1
}

fn refuse_not_text(name: &str, what: NotText, resave: Resave) -> Diagnostic {
    let name = name.to_string();
    match what {
        NotText::Utf16 { bom } => InputError::Utf16 { name, bom, resave },
        NotText::Binary(what) => InputError::Binary { name, what, resave },
    }
    .into()
}

/// The offset of the first byte that is not valid UTF-8, if any.
fn utf8_error(bytes: &[u8]) -> Option<usize> {
    std::str::from_utf8(bytes).err().map(|e| e.valid_up_to())
}

/// The bytes decoded as GB18030, or the offset of the first malformed sequence.
fn gb18030(bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, after) => {
            Err(read.saturating_sub(usize::from(bad) + usize::from(after)))
        }
        // The buffer was sized for the whole input; should it still be too small, the
        // rest is decoded into a larger one rather than cut.
        DecoderResult::OutputFull => {
            match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(Cow::Borrowed(s)) => Ok(s.to_string()),
                Some(Cow::Owned(s)) => Ok(s),
                None => Err(read),
            }
        }
    }
}

/// The text of a UTF-8 file (a rule file, a calendar, TOML or JSON evidence), without
/// a byte-order mark, or a refusal that says what the file looks like and how to make
/// it UTF-8.
pub fn utf8_only(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if let Some(what) = not_text(&bytes) {
        return Err(refuse_not_text(name, what, Resave::Text));
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            let at = utf8_error(&bytes).unwrap_or(0);
            let line = line_of(&bytes, at);
            let name = name.to_string();
            return Err(if gb18030(&bytes).is_ok_and(|t| looks_chinese(&t)) {
                InputError::LooksGbk { name, line }
            } else {
                InputError::NotUtf8 {
                    name,
                    line,
                    resave: Resave::Text,
                }
            }
            .into());
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// The name to give a file converted to UTF-8: `a.toml` becomes `a.utf8.toml`.
pub(super) fn converted(name: &str) -> String {
    let path = std::path::Path::new(name);
    match (path.file_stem(), path.extension()) {
        (Some(stem), Some(ext)) => path
            .with_file_name(format!(
                "{}.utf8.{}",
                stem.to_string_lossy(),
                ext.to_string_lossy()
            ))
            .display()
            .to_string(),
        _ => format!("{name}.utf8"),
    }
}

/// Whether a decoded text reads as Chinese: it has Chinese characters, and nearly all
/// its characters beyond ASCII are Chinese characters, CJK punctuation, full-width
/// forms or the common symbols (`√`, `×`, `①`, `“`). Text in another encoding decoded
/// as GB18030 gives kana, Greek, Cyrillic or private-use characters instead.
fn looks_chinese(text: &str) -> bool {
    let mut ideographs = 0usize;
    let mut other = 0usize;
    let mut wide = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        wide += 1;
        match c {
            '\u{4E00}'..='\u{9FFF}' => ideographs += 1,
            '\u{3000}'..='\u{303F}'
            | '\u{FF00}'..='\u{FFEF}'
            | '\u{2010}'..='\u{206F}'
            | '\u{2100}'..='\u{26FF}'
            | '\u{00A0}'..='\u{00FF}' => {}
            _ => other += 1,
        }
    }
    ideographs > 0 && other * 20 <= wide
}

/// Whether a text decoded as GB18030 holds one of the texts a header of the rubric
/// holds (`expected`, without whitespace): a file in another encoding, decoded as
/// GB18030, would not.
fn holds_header(text: &str, expected: &[String]) -> bool {
    // The header is near the top; a large file is not searched to its end.
    const LOOK: usize = 256 * 1024;
    let head: String = super::fold_width(&text[..floor_boundary(text, LOOK)])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    expected
        .iter()
        .any(|e| !e.is_empty() && head.contains(e.as_str()))
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The bytes at the start of a CSV file its encoding is told from, when it is not
/// named: the whole of most files.
pub const SNIFF: usize = 1 << 20;

/// A CSV file's text, decoded as it is read, a block of bytes at a time, so that a
/// large file is never held whole. The encoding is the one named, or the one detected
/// from the file's first bytes ([`SNIFF`]; see the module's documentation); a byte
/// that is not valid in it, however far into the file, ends the reading with the same
/// refusal as one at the start, naming its line.
pub struct TextReader<R> {
    name: String,
    reader: R,
    encoding: Encoding,
    detected: bool,
    /// The file began with a UTF-8 byte-order mark, which is not part of the text.
    bom: bool,
    /// The text of the first bytes, decoded to tell the encoding and not handed out
    /// yet.
    head: Option<String>,
    /// Bytes read but not decoded yet: a UTF-8 character cut at the end of a block.
    /// (The GB18030 decoder keeps a cut character itself.)
    pending: Vec<u8>,
    gb: Option<Decoder>,
    /// How many `\n` bytes came before the bytes being decoded: lines for messages.
    newlines: usize,
    /// How many bytes are read at once.
    block: usize,
    eof: bool,
}

/// Bytes decoded as GB18030, a block at a time, appended to `out`; or the offset in
/// `bytes` of the first malformed sequence. `last` when no byte follows.
fn gb18030_block(
    decoder: &mut Decoder,
    bytes: &[u8],
    last: bool,
    out: &mut String,
) -> Result<(), usize> {
    let mut from = 0;
    loop {
        let room = decoder
            .max_utf8_buffer_length_without_replacement(bytes.len() - from)
            .unwrap_or(bytes.len() - from);
        out.reserve(room.max(4));
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[from..], out, last);
        from += read;
        match result {
            DecoderResult::InputEmpty => return Ok(()),
            DecoderResult::Malformed(bad, after) => {
                return Err(from.saturating_sub(usize::from(bad) + usize::from(after)))
            }
            // The room was reserved for the whole input; should it still be too
            // small, more is reserved and the rest decoded.
            DecoderResult::OutputFull => {}
        }
    }
}

/// How much of the bytes is valid UTF-8, a character cut at the end included when
/// more bytes follow (`last` false); or the offset of the first invalid byte.
fn utf8_prefix(bytes: &[u8], last: bool) -> Result<usize, usize> {
    utf8_text(bytes, last).map(str::len)
}

/// The bytes as text, as far as they are valid UTF-8, but for a character cut at the
/// end when more bytes follow (`last` false); or the offset of the first invalid byte.
/// The bytes are checked once: a character cut at the end is set aside before the rest
/// is checked.
fn utf8_text(bytes: &[u8], last: bool) -> Result<&str, usize> {
    let cut = if last {
        bytes.len()
    } else {
        bytes.len() - cut_char(bytes)
    };
    // The common case, valid text, is checked with SIMD; any error is looked at again
    // below, with `std`, which says where it lies.
    match simdutf8::basic::from_utf8(&bytes[..cut]) {
        Ok(text) if cut == bytes.len() => Ok(text),
        // What was set aside must be the start of a character, as `from_utf8` says.
        Ok(text)
            if std::str::from_utf8(&bytes[cut..])
                .is_err_and(|e| e.valid_up_to() == 0 && e.error_len().is_none()) =>
        {
            Ok(text)
        }
        // Anything else is judged on the whole.
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(e) if e.error_len().is_none() && !last => {
                Ok(std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default())
            }
            Err(e) => Err(e.valid_up_to()),
        },
    }
}

/// How many bytes at the end of the bytes begin a character and hold fewer bytes than
/// it takes, by its first byte: from 0 to 3.
fn cut_char(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let b = bytes[bytes.len() - back];
        // A byte that continues a character (`10xxxxxx`) is passed over.
        if b & 0xC0 != 0x80 {
            let takes = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xFF => 4,
                _ => 1,
            };
            return if back < takes { back } else { 0 };
        }
    }
    0
}

/// Whether the bytes, from the start of a line, read as GB18030 and as Chinese: what
/// a file that is not UTF-8 most likely is.
fn reads_as_gbk(bytes: &[u8], last: bool) -> bool {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let mut text = String::new();
    gb18030_block(&mut decoder, bytes, last, &mut text).is_ok() && looks_chinese(&text)
}

fn read_error(name: &str, e: &std::io::Error) -> Diagnostic {
    InputError::CannotRead {
        path: name.to_string(),
        io: IoProblem::of(e),
    }
    .into()
}

/// Reads up to `limit` bytes, fewer only at the end of the input.
fn read_block(reader: &mut impl Read, limit: usize, name: &str) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = Vec::with_capacity(limit.min(SNIFF));
    reader
        .take(limit as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(name, &e))?;
    Ok(bytes)
}

impl<R: Read> TextReader<R> {
    /// Starts reading a CSV file in the encoding named, or in the one detected from
    /// its first `sniff` bytes (see the module's documentation); then `block` bytes at
    /// a time. `expected` are texts a header of the rubric holds, such as `单位`,
    /// without whitespace.
    pub fn open(
        name: &str,
        mut reader: R,
        chosen: Option<Encoding>,
        expected: &[String],
        sniff: usize,
        block: usize,
    ) -> Result<Self, Diagnostic> {
        // At least the byte-order marks and the signatures of binary files.
        let sniff = sniff.max(16);
        let bytes = read_block(&mut reader, sniff, name)?;
        // A file of exactly `sniff` bytes has ended too: the next read says so.
        let eof = bytes.len() < sniff;
        if let Some(what) = not_text(&bytes) {
            return Err(refuse_not_text(name, what, Resave::Csv));
        }
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let mut text = TextReader {
            name: name.to_string(),
            reader,
            encoding: Encoding::Utf8,
            detected: false,
            bom,
            head: None,
            pending: Vec::new(),
            gb: None,
            newlines: 0,
            block: block.max(1),
            eof,
        };
        match chosen {
            Some(Encoding::Utf8) => text.start_utf8(bytes, false)?,
            Some(Encoding::Gb18030) => {
                if bom {
                    return Err(InputError::BomNotGbk {
                        name: name.to_string(),
                    }
                    .into());
                }
                if utf8_prefix(&bytes, eof).is_ok() && !bytes.is_ascii() {
                    return Err(InputError::Utf8NotGbk {
                        name: name.to_string(),
                    }
                    .into());
                }
                let mut decoder = GB18030.new_decoder_without_bom_handling();
                let mut head = String::new();
                if let Err(at) = gb18030_block(&mut decoder, &bytes, eof, &mut head) {
                    return Err(InputError::NotGbk {
                        name: name.to_string(),
                        line: line_of(&bytes, at),
                    }
                    .into());
                }
                text.start_gb18030(decoder, head, &bytes, false);
            }
            None => match utf8_prefix(&bytes, eof) {
                Ok(_) => text.start_utf8(bytes, true)?,
                Err(_) if bom => text.start_utf8(bytes, true)?,
                Err(at) => {
                    let line = line_of(&bytes, at);
                    let mut decoder = GB18030.new_decoder_without_bom_handling();
                    let mut head = String::new();
                    match gb18030_block(&mut decoder, &bytes, eof, &mut head) {
                        Ok(()) if holds_header(&head, expected) => {
                            text.start_gb18030(decoder, head, &bytes, true);
                        }
                        Ok(()) => {
                            return Err(InputError::Unknown {
                                name: name.to_string(),
                                line,
                            }
                            .into())
                        }
                        Err(_) => {
                            return Err(InputError::Neither {
                                name: name.to_string(),
                                line,
                            }
                            .into())
                        }
                    }
                }
            },
        }
        Ok(text)
    }

    /// Reads the first bytes as UTF-8, without the byte-order mark: refused, when they
    /// are not, with what they look like.
    fn start_utf8(&mut self, bytes: Vec<u8>, detected: bool) -> Result<(), Diagnostic> {
        self.detected = detected;
        self.pending = bytes;
        if self.bom {
            self.pending.drain(..3);
        }
        let mut head = String::new();
        self.utf8(&mut head, true)?;
        self.head = Some(head);
        Ok(())
    }

    /// Goes on in GB18030 after the first bytes, decoded into `head`.
    fn start_gb18030(&mut self, decoder: Decoder, head: String, bytes: &[u8], detected: bool) {
        self.encoding = Encoding::Gb18030;
        self.detected = detected;
        self.gb = Some(decoder);
        self.newlines = bytecount(bytes);
        self.head = Some(head);
    }

    /// The encoding the file is read in.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Whether the encoding was detected, not named with `--encoding`.
    pub fn detected(&self) -> bool {
        self.detected
    }

    /// How many bytes are read at a time.
    pub fn block(&self) -> usize {
        self.block
    }

    /// Appends the next part of the text to `out`: `false` when the file has ended
    /// and nothing was added. A part may end inside a line, never inside a character.
    pub fn read(&mut self, out: &mut String) -> Result<bool, Diagnostic> {
        if let Some(head) = self.head.take() {
            if !head.is_empty() || !self.eof {
                out.push_str(&head);
                return Ok(true);
            }
        }
        if self.eof {
            return Ok(false);
        }
        let bytes = read_block(&mut self.reader, self.block, &self.name)?;
        self.eof = bytes.is_empty();
        if bytes.contains(&0) {
            return Err(refuse_not_text(
                &self.name,
                NotText::Binary(NUL),
                Resave::Csv,
            ));
        }
        match self.gb.as_mut() {
            None => {
                self.pending.extend_from_slice(&bytes);
                self.utf8(out, false)?;
            }
            Some(decoder) => {
                if let Err(at) = gb18030_block(decoder, &bytes, self.eof, out) {
                    let line = self.newlines + line_of(&bytes, at);
                    let name = self.name.clone();
                    return Err(if self.detected {
                        InputError::NotGbkDetected { name, line }
                    } else {
                        InputError::NotGbk { name, line }
                    }
                    .into());
                }
                self.newlines += bytecount(&bytes);
            }
        }
        Ok(!self.eof)
    }

    /// Decodes the pending bytes as UTF-8 into `out`, keeping a character cut at their
    /// end for the next block. `head`: they are the first bytes of the file.
    fn utf8(&mut self, out: &mut String, head: bool) -> Result<(), Diagnostic> {
        let bytes = &self.pending;
        match utf8_text(bytes, self.eof) {
            Ok(text) => {
                out.push_str(text);
                let valid = text.len();
                self.newlines += bytecount(&bytes[..valid]);
                self.pending.drain(..valid);
                Ok(())
            }
            Err(at) => {
                let line = self.newlines + line_of(bytes, at);
                // Whether the file reads as GBK is told from its first bytes, as its
                // encoding is. A byte further on, in a file whose start is UTF-8, is
                // no sign that the file is GBK: such a file mixes encodings.
                let gbk = head && !self.bom && reads_as_gbk(bytes, self.eof);
                Err(InputError::NotUtf8 {
                    name: self.name.clone(),
                    line,
                    resave: if gbk { Resave::FromGbk } else { Resave::Csv },
                }
                .into())
            }
        }
    }
}

/// How many line feeds the bytes hold.
fn bytecount(bytes: &[u8]) -> usize {
    // A row of evidence runs to hundreds of bytes: its line break is found at once by
    // `memchr`'s wide compares, where counting byte by byte would look at each byte.
    memchr::memchr_iter(b'\n', bytes).count()
}

/// The warning that a CSV file was read in a detected encoding other than UTF-8.
pub fn detected(name: &str, encoding: Encoding) -> Diagnostic {
    InputError::Detected {
        name: name.to_string(),
        encoding,
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// How [`utf8_prefix`] judged bytes before it set a cut character aside: the whole
    /// checked at once.
    fn judged_whole(bytes: &[u8], last: bool) -> Result<usize, usize> {
        match std::str::from_utf8(bytes) {
            Ok(_) => Ok(bytes.len()),
            Err(e) if e.error_len().is_none() && !last => Ok(e.valid_up_to()),
            Err(e) => Err(e.valid_up_to()),
        }
    }

    #[test]
    fn a_block_cut_anywhere_reads_as_it_did() {
        let text = "单位,是否\r\n蓬江区,是\n😀é,x";
        let bytes = text.as_bytes();
        for end in 0..=bytes.len() {
            for last in [false, true] {
                let cut = &bytes[..end];
                assert_eq!(utf8_prefix(cut, last), judged_whole(cut, last), "{cut:?}");
                // A bad byte before, at and after the cut.
                for bad in [0x80u8, 0xC0, 0xE5, 0xF0, 0xF8, 0xFF] {
                    let mut with = cut.to_vec();
                    with.push(bad);
                    assert_eq!(utf8_prefix(&with, last), judged_whole(&with, last));
                    with.insert(end / 2, bad);
                    assert_eq!(utf8_prefix(&with, last), judged_whole(&with, last));
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 1024,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]
        #[test]
        fn any_bytes_read_as_they_did(
            bytes in prop::collection::vec(
                prop::sample::select(vec![
                    0x41u8, 0x0A, 0x80, 0x8B, 0xBF, 0xC0, 0xC3, 0xDF, 0xE0, 0xE5, 0xED, 0xEF,
                    0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F,
                ]),
                0..12,
            ),
            last in any::<bool>(),
        ) {
            prop_assert_eq!(utf8_prefix(&bytes, last), judged_whole(&bytes, last));
        }
    }

    /// A CSV file's text and how it was read.
    #[derive(Debug)]
    struct Decoded {
        text: String,
        encoding: Encoding,
        detected: bool,
    }

    /// Reads the whole of a file's bytes, `sniff` at first, then `block` at a time.
    fn decode_in(
        bytes: &[u8],
        chosen: Option<Encoding>,
        sniff: usize,
        block: usize,
    ) -> Result<Decoded, Diagnostic> {
        let mut reader = TextReader::open("a.csv", bytes, chosen, &expected(), sniff, block)?;
        let mut text = String::new();
        while reader.read(&mut text)? {}
        Ok(Decoded {
            text,
            encoding: reader.encoding(),
            detected: reader.detected(),
        })
    }

    fn decode_csv(
        _name: &str,
        bytes: &[u8],
        chosen: Option<Encoding>,
        _expected: &[String],
    ) -> Result<Decoded, Diagnostic> {
        decode_in(bytes, chosen, SNIFF, SNIFF)
    }

    fn gbk(text: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(text).0.into_owned()
    }

    fn expected() -> Vec<String> {
        vec!["单位".to_string()]
    }

    #[test]
    fn utf8_with_or_without_a_byte_order_mark() {
        for bytes in [
            &b"\xEF\xBB\xBF\xE5\x8D\x95\xE4\xBD\x8D"[..],
            "单位".as_bytes(),
        ] {
            let d = decode_csv("a.csv", bytes, None, &expected()).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), ("单位", Encoding::Utf8));
        }
    }

    #[test]
    fn gbk_is_detected_when_it_holds_the_header() {
        let bytes = gbk("单位,决策预公开/未做意见征集\r\n蓬江区,是\r\n");
        let d = decode_csv("a.csv", &bytes, None, &expected()).unwrap();
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert!(d.detected);
        assert!(d.text.starts_with("单位,决策预公开"));
        // Without the header, kaohe cannot tell.
        let bytes = gbk("名称,决策\r\n蓬江区,是\r\n");
        let e = decode_csv("a.csv", &bytes, None, &expected()).unwrap_err();
        assert!(
            e.message.starts_with("cannot tell the encoding"),
            "{}",
            e.message
        );
        // Named, it is read.
        let d = decode_csv("a.csv", &bytes, Some(Encoding::Gb18030), &expected()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.detected),
            ("名称,决策\r\n蓬江区,是\r\n", false)
        );
    }

    #[test]
    fn utf16_and_binary_are_refused() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("单位,a\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        let e = decode_csv("a.csv", &le, None, &expected()).unwrap_err();
        assert_eq!(
            e.message,
            "`a.csv` is UTF-16 text, which kaohe does not read"
        );
        let bare: Vec<u8> = "unit,a\r\nx,1\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let e = decode_csv("a.csv", &bare, None, &expected()).unwrap_err();
        assert!(
            e.message.contains("without a byte-order mark"),
            "{}",
            e.message
        );
        let e = decode_csv("a.csv", b"PK\x03\x04\x14\0", None, &expected()).unwrap_err();
        assert!(e.message.contains("zip archive"), "{}", e.message);
        let e = decode_csv(
            "a.csv",
            b"\x01\x02\0\x7f\x00\x00\x00\x00",
            None,
            &expected(),
        )
        .unwrap_err();
        assert!(e.message.contains("binary"), "{}", e.message);
    }

    #[test]
    fn a_named_encoding_that_does_not_fit_is_refused() {
        let e = decode_csv(
            "a.csv",
            "单位".as_bytes(),
            Some(Encoding::Gb18030),
            &expected(),
        )
        .unwrap_err();
        assert!(e.message.contains("is UTF-8 text"), "{}", e.message);
        let e = decode_csv("a.csv", &gbk("单位\n"), Some(Encoding::Utf8), &expected()).unwrap_err();
        assert_eq!(
            e.message,
            "`a.csv` is not UTF-8 text: line 1 holds a byte that is not UTF-8"
        );
        assert!(e.help.unwrap().contains("--encoding gbk"));
        // A lone lead byte at the end is not GB18030.
        let e =
            decode_csv("a.csv", b"a\nb\n\x81", Some(Encoding::Gb18030), &expected()).unwrap_err();
        assert!(
            e.message
                .ends_with("line 3 holds bytes that are not GB18030"),
            "{}",
            e.message
        );
    }

    #[test]
    fn utf8_only_files_name_what_they_look_like() {
        assert_eq!(
            utf8_only("a.rule", b"\xEF\xBB\xBFrubric x".to_vec()).unwrap(),
            "rubric x"
        );
        let e = utf8_only("a.toml", gbk("unit = \"蓬江区\"\n")).unwrap_err();
        assert_eq!(
            e.message,
            "`a.toml` is not UTF-8 text: it looks like GB18030 (GBK), from line 1"
        );
        assert!(e.help.unwrap().contains("iconv -f GB18030 -t UTF-8 a.toml"));
    }

    #[test]
    fn text_read_a_few_bytes_at_a_time_is_the_whole_text() {
        let text = "单位,决策预公开/未做意见征集\r\n蓬江区,是\r\n“引号”,√\n鹤山市,否";
        let utf8 = text.as_bytes().to_vec();
        let bom = format!("\u{feff}{text}").into_bytes();
        for sniff in 1..12 {
            for block in 1..6 {
                for bytes in [&utf8, &bom] {
                    let d = decode_in(bytes, None, sniff, block).unwrap();
                    assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::Utf8));
                }
                let d = decode_in(&gbk(text), Some(Encoding::Gb18030), sniff, block).unwrap();
                assert_eq!(d.text, text);
                // `单位` is four bytes in GBK: a file is told GBK when they are read.
                if sniff >= 4 {
                    let d = decode_in(&gbk(text), None, sniff, block).unwrap();
                    assert_eq!((d.text.as_str(), d.detected), (text, true));
                }
            }
        }
    }

    #[test]
    fn a_bad_byte_far_into_the_file_is_refused_with_its_line() {
        let mut bytes = "单位,a\n".repeat(50).into_bytes();
        bytes.extend(b"x\xff\n");
        for chosen in [None, Some(Encoding::Utf8)] {
            let e = decode_in(&bytes, chosen, 16, 7).unwrap_err();
            assert_eq!(
                e.message,
                "`a.csv` is not UTF-8 text: line 51 holds a byte that is not UTF-8"
            );
            assert!(e.labels.is_empty());
        }
        // A character cut at the very end.
        let mut bytes = "a\n".repeat(20).into_bytes();
        bytes.extend(b"b\xe5\x8d");
        let e = decode_in(&bytes, None, 16, 2).unwrap_err();
        assert_eq!(
            e.message,
            "`a.csv` is not UTF-8 text: line 21 holds a byte that is not UTF-8"
        );
        let mut bytes = gbk(&"单位,a\n".repeat(50));
        bytes.extend(b"x\x81\n");
        let e = decode_in(&bytes, None, 16, 7).unwrap_err();
        assert_eq!(
            e.message,
            "`a.csv` is neither UTF-8 nor GB18030 (GBK) text: line 51 holds bytes that are not GB18030"
        );
        let e = decode_in(&bytes, Some(Encoding::Gb18030), 16, 7).unwrap_err();
        assert_eq!(
            e.message,
            "`a.csv` is not GB18030 (GBK) text: line 51 holds bytes that are not GB18030"
        );
        // So is a NUL byte, as at the start.
        let mut bytes = "单位,a\n".repeat(50).into_bytes();
        bytes.extend(b"x\0\n");
        let e = decode_in(&bytes, None, 16, 7).unwrap_err();
        assert_eq!(
            e.message,
            "`a.csv` is a binary file, not a text (it holds NUL bytes)"
        );
    }
}
