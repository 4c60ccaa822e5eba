"""Query parameter names, in one place, and the addresses the app hands out."""

from __future__ import annotations


class Param:
    """Every query parameter the app reads or writes."""

    RESUME = "resume"   # a draft's token: answers in progress (questionnaire)
    RESULT = "r"        # a result's share token (results page, read-only)
    MANAGE = "m"        # a result's manage key beside RESULT (links handed out before owners existed)
    OWNER = "o"         # the owner key: the private link (ui/owner.py moves it out of the address at once)
    THEN = "then"       # an earlier result's share token beside RESULT: the two compared, read-only
    WORKSHOP = "w"      # a workshop id (facilitator and projector links)
    KEY = "k"           # the facilitator key beside WORKSHOP
    CODE = "code"       # a join code (join page, from the QR code)
    LANG = "lang"       # the language a page opens in (ui/text.py); only the projector link sets it
