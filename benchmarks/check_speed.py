"""`stageshow check` on a generated 5,000-question bank, as YAML and as .xlsx.

Usage: python benchmarks/check_speed.py [QUESTIONS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import yaml
from _common import describe

from stageshow.formats.checking import check_files


def questions(count: int) -> list[dict]:
    kinds = [("single", ["甲", "乙", "丙", "丁"], "B"), ("multiple", ["甲", "乙", "丙", "丁", "戊"], "ACD"),
             ("truefalse", None, "对")]
    result = []
    for number in range(count):
        kind, options, answer = kinds[number % 3]
        item = {"id": f"Q{number:05d}", "pool": ["必答", "抢答", "风险"][number % 3], "type": kind,
                "stem": f"第 {number} 题：行政机关作出行政处罚决定前，应当告知当事人哪些事项？" * 2, "answer": answer,
                "explanation": "依法告知拟作出的行政处罚内容及事实、理由、依据，"
                               "并告知依法享有的陈述、申辩、要求听证等权利。",
                "basis": "《中华人民共和国行政处罚法》第四十四条"}
        if options:
            item["options"] = options
        result.append(item)
    return result


def write_xlsx(path: Path, items: list[dict]) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "题库"
    sheet.append(["编号", "环节", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "答案", "解析", "依据"])
    for item in items:
        options = (item.get("options") or []) + [None] * (5 - len(item.get("options") or []))
        sheet.append([item["id"], item["pool"], item["type"], item["stem"], *options, item["answer"],
                      item["explanation"], item["basis"]])
    workbook.save(path)


def timed(path: Path, runs: int = 5) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        _, problems = check_files([path])
        samples.append((time.perf_counter() - start) * 1000)
        assert not problems.errors, problems.errors[:3]
    return samples


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    items = questions(count)
    with tempfile.TemporaryDirectory() as folder:
        bank = Path(folder) / "big.questions.yaml"
        bank.write_text(yaml.safe_dump({"questions": items}, allow_unicode=True), encoding="utf-8")
        xlsx = Path(folder) / "big.xlsx"
        write_xlsx(xlsx, items)
        print(f"{count} questions: YAML {bank.stat().st_size // 1024} KiB, xlsx {xlsx.stat().st_size // 1024} KiB")
        print(describe("check YAML bank", timed(bank)) + "   (target ≤ 1000 ms)")
        print(describe("check .xlsx bank", timed(xlsx)) + "   (target ≤ 3000 ms)")


if __name__ == "__main__":
    main()
