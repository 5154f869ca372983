"""Story templates for ``advocacy new``: the kinds of story employees tell, with prompts.

The prompts go into the new post as HTML comments: the author sees them in the editor,
readers never do. A description is filled in so the front matter is valid from the start.
"""

from __future__ import annotations

STORY_TYPES: dict[str, dict[str, dict[str, object]]] = {
    "project": {
        "da": {"name": "Et projekt, vi har leveret", "category": "Projekter",
               "description": "{first} fortæller om et projekt, vi har leveret, og om det, "
                              "holdet lærte undervejs.",
               "prompts": ["Hvad var problemet, og hvem havde det?",
                           "Hvad gjorde du selv? Fortæl om én konkret dag eller beslutning.",
                           "Hvad gik ikke som planlagt, og hvad gjorde I så?",
                           "Hvad lærte du, som du tager med til næste projekt?"]},
        "en": {"name": "A project we delivered", "category": "Projekter",
               "description": "{first} tells the story of a project we delivered and what "
                              "the team learned along the way.",
               "prompts": ["What was the problem, and whose problem was it?",
                           "What did you do yourself? Tell us about one concrete day or "
                           "decision.",
                           "What did not go to plan, and what did you do then?",
                           "What did you learn that you take to the next project?"]},
    },
    "customer-visit": {
        "da": {"name": "Et kundebesøg", "category": "Kunder",
               "description": "{first} var på besøg hos en kunde og fortæller, hvad det lærte "
                              "os om deres hverdag og vores arbejde.",
               "prompts": ["Hvorfor tog du af sted, og hvem mødte du? (Navngiv kun kunden, "
                           "hvis HR har godkendt det.)",
                           "Hvad så du, som du ikke kunne have set fra kontoret?",
                           "Hvad ændrer vi efter besøget?"]},
        "en": {"name": "A customer visit", "category": "Kunder",
               "description": "{first} visited a customer and tells what it taught us about "
                              "their day and our own work.",
               "prompts": ["Why did you go, and whom did you meet? (Name the customer only "
                           "if HR has approved it.)",
                           "What did you see that you could not have seen from the office?",
                           "What do we change after the visit?"]},
    },
    "feedback": {
        "da": {"name": "Feedback fra en kunde, og hvad vi lærte", "category": "Kunder",
               "description": "{first} fortæller om en kundes ærlige feedback og om det, vi "
                              "gjorde anderledes bagefter.",
               "prompts": ["Hvad sagde kunden? Citér gerne, men uden navne uden samtykke.",
                           "Hvordan tog I imod det i teamet?",
                           "Hvad har I ændret, og hvordan ved I, at det virker?"]},
        "en": {"name": "Feedback from a customer and what we learned", "category": "Kunder",
               "description": "{first} tells about a customer's honest feedback and what we "
                              "did differently afterwards.",
               "prompts": ["What did the customer say? Quote them, without names unless "
                           "they consented.",
                           "How did the team take it?",
                           "What have you changed, and how do you know it works?"]},
    },
    "office": {
        "da": {"name": "Kontoret", "category": "Hverdag",
               "description": "{first} viser rundt på kontoret og fortæller, hvordan en "
                              "almindelig arbejdsdag ser ud for dem.",
               "prompts": ["Hvor sidder du, og hvad ser du fra din plads?",
                           "Hvad er dit yndlingssted på kontoret, og hvorfor?",
                           "Hvad skal en ny kollega vide på sin første dag?"]},
        "en": {"name": "The office", "category": "Hverdag",
               "description": "{first} shows us around the office and tells what an ordinary "
                              "working day looks like for them.",
               "prompts": ["Where do you sit, and what do you see from your desk?",
                           "What is your favourite place in the office, and why?",
                           "What should a new colleague know on their first day?"]},
    },
    "canteen": {
        "da": {"name": "Frokost i kantinen", "category": "Hverdag",
               "description": "{first} tager os med i kantinen og fortæller om maden, "
                              "menneskerne og snakken ved bordene.",
               "prompts": ["Hvad fik du i dag, og hvem sad du med?",
                           "Hvad er den bedste samtale, du har haft ved frokostbordet?",
                           "Hvad ville du savne, hvis kantinen lukkede?"]},
        "en": {"name": "Lunch in the canteen", "category": "Hverdag",
               "description": "{first} takes us to the canteen and tells about the food, the "
                              "people and the talk around the tables.",
               "prompts": ["What did you have today, and who did you sit with?",
                           "What is the best conversation you have had at lunch?",
                           "What would you miss if the canteen closed?"]},
    },
    "meeting": {
        "da": {"name": "Et internt møde", "category": "Sådan arbejder vi",
               "description": "{first} fortæller, hvad der sker på et af vores interne møder, "
                              "og hvorfor vi holder det.",
               "prompts": ["Hvilket møde, hvor ofte, og hvem er med?",
                           "Hvad skete der sidst? Fortæl om ét øjeblik.",
                           "Hvad ville gå tabt, hvis mødet blev aflyst?"]},
        "en": {"name": "An internal meeting", "category": "Sådan arbejder vi",
               "description": "{first} tells what happens at one of our internal meetings and "
                              "why we hold it.",
               "prompts": ["Which meeting, how often, and who takes part?",
                           "What happened last time? Tell us about one moment.",
                           "What would be lost if the meeting were cancelled?"]},
    },
    "how-we-work": {
        "da": {"name": "Sådan arbejder vi", "category": "Sådan arbejder vi",
               "description": "{first} fortæller, hvordan vi arbejder i deres team, og hvad "
                              "der gør en forskel i hverdagen.",
               "prompts": ["Hvad er én vane i jeres team, som andre kunne lære af?",
                           "Hvordan startede den, og hvad har den ændret?",
                           "Hvad er stadig svært?"]},
        "en": {"name": "How we work", "category": "Sådan arbejder vi",
               "description": "{first} tells how we work in their team and what makes a "
                              "difference from day to day.",
               "prompts": ["What is one habit in your team that others could learn from?",
                           "How did it start, and what has it changed?",
                           "What is still hard?"]},
    },
    "supplier": {
        "da": {"name": "En leverandørs historie", "category": "Partnere",
               "description": "{first} fortæller historien om en af vores leverandører og om "
                              "samarbejdet bag det, vi leverer.",
               "prompts": ["Hvem er leverandøren? (Navngiv kun, hvis HR har godkendt det.)",
                           "Hvordan startede samarbejdet?",
                           "Hvad har I lært af hinanden?"]},
        "en": {"name": "A supplier's story", "category": "Partnere",
               "description": "{first} tells the story of one of our suppliers and the "
                              "partnership behind what we deliver.",
               "prompts": ["Who is the supplier? (Name them only if HR has approved it.)",
                           "How did the partnership start?",
                           "What have you learned from each other?"]},
    },
}
