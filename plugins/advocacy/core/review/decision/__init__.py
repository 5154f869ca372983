"""HR's decision on a pull request: the site before and after it, everyone a post involves,
the verdict, the post's text quoted safely, and a preview HR can open from a folder."""
