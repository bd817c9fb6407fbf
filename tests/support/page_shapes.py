"""Pasted pages of chosen shapes (menus, short lines, prose, wrapped, mixed, Japanese) for cleaner tests and benches."""

from __future__ import annotations

_MENU = ("World", "News", "Politics", "Business", "Sport", "Opinion", "Culture", "Video")
_SUBJECTS = ("Officials in Tokyo", "The ministry", "Analysts in Seoul", "A Kremlin spokesman", "The agency")
_VERBS = ("said on Friday that", "warned that", "told reporters that", "confirmed that", "added that")
_CLAUSES = (
    "about 3,000 troops had been moved toward the front line in the Kursk region",
    "the treaty signed in Pyongyang obliges both sides to give military help",
    "the deployment was a grave concern for the security of the whole region",
    "cooperation between Moscow and Pyongyang had deepened over the summer",
)
_JA_SENTENCES = (
    "韓国の国家情報院は、北朝鮮の兵士の一部がロシア西部のクルスク州に移動したと明らかにしました。",
    "林官房長官は記者会見で「地域の安全保障に重大な影響を与えかねない」と述べました。",
    "両国は6月、包括的戦略パートナーシップ条約に署名しました。",
)
_JA_MENU = ("ニュース", "政治", "経済", "国際", "社会", "スポーツ")


def sentence(i: int) -> str:
    return f"{_SUBJECTS[i % 5]} {_VERBS[(i // 5) % 5]} {_CLAUSES[(i // 25) % 4]} (report {i})."


def shape_lines(shape: str, n: int) -> list[str]:
    """`n` distinct lines of one page shape (see the module docstring)."""
    if shape == "menus":
        return [f"{_MENU[i % 8]} {'Hub ' if i % 3 else ''}{i}" for i in range(n)]
    if shape == "short":
        return [f"see item {i}" for i in range(n)]
    if shape == "prose":
        return [" ".join(sentence(3 * i + k) for k in range(1 + i % 3)) for i in range(n)]
    if shape == "wrapped":
        lines = []
        for i in range(n):
            words = sentence(i).lower().split()
            lines.append(" ".join(words[:8]) if i % 12 == 0 else " ".join(words[2:9]))
            if i % 12 == 11:
                lines.append("")  # a blank line ends the paragraph
        return lines[:n]
    if shape == "mixed":
        block = []
        for i in range(0, n, 40):
            block += [f"{_MENU[k]} {i}" for k in range(8)]
            block += [f"Headline number {i} about troops in Kursk"]
            block += [" ".join(sentence(i + k + j) for j in range(2)) for k in range(12)]
            block += ["Related Articles"] + [f"Other story {i + k} about the region" for k in range(6)]
            block += ["Comments"] + [f"@reader{i + k} I doubt it, report {i + k}" if k % 2 else f"{k} likes" for k in range(12)]
        return block[:n]
    if shape == "japanese":
        return [
            _JA_MENU[i % 6] + str(i) if i % 4 == 0 else f"【{i}】" + "".join(_JA_SENTENCES[(i + k) % 3] for k in range(2))
            for i in range(n)
        ]
    raise ValueError(f"unknown shape {shape!r}")


def shape_text(shape: str, n_lines: int) -> str:
    return "\n".join(shape_lines(shape, n_lines)) + "\n"


