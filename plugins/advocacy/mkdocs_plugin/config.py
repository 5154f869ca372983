"""The plugin's options in ``mkdocs.yml`` (``plugins: - advocacy: {...}``)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CardsConfig(base.Config):
    """The company's look on LinkedIn share cards."""

    background = c.Type(str, default="#1f3a5f")
    text = c.Type(str, default="#ffffff")
    accent = c.Type(str, default="#f2a541")
    logo = c.Optional(c.Type(str))  # a PNG or JPEG in the repository, e.g. media/brand/logo.png


class JobsConfig(base.Config):
    """Where applicants find open positions: the company's page, and a team's own."""

    url = c.Optional(c.URL())
    teams = c.DictOfItems(c.URL(), default={})


class AdvocacyConfig(base.Config):
    """Options of the ``advocacy`` plugin; paths are relative to ``mkdocs.yml``."""

    posts_dir = c.Type(str, default="blog/posts")  # below docs_dir
    blog_dir = c.Type(str, default="blog")  # below docs_dir: listings and author pages
    authors_dir = c.Type(str, default="authors")
    media_dir = c.Type(str, default="media")
    policy = c.Type(str, default="policy.yml")
    language = c.Choice(("da", "en"), default="da")
    categories = c.ListOfItems(c.Type(str), default=[])
    per_page = c.Type(int, default=10)
    policy_page = c.Type(str, default="some-policy")  # the readable SoMe policy
    timezone = c.Type(str, default="Europe/Copenhagen")  # a post's date is a local day
    feed_size = c.Type(int, default=20)  # newest posts in each feed
    cards = c.SubConfig(CardsConfig)
    jobs = c.SubConfig(JobsConfig)
    # The GitHub repository, for the "new post" buttons; not Material's repo_url, which
    # makes every reader's browser call GitHub's API.
    repository = c.Optional(c.URL())
    branch = c.Type(str, default="main")
