//! Read, recognise and check a published document and print what was found:
//! `cargo run -p sunlit --features pdf --example recognise -- FILE...` (a `.json` file is read as
//! a [`sunlit::document::SourceDocument`] dump).

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut code = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let opts = sunlit::ReadOptions::default();
        let doc = if path.ends_with(".json") {
            std::fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|s| {
                    serde_json::from_str::<sunlit::document::SourceDocument>(&s)
                        .map_err(|e| e.to_string())
                })
                .and_then(|s| sunlit::Document::from_source(s, &opts).map_err(|e| e.to_string()))
        } else {
            sunlit::Document::read(&path, &opts).map_err(|e| e.to_string())
        };
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                code = ExitCode::from(2);
                continue;
            }
        };
        println!(
            "{path}: {} {:?} unit {:?} issuer {:?}",
            doc.kind.id(),
            doc.year,
            doc.unit.map(|u| u.symbol()),
            doc.issuer
        );
        for t in &doc.tables {
            println!(
                "  #{:?} {:<32} p{:?} unit {:?} rows {} cols {:?}{}",
                t.number,
                t.kind.map(|k| k.id()).unwrap_or("-"),
                t.pages,
                t.unit.map(|u| u.symbol()),
                t.table.as_ref().map_or(0, |x| x.rows().len()),
                t.table
                    .as_ref()
                    .map(|x| x.columns().to_vec())
                    .unwrap_or_default(),
                t.empty_note
                    .as_ref()
                    .map(|n| format!(" EMPTY: {n}"))
                    .unwrap_or_default()
            );
        }
        if std::env::var_os("SHOW").is_some() {
            for t in &doc.tables {
                if let Some(x) = &t.table {
                    println!("{}", x.to_csv_string().unwrap_or_default());
                }
            }
        }
        println!("  missing {:?}", doc.missing);
        for f in doc.findings.iter() {
            println!(
                "  [{}] {} {:?} {:?} {:?} p{:?} printed {:?}: {}",
                f.severity.id(),
                f.rule,
                f.table,
                f.code,
                f.column,
                f.page,
                f.printed,
                f.message_zh
            );
        }
    }
    code
}
