"""Tables that explain the method, built from the questionnaire (shown on the method page)."""

from __future__ import annotations

from assessment.questionnaire import Questionnaire


def item_table(q: Questionnaire) -> list[dict[str, str]]:
    """One row per item: step, question, dimension, guidance, how it is keyed."""
    rows = []
    for step in q.steps:
        for item_id in step.items:
            item = q.item(item_id)
            if item.kind == "segment_grid":
                for column in item.columns:
                    rows.append({
                        "step": step.title,
                        "question": f"{item.text} — {column.label} (per part of the network)",
                        "dimension": q.dimension(column.dimension).name,
                        "guidance": ", ".join(item.guidance),
                        "scoring": "mean of the band scores over all parts",
                    })
                continue
            rows.append({
                "step": step.title,
                "question": item.text,
                "dimension": q.dimension(item.dimension).name,
                "guidance": ", ".join(item.guidance),
                "scoring": "reversed (agreeing lowers the score)" if item.reverse else "as answered",
            })
    return rows


def guidance_table(q: Questionnaire) -> list[dict[str, str]]:
    """Each guidance point with the items that measure it."""
    measured: dict[str, list[str]] = {gid: [] for gid, _ in q.guidance}
    for item in q.items:
        for gid in item.guidance:
            measured.setdefault(gid, []).append(item.id)
    return [{"guidance": gid, "idea": text, "measured by": ", ".join(measured[gid])} for gid, text in q.guidance]


def dimension_table(q: Questionnaire) -> list[dict[str, object]]:
    counts = {d.id: 0 for d in q.dimensions}
    for item in q.items:
        if item.kind == "segment_grid":
            for column in item.columns:
                counts[column.dimension] += 1
        else:
            counts[item.dimension] += 1
    return [
        {"dimension": d.name, "feeds": d.axis.title(), "weight": d.weight, "items": counts[d.id], "what it means": d.description}
        for d in q.dimensions
    ]
