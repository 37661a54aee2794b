#!/usr/bin/env bash
# Reads a published snapshot with pandas (pyarrow engine) as a notebook would, and checks that the ownership,
# technology-transfer, workforce and small-number columns arrive with the documented types: counts as 64-bit
# integers (nulls kept as nulls), ratios as doubles, money as decimal(20,4), flags as booleans; that the
# technology_transfer table names no source for `other`; that money sums are null, not 0, where no firm had
# financials; and that a division related to nothing has no opportunity_rank. DuckDB's reading of the same
# columns is checked by the test suite (SampleSnapshotTest).
# Installs pandas and pyarrow with pip into target/pandas-venv (a virtual environment) when missing.
# Usage: scripts/pandas-check.sh [OUTPUT_DIR [AS_OF]]   (default: the sample run's output, built if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/sample-output}
AS_OF=${2:-2024-06-30}
if [ ! -f "$OUT/_runs/as_of=$AS_OF/_SUCCESS" ]; then
  scripts/run-sample.sh > /dev/null
fi
VENV=target/pandas-venv
if ! "$VENV/bin/python" -c 'import pandas, pyarrow' 2> /dev/null; then
  echo "pandas-check: installing pandas and pyarrow with pip into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q pandas pyarrow > "$VENV/pip.log" 2>&1 || { cat "$VENV/pip.log" >&2; exit 1; }
fi
exec "$VENV/bin/python" - "$OUT" "$AS_OF" <<'PY'
import sys
import pandas as pd

out, as_of = sys.argv[1], sys.argv[2]
LONG, DOUBLE, MONEY, TEXT, BOOL = "int64", "double", "decimal128(20, 4)", ("string", "large_string"), "bool"
expected = {
    "zone_year_metrics": {
        "firms_active_private": LONG, "firms_active_state": LONG, "firms_active_foreign": LONG,
        "ownership_known_share": DOUBLE, "private_share": DOUBLE, "firms_new_private": LONG,
        "patents_academic_coapplied": LONG, "employees": LONG, "invention_stock_per_10k_employees": DOUBLE,
        "financials_firms": LONG, "revenue_cny_10k": MONEY, "rd_expense_cny_10k": MONEY, "rd_intensity": DOUBLE,
        "hightech_revenue_share": DOUBLE, "revenue_per_employee_cny_10k": DOUBLE,
    },
    "firms": {"ownership": TEXT},
    "zone_industry_metrics": {"lq_reliable": BOOL},
    "industry_opportunities": {"relatedness_density": DOUBLE},
    "technology_transfer": {"zone_id": TEXT, "source_kind": TEXT, "source_name": TEXT,
                            "inventions_transferred_in": LONG, "patents_coapplied": LONG},
}
problems = []
frames = {}
for table, columns in expected.items():
    df = pd.read_parquet(f"{out}/{table}/as_of={as_of}", dtype_backend="pyarrow")
    frames[table] = df
    for column, want in columns.items():
        if column not in df.columns:
            problems.append(f"{table}.{column}: missing")
            continue
        got = str(df[column].dtype.pyarrow_dtype)
        if got not in (want if isinstance(want, tuple) else (want,)):
            problems.append(f"{table}.{column}: {got}, expected {want}")
    print(f"  {table}: {len(df)} rows, {len(columns)} columns checked")

zym = frames["zone_year_metrics"]
no_financials = zym[zym["financials_firms"] == 0]
if no_financials["revenue_cny_10k"].notna().any():
    problems.append("zone_year_metrics: revenue_cny_10k is not null where no firm has financials")
io = frames["industry_opportunities"]
if io[io["relatedness_density"].isna()]["opportunity_rank"].notna().any():
    problems.append("industry_opportunities: a division related to nothing has an opportunity_rank")
tt = frames["technology_transfer"]
if tt[tt["source_kind"] == "other"]["source_name"].notna().any():
    problems.append("technology_transfer: a source of kind other is named")
if not len(tt):
    problems.append("technology_transfer: no rows")

if problems:
    print("pandas-check: FAILED")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print(f"pandas-check: pandas {pd.__version__} reads every checked column of {out} as_of={as_of} with its documented type")
PY
