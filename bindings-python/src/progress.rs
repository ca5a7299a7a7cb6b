//! Progress of a long load for Python: a tqdm bar (`update(n)`, `total`, `reset()`) or any
//! callable `progress(bytes_read, file_size)`, called from the core's reader with the GIL taken
//! back for the call.

use pyo3::prelude::*;

/// The Python side of a progress report; the first exception the callback raises is kept and
/// raised when the load is over (the load itself runs to its end).
pub struct Progress {
    target: Py<PyAny>,
    tqdm: bool,
    last: u64,
    failed: Option<PyErr>,
}

impl Progress {
    /// Wrap `target`: a tqdm-like object (it has `update`) or a callable; anything else is a
    /// `TypeError` now, before the load starts.
    pub fn new(target: &Bound<'_, PyAny>) -> PyResult<Progress> {
        let tqdm = target.hasattr("update")?;
        if !tqdm && !target.is_callable() {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "progress must be a tqdm bar (an object with update()) or a callable (bytes_read, file_size)",
            ));
        }
        Ok(Progress {
            target: target.clone().unbind(),
            tqdm,
            last: 0,
            failed: None,
        })
    }

    /// Report `done` bytes of `size`.
    pub fn tell(&mut self, done: u64, size: Option<u64>) {
        if self.failed.is_some() {
            return;
        }
        let result = Python::attach(|py| -> PyResult<()> {
            let target = self.target.bind(py);
            if !self.tqdm {
                return target.call1((done, size)).map(drop);
            }
            if done < self.last {
                // the strict reader started again from the beginning
                target.call_method0("reset")?;
                self.last = 0;
            }
            if let Some(size) = size
                && target.getattr("total")?.is_none()
            {
                target.setattr("total", size)?;
            }
            target.call_method1("update", (done - self.last,))?;
            Ok(())
        });
        self.last = done;
        if let Err(e) = result {
            self.failed = Some(e);
        }
    }

    /// The callback's first exception, if it raised one.
    pub fn failure(&mut self) -> PyResult<()> {
        match self.failed.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
