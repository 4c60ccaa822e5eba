"""Moving through the questionnaire: step changes, finishing, and where a person is sent next."""

from __future__ import annotations

from assessment import score_answers
from assessment.questionnaire import Questionnaire

from . import drafts, sharing, state
from .items import collect, unanswered


def first_open_step(q: Questionnaire) -> int:
    """The first step with an unanswered question (the last step when all are answered)."""
    for n, step in enumerate(q.steps):
        if unanswered(q, step.items):
            return n
    return len(q.steps) - 1


def go_back(q: Questionnaire) -> None:
    collect(q, q.steps[state.step()].items)
    state.pop(state.NOTICE)
    state.set_step(max(0, state.step() - 1))
    drafts.keep_draft()


def _step_complete(q: Questionnaire) -> bool:
    """Keep the step's answers; if some are missing, say which and stay on the step."""
    items = q.steps[state.step()].items
    collect(q, items)
    missing = unanswered(q, items)
    if missing:
        state.put(state.NOTICE, _missing_text(q, missing))
        return False
    state.pop(state.NOTICE)
    return True


def go_next(q: Questionnaire) -> None:
    """on_click of Next: advance only when every question of this step is answered."""
    if _step_complete(q):
        state.set_step(min(state.step() + 1, len(q.steps) - 1))
        drafts.keep_draft()


def finish(q: Questionnaire) -> None:
    """on_click of the last button: score; the page then saves and moves to results."""
    if not _step_complete(q):
        return
    result = score_answers(q, state.answers())
    state.put(state.RESULT, result.to_dict())
    state.put(state.SHARING, sharing.chosen())
    state.pop(state.SAVED)
    state.pop(state.NOTICE)
    state.put(state.FINISHED, True)


def _missing_text(q: Questionnaire, keys: list[str]) -> str:
    labels = []
    for key in keys:
        item_id, _, rest = key.partition(".")
        item = q.item(item_id)
        if rest:
            seg_id, _, col_id = rest.partition(".")
            seg = next(s.name for s in q.segments if s.id == seg_id)
            col = next(c.label for c in item.columns if c.id == col_id)
            labels.append(f"{seg}: {col}")
        else:
            labels.append(item.text)
    shown = "\n".join(f"- {t}" for t in labels[:8])
    more = f"\n- …and {len(labels) - 8} more" if len(labels) > 8 else ""
    return f"Please answer {'this question' if len(labels) == 1 else f'these {len(labels)} questions'} first:\n{shown}{more}"


def consume_finished() -> bool:
    return bool(state.pop(state.FINISHED))
