//! Print the narrative statements and `narrative.*` findings of documents, for inspection:
//! `cargo run -p sunlit --features pdf --example narrative -- [--statements] FILE...`.

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.first().is_some_and(|a| a == "--statements");
    if show {
        args.remove(0);
    }
    for path in args {
        match sunlit::Document::read(&path, &sunlit::ReadOptions::default()) {
            Ok(doc) => {
                let sts = doc.narrative();
                let found: Vec<_> = doc
                    .findings
                    .iter()
                    .filter(|f| f.rule.starts_with("narrative."))
                    .collect();
                println!(
                    "== {path}: {} statements, {} narrative findings",
                    sts.len(),
                    found.len()
                );
                if std::env::var_os("NARRATIVE_JSON").is_some() {
                    for s in &sts {
                        println!("{}", serde_json::to_string(s).unwrap_or_default());
                    }
                    continue;
                }
                if show {
                    for s in &sts {
                        println!(
                            "  p{} [{}] {} {:?} share={:?} change={:?}",
                            s.page,
                            s.subject,
                            s.printed,
                            s.basis,
                            s.share,
                            s.change.as_ref().map(|c| c.printed.clone())
                        );
                    }
                }
                for f in found {
                    println!(
                        "  {} {:?} p{:?}: {}\n      | {}",
                        f.rule,
                        f.severity,
                        f.page,
                        f.message_zh,
                        f.printed.as_deref().unwrap_or("")
                    );
                }
            }
            Err(e) => println!("== {path}: {e}"),
        }
    }
}
