//! Sums in units of 10⁻⁹: the scores of a section added up as whole numbers, exactly,
//! and made decimals once, normalised, which is what adding the decimals up and
//! normalising gives.

use rust_decimal::Decimal;

use super::Sum;
use crate::model::SectionKind;

/// The decimals sections are added up to in units: a unit is 10⁻⁹.
pub(super) const UNIT_SCALE: u32 = 9;
/// Ten to the powers 0 to [`UNIT_SCALE`].
pub(super) const POWERS_OF_TEN: [i64; UNIT_SCALE as usize + 1] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

/// A decimal as a whole number of units (10⁻⁹): its value times 10⁹, exactly. `None`
/// when it has more than nine decimals or that does not fit.
#[inline]
pub(super) fn to_units(d: Decimal) -> Option<i64> {
    let scale = d.scale();
    if scale > UNIT_SCALE {
        return None;
    }
    let mantissa = i64::try_from(d.mantissa()).ok()?;
    mantissa.checked_mul(POWERS_OF_TEN[(UNIT_SCALE - scale) as usize])
}

/// The decimal a number of units is, normalised: what `normalize()` gives of any
/// decimal of that value, with no zero ending its decimals and 0 without a sign or
/// decimals, to the last bit.
#[inline]
pub(super) fn from_units(units: i64) -> Decimal {
    if units == 0 {
        return Decimal::ZERO;
    }
    // The most zeros that can be taken off, found counting down: 10^k divides the
    // units only when 2^k does, and when it does so does 10^j for every j below k.
    let mut strip = units.trailing_zeros().min(UNIT_SCALE);
    while strip > 0 && units % POWERS_OF_TEN[strip as usize] != 0 {
        strip -= 1;
    }
    Decimal::new(units / POWERS_OF_TEN[strip as usize], UNIT_SCALE - strip)
}

/// An item's outcome as a section adds it up in units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Units {
    /// Not applicable: nothing is added.
    NotApplicable,
    /// Its score, in units.
    Score(i64),
    /// A score with more than nine decimals, or too large: the section is added up in
    /// decimals.
    Misfit,
}

impl Units {
    pub(super) fn of(outcome: Option<Decimal>) -> Units {
        match outcome {
            None => Units::NotApplicable,
            Some(score) => to_units(score).map_or(Units::Misfit, Units::Score),
        }
    }
}

/// What the top-level sections add up to in units, as [`Sum`] adds them up in
/// decimals.
#[derive(Default)]
pub(super) struct UnitSum {
    pub(super) earned: i64,
    pub(super) applicable: i64,
    pub(super) bonus: i64,
    pub(super) penalty: i64,
}

impl UnitSum {
    /// Adds a section's score and applicable points, as [`Sum::add_section`] does;
    /// `None` when a sum does not fit.
    pub(super) fn add_section(
        &mut self,
        kind: SectionKind,
        score: i64,
        applicable: i64,
    ) -> Option<()> {
        match kind {
            SectionKind::Regular => {
                self.earned = self.earned.checked_add(score)?;
                self.applicable = self.applicable.checked_add(applicable)?;
            }
            SectionKind::Bonus => self.bonus = self.bonus.checked_add(score)?,
            SectionKind::Penalty => self.penalty = self.penalty.checked_add(score)?,
        }
        Some(())
    }

    /// The sums as decimals: of the values [`Sum`] adds up to, though not always of
    /// its decimals' scale, which only a prorated total reads (its division), so this
    /// serves only a total that is not prorated.
    pub(super) fn sum(&self) -> Sum {
        Sum {
            earned: from_units(self.earned),
            applicable: from_units(self.applicable),
            bonus: from_units(self.bonus),
            penalty: from_units(self.penalty),
        }
    }
}
