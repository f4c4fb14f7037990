"""Reads an HTML form back as a browser would submit it: every named input, checked box, selected option and
textarea, in document order (the standard library's HTML parser; no browser needed for plain forms)."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, action: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action = action
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._option: dict[str, str | None] | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and a.get("action") == self.action:
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value") or ("on" if a.get("type") == "checkbox" else "")))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select:
            self._option = {"value": a.get("value"), "selected": "selected" if "selected" in a else None}
            self._text = []
        elif tag == "textarea" and name:
            self._textarea = name
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None or self._option is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "option" and self._option is not None and self._select:
            if self._option["selected"]:
                value = self._option["value"]
                self.fields.append((self._select, "".join(self._text).strip() if value is None else value))
            self._option = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_values(html: str, action: str) -> list[tuple[str, str]]:
    """The (name, value) pairs the form posting to ``action`` would send unchanged."""
    reader = _FormReader(action)
    reader.feed(html)
    assert reader.fields, f"no form posting to {action} on the page"
    return reader.fields
