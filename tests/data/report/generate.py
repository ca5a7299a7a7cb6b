#!/usr/bin/env python3
"""Generate the synthetic annual-report test data of this directory (see README.md).

Deterministic (fixed seeds), standard library only. It counts on its own — it does not use
sunlit — so the expected tables are an independent oracle for the library's build and checks.
Run from anywhere: ``python3 tests/data/report/generate.py``; it rewrites the files in place.
"""

import csv
import datetime as dt
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent

APPLICANTS = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_welfare_organization",
    "legal_service_institution",
    "other_organization",
]
COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
HEADER = ["label"] + COLUMNS

# (outcome, reason, row id, official label as written in the CSV), in the row order of the 2021 format.
OUTCOMES = [
    ("granted", "", "granted", "（一）予以公开"),
    ("partly_granted", "", "partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("refused", "state_secret", "refused_state_secret", "（三）不予公开 1.属于国家秘密"),
    ("refused", "law_forbids", "refused_law_forbids", "（三）不予公开 2.其他法律行政法规禁止公开"),
    ("refused", "security_stability", "refused_security_stability", "（三）不予公开 3.危及“三安全一稳定”"),
    ("refused", "third_party", "refused_third_party", "（三）不予公开 4.保护第三方合法权益"),
    ("refused", "internal_affairs", "refused_internal_affairs", "（三）不予公开 5.属于三类内部事务信息"),
    ("refused", "process_info", "refused_process_info", "（三）不予公开 6.属于四类过程性信息"),
    ("refused", "enforcement_file", "refused_enforcement_file", "（三）不予公开 7.属于行政执法案卷"),
    ("refused", "admin_query", "refused_admin_query", "（三）不予公开 8.属于行政查询事项"),
    ("cannot_provide", "not_held", "cannot_provide_not_held", "（四）无法提供 1.本机关不掌握相关政府信息"),
    ("cannot_provide", "needs_new_work", "cannot_provide_needs_new_work", "（四）无法提供 2.没有现成信息需要另行制作"),
    ("cannot_provide", "still_unclear", "cannot_provide_still_unclear", "（四）无法提供 3.补正后申请内容仍不明确"),
    ("not_processed", "petition", "not_processed_petition", "（五）不予处理 1.信访举报投诉类申请"),
    ("not_processed", "repeat", "not_processed_repeat", "（五）不予处理 2.重复申请"),
    ("not_processed", "publication", "not_processed_publication", "（五）不予处理 3.要求提供公开出版物"),
    ("not_processed", "excessive", "not_processed_excessive", "（五）不予处理 4.无正当理由大量反复申请"),
    ("not_processed", "confirm_reissue", "not_processed_confirm_reissue", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息"),
    ("other", "no_correction", "other_no_correction", "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other", "no_fee", "other_no_fee", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other", "other", "other_other", "（六）其他处理 3.其他"),
]
NEW = ("new", "一、本年新收政府信息公开申请数量")
CARRIED_OVER = ("carried_over", "二、上年结转政府信息公开申请数量")
TOTAL = ("total", "（七）总计")
CARRIED_FORWARD = ("carried_forward", "四、结转下年度继续办理")
OTHER_2019 = ("other", "（六）其他处理")


def rows_2021():
    return [NEW, CARRIED_OVER] + [(o[2], o[3]) for o in OUTCOMES] + [TOTAL, CARRIED_FORWARD]


def rows_2019():
    results = [(o[2], o[3]) for o in OUTCOMES if o[0] != "other"]
    return [NEW, CARRIED_OVER] + results + [OTHER_2019, TOTAL, CARRIED_FORWARD]


def write_csv(name, header, rows):
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def table3_rows(counts, rows):
    """counts: row id -> list of 6 applicant counts; adds the 总计 column."""
    out = []
    for rid, label in rows:
        c = counts[rid]
        out.append([label] + [str(v) for v in c] + [str(sum(c))])
    return out


# ---- 1. a synthetic year of request records, and the Table 3 they must give -----------------

YEAR = 2024
START, END = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
CHANNELS = ["in_person", "post_signed", "post_unsigned", "online", "fax", "oral"]


def synthetic_requests():
    rnd = random.Random(20240101)
    reqs = []

    def add(applicant, received, closed, outcome, reason):
        # The history an outcome needs (政府信息公开条例 art. 30, 国办函〔2020〕109号): a correction
        # asked for (the day after receipt, well within 7 working days) and received for
        # cannot_provide/still_unclear; asked for and never received for other/no_correction; a
        # fee notice never paid for other/no_fee. The answer then comes at least 5 days after receipt.
        asked = received + dt.timedelta(days=1) if (outcome, reason) in (
            ("cannot_provide", "still_unclear"), ("other", "no_correction")) else None
        corrected = received + dt.timedelta(days=3) if (outcome, reason) == ("cannot_provide", "still_unclear") else None
        fee = received + dt.timedelta(days=2) if (outcome, reason) == ("other", "no_fee") else None
        if closed and (asked or fee):
            closed = max(closed, received + dt.timedelta(days=5))
        iso = lambda d: d.isoformat() if d else ""
        reqs.append(
            {
                "id": f"R{len(reqs) + 1:04d}",
                "applicant": applicant,
                "channel": rnd.choice(CHANNELS),
                "received": iso(received),
                "correction_requested": iso(asked),
                "correction_received": iso(corrected),
                "fee_notice": iso(fee),
                "closed": iso(closed),
                "outcome": outcome,
                "reason": reason,
            }
        )

    def day(a, b):
        return a + dt.timedelta(days=rnd.randint(0, (b - a).days))

    # Every outcome cell (21 outcomes x 6 applicants): received and answered within the year.
    for outcome, reason, _, _ in OUTCOMES:
        for applicant in APPLICANTS:
            received = day(dt.date(YEAR, 1, 2), dt.date(YEAR, 11, 30))
            add(applicant, received, received + dt.timedelta(days=rnd.randint(1, 30)), outcome, reason)
    # A mix of every situation around the year boundaries.
    for _ in range(320):
        applicant = rnd.choices(APPLICANTS, weights=[60, 12, 4, 4, 8, 12])[0]
        outcome, reason, _, _ = rnd.choice(OUTCOMES)
        kind = rnd.choices(
            ["in_year", "from_last_year", "last_year_closed", "into_next_year", "open", "next_year", "withdrawn"],
            weights=[55, 10, 8, 10, 8, 4, 5],
        )[0]
        if kind == "in_year":
            received = day(dt.date(YEAR, 1, 2), dt.date(YEAR, 11, 30))
            closed = received + dt.timedelta(days=rnd.randint(1, 30))
        elif kind == "from_last_year":  # received last year, answered this year, or still open
            received = day(dt.date(YEAR - 1, 11, 1), dt.date(YEAR - 1, 12, 31))
            closed = rnd.choice([day(dt.date(YEAR, 1, 2), dt.date(YEAR, 2, 20)), None,
                                 day(dt.date(YEAR + 1, 1, 2), dt.date(YEAR + 1, 1, 20))])
        elif kind == "last_year_closed":  # handled entirely last year: not in the table
            received = day(dt.date(YEAR - 1, 10, 1), dt.date(YEAR - 1, 11, 30))
            closed = received + dt.timedelta(days=rnd.randint(1, 25))
        elif kind == "into_next_year":  # received late this year, answered next year
            received = day(dt.date(YEAR, 12, 1), dt.date(YEAR, 12, 31))
            closed = day(max(received + dt.timedelta(days=1), dt.date(YEAR + 1, 1, 1)), dt.date(YEAR + 1, 1, 25))
        elif kind == "open":  # received this year, never closed
            received = day(dt.date(YEAR, 10, 1), dt.date(YEAR, 12, 31))
            closed = None
        elif kind == "next_year":  # received next year: not in the table
            received = day(dt.date(YEAR + 1, 1, 2), dt.date(YEAR + 1, 1, 31))
            closed = None
        else:  # withdrawn by the applicant during the year
            received = day(dt.date(YEAR, 1, 2), dt.date(YEAR, 11, 30))
            closed = received + dt.timedelta(days=rnd.randint(1, 15))
            outcome, reason = "withdrawn", ""
        if closed is None:
            outcome, reason = "", ""
        add(applicant, received, closed, outcome, reason)
    return reqs


def row_of(outcome, reason, fmt):
    if outcome == "withdrawn":  # counted under 其他处理 / 其他 (see README)
        outcome, reason = "other", "other"
    if fmt == "2019" and outcome == "other":
        return "other"
    return outcome if not reason else f"{outcome}_{reason}"


def expected_table(reqs, fmt):
    rows = rows_2021() if fmt == "2021" else rows_2019()
    counts = {rid: [0] * 6 for rid, _ in rows}
    for r in reqs:
        a = APPLICANTS.index(r["applicant"])
        received = dt.date.fromisoformat(r["received"])
        closed = dt.date.fromisoformat(r["closed"]) if r["closed"] else None
        if received > END or (closed and closed < START):
            continue
        counts["new" if received.year == YEAR else "carried_over"][a] += 1
        if closed and closed <= END:
            counts[row_of(r["outcome"], r["reason"], fmt)][a] += 1
            counts["total"][a] += 1
        else:
            counts["carried_forward"][a] += 1
    return table3_rows(counts, rows)


# ---- 2. a published-style report that adds up (synthetic figures) --------------------------


def published_counts(rnd, rows, adjust=None):
    """Random result counts per cell, then 总计, 二, 四 and 一 so that every identity holds."""
    fixed = ("new", "carried_over", "total", "carried_forward")
    counts = {rid: [0] * 6 for rid, _ in rows}
    weights = [40, 6, 1, 1, 3, 2]
    for rid, _ in rows:
        if rid in fixed:
            continue
        scale = 60 if rid == "granted" else 25 if rid in ("partly_granted", "cannot_provide_not_held") else 4
        counts[rid] = [rnd.randint(0, scale * w // 4 + 1) for w in weights]
    if adjust:
        adjust(counts)
    counts["total"] = [sum(counts[rid][i] for rid, _ in rows if rid not in fixed) for i in range(6)]
    counts["carried_over"] = [rnd.randint(0, t // 10) for t in counts["total"]]
    counts["carried_forward"] = [rnd.randint(0, t // 8) for t in counts["total"]]
    counts["new"] = [t + f - o for t, f, o in zip(counts["total"], counts["carried_forward"], counts["carried_over"])]
    return counts


PROACTIVE_2021 = [
    ("规章", ["本年制发件数", "本年废止件数", "现行有效件数"]),
    ("行政规范性文件", ["本年制发件数", "本年废止件数", "现行有效件数"]),
    ("行政许可", ["本年处理决定数量"]),
    ("行政处罚", ["本年处理决定数量"]),
    ("行政强制", ["本年处理决定数量"]),
    ("行政事业性收费", ["本年收费金额（单位：万元）"]),
]
PROACTIVE_2019 = [
    ("规章", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
    ("规范性文件", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
    ("行政许可", ["上一年项目数量", "本年增/减", "处理决定数量"]),
    ("其他对外管理服务事项", ["上一年项目数量", "本年增/减", "处理决定数量"]),
    ("行政处罚", ["上一年项目数量", "本年增/减", "处理决定数量"]),
    ("行政强制", ["上一年项目数量", "本年增/减", "处理决定数量"]),
    ("行政事业性收费", ["上一年项目数量", "本年增/减"]),
    ("政府集中采购", ["采购项目数量", "采购总金额"]),
]
REVIEW_HEADER = ["block", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
BLOCKS = ["行政复议", "未经复议直接起诉", "复议后起诉"]


def proactive_2021(valid_last):
    rules_issued, rules_repealed = 1, 0
    docs_issued, docs_repealed = 117, 9
    cells = {
        ("规章", "本年制发件数"): rules_issued,
        ("规章", "本年废止件数"): rules_repealed,
        ("规章", "现行有效件数"): valid_last[0] + rules_issued - rules_repealed,
        ("行政规范性文件", "本年制发件数"): docs_issued,
        ("行政规范性文件", "本年废止件数"): docs_repealed,
        ("行政规范性文件", "现行有效件数"): valid_last[1] + docs_issued - docs_repealed,
        ("行政许可", "本年处理决定数量"): 474339,
        ("行政处罚", "本年处理决定数量"): 3985758,
        ("行政强制", "本年处理决定数量"): 88283,
        ("行政事业性收费", "本年收费金额（单位：万元）"): "96171.60",
    }
    return [[r, c, str(cells[(r, c)])] for r, cols in PROACTIVE_2021 for c in cols]


def main():
    # 1. request records and their expected tables
    reqs = synthetic_requests()
    columns = ["id", "applicant", "channel", "received", "correction_requested", "correction_received",
               "fee_notice", "closed", "outcome", "reason"]
    write_csv("requests_2024.csv", columns, [[r[k] for k in columns] for r in reqs])
    write_csv("requests_2024_expected_2021.csv", HEADER, expected_table(reqs, "2021"))
    write_csv("requests_2024_expected_2019.csv", HEADER, expected_table(reqs, "2019"))

    # 2. a published-style 2024 report (2021 format) that adds up
    rnd = random.Random(2025)
    def adjust(c):
        c["granted"][2] = 0  # 科研机构: the negative-count corruption needs a zero here
        c["partly_granted"][4] = max(c["partly_granted"][4], 3)

    counts = published_counts(rnd, rows_2021(), adjust)
    requests_table = table3_rows(counts, rows_2021())
    write_csv("published_2024_requests.csv", HEADER, requests_table)
    reviews = [[b] + [str(v) for v in vals] + [str(sum(vals))] for b, vals in
               zip(BLOCKS, [[52, 9, 4, 6], [17, 3, 2, 5], [6, 1, 0, 2]])]
    write_csv("published_2024_reviews.csv", REVIEW_HEADER, reviews)
    valid_2023 = (3, 841)
    write_csv("published_2023_proactive.csv", ["label", "column", "value"], [
        ["规章", "本年制发件数", "1"], ["规章", "本年废止件数", "0"], ["规章", "现行有效件数", str(valid_2023[0])],
        ["行政规范性文件", "本年制发件数", "98"], ["行政规范性文件", "本年废止件数", "12"],
        ["行政规范性文件", "现行有效件数", str(valid_2023[1])],
        ["行政许可", "本年处理决定数量", "466120"], ["行政处罚", "本年处理决定数量", "3286513"],
        ["行政强制", "本年处理决定数量", "25970"], ["行政事业性收费", "本年收费金额（单位：万元）", "91002.35"],
    ])
    proactive = proactive_2021(valid_2023)
    write_csv("published_2024_proactive.csv", ["label", "column", "value"], proactive)

    # the same report as JSON, one file per table
    def count_json(header, rows):
        return [{h: (v if i == 0 else int(v)) for i, (h, v) in enumerate(zip(header, row))} for row in rows]

    (HERE / "published_2024_requests.json").write_text(
        json.dumps(count_json(HEADER, requests_table), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (HERE / "published_2024_reviews.json").write_text(
        json.dumps(count_json(REVIEW_HEADER, reviews), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (HERE / "published_2024_proactive.json").write_text(
        json.dumps([{"label": r, "column": c, "value": v} for r, c, v in proactive], ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")

    # the same Table 3 with the label variants of real reports
    def variant(label):
        v = label.replace("（", "(").replace("）", ")").replace("“", '"').replace("”", '"')
        v = v.replace("一、", "一.").replace("二、", "").replace("四、", "四 ")
        v = v.replace(" 1.", " 1、").replace("(三)不予公开 ", "(三)不予公开").replace("(四)无法提供 ", "")
        v = v.replace("(一)", "").replace("，", ",")
        return "  " + v + " "

    write_csv("published_2024_requests_variants.csv", HEADER, [[variant(r[0])] + r[1:] for r in requests_table])

    # 3. a published-style 2020 report in the 2019 (trial) format
    rnd = random.Random(2020)
    counts19 = published_counts(rnd, rows_2019())
    write_csv("published_2020_requests_2019format.csv", HEADER, table3_rows(counts19, rows_2019()))
    proactive19 = {
        "规章": ["2", "2", "37"], "规范性文件": ["64", "64", "1203"],
        "行政许可": ["312", "+6", "185443"], "其他对外管理服务事项": ["40", "-3", "2210"],
        "行政处罚": ["1520", "+12", "998120"], "行政强制": ["96", "0", "3721"],
        "行政事业性收费": ["240", "+4"], "政府集中采购": ["1536", "286432.17"],
    }
    write_csv("published_2020_proactive_2019format.csv", ["label", "column", "value"],
              [[r, c, v] for r, cols in PROACTIVE_2019 for c, v in zip(cols, proactive19[r])])

    # 4. corrupted copies of the 2024 report, each breaking exactly one rule
    base = {row[0]: row[:] for row in requests_table}
    labels = [row[0] for row in requests_table]
    col = {c: i + 1 for i, c in enumerate(COLUMNS)}

    def corrupt_requests(name, edits):
        t = {k: v[:] for k, v in base.items()}
        for label, column, delta in edits:
            cell = t[label][col[column]]
            t[label][col[column]] = "" if delta is None else str(int(cell) + delta)
        write_csv(f"corrupt/{name}", HEADER, [t[l] for l in labels])
        return t

    cases = []
    fwd, granted, partly, total = "四、结转下年度继续办理", "（一）予以公开", OUTCOMES[1][3], "（七）总计"
    corrupt_requests("requests_column_identity.csv", [(fwd, "自然人", 1), (fwd, "总计", 1)])
    # findings sort by code, then column: 总计 (U+603B) before 自然人 (U+81EA)
    cases.append(["requests_column_identity.csv", "requests", "report.column_identity", 2, fwd, "总计",
                  base[fwd][7], str(int(base[fwd][7]) + 1)])
    corrupt_requests("requests_outcome_total.csv", [(granted, "自然人", 1), (granted, "总计", 1)])
    cases.append(["requests_outcome_total.csv", "requests", "report.outcome_total", 2, total, "总计",
                  str(int(base[total][7]) + 1), base[total][7]])
    corrupt_requests("requests_row_total.csv", [(granted, "总计", 1), (partly, "总计", -1)])
    granted_sum = sum(int(v) for v in base[granted][1:7])
    cases.append(["requests_row_total.csv", "requests", "report.row_total", 2, granted, "总计",
                  str(granted_sum), str(granted_sum + 1)])
    assert base[granted][col["科研机构"]] == "0" and int(base[partly][col["法律服务机构"]]) >= 1
    corrupt_requests("requests_negative_count.csv", [(granted, "科研机构", -1), (granted, "法律服务机构", 1),
                                                      (partly, "科研机构", 1), (partly, "法律服务机构", -1)])
    cases.append(["requests_negative_count.csv", "requests", "report.negative_count", 1, granted, "科研机构", "", "-1"])
    blank_label = OUTCOMES[9][3]
    corrupt_requests("requests_blank_cell.csv", [(blank_label, "社会公益组织", None)])
    cases.append(["requests_blank_cell.csv", "requests", "report.blank_cell", 1, blank_label, "社会公益组织", "", ""])

    r = [row[:] for row in reviews]
    r[0][5] = str(int(r[0][5]) + 1)
    write_csv("corrupt/reviews_review_total.csv", REVIEW_HEADER, r)
    cases.append(["reviews_review_total.csv", "reviews", "report.review_total", 1, "行政复议", "总计",
                  reviews[0][5], r[0][5]])

    p = [row[:] for row in proactive]
    valid_rules = next(row for row in p if row[0] == "规章" and row[1] == "现行有效件数")
    expected_valid = valid_rules[2]
    valid_rules[2] = str(int(valid_rules[2]) + 2)
    write_csv("corrupt/proactive_valid_carry.csv", ["label", "column", "value"], p)
    cases.append(["proactive_valid_carry.csv", "proactive", "report.valid_carry", 1, "规章", "现行有效件数",
                  expected_valid, valid_rules[2]])
    p = [row[:] for row in proactive]
    coercion = next(row for row in p if row[0] == "行政强制")
    coercion[2] = "-" + coercion[2]
    write_csv("corrupt/proactive_negative_count.csv", ["label", "column", "value"], p)
    cases.append(["proactive_negative_count.csv", "proactive", "report.negative_count", 1, "行政强制",
                  "本年处理决定数量", "", coercion[2]])
    write_csv("corrupt/cases.csv", ["file", "table", "rule", "count", "code", "column", "expected", "actual"], cases)

    # 5. the seed article's legacy figures (Guangdong, 2016)
    write_csv("legacy_guangdong_2016.csv", ["measure", "part", "whole", "places", "percent"], [
        ["in_person_share", "24121", "45104", "1", "53.5"],
        ["review_correction_rate", "245", "1408", "1", "17.4"],
        ["suit_correction_rate", "65", "727", "1", "8.9"],
        ["in_person_share", "24121", "45104", "2", "53.48"],
        ["review_correction_rate", "245", "1408", "2", "17.40"],
        ["suit_correction_rate", "65", "727", "2", "8.94"],
    ])


if __name__ == "__main__":
    main()
