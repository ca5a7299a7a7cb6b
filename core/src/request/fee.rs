//! The information-processing fee (信息处理费) of 国办函〔2020〕109号 (《政府信息公开信息处理费管理办法》).
//!
//! Disclosure on request is free (政府信息公开条例 2019 art. 42) except for requests whose number or
//! frequency clearly exceeds a reasonable range. Then the organ charges per request (按件计收,
//! art. 4 of the measures) **or** per page (按量计收, art. 5), never both (art. 3), on a progressive
//! (超额累进) schedule:
//!
//! - per request, same applicant, one natural month: requests 1–10 free; 11–30: 100 元 each; from
//!   the 31st, each further band of 10 raises the rate by 100 元. The text does not spell out the
//!   first band above 30; we read it as 31–40 → 200 元, 41–50 → 300 元, … (disclosure.md §1.6,
//!   marked [M]);
//! - per page: pages 1–30 free; 31–100: 10 元 each; 101–200: 20 元 each; from 201: 40 元 each
//!   (disclosure.md §1.6, [M]: via a county price list).
//!
//! The payment period and the effect of a fee notice on the answer period are not encoded: the
//! articles after art. 5 could not be read (disclosure.md §1.6 and §8).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::vocab::vocabulary;

vocabulary! {
    /// How the fee is counted (国办函〔2020〕109号 art. 3: one or the other per request).
    pub enum FeeMethod("fee_method") {
        /// 按件计收 — per request, by the applicant's count of requests in the natural month
        /// (art. 4).
        PerRequest = "per_request", "按件计收";
        /// 按量计收 — per page of the information provided (art. 5).
        PerPage = "per_page", "按量计收";
    }
}

/// One band of the progressive schedule reached by a quantity — or, past the first
/// [`FeeQuote::LISTED_TAIL_BANDS`] rising bands of the per-request schedule, all the remaining
/// bands in one tier whose rate rises from `rate` to `last_rate`.
///
/// ```
/// let q = sunlit::request::information_fee(sunlit::request::FeeMethod::PerPage, 120);
/// let t = &q.tiers()[2];
/// assert_eq!((t.first, t.last, t.units), (101, Some(200), 20));
/// assert_eq!((t.amount.to_string(), t.last_rate), ("400".to_owned(), t.rate));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FeeTier {
    /// First request or page of the band (1-based).
    pub first: u32,
    /// Last one of the band (the quantity may stop before it), `None` for the open top band
    /// (per page from 201).
    pub last: Option<u32>,
    /// 元 per request or page in the band (in the first band of a merged tier).
    pub rate: Decimal,
    /// 元 per request in the last band of a merged tier; equal to `rate` for a single band.
    pub last_rate: Decimal,
    /// How many of the quantity fall in the band.
    pub units: u32,
    /// The fee of those units: `rate × units` for a single band, exact for a merged one.
    pub amount: Decimal,
}

/// The fee for a quantity of requests or pages, computed exactly.
///
/// ```
/// use sunlit::request::{FeeMethod, information_fee};
/// assert_eq!(information_fee(FeeMethod::PerRequest, 35).amount.to_string(), "3000");
/// assert_eq!(information_fee(FeeMethod::PerPage, 30).amount.to_string(), "0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FeeQuote {
    /// Per request or per page.
    pub method: FeeMethod,
    /// Requests in the natural month (per request) or pages (per page).
    pub quantity: u32,
    /// The total fee in 元.
    pub amount: Decimal,
}

/// The bands of a schedule as (first, last, rate in 元); the last band repeats with `step` added to
/// the rate every `width` units when `width > 0`, else it is open.
struct Schedule {
    fixed: &'static [(u32, u32, u32)],
    /// First unit after the fixed bands.
    tail_from: u32,
    /// Rate of the first tail band.
    tail_rate: u32,
    /// Width of each tail band (0 = one open band).
    tail_width: u32,
    /// Rate increase from one tail band to the next.
    tail_step: u32,
}

impl Schedule {
    /// The fee of the first `units` units of the rising tail (`tail_width > 0`), exactly:
    /// `b` full bands of width `w` at rates `r, r + step, …`, then the rest at `r + b·step`.
    fn tail_fee(&self, units: u128) -> u128 {
        let (w, r, step) = (
            u128::from(self.tail_width.max(1)),
            u128::from(self.tail_rate),
            u128::from(self.tail_step),
        );
        let (b, rest) = (units / w, units % w);
        w * (b * r + step * b * b.saturating_sub(1) / 2) + rest * (r + b * step)
    }

    /// The rate of the `k`-th band of the rising tail (0-based).
    fn tail_band_rate(&self, k: u128) -> u128 {
        u128::from(self.tail_rate) + k * u128::from(self.tail_step)
    }
}

const PER_REQUEST: Schedule = Schedule {
    fixed: &[(1, 10, 0), (11, 30, 100)],
    tail_from: 31,
    tail_rate: 200,
    tail_width: 10,
    tail_step: 100,
};

const PER_PAGE: Schedule = Schedule {
    fixed: &[(1, 30, 0), (31, 100, 10), (101, 200, 20)],
    tail_from: 201,
    tail_rate: 40,
    tail_width: 0,
    tail_step: 0,
};

fn schedule(method: FeeMethod) -> &'static Schedule {
    match method {
        FeeMethod::PerRequest => &PER_REQUEST,
        FeeMethod::PerPage => &PER_PAGE,
    }
}

/// The fee for `quantity` requests (the applicant's count in one natural month, this one
/// included) or pages, by the progressive schedule of 国办函〔2020〕109号 art. 4 (per request) or
/// art. 5 (per page). Exact; never overflows (at most about 10²⁰ 元 for `u32::MAX` requests).
///
/// The fee of the n-th request alone is `information_fee(PerRequest, n).amount −
/// information_fee(PerRequest, n − 1).amount`.
///
/// ```
/// use sunlit::request::{FeeMethod, information_fee};
/// let fee = |m, n| information_fee(m, n).amount.to_string();
/// assert_eq!(fee(FeeMethod::PerRequest, 10), "0");
/// assert_eq!(fee(FeeMethod::PerRequest, 30), "2000");   // 20 × 100
/// assert_eq!(fee(FeeMethod::PerRequest, 41), "4300");   // + 10 × 200 + 1 × 300
/// assert_eq!(fee(FeeMethod::PerPage, 201), "2740");     // 70 × 10 + 100 × 20 + 1 × 40
/// ```
pub fn information_fee(method: FeeMethod, quantity: u32) -> FeeQuote {
    let s = schedule(method);
    let q = u128::from(quantity);
    let mut total: u128 = 0;
    for &(first, last, rate) in s.fixed {
        let units = q
            .min(u128::from(last))
            .saturating_sub(u128::from(first) - 1);
        total += units * u128::from(rate);
    }
    let above = q.saturating_sub(u128::from(s.tail_from) - 1);
    if s.tail_width == 0 {
        total += above * u128::from(s.tail_rate);
    } else {
        total += s.tail_fee(above);
    }
    FeeQuote {
        method,
        quantity,
        amount: decimal(total),
    }
}

/// A non-negative integer below 2⁹⁶ as a decimal (every fee is: see [`information_fee`]).
fn decimal(v: u128) -> Decimal {
    let lo = (v & u128::from(u32::MAX)) as u32;
    let mid = ((v >> 32) & u128::from(u32::MAX)) as u32;
    let hi = ((v >> 64) & u128::from(u32::MAX)) as u32;
    Decimal::from_parts(lo, mid, hi, false, 0)
}

impl FeeQuote {
    /// How many bands of the per-request schedule's rising tail (from the 31st request, 10
    /// requests a band) [`FeeQuote::tiers`] lists one by one: up to request 1,030 at 10,100 元.
    /// Beyond them the rest of the quantity is one merged tier, so that the tiers of any
    /// quantity are at most `LISTED_TAIL_BANDS + 3`.
    pub const LISTED_TAIL_BANDS: u32 = 100;

    /// The bands the quantity reaches, with the units and amount in each (the free band
    /// included); past [`FeeQuote::LISTED_TAIL_BANDS`] rising bands, one merged tier for the
    /// rest (its rate rises from `rate` to `last_rate`). The amounts add up to
    /// [`FeeQuote::amount`] and the units to [`FeeQuote::quantity`], for every quantity; time
    /// and memory are bounded.
    ///
    /// ```
    /// use sunlit::request::{FeeMethod, information_fee};
    /// let q = information_fee(FeeMethod::PerRequest, 35);
    /// let bands: Vec<_> = q.tiers().iter().map(|t| (t.first, t.units, t.rate.to_string())).collect();
    /// assert_eq!(bands, [(1, 10, "0".into()), (11, 20, "100".into()), (31, 5, "200".into())]);
    /// assert!(information_fee(FeeMethod::PerPage, 0).tiers().is_empty());
    ///
    /// let huge = information_fee(FeeMethod::PerRequest, 4_000_000_000);
    /// let tiers = huge.tiers();
    /// assert_eq!(tiers.len(), 103);
    /// let top = tiers.last().unwrap();
    /// assert_eq!((top.first, top.rate.to_string()), (1031, "10200".to_owned()));
    /// assert_eq!(tiers.iter().map(|t| t.amount).sum::<sunlit::Decimal>(), huge.amount);
    /// ```
    pub fn tiers(&self) -> Vec<FeeTier> {
        let s = schedule(self.method);
        let q = self.quantity;
        let mut out = Vec::new();
        let mut push = |first: u32,
                        last: Option<u32>,
                        rate: u128,
                        last_rate: u128,
                        amount: Option<Decimal>| {
            if q >= first {
                let units = last.map_or(q, |l| q.min(l)) - first + 1;
                out.push(FeeTier {
                    first,
                    last,
                    rate: decimal(rate),
                    last_rate: decimal(last_rate),
                    units,
                    amount: amount.unwrap_or_else(|| decimal(rate * u128::from(units))),
                });
            }
        };
        for &(first, last, rate) in s.fixed {
            let rate = u128::from(rate);
            push(first, Some(last), rate, rate, None);
        }
        if s.tail_width == 0 {
            let rate = u128::from(s.tail_rate);
            push(s.tail_from, None, rate, rate, None);
            return out;
        }
        let (from, width) = (u128::from(s.tail_from), u128::from(s.tail_width));
        // The last unit of band k (0-based), at most u32::MAX.
        let band_last = |k: u128| u32::try_from(from + (k + 1) * width - 1).unwrap_or(u32::MAX);
        let above = u128::from(q).saturating_sub(from - 1);
        let bands = above.div_ceil(width);
        let listed = bands.min(u128::from(Self::LISTED_TAIL_BANDS));
        for k in 0..listed {
            let (first, rate) = (from + k * width, s.tail_band_rate(k));
            if let Ok(first) = u32::try_from(first) {
                push(first, Some(band_last(k)), rate, rate, None);
            }
        }
        if bands > listed
            && let Ok(first) = u32::try_from(from + listed * width)
        {
            // The fee of the merged bands: the whole tail's less the listed bands'.
            let amount = s.tail_fee(above) - s.tail_fee(listed * width);
            push(
                first,
                Some(band_last(bands - 1)),
                s.tail_band_rate(listed),
                s.tail_band_rate(bands - 1),
                Some(decimal(amount)),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(method: FeeMethod, n: u32) -> Decimal {
        // The fee as the sum of each unit's own rate, unit by unit.
        (1..=n)
            .map(|i| {
                Decimal::from(match method {
                    FeeMethod::PerRequest => match i {
                        0..=10 => 0,
                        11..=30 => 100,
                        _ => 100 * (2 + (i - 31) / 10),
                    },
                    FeeMethod::PerPage => match i {
                        0..=30 => 0,
                        31..=100 => 10,
                        101..=200 => 20,
                        _ => 40,
                    },
                })
            })
            .sum()
    }

    #[test]
    fn closed_form_equals_unit_by_unit_sum() {
        for method in FeeMethod::ALL {
            for n in 0..=500 {
                let q = information_fee(*method, n);
                assert_eq!(q.amount, walk(*method, n), "{method} {n}");
                let tiers: Decimal = q.tiers().iter().map(|t| t.amount).sum();
                assert_eq!(tiers, q.amount);
                let units: u32 = q.tiers().iter().map(|t| t.units).sum();
                assert_eq!(units, n);
            }
        }
    }

    #[test]
    fn tiers_are_bounded_and_exact_for_any_quantity() {
        let n = FeeQuote::LISTED_TAIL_BANDS;
        let edge = 30 + 10 * n; // the last request of the last listed band
        for q in [
            edge - 1,
            edge,
            edge + 1,
            edge + 10,
            edge + 11,
            1_000_000,
            429_496_730,
            429_496_731,
            u32::MAX - 1,
            u32::MAX,
        ] {
            let quote = information_fee(FeeMethod::PerRequest, q);
            let tiers = quote.tiers();
            assert!(tiers.len() <= n as usize + 3, "{q}");
            let amount: Decimal = tiers.iter().map(|t| t.amount).sum();
            assert_eq!(amount, quote.amount, "{q}");
            let units: u64 = tiers.iter().map(|t| u64::from(t.units)).sum();
            assert_eq!(units, u64::from(q), "{q}");
            for pair in tiers.windows(2) {
                assert_eq!(pair[1].first, pair[0].last.unwrap() + 1, "{q}: contiguous");
            }
        }
        // One band past the listed ones merges into a tier of a single band.
        let t = information_fee(FeeMethod::PerRequest, edge + 1).tiers();
        let top = t.last().unwrap();
        assert_eq!(
            (top.first, top.last, top.units),
            (edge + 1, Some(edge + 10), 1)
        );
        assert_eq!(
            (top.rate, top.last_rate),
            (Decimal::from(10_200), Decimal::from(10_200))
        );
        // The top rate no longer overflows: band 429,496,726 … of the tail.
        let t = information_fee(FeeMethod::PerRequest, u32::MAX).tiers();
        let top = t.last().unwrap();
        assert_eq!(top.last, Some(u32::MAX));
        assert_eq!(
            top.last_rate,
            Decimal::from(200 + 100 * ((u64::from(u32::MAX) - 31) / 10))
        );
    }

    #[test]
    fn the_largest_quantity_fits() {
        let q = information_fee(FeeMethod::PerRequest, u32::MAX);
        assert!(q.amount > Decimal::from(u64::MAX));
        let p = information_fee(FeeMethod::PerPage, u32::MAX);
        assert_eq!(
            p.amount,
            Decimal::from(700 + 2000 + 40 * (u64::from(u32::MAX) - 200))
        );
    }
}
