"""What the readers share to turn an old post into one of ours: lenient front matter, dates,
template syntax (Liquid, shortcodes, WordPress blocks), HTML to Markdown, and references to
pictures and other posts."""
