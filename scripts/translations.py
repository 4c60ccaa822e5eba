"""Every text a language lacks or gets wrong, against English, one line each (file:line: path: what. fix.).

    python scripts/translations.py            # every language but English
    python scripts/translations.py pt-BR

Checks the interface texts (content/<lang>/ui/*.yaml), the questionnaire and the network map's words.
Exits 1 if anything is listed: a missing text shows in English until it is added.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assessment.content.load import CONTENT_DIR, _load_network, list_languages  # noqa: E402
from assessment.text import FALLBACK, load_catalogue  # noqa: E402


def problems(language: str, content_dir: Path = CONTENT_DIR) -> list[str]:
    """The interface texts' problems, then the questionnaire's and the network map's, each once."""
    found = [str(i) for i in load_catalogue(language, content_dir)[1]]
    found += [str(i) for i in _load_network(language, content_dir)[1]]
    return list(dict.fromkeys(found))


def main(args: list[str]) -> int:
    languages = args or [lang for lang in list_languages(CONTENT_DIR) if lang != FALLBACK]
    listed = 0
    for language in languages:
        lines = problems(language)
        listed += len(lines)
        print(f"{language}: {len(lines)} to fix" if lines else f"{language}: every text translated")
        print("\n".join(lines) if lines else "", end="\n" if lines else "")
    return 1 if listed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
