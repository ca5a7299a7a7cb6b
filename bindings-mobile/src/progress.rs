//! Progress of a long load for Kotlin and Swift: a listener the app implements, told by the
//! core's reader how far it has got (`Ledger.readCsv(path, options, listener)`).

use crate::errors::{Result, SunlitError};

/// Told how far a long load has got. Kotlin: an `object : ProgressListener { override fun
/// onProgress(bytesRead: ULong, fileSize: ULong?) { … } }` passed to `Ledger.readCsv`.
#[uniffi::export(with_foreign)]
pub trait ProgressListener: Send + Sync {
    /// `bytes_read` bytes of `file_size` (null when the file system does not say) have been
    /// read: once at 0, about every 4 MiB and once at the end, when `bytes_read` is the file
    /// size. When the fast reader hands the file to the strict one (a quoted field, a bad value)
    /// reading starts again from byte 0, and so does the count. Called on the loading thread.
    ///
    /// An exception thrown here does not cross into Rust as a crash: the listener is not called
    /// again, the load runs to its end, and then `readCsv` throws `SunlitException.Other` naming
    /// the listener's exception (its class and message). Known gap of the generated Kotlin: a
    /// `Throwable` that is not an `Exception` (an `Error`), or a `ListenerException` whose reason
    /// holds a lone surrogate, cannot be handed over; JNA prints it and the load goes on as if
    /// the call had returned (no crash, but not reported either).
    fn on_progress(
        &self,
        bytes_read: u64,
        file_size: Option<u64>,
    ) -> std::result::Result<(), ListenerError>;
}

/// The failure of a progress listener: what it threw.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum ListenerError {
    /// The listener failed; `reason` says how.
    #[error("{reason}")]
    Failed {
        /// What the listener threw: its class and message.
        reason: String,
    },
}

/// The longest listener reason kept, in bytes.
const REASON_BYTES: usize = 1000;

impl From<uniffi::UnexpectedUniFFICallbackError> for ListenerError {
    /// Any other exception: uniffi hands over its stack trace, of which the first line (the
    /// exception's class and message) is kept, bounded.
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> ListenerError {
        let first = e.reason.lines().next().unwrap_or_default();
        let mut end = first.len().min(REASON_BYTES);
        while !first.is_char_boundary(end) {
            end -= 1;
        }
        ListenerError::Failed {
            reason: first.get(..end).unwrap_or_default().to_owned(),
        }
    }
}

/// Run `load`, telling `listener` its progress; the listener's first failure is the result
/// (after the load has run to its end), else the load's own.
pub(crate) fn with_listener<T>(
    listener: &dyn ProgressListener,
    load: impl FnOnce(&mut dyn FnMut(u64, Option<u64>)) -> sunlit::Result<T>,
) -> Result<T> {
    let mut failed: Option<ListenerError> = None;
    let loaded = load(&mut |done, size| {
        if failed.is_none()
            && let Err(e) = listener.on_progress(done, size)
        {
            failed = Some(e);
        }
    });
    match failed {
        Some(e) => Err(SunlitError::Other {
            description: format!("the progress listener failed: {e}"),
        }),
        None => Ok(loaded?),
    }
}
