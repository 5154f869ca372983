"""``advocacy import``: bring an existing Jekyll, Hugo or WordPress blog into the contract.

Readers (:mod:`.sources`: Jekyll, Hugo, WordPress) turn a source into an
:class:`~advocacy.core.importing.common.Archive` of posts and authors with Markdown bodies,
using what they share in :mod:`.convert`; :mod:`.writer` writes it into the target
repository and :mod:`.report` describes what needs a human. Nothing here imports MkDocs.
"""
