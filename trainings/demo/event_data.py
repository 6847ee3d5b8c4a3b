"""The network-day demo's content, from seed 000 (projects as the article names them)."""

TITLE = "Sosiaalisen median viestintä – ESR-hankkeiden verkostopäivät"
NEXT_TITLE = "Verkostopäivät 2027: somemainonta ja kohderyhmät"
DESCRIPTION = (
    "Hämeen ELY-keskuksen rahoittamien ESR-hankkeiden toteuttajille. Kuullaan johdatus aiheeseen, "
    "kaksi hanketta kertoo omasta viestinnästään, ja keskustellaan pienryhmissä resursseista ja "
    "kohderyhmien tavoittamisesta eri kanavissa."
)
PROJECTS = [
    (
        "Tuottava ja tuloksellinen työelämä",
        "Työterveyslaitos",
        "Koordinaatiohanke, jossa viestintä on keskeisessä osassa: "
        "paljon ostettuja viestintäpalveluita.",
        ["https://tuottavatyoelama.blogspot.com", "https://x.com/tuottavatyo"],
    ),
    (
        "OmaKehu",
        "Metropolia Ammattikorkeakoulu",
        "Opiskelijat mukana viestinnässä; ihmiset jakavat kehuja itsestään.",
        ["https://www.facebook.com/omakehu", "https://www.instagram.com/omakehu"],
    ),
    (
        "Living Portfolio",
        "Hämeen ammattikorkeakoulu",
        "Kokemuksia koulutusmarkkinoista: onnistumiset ja epäonnistumiset somessa.",
        ["https://www.livingportfolio.fi", "https://www.linkedin.com/company/livingportfolio"],
    ),
    (
        "Iisisti töihin",
        "Hämeenlinnan kaupunki",
        "Sosiaalisen median mainonta, sen testaaminen ja analysointi.",
        ["https://x.com/iisistitoihin"],
    ),
    (
        "Nuoret osaajat verkossa",
        "Forssan seudun kehittämiskeskus",
        "Nuorten työnhakijoiden tavoittaminen Instagramissa ja TikTokissa.",
        ["https://www.instagram.com/nuoretosaajat", "https://www.tiktok.com/@nuoretosaajat"],
    ),
    (
        "Yhdessä töihin",
        "Riihimäen seudun työllisyyspalvelut",
        "Työnantajayhteistyö LinkedInissä ja videot työpaikoilta.",
        [
            "https://www.linkedin.com/company/yhdessatoihin",
            "https://www.youtube.com/@yhdessatoihin",
        ],
    ),
]
PROJECT_OF = {organisation: name for name, organisation, _, _ in PROJECTS}
FIRST_NAMES = [
    "Anni",
    "Mikko",
    "Sanna",
    "Juha",
    "Laura",
    "Timo",
    "Riikka",
    "Pekka",
    "Heidi",
    "Antti",
    "Elina",
    "Jussi",
    "Katja",
    "Ville",
    "Minna",
    "Sami",
    "Tiina",
    "Olli",
]
LAST_NAMES = [
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Saarinen",
    "Salminen",
]
COMMENTS = [
    "Hyviä esimerkkejä omaan hankkeeseen.",
    "Pienryhmissä syntyi hyvää keskustelua.",
    "Lisää aikaa kysymyksille.",
    "Mainonnan testaus oli uutta ja hyödyllistä.",
    "",
]
