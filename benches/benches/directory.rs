//! Disclosure catalogues: building the bigram index over a generated 1M-entry catalogue and
//! querying it, against a scan (figures in benches/README.md).

use std::time::Duration;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sunlit::disclosure::{
    Category,
    catalogue::{CatalogueEntry, CatalogueIndex, DisclosureCatalogue, SearchQuery},
};

const ORGANS: &[&str] = &[
    "县人民政府办公室",
    "县财政局",
    "县教育局",
    "县民政局",
    "县自然资源局",
    "县住房和城乡建设局",
    "县卫生健康局",
    "县应急管理局",
    "县统计局",
    "县农业农村局",
    "县市场监督管理局",
    "县人力资源和社会保障局",
];
const VERBS: &[&str] = &[
    "印发",
    "做好",
    "加强",
    "进一步规范",
    "开展",
    "公布",
    "调整",
    "推进",
];
const TOPICS: &[&str] = &[
    "城乡居民最低生活保障",
    "义务教育阶段学生资助",
    "国有土地上房屋征收",
    "集体土地征收",
    "防汛抗旱应急预案",
    "安全生产监督检查",
    "政府集中采购目录",
    "部门预算",
    "部门决算",
    "统计公报",
    "公务员招考",
    "农田水利工程建设",
    "宅基地审核",
    "城市道路维修",
    "公共文化服务",
    "社会救助资金",
    "行政事业性收费",
    "营商环境优化",
];
const NOUNS: &[&str] = &[
    "工作的通知",
    "实施方案",
    "管理办法",
    "的公告",
    "情况的报告",
    "工作要点",
    "的批复",
    "结果公示",
];

/// `n` entries from a seed: titles of a county's usual notices, a summary, dates 2015–2024.
fn catalogue(n: usize) -> DisclosureCatalogue {
    let mut rng = ChaCha8Rng::seed_from_u64(15);
    let first = NaiveDate::from_ymd_opt(2015, 1, 1).expect("date");
    let pick = |rng: &mut ChaCha8Rng, xs: &[&'static str]| xs[rng.random_range(0..xs.len())];
    let entries = (0..n)
        .map(|i| {
            let organ = pick(&mut rng, ORGANS);
            let topic = pick(&mut rng, TOPICS);
            let title = format!(
                "{organ}关于{}{topic}{}",
                pick(&mut rng, VERBS),
                pick(&mut rng, NOUNS)
            );
            let formed = first + Days::new(rng.random_range(0..3650));
            CatalogueEntry {
                index: format!("6107280000/{}-{:06}", 2015 + i % 10, i),
                summary: Some(format!("{title}，请各单位认真贯彻执行。")),
                title,
                organ: organ.to_owned(),
                formed: Some(formed),
                published: Some(formed + Days::new(rng.random_range(0..40))),
                category: Category::ALL[rng.random_range(0..Category::ALL.len())],
                ..Default::default()
            }
        })
        .collect();
    DisclosureCatalogue::new(entries)
}

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: Some(text.to_owned()),
        ..Default::default()
    }
}

fn bench(c: &mut Criterion) {
    let n = std::env::var("SUNLIT_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let cat = catalogue(n);
    if let Ok(path) = std::env::var("SUNLIT_DIRECTORY_CSV") {
        // the same catalogue for benches/compare_directory.py (polars)
        cat.write_csv_path(&path).expect("write the catalogue");
    }
    let mut g = c.benchmark_group(format!("directory_{n}"));
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("index_build", |b| b.iter(|| CatalogueIndex::build(&cat)));
    let index = CatalogueIndex::build(&cat);
    let queries = [
        ("common_2chars", query("征收")),
        ("phrase_8chars", query("最低生活保障")),
        ("two_terms", query("教育局 资助")),
        ("rare_absent", query("核电站退役")),
        (
            "term_category_dates",
            SearchQuery {
                text: Some("应急预案".into()),
                category: Some(Category::Emergencies),
                from: NaiveDate::from_ymd_opt(2020, 1, 1),
                to: NaiveDate::from_ymd_opt(2021, 12, 31),
            },
        ),
    ];
    for (name, q) in &queries {
        let found = index.search(&cat, q).expect("same catalogue").len();
        assert_eq!(found, cat.search(q).len(), "{name}: index and scan differ");
        eprintln!("{name}: {found} matches");
        g.bench_function(format!("index_{name}"), |b| {
            b.iter(|| index.search(&cat, q).expect("same catalogue").len())
        });
        g.bench_function(format!("scan_{name}"), |b| b.iter(|| cat.search(q).len()));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
