"""TJS Opintokeskus's Facebook plan as the seed filled it in (003), with the wiki's comments."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from paja.database import utcnow
from paja.extensions import db
from paja.i18n import wall_clock
from paja.models import Role, User
from plans.demo.people import entry, organisation, person, thread, write
from plans.labels import Channel, Format, PlanRole, Status
from plans.models import Plan, PlanMember
from plans.operations.plans import PlanDetails, create_plan
from plans.queries.plans import plan_people

TITLE = "TJS Opintokeskuksen Facebook-suunnitelma"
MAIN_GOAL = "Yhdistystoiminnan ja työelämän edunvalvonnan vaikuttavuuden parantaminen"
ANSWERS: dict[str, dict[str, Any]] = {
    "1": {"1a": "TJS Opintokeskus", "1b": "www.facebook.com/TJS"},
    "2": {"2": "Tiedottaja Marika Virtanen, marika.virtanen@tjs.example"},
    "3": {"3": "RSS-feedeillä kerätään toimintaympäristöstä uutisia, joista tiedottaja valitsee FB:ssä julkaistavat. Uutisoitavaa tuottavat kaikki TJS:n asiantuntijat, joko niin että tiedottaja päivittää tai asiantuntijat itse päivittävät (TJS:n nimellä)."},
    "6": {"6a": "Ks. viestintästrategia.", "6b": "Liittojen henkilöstö, yhdistysten aktiivit (hallitus, henkilöstön edustajat)."},
    "7": {"7a": "Uskottavuus koulutusorganisaationa, laajentaa viestintäfoorumeita, vuorovaikutteisuus, lisätä tunnettuutta.",
          "7b": MAIN_GOAL, "7c": ["Tiedon kerääminen: mitä jengi haluaa", "Koulutustemme tunnettuuden lisääminen"]},
    "8": {"8a": "Mainostamme koulutuksiamme, jaamme kiinnostavia uutisia TJS:n toiminnan aihepiireistä, kerromme oman toimintamme tuloksista, mainostamme myös kepeitä tilaisuuksia, markkinoimme materiaalejamme.",
          "8b": "Statuspäivitykset, tapahtumat (Studia Generalia -luentojen osalta) ja kutsut.",
          "8c": "Lyhyet heitot, esim. koulutuksista kuultuja iskeviä määrittelyjä, työhyvinvointi ja työsuojelu, yhdistystoiminta kokonaisuudessaan, työn uudet muodot, toimihenkilöliikkeen ilmiöt, työelämän kehittäminen, osaamisen todentaminen, Vuoden Välkky.",
          "8d": "Studia Generaliat, verkkoluennot (jos ovat avoimia ja maksuttomia), AY-tarinat talteen -muistutusrumba eli kampanja. Vuoden Välkky?"},
    "9": {"9a": {"times": 1, "per": "week"}, "9b": "Emme ihan ymmärtäneet, mitä tällä tarkoitetaan."},
    "10": {"10a": "Tiedottaja, atk-suunnittelija", "10b": "Tiedottaja. Tiedottaja ohjaa kysymykset asiantuntijoille. Päivittäminen, ks. myös kohta 3."},
    "11": {"11a": "Arkipäivisin päivittäin", "11b": "Tiedottaja seuraa, tiedottaja muotoilee vastaukset asiantuntijan kanssa.", "11c": "Tiedottaja"},
    "12": {"12a": "Reilu Peli henkilöstön edustajille? Pätkätyö/työn uudet muodot?", "12b": [25, 65], "12c": "Koko Suomi",
           "12d": "Henkilöstön edustajat eli luottamusmiehet ja työsuojeluvaltuutetut: työntekijöiden edustaminen, edunvalvonta, epäasiallinen kohtelu. Pätkätyöläiset: pätkätyö, vuokratyö, määräaikainen (pitää miettiä tarkemmin!)."},
    "13": {"13a": "TJS:n eri aihepiireihin liittyen, esim. yhdistystoiminta, osaamisen todentaminen.",
           "13b": "Yhdistystoiminnan koulutusten suunnittelu: mitä tarpeita? Sekä muita ajankohtaisia aiheita (jotka eivät välttämättä ole vuosittain toistuvia)."},
    "15": {"15a": "Tiedottaja", "15b": "Vähintään kerran viikossa",
           "15c": "Lähtökohtaisesti on hyvä asia, jos viestejä tulee. Kriittisten viestien kriittisyys punnitaan tapauskohtaisesti. Kriittinen saa olla, mutta halventava, loukkaava tai epäasiallinen ei: viestit poistetaan.",
           "15d": "Viestimme toiminnastamme ja välitämme linkkejä ja uutisia aihepiireihimme liittyvistä asioista. Organisaation ongelmia (sisäisiä tai ulkoisia) ei tuoda Facebookiin.",
           "15e": "Ensi alkuun kasvottomana TJS-organisaationa."},
    "18": {"18a": "Marika Virtanen", "18b": "Matti Järvinen"},
    "19": {"19a": "Jokaiseen kuvaan kuvaus: mitä kuvassa on ja miksi.", "19c": "#VuodenVälkky, #AYtarinatTalteen, #StudiaGeneralia"},
}  # fmt: skip


def load_tjs_plan() -> None:
    """The plan, its people, the wiki's comments and a three-month calendar from 8c/8d."""
    tjs = organisation("0201256-6")
    if tjs is None or db.session.scalar(sa.select(Plan.id).where(Plan.title == TITLE)):
        return
    marika = person("marika.virtanen@tjs.example", "Marika Virtanen", tjs, Role.CUSTOMER)
    matti = person("matti.jarvinen@tjs.example", "Matti Järvinen", tjs, Role.PARTICIPANT)
    laura = person("laura.koskinen@tjs.example", "Laura Koskinen", tjs, Role.PARTICIPANT)
    inka = person("inka.laine@tjs.example", "Inka Laine", tjs, Role.PARTICIPANT)
    plan = create_plan(marika, PlanDetails(TITLE, "fi", [Channel.FACEBOOK], True), tjs)
    plan.members += [PlanMember(user=matti, role=PlanRole.EDITOR),
                     PlanMember(user=laura, role=PlanRole.EDITOR),
                     PlanMember(user=inka, role=PlanRole.COMMENTER)]  # fmt: skip
    monday = _this_monday()
    write(plan, marika, ANSWERS | {"14": {"14a": {"start": monday.isoformat(), "months": 3}}})
    people = plan_people(plan)
    _comments(plan, people, marika, matti, laura, inka)
    _calendar(plan, monday, marika, matti, laura)
    db.session.flush()


def _this_monday() -> date:
    """The Monday of this week (Helsinki): the calendar starts where the month view opens."""
    today = wall_clock(utcnow()).date()
    return today - timedelta(days=today.weekday())


def _comments(
    plan: Plan, people: list[User], marika: User, matti: User, laura: User, inka: User
) -> None:
    """The wiki's discussion as threads with mentions."""
    thread(plan, "3", people,
           (matti, "@MarikaVirtanen Minkälaista käytäntöä olet ajatellut naamakirjan seuraamiseen eli kuka on vastuussa ja kuinka tiheällä päivitysmetodilla? Facebookin pitää olla paljon aktiivisempi kuin esimerkiksi kotisivujemme tai Moodlemme."),
           (marika, "Minusta päävastuu on tiedottajalla, mutta päivitykset ovat kaikkien vastuulla, kukin omista aihealueistaan lähtien. Esim. epäasiallinen kohtelu Päivi ja Leo, pätkätyöt Sikke, EWC ja historiahanke @InkaLaine, yhdistystoiminta me kaikki."))  # fmt: skip
    thread(plan, "9", people,
           (matti, "Päivitystiheys: tänä päivänä vaaditaan melkein 24/7-päivystystä. Onko automatisointi mahdollista?"))  # fmt: skip
    thread(plan, "15", people,
           (marika, "Henkilöstölle pitää saada koulutusta ja malli toimintatavoista, ettei kukaan joudu vaikeisiin tilanteisiin. Täytyy määritellä yhteiset säännöt avoimuudesta – koskee kaikkea somea! @MattiJärvinen @LauraKoskinen"))  # fmt: skip
    thread(plan, "1", people,
           (laura, "@MattiJärvinen No nyt vasta taitava oonkin, kato! Ne diat on tos wikis suoraan!"),
           (matti, "@LauraKoskinen Kato sä oot vaan niin taitava!"),
           (laura, "Ihan hyvältä näytti esitys, ja kun meillä on se suunnitelmakin tässä, niin olemme hyvässä vauhdissa."),
           resolved=True)  # fmt: skip


def _calendar(plan: Plan, monday: date, marika: User, matti: User, laura: User) -> None:
    """Twelve weeks: weekly news on Tuesdays, Studia Generalia events, two campaigns."""
    fb, post, event, poll = Channel.FACEBOOK, Format.POST, Format.EVENT, Format.POLL
    for week in range(12):
        status = Status.APPROVED if week < 2 else Status.DRAFT if week < 4 else Status.IDEA
        entry(plan, monday + timedelta(weeks=week, days=1), 10, fb, post, "Viikon työelämäuutiset",
              status, marika, marika, matti, "Poimintoja RSS-syötteistä: työelämän kehittäminen ja toimihenkilöliike.",
              MAIN_GOAL, series="tjs-weekly-news")  # fmt: skip
    for n, topic in enumerate(("Studia Generalia: työhyvinvointi ja työsuojelu",
                               "Studia Generalia: työn uudet muodot",
                               "Studia Generalia: osaamisen todentaminen")):  # fmt: skip
        entry(plan, monday + timedelta(weeks=2 + 4 * n, days=3), 17, fb, event, topic,
              Status.REVIEW if n == 0 else Status.IDEA, matti, laura,
              text="Avoin ja maksuton verkkoluento. Kutsu tapahtumaan.", goal="Koulutustemme tunnettuuden lisääminen")  # fmt: skip
    entry(plan, monday + timedelta(weeks=3, days=2), 12, fb, poll, "AY-tarinat talteen: kerro oma tarinasi",
          Status.DRAFT, laura, laura, text="Muistutusrumba: mikä on sinun ay-tarinasi?",
          goal="Tiedon kerääminen: mitä jengi haluaa")  # fmt: skip
    entry(plan, monday + timedelta(weeks=8, days=2), 12, fb, post, "Vuoden Välkky -ehdokkaat esittelyssä",
          Status.IDEA, marika, marika, alt="Vuoden Välkky -palkinnon pokaali pöydällä.")  # fmt: skip
    entry(plan, monday + timedelta(days=1), 10, fb, post, "Tervetuloa TJS Opintokeskuksen sivulle!",
          Status.PUBLISHED, matti, marika, marika, text="TJS Opintokeskus on nyt Facebookissa.")  # fmt: skip
