"""Links that open a web page with the words we cite highlighted there: a URL text fragment
(`#:~:text=…`, WICG Scroll to Text Fragment), built from the words as printed.

The words are percent-encoded as UTF-8, every character but the unreserved ones (letters, digits, `.`,
`_`, `~`); `-`, `,` and `&` are encoded too, since the directive gives them a meaning of their own (a
prefix or suffix, a range, another directive). An address that already has a fragment keeps it: the
directive follows it after `:~:`.
"""

from urllib.parse import quote


def text_fragment(url: str, words: str) -> str:
    """The address that opens url with words highlighted."""
    encoded = quote(" ".join(words.split()), safe="").replace("-", "%2D")
    return f"{url}{':~:' if '#' in url else '#:~:'}text={encoded}"
