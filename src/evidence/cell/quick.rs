//! The fast way to read a cell ([`quick()`], [`QuickReader`]): the common spellings of
//! text cells straight into their value, without the raw tree, leaving every other
//! spelling to [`read`](super::read).

use super::*;

// ── The fast way ────────────────────────────────────────────────────────────────

/// What a cell gives its fact when read the fast way ([`quick()`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Quick {
    /// Nothing: the fact is missing, as [`Read::Blank`].
    Blank,
    /// The value that [`read`] and then `value::check` give the cell.
    Value(Value),
    /// Not read here: the cell is read by [`read`], and its node typed by
    /// `value::check`, which refuse it or give its value.
    Slow,
}

/// A cell of a fact's column read straight into the fact's value, for the fast way
/// through a row (`grid::facts`). It reads the text cells of the common types
/// (bool, count, percent, date, set), in their common spellings, with this module's
/// own functions, and gives [`Quick::Value`] only where [`read`] gives a node that
/// `value::check` accepts, with the value it gives: the same value without the node
/// and its strings. Anything else — a spelling refused, a value out of range, a
/// workbook's cell, a tally, a discretionary score — is [`Quick::Slow`], and goes the
/// way every cell went before. The tests check both ways agree, spelling by spelling.
///
/// A tally's member cell gives its count as a [`Value::Count`], which `grid::facts`
/// gathers into the tally.
pub(crate) fn quick(fact: &FactDecl, part: &Part, cell: &Cell) -> Quick {
    QuickReader::new(fact, part).read(cell)
}

/// How the fast way reads the cells of a fact's column ([`quick()`]): told once from
/// the fact's type and the column's part, for every cell of the column.
#[derive(Debug)]
pub(crate) enum QuickReader {
    /// A tally's member alone in its column: a count.
    Member,
    Bool,
    Count(Option<u64>),
    Percent,
    Date,
    Set(SetLookup),
    /// Every cell but a blank goes the slow way: a reason, a discretionary score,
    /// periods, a set of more than 64 members.
    Slow,
}

impl QuickReader {
    /// The reader of a column of `fact` that holds `part` of it.
    pub(crate) fn new(fact: &FactDecl, part: &Part) -> QuickReader {
        match (part, &fact.ty.node) {
            (Part::Reason, _) => QuickReader::Slow,
            (Part::Member(_), _) => QuickReader::Member,
            (_, FactType::Bool) => QuickReader::Bool,
            (_, FactType::Count { max }) => QuickReader::Count(max.as_ref().map(|m| m.node)),
            (_, FactType::Percent { .. }) => QuickReader::Percent,
            (_, FactType::Date) => QuickReader::Date,
            (_, FactType::Set(members)) => {
                SetLookup::new(members).map_or(QuickReader::Slow, QuickReader::Set)
            }
            _ => QuickReader::Slow,
        }
    }

    /// A cell of the column read the fast way ([`quick()`]).
    pub(crate) fn read(&self, cell: &Cell) -> Quick {
        if cell.is_blank() {
            return Quick::Blank;
        }
        let Input::Text(text) = &cell.input else {
            return Quick::Slow;
        };
        let value = match self {
            QuickReader::Slow => None,
            QuickReader::Member => quick_count(text, None).map(Value::Count),
            QuickReader::Bool => yes_no(text).map(Value::Bool),
            QuickReader::Count(max) => quick_count(text, *max).map(Value::Count),
            QuickReader::Percent => {
                let t = spelled(text);
                // A plain number (`4`, `3.5`) is the text `percent` gives and
                // `validate` reads exactly; a percent sign, a sign or groups go the
                // slow way.
                let plain = match t.split_once('.') {
                    Some((whole, fraction)) => is_digits(whole) && is_digits(fraction),
                    None => is_digits(&t),
                };
                plain
                    .then(|| Decimal::from_str_exact(&t).ok())
                    .flatten()
                    .filter(|p| *p >= Decimal::ZERO && *p <= Decimal::ONE_HUNDRED)
                    .map(|p| Value::Percent(p.normalize()))
            }
            QuickReader::Date => {
                let t = spelled(text);
                if NEVER.iter().any(|n| n.eq_ignore_ascii_case(&t)) {
                    Some(Value::Date(None))
                } else {
                    match date_text(&t) {
                        // The day `validate` reads back from the `YYYY-MM-DD` that
                        // `date` writes (a year of four digits, so always ten
                        // characters).
                        DateText::Day(d) => Some(Value::Date(Some(d))),
                        _ => None,
                    }
                }
            }
            QuickReader::Set(set) => set.read(text),
        };
        value.map_or(Quick::Slow, Quick::Value)
    }
}

/// A count's cell read as [`count`] reads it and `validate` checks it (from 0 to
/// [`MAX_COUNT`] and to the fact's `max`), when it is written in digits alone: the
/// whole number `count` gives, and `validate` parses. Up to 18 digits fit a `u64`.
fn quick_count(text: &str, max: Option<u64>) -> Option<u64> {
    // Most counts are digits alone, which `spelled` would leave as they are: they are
    // added up as they are read, without looking at the text twice.
    let b = text.as_bytes();
    let n = if !b.is_empty() && b.len() <= 18 && b.iter().all(u8::is_ascii_digit) {
        b.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0'))
    } else {
        let t = spelled(text);
        (is_digits(&t) && t.len() <= 18)
            .then(|| t.parse::<u64>().ok())
            .flatten()?
    };
    Some(n).filter(|&n| n <= MAX_COUNT && max.is_none_or(|m| n <= m))
}

/// A set's members as the fast way looks a cell's pieces up among them, worked out
/// once for the set's column ([`SetLookup::new`]) rather than for every cell.
#[derive(Debug)]
pub(crate) struct SetLookup {
    members: Members,
    /// Each member's name's length and last byte, side by side, so that most members
    /// are told apart from a piece without following the pointer to their name.
    keys: Vec<(usize, Option<u8>)>,
    /// For each member, the members `validate` keeps for its name (it keeps every
    /// member of that name); 0 for a member named with spaces around it, which
    /// `validate` compares trimmed: a piece naming it goes the slow way, to be judged
    /// there.
    masks: Vec<u64>,
}

impl SetLookup {
    /// The lookup of a set's members; `None` for a set too large for the bit mask
    /// used here (more than 64 members), whose cells go the slow way.
    pub(crate) fn new(members: &Members) -> Option<SetLookup> {
        if members.len() > 64 {
            return None;
        }
        let keys = members
            .iter()
            .map(|m| (m.name.node.len(), m.name.node.as_bytes().last().copied()))
            .collect();
        let masks = members
            .iter()
            .map(|m| {
                let name = &m.name.node;
                if trim(name) != name {
                    return 0;
                }
                members
                    .iter()
                    .enumerate()
                    .filter(|(_, other)| other.name.node == *name)
                    .fold(0, |mask, (j, _)| mask | 1 << j)
            })
            .collect();
        Some(SetLookup {
            members: members.clone(),
            keys,
            masks,
        })
    }

    /// A set's cell read as [`set`] reads it and `validate` types it: the members
    /// present, in the rule file's order; `None` when a piece names no member
    /// (refused) or a member named with spaces around it.
    fn read(&self, text: &str) -> Option<Value> {
        let members = &self.members;
        let mut present = 0u64;
        let mut named_all = true;
        let mut pieces = 0;
        set_pieces(text, |_, written| {
            pieces += 1;
            match self.member_named(written) {
                Some(i) if self.masks[i] != 0 => present |= self.masks[i],
                _ => named_all = false,
            }
        });
        // `[]` or `无` is looked for only in a text of one piece, or one holding a
        // character that folding drops. Between two pieces stands a separator, which
        // folding never drops; trimming takes it away only if everything on one side
        // folds to spaces or nothing, and a piece (trimmed, not empty) has a character
        // that is no space and folds to none, unless it is one that folding drops.
        if (pieces <= 1 || drops_any(text)) && says_none(members, text) {
            return Some(Value::Set(MemberSet::empty(members)));
        }
        if !named_all {
            return None;
        }
        MemberSet::from_mask(members, present).map(Value::Set)
    }

    /// The member a piece names, as [`member_named`] finds it: the first so called,
    /// found by the keys; else by comparing names as names.
    fn member_named(&self, written: &str) -> Option<usize> {
        let key = (written.len(), written.as_bytes().last().copied());
        self.keys
            .iter()
            .zip(self.members.iter())
            .position(|(k, m)| *k == key && m.name.node == written)
            .or_else(|| member_named(&self.members, written))
    }
}
