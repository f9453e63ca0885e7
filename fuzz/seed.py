#!/usr/bin/env python3
"""Seeds the fuzz corpora from the repository (docs/fuzzing.md).

  rule           every .rule file under rules/ and tests/ui/
  evidence_toml  every example unit under examples/
  evidence_json  the same units written as JSON
  evidence_csv   each table's CSV form (`kaohe template --format csv`) with its
                 example units as rows
  evidence_xlsx  each table's XLSX form (`kaohe template --format xlsx`) and a
                 score-sheet workbook (`kaohe eval --format xlsx`)
  eval           no seed: its input is the fuzzer's own choices

Run it from anywhere after `cargo build` at the root; it writes fuzz/corpus/.
"""

import csv
import datetime
import io
import json
import pathlib
import subprocess
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
KAOHE = ROOT / "target" / "debug" / "kaohe"
TABLES = {
    "county": ROOT / "rules/jiangmen-2020/county.rule",
    "department": ROOT / "rules/jiangmen-2020/department.rule",
    "illustration": ROOT / "rules/examples/illustration-2021.rule",
}
EXAMPLES = {
    "county": ROOT / "examples/jiangmen-2020/county",
    "department": ROOT / "examples/jiangmen-2020/department",
    "illustration": ROOT / "examples/illustration",
}


def out(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def plain(value):
    """A TOML value as JSON can hold it: dates as their text."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def cell(value):
    """A fact's value as a spreadsheet cell's text."""
    if value is True or value is False:
        return str(value).lower()
    if isinstance(value, list):
        return "、".join(value) if value else "无"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def row(header, unit):
    cells = []
    for h in header:
        if h == "单位":
            cells.append(unit.get("unit", ""))
            continue
        parts = h.split("/")
        facts = unit.get(parts[0], {})
        value = facts.get(parts[1]) if isinstance(facts, dict) else None
        if len(parts) == 3 and isinstance(value, dict):
            key = "reason" if parts[2] == "理由" else parts[2]
            value = value.get(key, 0 if key != "reason" else "")
        elif isinstance(value, dict) and "score" in value:
            value = value["score"]
        cells.append("" if value is None else cell(value))
    return cells


def main():
    for path in sorted((ROOT / "rules").rglob("*.rule")) + sorted((ROOT / "tests/ui").rglob("*.rule")):
        out("rule", f"{path.parent.name}-{path.name}", path.read_bytes())
    for table, folder in EXAMPLES.items():
        units = []
        for path in sorted(folder.glob("*.toml")):
            text = path.read_bytes()
            unit = tomllib.loads(text.decode())
            units.append(unit)
            out("evidence_toml", f"{table}-{path.name}", text)
            out("evidence_json", f"{table}-{path.stem}.json", json.dumps(plain(unit), ensure_ascii=False, indent=2))
        form = subprocess.run([KAOHE, "template", TABLES[table], "--format", "csv"], capture_output=True)
        if form.returncode != 0:
            # A rubric with facts no cell can give (periods) has no spreadsheet form.
            continue
        form = form.stdout.decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(form)))
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        for unit in units:
            writer.writerow(row(header, unit))
        out("evidence_csv", f"{table}.csv", "\ufeff" + buffer.getvalue())
        xlsx = CORPUS / "evidence_xlsx"
        xlsx.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [KAOHE, "template", TABLES[table], "--format", "xlsx", "--output", xlsx / f"{table}-form.xlsx"],
            check=True,
        )
        subprocess.run(
            [KAOHE, "eval", TABLES[table], folder, "--format", "xlsx", "--output", xlsx / f"{table}-sheets.xlsx"],
            check=True,
        )


if __name__ == "__main__":
    main()
