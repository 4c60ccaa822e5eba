"""Small rosters for the network tests: one valid row with neutral defaults, and tie presets.

Tie strength of the presets, with the weights of content/network.yaml
(stage 0.35, favour 0.30, giving 0.20, last_contact 0.15):

- DEFAULT (credibility, probably, i_helped, quarter): .35*.65 + .30*.5 + .20*.5 + .15*.6 = 0.5675
- DEEP (profitability, definitely, both, week):      .35*1 + .30*1 + .20*1 + .15*1     = 1.0
- WEAK (visibility, no, neither, over_year):          .35*.3 + 0 + 0 + .15*.1          = 0.12
"""

from __future__ import annotations

from typing import Any

from assessment.network.charts import ChartText
from assessment.content.load import load_network_content
from assessment.network.measures import measure_network
from assessment.network.plan import NetworkPlan, plan_connections
from assessment.network.roster import Roster, roster_from_rows

CONTENT = load_network_content()  # the app's English network content, loaded once for the tests
# The chart words the page passes (content/en/ui/network.yaml), written out so tests read them.
WORDS = ChartText(
    language="en", you="You", map_title="Your network map", ties="Who knows whom", strength="Tie strength",
    rings=("Deep ties", "Growing ties", "Know who you are"),
    groups={"segment": "Segment", "organisation": "Organisation", "level": "Level"},
    diversity_title="Where your people are", deep="Deep ties", other="Other ties", people="People",
)

DEFAULT = {"field": "same", "organisation": "same_org", "level": "peer",
           "stage": "credibility", "favour": "probably", "last_contact": "quarter", "giving": "i_helped"}
DEEP = {"stage": "profitability", "favour": "definitely", "giving": "both", "last_contact": "week"}
WEAK = {"stage": "visibility", "favour": "no", "giving": "neither", "last_contact": "over_year"}


# The segment is never asked (assessment/network/roster.py segment_of): ``row(segment=…)`` sets
# the facts it follows from. DEFAULT sits in "peers".
SEGMENT_FACTS = {"own_field": {"level": "outside"}, "other_fields": {"field": "different"},
                 "senior": {"level": "senior"}, "peers": {}, "junior": {"level": "junior"},
                 "outside_org": {"organisation": "other_org"}}


def row(name: str, segment: str | None = None, **fields: Any) -> dict[str, Any]:
    """A valid roster row: the defaults above, then the facts of ``segment``, overridden by ``fields``."""
    return {"name": name, **DEFAULT, **SEGMENT_FACTS.get(segment or "peers", {}), **fields}


def make_roster(*rows: dict[str, Any], ties: tuple = ()) -> Roster:
    return roster_from_rows(list(rows), list(ties), CONTENT)


def plan_of(roster: Roster) -> NetworkPlan:
    return plan_connections(roster, measure_network(roster, CONTENT), CONTENT)
