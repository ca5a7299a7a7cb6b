//! Print a document as read ([`sunlit::document::SourceDocument`]) as JSON, for cross-checks and
//! exploration: `cargo run -p sunlit --features pdf --example dump_source -- FILE [ENCODING]`.
//! With `--time` first, print only the reading time (whole document and per page) instead.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let time = args.first().is_some_and(|a| a == "--time");
    if time {
        args.remove(0);
    }
    let Some(path) = args.first() else {
        eprintln!("usage: dump_source [--time] FILE [ENCODING]");
        return ExitCode::from(2);
    };
    let opts = sunlit::ReadOptions {
        encoding: args.get(1).cloned(),
        ..sunlit::ReadOptions::default()
    };
    let start = std::time::Instant::now();
    match sunlit::document::SourceDocument::read(path, &opts) {
        Ok(doc) => {
            let spent = start.elapsed();
            if time {
                println!(
                    "{path}: {} pages, {} tables, {:.1} ms, {:.2} ms/page",
                    doc.pages,
                    doc.tables.len(),
                    spent.as_secs_f64() * 1e3,
                    spent.as_secs_f64() * 1e3 / f64::from(doc.pages.max(1))
                );
                return ExitCode::SUCCESS;
            }
            match serde_json::to_string_pretty(&doc) {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
