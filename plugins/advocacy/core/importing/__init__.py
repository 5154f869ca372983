"""``advocacy import``: bring an existing Jekyll, Hugo or WordPress blog into the contract.

Readers (:mod:`.jekyll`, :mod:`.hugo`, :mod:`.wordpress`) turn a source into an
:class:`~advocacy.core.importing.common.Archive` of posts and authors with Markdown bodies;
:mod:`.writer` writes it into the target repository and :mod:`.report` describes what needs a
human. Nothing here imports MkDocs.
"""
