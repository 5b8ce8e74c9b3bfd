#!/usr/bin/python3
"""check_manifest.py DIR - exit 0 when DIR/manifest.json and manifest.csv
describe the files of DIR truly: every file exists with the bytes and
sha256 given, a PDF has the pages given (qpdf --show-npages), the CSV
holds the same rows as the JSON, and the briefings are in code order.
Says what differs."""
import csv
import hashlib
import json
import os
import subprocess
import sys


def check(folder):
    problems = []
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        m = json.load(f)
    with open(os.path.join(folder, "manifest.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != len(m["files"]):
        problems.append("csv has %d rows, json %d" % (len(rows), len(m["files"])))
    codes = [r["code"] for r in m["files"] if r["kind"] == "briefing"]
    if codes != sorted(codes):
        problems.append("briefings not in code order")
    for r, c in zip(m["files"], rows):
        path = os.path.join(folder, r["file"])
        data = open(path, "rb").read()
        if len(data) != r["bytes"]:
            problems.append("%s: %d bytes, manifest says %d" % (r["file"], len(data), r["bytes"]))
        if hashlib.sha256(data).hexdigest() != r["sha256"]:
            problems.append("%s: sha256 differs" % r["file"])
        if r["format"] == "pdf":
            n = int(subprocess.run(["qpdf", "--show-npages", path], check=True,
                                   capture_output=True, text=True).stdout)
            if n != r["pages"]:
                problems.append("%s: %d pages, manifest says %d" % (r["file"], n, r["pages"]))
        for k in ("kind", "region", "code", "format", "file", "sha256"):
            if c[k] != str(r[k]):
                problems.append("csv %s of %s: %r, json %r" % (k, r["file"], c[k], r[k]))
        if int(c["sources"]) != len(r["sources"]):
            problems.append("csv sources of %s differ" % r["file"])
    return problems


def main():
    problems = check(sys.argv[1])
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
