//! Hostile input found by the binding tests (`bindings-python/tests/test_hostile.py`,
//! `bindings-mobile/kotlin/HostileTest.kt`), fixed in the core.

use sunlit::{Catalog, Error, Ledger};

/// An empty directory path wrote `datapackage.json` and `ledger.csv` into the working
/// directory; it is an `Io` error now, and nothing is written.
#[test]
fn a_fiscal_data_package_is_not_written_to_an_empty_path() {
    let package = Ledger::new()
        .to_fiscal_data_package(Catalog::seed(), &Default::default())
        .unwrap();
    let written = package.write("");
    if let Ok(descriptor) = &written {
        // the defect: clean up what it wrote into the working directory
        let _ = std::fs::remove_file(descriptor);
        let _ = std::fs::remove_file(&package.resource_path);
    }
    match written {
        Err(Error::File { path, reason, kind }) => {
            assert_eq!(kind, std::io::ErrorKind::InvalidInput);
            assert_eq!(path, "");
            assert!(reason.contains("empty path"), "{reason}");
        }
        other => panic!("expected an Io error, got {other:?}"),
    }
    assert!(!std::path::Path::new("datapackage.json").exists());
}
