"""The front matter of a page that is not a news post (posts have their own: sitekit.news.model): the keys every
page may have, with their types; other keys are left to the features that read them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError

from sitekit.core.problems import Problem
from sitekit.core.schema import Day, Text, problems_from_pydantic
from sitekit.pages.frontmatter import Page


class PageMeta(BaseModel):
    """Known front-matter keys of any page, with their types; other keys are left to the features that read them."""

    model_config = ConfigDict(extra="allow")
    title: Text | None = None
    description: Text | None = None
    review_by: Day | None = None
    date: Day | None = None


def metadata_problems(page: Page) -> list[Problem]:
    """The errors of the page's known front-matter keys, at their line; none without front matter."""
    if page.meta is None:
        return []
    try:
        PageMeta.model_validate(page.data)
    except ValidationError as exc:
        return problems_from_pydantic(exc, page.meta, (), PageMeta)
    return []
