"""The YAML front matter of a generated Markdown page (the site's pages and the data dictionary)."""

import html
import json


def front_matter(description: str, names: list[str] | None = None, boost: float | None = None) -> str:
    """A page's YAML front matter: its description (a JSON string is a YAML string, with any character
    escaped; the page template escapes it again for the meta tags) and the names search finds it by first
    (tags, which Material's search ranks above titles; escaped for HTML, as its search results insert them as
    markup)."""
    lines = [f"description: {json.dumps(' '.join(description.split()), ensure_ascii=False)}"]
    if names:
        tags = [html.escape(n, quote=True) for n in dict.fromkeys(names) if n]
        lines.append(f"tags: {json.dumps(tags, ensure_ascii=False)}")
    if boost is not None:  # Material's search weighs the page so (below 1: after the names that match)
        lines.append(f"search:\n  boost: {boost}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"
