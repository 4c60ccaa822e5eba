"""A stand-in for the modules that still load the app's own network content by themselves.

``roster``, ``measures``, ``plan`` and ``charts`` fall back to ``network_content()`` when no
content is given; once they take ``content`` as a required argument this module goes. The
content is loaded and checked by ``assessment.content.load.load_network_content``; the app
reads it through ``ui.resources.network()``, which honours the content folder it runs on.
"""

from __future__ import annotations

import functools

from assessment.content.load import load_network_content
from assessment.network.content import NetworkContent


@functools.lru_cache(maxsize=8)
def network_content(language: str = "en") -> NetworkContent:
    """The network content of the repository's content/ folder, loaded once per language."""
    return load_network_content(language)
