//! Every diagnostic code kaohe emits. docs/diagnostics.md has an example and the fix
//! for each; `tests/ui` has a fixture for each.

/// The file does not follow the grammar.
pub const SYNTAX: &str = "kaohe::syntax::unexpected";
/// Full-width punctuation or digits where the language wants ASCII.
pub const FULLWIDTH: &str = "kaohe::syntax::fullwidth";
/// Brackets or braces nested deeper than kaohe accepts.
pub const TOO_DEEP: &str = "kaohe::syntax::too_deep";
/// A date that does not exist, such as 2020-02-30.
pub const BAD_DATE: &str = "kaohe::syntax::date";
/// A number too large to be a score or a count.
pub const BAD_NUMBER: &str = "kaohe::syntax::number";
/// A file that cannot be read, or a spreadsheet kaohe does not read (`.et`, `.xls`).
pub const READ: &str = "kaohe::io::read";
/// A file in an encoding kaohe does not read: UTF-16, binary, not UTF-8 where only
/// UTF-8 is read, or a CSV file that is neither UTF-8 nor GB18030.
pub const ENCODING: &str = "kaohe::io::encoding";
/// A warning: a CSV file was read in the encoding detected, GB18030 (GBK).
pub const ENCODING_DETECTED: &str = "kaohe::io::encoding_detected";

/// `rubric` or `total` is missing.
pub const MISSING_SETTING: &str = "kaohe::rubric::missing_setting";
/// A header setting written twice.
pub const DUPLICATE_SETTING: &str = "kaohe::rubric::duplicate_setting";
/// A `bonus` or `penalty` section inside another section.
pub const PLACEMENT: &str = "kaohe::rubric::placement";
/// A rubric with no item, or a section with nothing in it.
pub const EMPTY: &str = "kaohe::rubric::empty";
/// A warning: the table is a draft (`draft`); an error: a draft scored without
/// `--draft`.
pub const DRAFT: &str = "kaohe::rubric::draft";
/// `columns { … }` that does not fit the table: a `level` column for each level, first,
/// one `points` column, a `text` column at least, `percent` on the points alone.
pub const COLUMNS: &str = "kaohe::rubric::columns";
/// `pooled` on a `bonus` or `penalty` section, or on a section inside one.
pub const POOLED_KIND: &str = "kaohe::rubric::pooled";
/// `none` (no cap) in place of the points of a regular section or item.
pub const UNCAPPED: &str = "kaohe::rubric::uncapped";
/// `methods { … }` with one method, a name twice, a weight of 0, or weights that do
/// not add up to 100%.
pub const METHODS: &str = "kaohe::rubric::methods";

/// Points of the parts do not add up to the whole.
pub const POINTS_SUM: &str = "kaohe::points::sum";
/// An item can never reach its full points.
pub const FULL_UNREACHABLE: &str = "kaohe::points::full_unreachable";
/// An item can never reach zero.
pub const ZERO_UNREACHABLE: &str = "kaohe::points::zero_unreachable";
/// One clause alone takes more than the item is worth.
pub const CLAUSE_EXCEEDS: &str = "kaohe::points::clause_exceeds";
/// An item or section worth 0 points.
pub const ZERO_POINTS: &str = "kaohe::points::zero";
/// A percentage over 100%.
pub const PERCENT_OVER: &str = "kaohe::points::percent";
/// A warning: a `pooled` section none of whose items can end below 0.
pub const POOLED_IDLE: &str = "kaohe::points::pooled_idle";
/// A warning: `total … min none` in a rubric without a `penalty` section.
pub const MIN_IDLE: &str = "kaohe::points::min_idle";
/// A `start`, `floor` or `max` outside the item's points.
pub const BOUND: &str = "kaohe::points::bound";

/// A fact used but not declared.
pub const UNDECLARED: &str = "kaohe::name::undeclared";
/// A fact declared but never used.
pub const UNUSED: &str = "kaohe::name::unused";
/// Two sections, items, facts or members with one name.
pub const DUPLICATE: &str = "kaohe::name::duplicate";
/// A member that is not in the fact's enumeration.
pub const UNKNOWN_MEMBER: &str = "kaohe::name::member";

/// A fact used where its type does not fit.
pub const TYPE: &str = "kaohe::type::mismatch";
/// A date outside the rubric's year, not acknowledged by `allow outside_year`.
pub const DATE_YEAR: &str = "kaohe::date::outside_year";
/// An `allow` naming no check (an error), or with nothing to acknowledge (a warning).
pub const ALLOW: &str = "kaohe::rubric::allow";
/// A warning: a condition that can never hold, so its clause never applies.
pub const CONDITION_NEVER: &str = "kaohe::condition::never";
/// A warning: a condition that holds for every unit.
pub const CONDITION_ALWAYS: &str = "kaohe::condition::always";
/// A warning: a clause whose effect can never change a score.
pub const DEAD_CLAUSE: &str = "kaohe::clause::dead";
/// A warning: a number or date of the criterion text that no clause carries, or a
/// clause's that the text does not say.
pub const TEXT_MISMATCH: &str = "kaohe::text::mismatch";
/// A warning: the conditions of an item are too many to decide exactly.
pub const CONDITION_UNDECIDED: &str = "kaohe::condition::undecided";

/// Evidence that is not valid TOML or JSON.
pub const EVIDENCE_SYNTAX: &str = "kaohe::evidence::syntax";
/// Evidence without a unit name.
pub const EVIDENCE_UNIT: &str = "kaohe::evidence::unit";
/// Evidence naming an item or fact the rubric does not have.
pub const EVIDENCE_UNKNOWN: &str = "kaohe::evidence::unknown";
/// Evidence lacking a fact the rubric needs.
pub const EVIDENCE_MISSING: &str = "kaohe::evidence::missing";
/// Evidence value of the wrong type, or out of its domain.
pub const EVIDENCE_VALUE: &str = "kaohe::evidence::value";
/// The same unit in two evidence files.
pub const EVIDENCE_DUPLICATE: &str = "kaohe::evidence::duplicate_unit";
/// A spreadsheet's header names a column twice, lacks the `单位` column, or a column
/// holds values under no header.
pub const EVIDENCE_COLUMN: &str = "kaohe::evidence::column";
/// A fact whose type cannot be given in a spreadsheet cell yet.
pub const EVIDENCE_CELL_TYPE: &str = "kaohe::evidence::cell_type";
/// `--sheet` names no worksheet of a workbook.
pub const EVIDENCE_SHEET: &str = "kaohe::evidence::sheet";
/// A warning: another visible sheet of a workbook has an evidence header and was not
/// read.
pub const EVIDENCE_OTHER_SHEETS: &str = "kaohe::evidence::other_sheets";
/// A warning: a unit's name was read without its extra spaces or full-width forms.
pub const EVIDENCE_UNIT_NAME: &str = "kaohe::evidence::unit_name";
/// A warning: rows under a sheet's units (totals, notes, signatures, formulas) were
/// skipped.
pub const EVIDENCE_SKIPPED: &str = "kaohe::evidence::skipped_rows";
/// A unit's name longer than a name may be, or holding a control or bidirectional
/// character.
pub const EVIDENCE_BAD_NAME: &str = "kaohe::evidence::bad_name";
/// More problems (an error) or warnings (a warning) in one evidence file than are
/// shown: how many more there are.
pub const EVIDENCE_TOO_MANY: &str = "kaohe::evidence::too_many";

/// A calendar file that is not valid, or a rubric that counts working days without one.
pub const CALENDAR: &str = "kaohe::calendar::invalid";
/// A date in a year the rubric's calendar does not list.
pub const CALENDAR_YEAR: &str = "kaohe::eval::calendar_year";
/// Every item of a unit is not applicable: there is nothing to prorate.
pub const NOTHING_APPLICABLE: &str = "kaohe::eval::nothing_applicable";
/// More units than `--format json`, `md`, `table` or `xlsx` keep in memory, or a
/// workbook of more sheets than the system lets kaohe lay out.
pub const TOO_MANY_UNITS: &str = "kaohe::eval::too_many_units";
/// An output file could not be written.
pub const WRITE: &str = "kaohe::io::write";
/// A temporary file, of the unit names of a large evidence set or of the ranking of
/// many units, could not be written or read back.
pub const TEMPORARY: &str = "kaohe::io::temporary";
/// An `--output` file whose extension contradicts `--format`, or names a document
/// kaohe does not write (`.pdf`, `.docx`).
pub const OUTPUT_FORMAT: &str = "kaohe::io::output_format";
/// A binary report (XLSX) asked for on stdout, without `--output`.
pub const BINARY_STDOUT: &str = "kaohe::io::binary_stdout";
/// A rule file, calendar or evidence named that is not a regular file (a folder, a
/// device such as `/dev/zero`, a named pipe).
pub const NOT_A_FILE: &str = "kaohe::io::not_a_file";
/// A rule file or calendar larger than kaohe reads (`kaohe::input::MAX_SOURCE_BYTES`).
pub const TOO_LARGE: &str = "kaohe::io::too_large";
/// `--output` names a file the same run reads: the rule file, an evidence file, or a
/// file in a folder of evidence.
pub const OUTPUT_IS_INPUT: &str = "kaohe::io::output_is_input";
/// A warning: temporary files of kaohe's own pattern, left by a run that was killed,
/// lie beside the output.
pub const STALE_TEMPORARY: &str = "kaohe::io::stale_temporary";
/// A calendar named by a rule file that lies outside the rule file's folder.
pub const CALENDAR_OUTSIDE: &str = "kaohe::calendar::outside";
/// A calendar named by a rule file that is not a calendar (reported without its text).
pub const CALENDAR_NOT_A_CALENDAR: &str = "kaohe::calendar::not_a_calendar";
/// `calendar NAME` naming no calendar shipped inside kaohe.
pub const CALENDAR_UNKNOWN: &str = "kaohe::calendar::unknown";

/// `kaohe fmt` would have changed what a rule file means (a bug in the formatter).
pub const FMT_CHANGED_MEANING: &str = "kaohe::fmt::changed_meaning";
/// A test case without expectations (no `[expect]` table, or an empty one).
pub const CASE_NO_EXPECTATION: &str = "kaohe::test::no_expectation";
/// A malformed `[expect]` table or expected value.
pub const CASE_EXPECT: &str = "kaohe::test::expect";
/// An expectation naming no section or item of the rubric.
pub const CASE_UNKNOWN: &str = "kaohe::test::unknown";
/// A division by a literal 0 in a rule file.
pub const ZERO_DIVISOR: &str = "kaohe::arith::zero_divisor";
/// A `step` of 0 or less.
pub const STEP: &str = "kaohe::arith::step";
/// A fact divided by that may be 0, with no condition of the item comparing it.
pub const UNGUARDED_DIVISOR: &str = "kaohe::arith::unguarded_divisor";
/// A unit's facts make a divisor 0: the item cannot be scored.
pub const DIVIDE_BY_ZERO: &str = "kaohe::eval::divide_by_zero";
/// A unit's facts make arithmetic too large for a decimal.
pub const OVERFLOW: &str = "kaohe::eval::overflow";
