//! The methods the pre-2019 statistics carry in Kotlin and Swift.

use rust_decimal::Decimal;

use super::Result;
use crate::{
    Finding,
    report::{LegacyChannel, LegacyStatistics},
};

#[uniffi::export]
impl LegacyStatistics {
    /// A channel's share of the requests, percent rounded half up to `places`.
    #[uniffi::method(name = "channel_share")]
    fn ffi_channel_share(&self, channel: LegacyChannel, places: u32) -> Result<Option<Decimal>> {
        Ok(self.channel_share(channel, places)?)
    }

    /// Reconsideration correction rate (纠错率), percent, half up.
    #[uniffi::method(name = "review_correction_rate")]
    fn ffi_review_correction_rate(&self, places: u32) -> Result<Option<Decimal>> {
        Ok(self.review_correction_rate(places)?)
    }

    /// Litigation correction rate (纠错率), percent, half up.
    #[uniffi::method(name = "suit_correction_rate")]
    fn ffi_suit_correction_rate(&self, places: u32) -> Result<Option<Decimal>> {
        Ok(self.suit_correction_rate(places)?)
    }

    /// Check the figures.
    #[uniffi::method(name = "check")]
    fn ffi_check(&self) -> Vec<Finding> {
        self.check().into_vec()
    }
}
