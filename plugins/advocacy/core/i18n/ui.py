"""Words the site's own templates show, one table per language, looked up by key.

Nothing here branches on a language: a word, a date pattern, a plural or a genitive is a
key in each language's table, so a language is added by adding a table (the team will move
the tables into per-language catalog files). Every table has the same keys (a test says so).
"""

from __future__ import annotations

import datetime as dt

STRINGS: dict[str, dict[str, str]] = {
    "da": {
        # The language itself, and how its words are put together.
        "self_name": "Dansk",
        "months": "januar februar marts april maj juni juli august september oktober "
        "november december",
        "date_format": "{day}. {month} {year}",
        "genitive": "{name}s",
        "genitive_sibilant": "{name}'",  # Jonas' team, Lars' team
        "sibilants": "s x z",
        "people_one": "{n} kollega",
        "people_other": "{n} kolleger",
        "stories_one": "{n} historie",
        "stories_other": "{n} historier",
        # Chrome: header, navigation, footer.
        "skip": "Gå til indholdet",
        "menu": "Menu",
        "nav_label": "Hovedmenu",
        "nav_home": "Forside",
        "nav_stories": "Historier",
        "nav_people": "Mennesker",
        "nav_topics": "Emner",
        "nav_hiring": "Sådan ansætter vi",
        "nav_feeds": "Feeds",
        "nav_write": "Skriv en historie",
        "nav_ideas": "Idéer til historier",
        "nav_policy": "SoMe-politik",
        "nav_jobs_page": "Job og teams",
        "switch_label": "Sprog",
        "header_label": "Sidehoved",
        "search": "Søg",
        "external": "(andet website)",
        "footer_careers": "Karriere",
        "footer_read": "Læs med",
        "footer_employees": "For medarbejdere",
        "footer_privacy": "Ingen cookies og ingen sporing: siderne henter intet fra andre "
        "websites.",
        "jobs": "Ledige stillinger",
        "jobs_short": "Job",
        "team_jobs": "Ledige stillinger i {name}",
        # Stories: cards, bylines, listings.
        "latest": "Seneste historier",
        "stories": "Historier",
        "all_stories": "Alle historier",
        "featured": "Udvalgte historier",
        "related": "Læs også",
        "by": "Af",
        "min_read": "min. læsetid",
        "published": "Udgivet",
        "posts_by": "Historier af {name}",
        "no_posts": "Ingen historier endnu.",
        "language": "Sprog",
        "lang_da": "Dansk",
        "lang_en": "Engelsk",
        "lang_name_da": "dansk",
        "lang_name_en": "engelsk",
        "in_lang": "på {language}",
        "translation": "Læs historien på {language}",
        "also_in": "Også på {language}",
        "filter": "Vis historier på",
        "all_languages": "Alle sprog",
        "category": "Kategori: {name}",
        "categories": "Kategorier",
        "tag": "Emne: {name}",
        "tags": "Emner",
        "tags_intro": "Find historier om det, du gerne vil vide mere om.",
        "archive": "Arkiv",
        "archive_year": "Arkiv {year}",
        "page_of": "Side {page} af {pages}",
        "pagination": "Sider",
        "newer": "Nyere historier",
        "older": "Ældre historier",
        "stories_intro": "Fortalt af dem, der arbejder her: projekter, kunder, hverdag og "
        "alt det andet.",
        # People and teams.
        "meet": "Mød menneskerne bag historierne",
        "meet_intro": "Alle historier her er skrevet af vores egne medarbejdere.",
        "team": "Team",
        "teams": "Teams",
        "location": "Sted",
        "former": "Tidligere kollega",
        "linkedin": "{name} på LinkedIn",
        "about_author": "Om forfatteren",
        "photo_of": "Foto af {name}",
        "team_title": "Teamet {name}",
        "team_about": "Om teamet",
        "team_people": "Menneskerne i teamet",
        "team_stories": "Teamets historier",
        "work_with": "Arbejd sammen med {possessive} team",
        # The home page.
        "home_kicker": "Karriere hos {company}",
        "home_read": "Læs historierne",
        "home_faces": "Mød kollegerne, der skriver",
        "home_faces_all": "Mød alle kollegerne",
        "home_teams_intro": "Sådan er vi organiseret, og hvem du kommer til at arbejde med.",
        "home_join": "Vil du være en del af det?",
        "home_join_text": "Se, hvilke stillinger der er ledige lige nu, og hvordan vi ansætter.",
        # The jobs and feeds pages.
        "jobs_title": "Ledige stillinger",
        "jobs_body": "Her finder du alle ledige stillinger og job hos {company}. Søg en "
        "stilling direkte i vores jobportal, eller se, hvilke teams der "
        "ansætter.",
        "jobs_all": "Se alle ledige stillinger",
        "jobs_opens": "Åbner {host}",
        "jobs_by_team": "Stillinger i teamene",
        "feeds_title": "Følg historierne",
        "feeds_body": "Få nye historier i din feedlæser: vælg alle historier, et sprog, et "
        "team, en kategori eller en kollega.",
        "feeds_all": "Alle historier",
        "feeds_lang": "Efter sprog",
        "feeds_teams": "Efter team",
        "feeds_categories": "Efter kategori",
        "feeds_authors": "Efter kollega",
        "follow": "Følg med",
        # The page that is not there.
        "nf_title": "Siden findes ikke",
        "nf_text": "Siden er flyttet eller taget ned. Søg efter det, du leder efter, eller "
        "læs en af de seneste historier.",
        "nf_search": "Søg på sitet",
        "nf_home": "Til forsiden",
        # Video and sharing.
        "captions": "Dansk",
        "transcript": "Udskrift af videoen",
        "play_video": "Afspil videoen »{title}« (indlæser {service})",
        "embed_note": "Videoen ligger hos {service}. Intet hentes derfra, før du trykker afspil.",
        "watch_on": "Se den på {service}",
        "share_title": "Del historien",
        "share_linkedin": "Del på LinkedIn",
        "share_email": "Send som e-mail",
        "share_x": "Del på X",
        "share_facebook": "Del på Facebook",
        "share_bluesky": "Del på Bluesky",
        "share_copy": "Kopiér link",
        "copied": "Kopieret.",
        "kit_title": "Arbejder du her? Del din historie",
        "kit_intro": "Her er et forslag til et opslag på LinkedIn. Ret gerne i det, så det "
        "lyder som dig. Linket fortæller os kun, at der blev delt fra LinkedIn.",
        "kit_copy": "Kopiér teksten",
        "kit_compose": "Skriv opslaget på LinkedIn",
    },
    "en": {
        "self_name": "English",
        "months": "January February March April May June July August September October "
        "November December",
        "date_format": "{day} {month} {year}",
        "genitive": "{name}'s",
        "genitive_sibilant": "{name}'s",  # Jonas's team (the usual modern style)
        "sibilants": "s x z",
        "people_one": "{n} colleague",
        "people_other": "{n} colleagues",
        "stories_one": "{n} story",
        "stories_other": "{n} stories",
        "skip": "Skip to content",
        "menu": "Menu",
        "nav_label": "Main menu",
        "nav_home": "Home",
        "nav_stories": "Stories",
        "nav_people": "People",
        "nav_topics": "Topics",
        "nav_hiring": "How we hire",
        "nav_feeds": "Feeds",
        "nav_write": "Write a story",
        "nav_ideas": "Story ideas",
        "nav_policy": "Social media policy",
        "nav_jobs_page": "Jobs and teams",
        "switch_label": "Language",
        "header_label": "Header",
        "search": "Search",
        "external": "(another website)",
        "footer_careers": "Careers",
        "footer_read": "Read",
        "footer_employees": "For employees",
        "footer_privacy": "No cookies and no tracking: these pages load nothing from other "
        "websites.",
        "jobs": "Open positions",
        "jobs_short": "Jobs",
        "team_jobs": "Open positions in {name}",
        "latest": "Latest stories",
        "stories": "Stories",
        "all_stories": "All stories",
        "featured": "Featured stories",
        "related": "Read next",
        "by": "By",
        "min_read": "min read",
        "published": "Published",
        "posts_by": "Stories by {name}",
        "no_posts": "No stories yet.",
        "language": "Language",
        "lang_da": "Danish",
        "lang_en": "English",
        "lang_name_da": "Danish",
        "lang_name_en": "English",
        "in_lang": "in {language}",
        "translation": "Read this story in {language}",
        "also_in": "Also in {language}",
        "filter": "Show stories in",
        "all_languages": "All languages",
        "category": "Category: {name}",
        "categories": "Categories",
        "tag": "Topic: {name}",
        "tags": "Topics",
        "tags_intro": "Find stories about what you would like to know more about.",
        "archive": "Archive",
        "archive_year": "Archive {year}",
        "page_of": "Page {page} of {pages}",
        "pagination": "Pages",
        "newer": "Newer stories",
        "older": "Older stories",
        "stories_intro": "Told by the people who work here: projects, customers, everyday "
        "life and everything else.",
        "meet": "Meet the people behind the stories",
        "meet_intro": "Every story here is written by one of our own employees.",
        "team": "Team",
        "teams": "Teams",
        "location": "Location",
        "former": "Former colleague",
        "linkedin": "{name} on LinkedIn",
        "about_author": "About the author",
        "photo_of": "Photo of {name}",
        "team_title": "The {name} team",
        "team_about": "About the team",
        "team_people": "The people in the team",
        "team_stories": "The team's stories",
        "work_with": "Work with {possessive} team",
        "home_kicker": "Careers at {company}",
        "home_read": "Read the stories",
        "home_faces": "Meet the colleagues who write",
        "home_faces_all": "Meet all the colleagues",
        "home_teams_intro": "How we are organised, and who you would work with.",
        "home_join": "Would you like to be part of it?",
        "home_join_text": "See which positions are open right now, and how we hire.",
        "jobs_title": "Open positions",
        "jobs_body": "Here you find every open position and job at {company}. Apply for a "
        "position directly on our jobs portal, or see which teams are hiring.",
        "jobs_all": "See all open positions",
        "jobs_opens": "Opens {host}",
        "jobs_by_team": "Positions in the teams",
        "feeds_title": "Follow the stories",
        "feeds_body": "Get new stories in your feed reader: choose every story, a language, "
        "a team, a category or a colleague.",
        "feeds_all": "All stories",
        "feeds_lang": "By language",
        "feeds_teams": "By team",
        "feeds_categories": "By category",
        "feeds_authors": "By colleague",
        "follow": "Follow",
        "nf_title": "Page not found",
        "nf_text": "The page has moved or been taken down. Search for what you are looking "
        "for, or read one of the latest stories.",
        "nf_search": "Search the site",
        "nf_home": "Go to the home page",
        "captions": "English",
        "transcript": "Transcript of the video",
        "play_video": "Play the video “{title}” (loads {service})",
        "embed_note": "The video is hosted by {service}. Nothing is loaded from there until "
        "you press play.",
        "watch_on": "Watch it on {service}",
        "share_title": "Share this story",
        "share_linkedin": "Share on LinkedIn",
        "share_email": "Send by e-mail",
        "share_x": "Share on X",
        "share_facebook": "Share on Facebook",
        "share_bluesky": "Share on Bluesky",
        "share_copy": "Copy link",
        "copied": "Copied.",
        "kit_title": "Do you work here? Share your story",
        "kit_intro": "Here is a suggested LinkedIn post. Change it so it sounds like you. The "
        "link only tells us that it was shared from LinkedIn.",
        "kit_copy": "Copy the text",
        "kit_compose": "Write the post on LinkedIn",
    },
}
LANGUAGES = tuple(STRINGS)


def strings(lang: str) -> dict[str, str]:
    """The UI words for ``lang`` (English when there is no table for it)."""
    return STRINGS.get(lang, STRINGS["en"])


def format_date(value: dt.date, lang: str) -> str:
    """``20. november 2026`` in Danish, ``20 November 2026`` in English."""
    t = strings(lang)
    month = t["months"].split()[value.month - 1]
    return t["date_format"].format(day=value.day, month=month, year=value.year)


def plural(lang: str, key: str, n: int) -> str:
    """``3 kolleger``, ``1 story``: ``key`` names a pair ``<key>_one``/``<key>_other``."""
    t = strings(lang)
    return t[f"{key}_one" if n == 1 else f"{key}_other"].format(n=n)


def genitive(name: str, lang: str) -> str:
    """A name in the genitive: ``Mettes``, ``Jonas'`` (Danish); ``Mette's``, ``Jonas's``."""
    t = strings(lang)
    sibilant = name[-1:].lower() in t["sibilants"].split()
    return t["genitive_sibilant" if sibilant else "genitive"].format(name=name)
