#!/usr/bin/env python3
"""The named hostile-input and fault cases, each planted in a copy of sample-data/ and run through
scripts/clusterbench as a user would run it. Every run must end with exit 0 or 2, no OutOfMemoryError, no stack
trace on standard error, its input untouched, and (exit 0) every source's rows read = accepted + rejected +
after_as_of; each case then checks its own expected outcome (reject code and line, the one-line message, the
snapshot's state). Prints one line per case: PASS, FAIL (with why) or SKIP (with why).

Usage: scripts/lib/named_cases.py WORK_DIR   (called by scripts/hostile-corpus.sh)
"""
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample-data"
JOB = ROOT / "jobs" / "sample.yaml"
AS_OF = "2024-06-30"
W = Path(sys.argv[1]).resolve()
results = []


def run(*args, timeout=600):
    """One clusterbench command in embedded local mode: (exit code, stderr, seconds)."""
    t = time.time()
    try:
        p = subprocess.run([str(ROOT / "scripts" / "clusterbench"), *map(str, args)], cwd=ROOT,
                           capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stderr, time.time() - t
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stderr or b"").decode("utf-8", "replace") if isinstance(e.stderr, bytes) else (e.stderr or ""), time.time() - t


def tree_hash(d, skip=()):
    h = hashlib.sha256()
    for p in sorted(Path(d).rglob("*")):
        rel = p.relative_to(d).as_posix()
        if any(rel == s or rel.startswith(s + "/") for s in skip):
            continue
        h.update(rel.encode())
        if p.is_file() and not p.is_symlink():
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def sample_copy(name):
    d = W / name / "in"
    shutil.rmtree(W / name, ignore_errors=True)
    shutil.copytree(SAMPLE, d)
    return d


def summary(out):
    return json.loads((Path(out) / "_runs" / f"as_of={AS_OF}" / "run_summary.json").read_text("utf-8"))


def rejects_at(out, source, file, line):
    """The reason code of the reject at file:line, read with DuckDB from the published rejects table."""
    sql = (f"SELECT reason_code FROM read_parquet('{out}/rejects/as_of={AS_OF}/*.parquet') "
           f"WHERE source = '{source}' AND file = '{file}' AND line_no = {line}")
    p = subprocess.run([str(ROOT / "scripts" / "lib" / "duckdb-query.sh"), sql], capture_output=True, text=True)
    return p.stdout.split()


def problems_of(rc, err, inputs_before, inp, out):
    """What every run must hold, whatever the case."""
    found = []
    if rc not in (0, 2):
        found.append(f"exit {rc}")
    if "OutOfMemoryError" in err:
        found.append("OutOfMemoryError")
    if re.search(r"^\s+at [\w.$]+\(", err, re.M):
        found.append("a stack trace on stderr")
    if rc == 2 and len(re.findall(r"^clusterbench: error:", err, re.M)) != 1:
        found.append("not exactly one 'clusterbench: error:' line")
    if inp is not None and Path(inp).exists() is False:
        found.append("the input directory is gone")
    elif inp is not None and tree_hash(inp) != inputs_before:
        found.append("the input changed")
    if rc == 0:
        for name, s in summary(out)["sources"].items():
            if s["read"] != s["accepted"] + s["rejected"] + s["after_as_of"]:
                found.append(f"{name}: read {s['read']} != accepted + rejected + after_as_of")
    staging = Path(out) / "_staging"
    left = sorted(p.name for p in staging.iterdir() if p.name != ".lock" and not (inp and p == Path(inp))) \
        if staging.exists() else []
    if left:
        found.append("left behind under _staging: " + ", ".join(left))
    return found


def case(number, name, inp, args, expect, timeout=600, out=None, job=JOB):
    """Runs one case and records its verdict; expect(rc, err, seconds, out) returns a list of failures."""
    if out is None:  # beside the case's own input copy, or a directory of its own
        out = Path(inp).parent / "out" if W in Path(inp).parents else W / name / "out"
    before = tree_hash(inp) if inp is not None and Path(inp).is_dir() else None
    rc, err, secs = run("run", "--job", job, "--output", out, *args, timeout=timeout)
    (W / f"{name}.err").write_text(err, "utf-8")
    found = problems_of(rc, err, before, inp if before else None, out)
    if not found:
        found = expect(rc, err, secs, out)
    line = [l for l in err.splitlines() if l.startswith("clusterbench:")][:1]
    results.append((number, name, "FAIL" if found else "PASS",
                     "; ".join(found) if found else f"exit {rc} in {secs:.0f}s" + (f": {line[0]}" if rc == 2 and line else "")))
    return rc, secs


def refused(*words):
    """An expectation: exit 2 with a message naming each of words."""
    def check(rc, err, secs, out):
        if rc != 2:
            return [f"exit {rc}, expected 2"]
        msg = next(l for l in err.splitlines() if l.startswith("clusterbench: error:"))
        return [f"the message does not name '{w}': {msg}" for w in words if w not in msg]
    return check


def skip(number, name, why):
    results.append((number, name, "SKIP", why))


def chattr(flag, p):
    try:
        return subprocess.run(["chattr", flag, str(p)], capture_output=True).returncode == 0
    except OSError:
        return False


def write(path, text, encoding="utf-8"):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding)


def with_zone(inp, old, new):
    z = Path(inp) / "zones.csv"
    text = z.read_text("utf-8")
    assert old in text, old
    z.write_text(text.replace(old, new, 1), "utf-8")


def job_with(name, old, new):
    j = W / name / "job.yaml"
    text = JOB.read_text("utf-8")
    assert old in text, old
    write(j, text.replace(old, new, 1))
    return j


W.mkdir(parents=True, exist_ok=True)
HEADER = "credit_code,name,zone_id,industry_code,established_date,status,deregistered_date,employees\n"


def firm(i, date="2016-03-01", name=None):
    return f"91610000MA6X{i:06d},{name or 'firm' + str(i)},weinan-htz,C2710,{date},存续,,10\n"


# The clean sample: the reference run, the timing baseline and the snapshot that case 5 tries to break.
clean_in = sample_copy("clean")
rc, clean_secs = case(0, "clean-sample", clean_in, ["--input", clean_in], lambda rc, err, s, out: [] if rc == 0 else [f"exit {rc}"])
if rc != 0:
    for r in results:
        print(*r)
    sys.exit(1)
base = summary(W / "clean" / "out")["sources"]

# Cases 1, 3, 6 and 10's published figure and zone name, planted together in one run.
inp = sample_copy("planted")
write(inp / "enterprises" / "part-0003.csv", HEADER + firm(1)
      + "91610000MA6X000002,\"firm2,weinan-htz,C2710,2016-03-01,存续,,10\n"
      + firm(3) + firm(4) + firm(5)
      + "91610000MA6X000006,firm6,weinan-htz,C2710,2016-03-01,存续,15\",10\n" + firm(7))
write(inp / "enterprises" / "part-0004.csv", HEADER + firm(8, date="1500-01-01", name="丁公司"))
lines = gzip.decompress((SAMPLE / "financials.csv.gz").read_bytes()).decode("utf-8").splitlines(keepends=True)
with gzip.open(inp / "financials.csv.gz", "wb", compresslevel=9) as g:  # 50 good lines, then 1 GiB of zeros
    g.write("".join(lines[:51]).encode("utf-8"))
    chunk = b"0" * (1 << 20)
    for _ in range(1024):
        g.write(chunk)
    g.write(b"\n")
pf = inp / "published_figures.csv"
pf_lines = pf.read_text("utf-8").splitlines()
pf.write_text("\n".join(pf_lines) + "\nzhangjiang-sc,firms_active,2023,1e308,,probe,\n", "utf-8")
with_zone(inp, "渭南高新技术产业开发区", "<!--<script>渭南高新技术产业开发区")


def planted_expect(rc, err, secs, out):
    if rc != 0:
        return [f"exit {rc}"]
    s = summary(out)["sources"]
    found = []
    e, b = s["enterprises"], base["enterprises"]
    if e["read"] != b["read"] + 8:
        found.append(f"case 6: enterprises read {e['read']}, expected {b['read']} + 8 (7 records and the 1500 firm)")
    if rejects_at(out, "enterprises", "enterprises/part-0003.csv", 3) != ["MALFORMED_ROW"]:
        found.append("case 6: no MALFORMED_ROW at enterprises/part-0003.csv line 3")
    if e["flags"].get("DATE_BEFORE_1900", 0) != b["flags"].get("DATE_BEFORE_1900", 0) + 1:
        found.append("case 1: the firm founded in 1500 is not flagged DATE_BEFORE_1900")
    f = s["financials"]
    if f["read"] != 51 or f["rejected_by_reason"].get("MALFORMED_ROW") != 1:
        found.append(f"case 3: financials read {f['read']}, MALFORMED_ROW {f['rejected_by_reason'].get('MALFORMED_ROW')}; expected 51 and 1")
    if rejects_at(out, "financials", "financials.csv.gz", 52) != ["MALFORMED_ROW"]:
        found.append("case 3: no MALFORMED_ROW at financials.csv.gz line 52")
    p, pb = s["published_figures"], base["published_figures"]
    if p["rejected_by_reason"].get("BAD_NUMBER", 0) != pb["rejected_by_reason"].get("BAD_NUMBER", 0) + 1:
        found.append("case 10: the published figure 1e308 is not a BAD_NUMBER reject")
    html = (Path(out) / "report" / f"as_of={AS_OF}" / "index.html").read_text("utf-8")
    if "<!--<script>" in html:
        found.append("case 10: the zone name <!--<script> appears unescaped in the report")
    if secs > clean_secs + 60:
        found.append(f"case 3: {secs:.0f}s against {clean_secs:.0f}s clean; the 1 GiB line should cost seconds")
    return found


case("1,3,6,10", "old-date+gzip-bomb+stray-quote+1e308+comment-zone-name", inp, ["--input", inp], planted_expect)

# Case 2: 20,000 syntax errors recover in linear time.
inp = sample_copy("acme")
write(inp / "enterprises" / "part-0003.csv", HEADER + "".join(
    f'"ACME"x,firm{i},weinan-htz,C2710,2016-03-01,存续,,10\n' for i in range(20000)))


def acme_expect(rc, err, secs, out):
    if rc != 0:
        return [f"exit {rc}"]
    e = summary(out)["sources"]["enterprises"]
    found = []
    extra = e["rejected_by_reason"].get("MALFORMED_ROW", 0) - base["enterprises"]["rejected_by_reason"].get("MALFORMED_ROW", 0)
    if extra != 20000:
        found.append(f"{extra} more MALFORMED_ROW, expected 20000")
    if rejects_at(out, "enterprises", "enterprises/part-0003.csv", 20001) != ["MALFORMED_ROW"]:
        found.append("no MALFORMED_ROW at the last line, 20001")
    if secs > 1.5 * clean_secs:
        found.append(f"{secs:.0f}s is more than 1.5 x the clean run's {clean_secs:.0f}s")
    return found


rc, acme_secs = case(2, "20000-syntax-errors", inp, ["--input", inp], acme_expect)

# Case 4: an input inside the output directory is refused, and not deleted.
out = W / "inside" / "out"
inp = out / "_staging" / "in"
shutil.rmtree(W / "inside", ignore_errors=True)
shutil.copytree(SAMPLE, inp)
case(4, "input-inside-output", inp, ["--input", inp], refused("inside the output directory"), out=out)

# Case 5: a commit that cannot complete leaves the published snapshot whole and complete.
published = W / "clean" / "out"
runs = published / "_runs" / f"as_of={AS_OF}"
inp = sample_copy("commit")
with_zone(inp, ",49,", ",48,")
if not chattr("+i", runs):
    skip(5, "commit-fails", "chattr +i is not available here (needs root on ext4)")
else:
    before = tree_hash(published, skip=("_staging",))

    def unchanged(what):
        def check(rc, err, secs, out):
            found = refused(what)(rc, err, secs, out)
            if tree_hash(published, skip=("_staging",)) != before:
                found.append("the published snapshot changed")
            if not (runs / "_SUCCESS").exists():
                found.append("_SUCCESS is gone")
            return found
        return check
    try:
        case(5, "commit-fails-runs-immutable", inp, ["--input", inp], unchanged("the published snapshot is unchanged"), out=published)
    finally:
        chattr("-i", runs)
    chattr("+i", published / "rejects")
    try:
        case(5, "commit-fails-rejects-immutable", inp, ["--input", inp], unchanged("the previous snapshot is restored whole"), out=published)
    finally:
        chattr("-i", published / "rejects")

# Case 7: input errors are exit 2 with one line naming the file, zone or key.
inp = sample_copy("colon")
shutil.copy(inp / "enterprises" / "part-0001.csv", inp / "enterprises" / "part:0003.csv")
case(7, "colon-in-file-name", inp, ["--input", inp], refused("part:0003.csv"))
inp = sample_copy("truncated-gz")
data = (inp / "financials.csv.gz").read_bytes()
(inp / "financials.csv.gz").write_bytes(data[: len(data) // 2])
case(7, "truncated-gz", inp, ["--input", inp], refused("financials.csv.gz"))
ring = "POLYGON((109.42 34.47, 109.48 34.47, 109.48 34.53, 109.42 34.53, 109.42 34.47))"
inp = sample_copy("open-ring")
with_zone(inp, ring, ring.replace(", 109.42 34.47))", "))"))
case(7, "zone-ring-not-closed", inp, ["--input", inp], refused("weinan-htz"))
inp = sample_copy("nan-coordinate")
with_zone(inp, ring, ring.replace("109.48 34.47", "NaN 34.47"))
case(7, "zone-nan-coordinate", inp, ["--input", inp], refused("weinan-htz"))
case(7, "first-year-out-of-range", SAMPLE, [], refused("first_year"),
     job=job_with("first-year", "first_year: 2015", 'first_year: "99999999999"'))

# Case 8: inputs that are not regular files are refused up front, not read forever.
inp = sample_copy("fifo")
os.mkfifo(inp / "enterprises" / "part-0003.csv")
case(8, "fifo-chunk", inp, ["--input", inp], refused("part-0003.csv"), timeout=180)
inp = sample_copy("dev-zero")
(inp / "zones.csv").unlink()
(inp / "zones.csv").symlink_to("/dev/zero")
case(8, "zones-link-to-dev-zero", inp, ["--input", inp], refused("zones.csv"), timeout=180)

# Case 9: areas must be plain, plausible decimals.
for area in ("4.9E-324", "0x1p3", "8d"):
    inp = sample_copy("area-" + area)
    with_zone(inp, ",49,", f",{area},")
    case(9, "zone-area-" + area, inp, ["--input", inp], refused("weinan-htz"))

# Case 10: an unwritable output, YAML aliases, and a full disk.
out = W / "unwritable" / "out"
shutil.rmtree(W / "unwritable", ignore_errors=True)
out.mkdir(parents=True)
if chattr("+i", out):
    try:
        case(10, "output-not-writable", SAMPLE, [], refused("not writable"), out=out)
    finally:
        chattr("-i", out)
else:
    skip(10, "output-not-writable", "chattr +i is not available here")
case(10, "yaml-alias", SAMPLE, [], refused("alias"),
     job=job_with("alias", "first_year: 2015", "first_year: &y 2015\nlast_year_alias: *y"))
# a full disk while Spark writes the staged tables (300 KiB), and while the report is written (2 MiB)
for size in ("300k", "2m"):
    small = W / ("small-disk-" + size)
    small.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", str(small)],
                                            capture_output=True).returncode == 0:
        try:
            case(10, "disk-full-" + size, SAMPLE, [], refused("disk is full"), out=small / "out")
        finally:
            subprocess.run(["umount", str(small)], capture_output=True)
    else:
        skip(10, "disk-full-" + size, "cannot mount a small tmpfs here (needs root)")

width = max(len(r[1]) for r in results)
for number, name, verdict, detail in results:
    print(f"case {str(number):9} {name:{width}}  {verdict}  {detail}")
failed = [r for r in results if r[2] == "FAIL"]
print(f"named cases: {len(results)} run, {len(failed)} failed, {sum(r[2] == 'SKIP' for r in results)} skipped; "
      f"clean sample {clean_secs:.0f}s, 20,000 syntax errors {acme_secs:.0f}s ({acme_secs / clean_secs:.2f} x)")
sys.exit(1 if failed else 0)
