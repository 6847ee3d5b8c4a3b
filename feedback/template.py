"""The ready-made training-feedback survey, in Finnish, Swedish and English."""

from __future__ import annotations

from feedback.models import QuestionType

R, N, L = QuestionType.RATING, QuestionType.NPS, QuestionType.LONG

TEMPLATES: dict[str, dict[str, object]] = {
    "fi": {
        "intro": "Kiitos osallistumisesta! Vastaaminen vie pari minuuttia, ja vastaukset ovat nimettömiä.",
        "thanks": "Kiitos palautteestasi – se auttaa meitä tekemään koulutuksista entistä parempia.",
        "questions": [
            (R, "Kokonaisarvio koulutuksesta", "Heikko", "Erinomainen", True),
            (R, "Kuinka konkreettinen koulutus oli?", "Ei lainkaan", "Hyvin konkreettinen", True),
            (R, "Kuinka rohkaiseva koulutus oli?", "Ei lainkaan", "Hyvin rohkaiseva", True),
            (R, "Kouluttajan asiantuntemus", "Heikko", "Erinomainen", True),
            (
                N,
                "Kuinka todennäköisesti suosittelisit koulutusta kollegallesi?",
                "Ei lainkaan todennäköisesti",
                "Erittäin todennäköisesti",
                True,
            ),
            (L, "Mikä oli parasta?", "", "", False),
            (L, "Mitä voisimme parantaa?", "", "", False),
        ],
    },
    "sv": {
        "intro": "Tack för att du deltog! Det tar ett par minuter att svara, och svaren är anonyma.",
        "thanks": "Tack för din respons – den hjälper oss att göra utbildningarna ännu bättre.",
        "questions": [
            (R, "Helhetsbedömning av utbildningen", "Dålig", "Utmärkt", True),
            (R, "Hur konkret var utbildningen?", "Inte alls", "Mycket konkret", True),
            (R, "Hur uppmuntrande var utbildningen?", "Inte alls", "Mycket uppmuntrande", True),
            (R, "Utbildarens sakkunskap", "Dålig", "Utmärkt", True),
            (
                N,
                "Hur sannolikt är det att du skulle rekommendera utbildningen till en kollega?",
                "Inte alls sannolikt",
                "Mycket sannolikt",
                True,
            ),
            (L, "Vad var bäst?", "", "", False),
            (L, "Vad kunde vi förbättra?", "", "", False),
        ],
    },
    "en": {
        "intro": "Thank you for taking part! Answering takes a couple of minutes, and the answers are anonymous.",
        "thanks": "Thank you for your feedback – it helps us make the trainings even better.",
        "questions": [
            (R, "Overall rating of the training", "Poor", "Excellent", True),
            (R, "How concrete was the training?", "Not at all", "Very concrete", True),
            (R, "How encouraging was the training?", "Not at all", "Very encouraging", True),
            (R, "The trainer's expertise", "Poor", "Excellent", True),
            (
                N,
                "How likely are you to recommend the training to a colleague?",
                "Not at all likely",
                "Extremely likely",
                True,
            ),
            (L, "What was best?", "", "", False),
            (L, "What could we improve?", "", "", False),
        ],
    },
}
