"""The words of a result, found in the reader's questionnaire by id.

A result keeps ids and scores only (``assessment/scoring.py``), so a share link reads in the
viewer's language and shows today's wording. A result saved before that (schema 3 rewrote it)
carries its old words in ``Result.texts``: they are shown only for an id the questionnaire no
longer has. An id found in neither reads as itself, which no current content produces.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessment.questionnaire import Questionnaire
from assessment.scoring import Result, StepPart


@dataclass(frozen=True, slots=True)
class ProfileWords:
    name: str
    tagline: str
    summary: str


@dataclass(frozen=True, slots=True)
class AdviceWords:
    title: str
    text: str
    guidance: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DimensionWords:
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class PartWords:
    """The part of the network a step is about, as its card names it: the part's name, the range the
    person chose there for the step's side (``band``, "" when not recorded) and the range where that
    side starts to count as wide or deep (``start``)."""

    name: str
    axis: str
    reached: bool
    band: str
    start: str


@dataclass(frozen=True, slots=True)
class ResultWords:
    """Looks up the words of one result: the questionnaire first, then the result's stored texts."""

    questionnaire: Questionnaire
    stored: Mapping[str, str]

    def _old(self, key: str, fallback: str) -> str:
        return self.stored.get(key, fallback)

    def profile(self, profile_id: str) -> ProfileWords:
        found = next((p for p in self.questionnaire.profiles if p.id == profile_id), None)
        if found is not None:
            return ProfileWords(found.name, found.tagline, found.summary)
        return ProfileWords(self._old("profile.name", profile_id), self._old("profile.tagline", ""),
                            self._old("profile.summary", ""))

    def dimension(self, dimension_id: str) -> DimensionWords:
        found = next((d for d in self.questionnaire.dimensions if d.id == dimension_id), None)
        if found is not None:
            return DimensionWords(found.name, found.description)
        return DimensionWords(self._old(f"dimension.{dimension_id}.name", dimension_id),
                              self._old(f"dimension.{dimension_id}.description", ""))

    def segment(self, segment_id: str) -> str:
        found = next((s for s in self.questionnaire.segments if s.id == segment_id), None)
        return found.name if found is not None else self._old(f"segment.{segment_id}.name", segment_id)

    def advice(self, advice_id: str) -> AdviceWords:
        found = next((a for a in self.questionnaire.advice if a.id == advice_id), None)
        if found is not None:
            return AdviceWords(found.title, found.text, found.guidance)
        guidance = self._old(f"advice.{advice_id}.guidance", "")
        return AdviceWords(self._old(f"advice.{advice_id}.title", advice_id), self._old(f"advice.{advice_id}.text", ""),
                           tuple(g for g in guidance.split(",") if g))

    def caution(self) -> AdviceWords:
        c = self.questionnaire.caution
        return AdviceWords(c.title, c.text, c.guidance)

    def part(self, part: StepPart, result: Result) -> PartWords:
        """The words of ``part``: width steps read the people-known column, depth steps the favour column."""
        grid = next((i for i in self.questionnaire.items if i.kind == "segment_grid"), None)
        column = 1 if part.axis == "depth" else 0
        bands = grid.columns[column].bands if grid is not None and len(grid.columns) > 1 else ()
        segment = next(s for s in result.segments if s.id == part.segment)
        chosen = segment.favour_band if part.axis == "depth" else segment.known_band
        threshold = result.thresholds.segment_deep if part.axis == "depth" else result.thresholds.segment_wide
        return PartWords(
            name=self.segment(part.segment), axis=part.axis, reached=part.reached,
            band=next((b.label for b in bands if b.id == chosen), ""),
            start=next((b.label for b in bands if 100 * b.value >= threshold), ""),
        )

    def segment_names(self, result: Result) -> dict[str, str]:
        return {s.id: self.segment(s.id) for s in result.segments}

    def dimension_names(self, result: Result) -> dict[str, DimensionWords]:
        return {d.id: self.dimension(d.id) for d in result.dimensions}


def result_words(result: Result, questionnaire: Questionnaire) -> ResultWords:
    return ResultWords(questionnaire, result.texts)
