#!/usr/bin/python3
"""check_xlsx.py WORKBOOK FACTS.jsonl MODELS_DIR [YEAR] - reads a workbook of
`brief export --format xlsx` back with openpyxl and checks it against what
brief says elsewhere:
  - the sheets and their header rows, frozen and filtered;
  - every fact of FACTS.jsonl (`brief export --format jsonl`, the same
    --region; with YEAR, kept by the briefing rule: results of YEAR-1, the
    rest of YEAR) is one row of its sheet, values as numbers, and nothing
    else is;
  - source titles link to the document's URL wherever it has one;
  - 对比: one row per MODELS_DIR/*.json (`brief show --json`), each cell the
    value of that region's first whole-year target of the column's
    indicator, kind and unit, its comment naming that target's sources,
    and no indicator left out that more regions have a value for (among
    those at least half the regions have, as the combined briefing shows).
Prints what is wrong and exits 1; exits 0 when all holds."""
import glob
import json
import sys

import openpyxl

MEASURE = ["地区", "地区代码", "年份", "指标", "类型", "数值", "单位", "界限", "限定",
           "期间", "范围", "依据", "来源", "文件"]
HEADERS = {
    "目标": MEASURE, "实绩": MEASURE,
    "项目": ["地区", "地区代码", "年份", "项目", "投资（亿元）", "状态", "依据", "来源", "文件"],
    "集群": ["地区", "地区代码", "年份", "集群", "层级", "数值", "单位", "依据", "来源", "文件"],
    "来源": ["编号", "标题", "来源", "发布日期", "文件", "网址", "事实"],
}
SHEET_OF = {"target": "目标", "actual": "实绩", "project": "项目", "cluster": "集群"}
KEYS = {
    "目标": ["region", "region_code", "year", "indicator", "kind", "value", "unit", "bound",
           "qualifier", "period", "scope", "evidence", None, "doc"],
    "项目": ["region", "region_code", "year", "name", "investment_yi", "status", "evidence",
           None, "doc"],
    "集群": ["region", "region_code", "year", "name", "tier", "value", "unit", "evidence",
           None, "doc"],
}
KEYS["实绩"] = KEYS["目标"]
NUMERIC = {"year", "value", "investment_yi"}
errors = []


def fail(msg):
    errors.append(msg)


def check_layout(wb):
    want = list(HEADERS) + ["对比"]
    if wb.sheetnames[:len(want)] != want or len(wb.sheetnames) != len(want):
        fail("sheets %r, want %r" % (wb.sheetnames, want))
    for name, head in HEADERS.items():
        ws = wb[name]
        got = [c.value for c in ws[1]]
        if got != head:
            fail("%s: header %r" % (name, got))
        if ws.freeze_panes != "A2":
            fail("%s: header row not frozen (%r)" % (name, ws.freeze_panes))
        if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith("A1:"):
            fail("%s: no autofilter" % name)


def wanted(fact, year):
    if year is None:
        return True
    return fact["year"] == (year - 1 if fact["type"] == "actual" else year)


def check_facts(wb, facts, year, urls):
    for sheet, keys in KEYS.items():
        rows = []
        for row in wb[sheet].iter_rows(min_row=2):
            vals = []
            for k, c in zip(keys, row):
                if k is None:           # the source column: a link when it can be
                    doc = row[keys.index("doc")].value
                    url = urls.get(doc)
                    link = c.hyperlink.target if c.hyperlink else None
                    if link != url:
                        fail("%s!%s: link %r, want %r" % (sheet, c.coordinate, link, url))
                    continue
                if k in NUMERIC and c.value is not None and not isinstance(c.value, (int, float)):
                    fail("%s!%s: %r is not a number" % (sheet, c.coordinate, c.value))
                vals.append(float(c.value) if k in NUMERIC and c.value is not None else c.value)
            rows.append(tuple(vals))
        want = []
        for f in facts:
            if SHEET_OF[f["type"]] != sheet or not wanted(f, year):
                continue
            want.append(tuple(float(f[k]) if k in NUMERIC and f[k] is not None else f[k]
                              for k in keys if k is not None))
        if sorted(rows, key=repr) != sorted(want, key=repr):
            extra = set(rows) - set(want)
            missing = set(want) - set(rows)
            fail("%s: %d rows, %d facts; not in the facts: %r; missing: %r"
                 % (sheet, len(rows), len(want), sorted(extra, key=repr)[:3],
                    sorted(missing, key=repr)[:3]))
    return rows


def check_sources(wb, urls, docs):
    linked = [r[4].value for r in wb["来源"].iter_rows(min_row=2) if r[4].value in urls]
    if sorted(linked) != sorted(d for d in urls if d in docs):
        fail("来源: documents with a URL %r, want %r" % (linked, sorted(urls)))
    for row in wb["来源"].iter_rows(min_row=2):
        doc, url = row[4].value, urls.get(row[4].value)
        for c in (row[1], row[5]):
            link = c.hyperlink.target if c.hyperlink else None
            if url and link != url:
                fail("来源!%s: %s links %r, want %r" % (c.coordinate, doc, link, url))
        if not isinstance(row[6].value, int) or row[6].value < 1:
            fail("来源!%s: fact count %r" % (row[6].coordinate, row[6].value))


def column_key(comment):
    # "指标 GDP；类型 growth；单位 %"
    parts = dict(p.split(" ", 1) for p in comment.split("；"))
    unit = parts["单位"]
    return (parts["指标"], parts["类型"], None if unit == "-" else unit)


def first_target(model, key):
    rows = [t for t in model["targets"] if (t["indicator"], t["kind"], t["unit"]) == key
            and t["value"] is not None]
    whole = [t for t in rows if t["period"] in (None, "全年")]
    return (whole or rows or [None])[0]


def check_compare(wb, models):
    ws = wb["对比"]
    head = list(ws[1])
    if [c.value for c in head[:3]] != ["地区", "地区代码", "年份"]:
        fail("对比: header %r" % [c.value for c in head])
    keys = [column_key(c.comment.text) for c in head[3:]]
    codes = [r[1].value for r in ws.iter_rows(min_row=2)]
    if codes != sorted(models):
        fail("对比: regions %r, want %r" % (codes, sorted(models)))
    for r in ws.iter_rows(min_row=2):
        m = models.get(r[1].value)
        if not m:
            continue
        if r[0].value != m["region"] or r[2].value != m["year"]:
            fail("对比: row %s: %r %r" % (r[1].value, r[0].value, r[2].value))
        for key, c in zip(keys, r[3:]):
            t = first_target(m, key)
            got = c.value
            if (t is None) != (got is None) or (t and abs(got - t["value"]) > 1e-9):
                fail("对比!%s: %r, the model has %r" % (c.coordinate, got, t and t["value"]))
            if t:
                note = c.comment.text if c.comment else ""
                for n in t["sources"]:
                    s = m["sources"][n - 1]
                    name = s["title"] or s["url"] or s["file"]
                    if "[%d]" % n not in note or name not in note:
                        fail("对比!%s: comment %r does not name source %d" % (c.coordinate, note, n))
    # no indicator with more regions than a column shown was left out
    count = {}
    for m in models.values():
        for t in m["targets"]:
            if t["value"] is not None:
                count.setdefault((t["indicator"], t["kind"], t["unit"]), set()).add(m["code"])
    # a column needs at least half the regions (the combined briefing's rule)
    shown = {k: r for k, r in count.items() if 2 * len(r) >= len(models)}
    if keys:
        least = min(len(count.get(k, ())) for k in keys)
        for k, regions in shown.items():
            if k not in keys and len(regions) > least and len(keys) < 6:
                fail("对比: %r (%d regions) left out" % (k, len(regions)))
    elif shown:
        fail("对比: no columns although half the models have a target in common")


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    facts = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
    models = {}
    for p in glob.glob(sys.argv[3] + "/*.json"):
        m = json.load(open(p, encoding="utf-8"))
        models[m["code"]] = m
    year = int(sys.argv[4]) if len(sys.argv) > 4 else None
    urls = {}
    for m in models.values():
        for s in m["sources"]:
            if s["url"]:
                urls[s["file"]] = s["url"]
    check_layout(wb)
    check_facts(wb, facts, year, urls)
    check_sources(wb, urls, {f["doc"] for f in facts if wanted(f, year)})
    check_compare(wb, models)
    for e in errors:
        print(e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
