"""Moving through the questionnaire: step changes, and finishing ("See my results").

Finishing is one transition, run by the last button's callback before the next script run
draws anything: collect the last step, score, keep the result in the session, save it once
(``saving.save_once``). The questionnaire page then only switches to the results page.
"""

from __future__ import annotations

from assessment import score_answers
from assessment.questionnaire import Questionnaire
from assessment.scoring import impossible_segments

from . import answer_widgets, drafts, saving, sharing
from .items import collect, unanswered
from .session import current
from .text import t

SHOWN_MISSING = 8  # questions named in the notice; the rest are counted


def first_open_step(q: Questionnaire) -> int:
    """The first step with an unanswered question (the last step when all are answered)."""
    for n, step in enumerate(q.steps):
        if unanswered(q, step.items):
            return n
    return len(q.steps) - 1


def go_back(q: Questionnaire) -> None:
    session = current()
    collect(q, q.steps[session.step].items)
    session.notice = None
    session.step = max(0, session.step - 1)
    drafts.keep_draft()


def _step_complete(q: Questionnaire) -> bool:
    """Keep the step's answers; if some are missing, say which and stay on the step."""
    session = current()
    items = q.steps[session.step].items
    collect(q, items)
    missing = unanswered(q, items)
    has_grid = any(q.item(i).kind == "segment_grid" for i in items)
    wrong = impossible_segments(q, session.answers) if has_grid else ()
    session.notice = missing_text(q, missing) if missing else impossible_notice(q, wrong) if wrong else None
    return not missing and not wrong


def go_next(q: Questionnaire) -> None:
    """on_click of Next: advance only when every question of this step is answered."""
    if _step_complete(q):
        session = current()
        session.step = min(session.step + 1, len(q.steps) - 1)
        drafts.keep_draft()


def finish(q: Questionnaire) -> None:
    """on_click of "See my results": score, keep the result, save it once; the page then switches."""
    if not _step_complete(q):
        return
    session = current()
    session.complete(score_answers(q, session.answers), sharing.chosen())
    saving.save_once()


def impossible_notice(q: Questionnaire, segment_ids: tuple[str, ...]) -> str:
    names = {s.id: s.name for s in q.segments}
    return t("questionnaire.impossible", n=len(segment_ids), segments=", ".join(names[s] for s in segment_ids))


def missing_text(q: Questionnaire, keys: list[str]) -> str:
    lines = "\n".join(t("questionnaire.missing.line", question=q.key_label(k)) for k in keys[:SHOWN_MISSING])
    more = len(keys) - SHOWN_MISSING
    return "\n".join([t("questionnaire.missing.intro", n=len(keys)), lines]
                     + ([t("questionnaire.missing.more", n=more)] if more > 0 else []))


def start_again(from_last: bool) -> None:
    """"Take it again": fresh answers (or last time's as a start) from the first step; the
    finished result stays saved under the same owner, and a workshop stays joined."""
    current().start_again(from_last)
    answer_widgets.forget()
