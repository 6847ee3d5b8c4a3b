"""The ready-made training-feedback survey: each question once, its words in fi, sv and en."""

from __future__ import annotations

from dataclasses import dataclass

from feedback.models import QuestionType

R, N, L = QuestionType.RATING, QuestionType.NPS, QuestionType.LONG
Words = dict[str, tuple[str, str, str]]  # language -> (question, lowest label, highest label)


@dataclass(frozen=True)
class TemplateQuestion:
    """A question of the template: its kind, whether it needs an answer, its words."""

    kind: QuestionType
    required: bool
    words: Words


INTRO = {
    "fi": "Kiitos osallistumisesta! Vastaaminen vie pari minuuttia, ja vastaukset ovat nimettömiä.",
    "sv": "Tack för att du deltog! Det tar ett par minuter att svara, och svaren är anonyma.",
    "en": "Thank you for taking part! Answering takes a couple of minutes, and the answers are anonymous.",
}
THANKS = {
    "fi": "Kiitos palautteestasi – se auttaa meitä tekemään koulutuksista entistä parempia.",
    "sv": "Tack för din respons – den hjälper oss att göra utbildningarna ännu bättre.",
    "en": "Thank you for your feedback – it helps us make the trainings even better.",
}
QUESTIONS = [
    TemplateQuestion(R, True, {
        "fi": ("Kokonaisarvio koulutuksesta", "Heikko", "Erinomainen"),
        "sv": ("Helhetsbedömning av utbildningen", "Dålig", "Utmärkt"),
        "en": ("Overall rating of the training", "Poor", "Excellent"),
    }),
    TemplateQuestion(R, True, {
        "fi": ("Kuinka konkreettinen koulutus oli?", "Ei lainkaan", "Hyvin konkreettinen"),
        "sv": ("Hur konkret var utbildningen?", "Inte alls", "Mycket konkret"),
        "en": ("How concrete was the training?", "Not at all", "Very concrete"),
    }),
    TemplateQuestion(R, True, {
        "fi": ("Kuinka rohkaiseva koulutus oli?", "Ei lainkaan", "Hyvin rohkaiseva"),
        "sv": ("Hur uppmuntrande var utbildningen?", "Inte alls", "Mycket uppmuntrande"),
        "en": ("How encouraging was the training?", "Not at all", "Very encouraging"),
    }),
    TemplateQuestion(R, True, {
        "fi": ("Kouluttajan asiantuntemus", "Heikko", "Erinomainen"),
        "sv": ("Utbildarens sakkunskap", "Dålig", "Utmärkt"),
        "en": ("The trainer's expertise", "Poor", "Excellent"),
    }),
    TemplateQuestion(N, True, {
        "fi": ("Kuinka todennäköisesti suosittelisit koulutusta kollegallesi?",
               "Ei lainkaan todennäköisesti", "Erittäin todennäköisesti"),
        "sv": ("Hur sannolikt är det att du skulle rekommendera utbildningen till en kollega?",
               "Inte alls sannolikt", "Mycket sannolikt"),
        "en": ("How likely are you to recommend the training to a colleague?",
               "Not at all likely", "Extremely likely"),
    }),
    TemplateQuestion(L, False, {
        "fi": ("Mikä oli parasta?", "", ""),
        "sv": ("Vad var bäst?", "", ""),
        "en": ("What was best?", "", ""),
    }),
    TemplateQuestion(L, False, {
        "fi": ("Mitä voisimme parantaa?", "", ""),
        "sv": ("Vad kunde vi förbättra?", "", ""),
        "en": ("What could we improve?", "", ""),
    }),
]  # fmt: skip
