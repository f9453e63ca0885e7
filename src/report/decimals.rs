//! A column of exact decimals kept in eight bytes each instead of sixteen.
//!
//! Scores are short decimals (`97`, `65.5`, `79.27`): a sign, a scale and a mantissa
//! of a few digits. A value whose mantissa fits in 57 bits is packed into one `u64`
//! with its sign and scale, bit for bit as [`Decimal::serialize`] gives them, so it
//! comes back exactly as it went in, trailing zeros and all. Any other value is kept
//! whole in a side list, and its word holds its place there.

use rust_decimal::Decimal;

/// The bits of a packed word that hold the mantissa, above the flag bits.
const MANTISSA_SHIFT: u32 = 7;
/// The largest mantissa a packed word holds.
const MANTISSA_MAX: u64 = (1 << (64 - MANTISSA_SHIFT)) - 1;
/// The bit of a word that says the value is in the side list.
const SPILLED: u64 = 1;
/// The bit of a packed word that holds the sign.
const NEGATIVE: u64 = 1 << 1;
/// Where a packed word holds the scale (five bits: 0 to 28).
const SCALE_SHIFT: u32 = 2;
const SCALE_MASK: u64 = 0x1f;

/// Decimals in the order they were pushed.
#[derive(Debug, Clone, Default)]
pub(super) struct Decimals {
    words: Vec<u64>,
    spilled: Vec<Decimal>,
}

impl Decimals {
    pub(super) fn push(&mut self, d: Decimal) {
        let word = pack(d).unwrap_or_else(|| {
            self.spilled.push(d);
            ((self.spilled.len() as u64 - 1) << 1) | SPILLED
        });
        self.words.push(word);
    }

    pub(super) fn clear(&mut self) {
        self.words.clear();
        self.spilled.clear();
    }

    /// The value at `i`, exactly as it was pushed.
    pub(super) fn get(&self, i: usize) -> Decimal {
        let word = self.words[i];
        if word & SPILLED == 0 {
            unpack(word)
        } else {
            self.spilled[(word >> 1) as usize]
        }
    }
}

/// The packed word of `d`, if its mantissa is small enough.
fn pack(d: Decimal) -> Option<u64> {
    let bytes = d.serialize();
    let word =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let (flags, lo, mid, hi) = (word(0), word(4), word(8), word(12));
    let mantissa = (u64::from(mid) << 32) | u64::from(lo);
    if hi != 0 || mantissa > MANTISSA_MAX {
        return None;
    }
    let scale = u64::from((flags >> 16) & 0xff);
    let negative = if flags & 0x8000_0000 != 0 {
        NEGATIVE
    } else {
        0
    };
    Some((mantissa << MANTISSA_SHIFT) | (scale << SCALE_SHIFT) | negative)
}

/// The decimal a packed word holds.
fn unpack(word: u64) -> Decimal {
    let mantissa = word >> MANTISSA_SHIFT;
    let scale = ((word >> SCALE_SHIFT) & SCALE_MASK) as u32;
    let sign = if word & NEGATIVE != 0 { 0x8000_0000 } else { 0 };
    let flags = sign | (scale << 16);
    let mut bytes = [0u8; 16];
    bytes[0..4].copy_from_slice(&flags.to_le_bytes());
    bytes[4..8].copy_from_slice(&(mantissa as u32).to_le_bytes());
    bytes[8..12].copy_from_slice(&((mantissa >> 32) as u32).to_le_bytes());
    Decimal::deserialize(bytes)
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    /// Every value comes back with the same bits: the same digits, the same trailing
    /// zeros, the same sign.
    #[test]
    fn values_come_back_exactly() {
        let mut values: Vec<Decimal> = [
            "0",
            "0.00",
            "1",
            "-1",
            "97",
            "65.5",
            "79.27",
            "-3.50",
            "100.000",
            "0.0000000000000000000000000001",
            "-0.0000000000000000000000000001",
            "144115188075855871",
            "144115188075855872",
            "-144115188075855872",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "1.44115188075855871",
        ]
        .iter()
        .map(|s| Decimal::from_str(s).unwrap())
        .collect();
        values.push(Decimal::MAX);
        values.push(Decimal::MIN);
        values.push(Decimal::new(-0, 3));
        let mut column = Decimals::default();
        for &v in &values {
            column.push(v);
        }
        assert_eq!(column.words.len(), values.len());
        for (i, v) in values.iter().enumerate() {
            assert_eq!(column.get(i).serialize(), v.serialize(), "{v}");
            assert_eq!(column.get(i).to_string(), v.to_string());
        }
        // The small ones are packed, the large ones kept whole.
        assert_eq!(column.spilled.len(), 7);
    }
}
