"""Hostile text a person can type: each must be shown exactly as typed, nothing interpreted.

The first eight are the cases of issue 9 §5; the rest cover every other construct of
Streamlit's Markdown (GFM, math, emoji, icons, directives, HTML).
"""

HOSTILE_TEXTS = (
    "Sam - verify at www.evil.example/login",
    "admin@evil.example",
    ":material/verified: Verified",
    ":red[Important] :blue-background[note]",
    "Heading\n===",
    "    four spaces: code",
    "Sub\n---",
    "<img src=x onerror=alert(1)> <b>bold</b> <script>alert(1)</script>",
    "$x^2$ and $$\\frac{1}{2}$$",
    "https://evil.example/path?q=1 and http://evil.example",
    "<https://evil.example> <mailto:a@b.example>",
    "[click](https://evil.example) ![img](https://evil.example/x.png) [ref][1]\n[1]: https://evil.example",
    ":smile: :+1: :tada:",
    "**bold** __bold__ *it* _it_ `code` ~~strike~~ ~sub~",
    "# Heading",
    "> quote",
    "- item",
    "1. item",
    "| a | b |\n|---|---|\n| c | d |",
    "```\nfenced\n```",
    "&lt;b&gt; &amp; &#x41;",
    "back\\slash \\*not italic\\*",
    "footnote[^1]\n[^1]: note",
    "- [ ] task",
    "xmpp:user@evil.example and mailto:admin@evil.example",
)
