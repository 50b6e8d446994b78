"""Reads a report's CSV and XLSX exports with independent readers (Python's csv module, openpyxl) and prints
what they hold as JSON: the tests compare it with a recount from the events. Debian: python3-openpyxl."""
import csv
import io
import json
import sys
import warnings

import openpyxl

# write-excel-file writes no default cell style; openpyxl applies its own and says so. Not a finding.
warnings.filterwarnings("ignore", message="Workbook contains no default style")

csv_path, xlsx_path = sys.argv[1], sys.argv[2]

with open(csv_path, "rb") as f:
    raw = f.read()
text = raw.decode("utf-8-sig")
rows = list(csv.reader(io.StringIO(text, newline="")))

wb = openpyxl.load_workbook(xlsx_path)
ws = wb.worksheets[0]
cells = []
for row in ws.iter_rows():
    cells.append([{"v": c.value, "t": c.data_type, "fmt": c.number_format} for c in row])

print(
    json.dumps(
        {
            "csv": {
                "bom": raw.startswith(b"\xef\xbb\xbf"),
                "crlf": b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""),
                "rows": rows,
            },
            "xlsx": {"sheets": wb.sheetnames, "frozen": ws.freeze_panes, "rows": cells},
        },
        ensure_ascii=False,
    )
)
