#!/usr/bin/env python3
"""Seed corpora for the fuzz targets from the fixtures: python3 seeds.py FIXTURES_DIR OUT_DIR.

Writes OUT_DIR/<target>/<sha1> files: timeline lines, whole .jsonl files, runpacks, and each JSON
member of the runpacks (plus the API dumps of run reports). Nothing is written into the source tree.
"""
import hashlib
import pathlib
import sys
import zipfile

MEMBER_TARGETS = {
    "meta.json": "member_meta",
    "timeline_report.json": "member_timeline_report",
    "run_report.json": "member_run_report",
    "budgets.json": "member_budgets",
    "context.json": "member_context",
    "latest_report_pointer.json": "member_latest_report_pointer",
    "report.json": "member_seed_report",
}


def main(fixtures: pathlib.Path, out: pathlib.Path) -> None:
    def seed(target: str, data: bytes) -> None:
        directory = out / target
        directory.mkdir(parents=True, exist_ok=True)
        (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)

    for jsonl in sorted(fixtures.rglob("*.jsonl")):
        data = jsonl.read_bytes()
        seed("jsonl_buffer", data)
        for line in data.splitlines():
            seed("timeline_line", line)
    for pack in sorted(fixtures.rglob("*.zip")):
        seed("runpack", pack.read_bytes())
        with zipfile.ZipFile(pack) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                if name in MEMBER_TARGETS:
                    seed(MEMBER_TARGETS[name], data)
                elif name.endswith(".jsonl"):
                    seed("jsonl_buffer", data)
    # Run reports as the API and the observability directory dump them have the run_report.json shape.
    for report in sorted(fixtures.rglob("*reports_endpoint.json")) + sorted(fixtures.rglob("observability/runs/*.json")):
        seed("member_run_report", report.read_bytes())


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
