"""The personality questionnaire: the 50-item IPIP Big-Five Factor Markers
(Goldberg, 1992; International Personality Item Pool, ipip.ori.org), which
are in the public domain. The Swedish wording was written for Rekryt; it is
a careful translation, not a separately validated Swedish version.

Each item is answered on a five-point agreement scale and keyed + or −; a
trait's raw score is the mean of its ten items (1–5) after reversing the −
ones. Traits are reported as percentiles against a stated norm group
(rekryt.screening.norms), never as a type or a pass mark."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

TRAITS = {
    "E": _("Extraversion"),
    "A": _("Agreeableness"),
    "C": _("Conscientiousness"),
    "S": _("Emotional stability"),
    "O": _("Intellect and imagination"),
}
SCALE = [
    (1, _("Very inaccurate")),
    (2, _("Moderately inaccurate")),
    (3, _("Neither accurate nor inaccurate")),
    (4, _("Moderately accurate")),
    (5, _("Very accurate")),
]
PER_PAGE = 10


@dataclass(frozen=True)
class Statement:
    index: int
    trait: str
    keyed: int  # +1 or -1
    en: str
    sv: str

    def text_in(self, language: str) -> str:
        return self.sv if language[:2] == "sv" else self.en


_ITEMS = [
    ("E", 1, "Am the life of the party.", "Är festens medelpunkt."),
    ("A", -1, "Feel little concern for others.", "Bryr mig lite om andra."),
    ("C", 1, "Am always prepared.", "Är alltid förberedd."),
    ("S", -1, "Get stressed out easily.", "Blir lätt stressad."),
    ("O", 1, "Have a rich vocabulary.", "Har ett rikt ordförråd."),
    ("E", -1, "Don't talk a lot.", "Pratar inte mycket."),
    ("A", 1, "Am interested in people.", "Är intresserad av människor."),
    ("C", -1, "Leave my belongings around.", "Lämnar mina saker framme."),
    ("S", 1, "Am relaxed most of the time.", "Är avslappnad för det mesta."),
    (
        "O",
        -1,
        "Have difficulty understanding abstract ideas.",
        "Har svårt att förstå abstrakta idéer.",
    ),
    ("E", 1, "Feel comfortable around people.", "Trivs bland människor."),
    ("A", -1, "Insult people.", "Förolämpar andra."),
    ("C", 1, "Pay attention to details.", "Är noga med detaljer."),
    ("S", -1, "Worry about things.", "Oroar mig för saker."),
    ("O", 1, "Have a vivid imagination.", "Har livlig fantasi."),
    ("E", -1, "Keep in the background.", "Håller mig i bakgrunden."),
    ("A", 1, "Sympathize with others' feelings.", "Känner med andra."),
    ("C", -1, "Make a mess of things.", "Ställer till det."),
    ("S", 1, "Seldom feel blue.", "Känner mig sällan nedstämd."),
    ("O", -1, "Am not interested in abstract ideas.", "Är inte intresserad av abstrakta idéer."),
    ("E", 1, "Start conversations.", "Tar initiativ till samtal."),
    (
        "A",
        -1,
        "Am not interested in other people's problems.",
        "Är inte intresserad av andras problem.",
    ),
    ("C", 1, "Get chores done right away.", "Gör undan sysslor direkt."),
    ("S", -1, "Am easily disturbed.", "Blir lätt störd."),
    ("O", 1, "Have excellent ideas.", "Har utmärkta idéer."),
    ("E", -1, "Have little to say.", "Har lite att säga."),
    ("A", 1, "Have a soft heart.", "Har ett varmt hjärta."),
    (
        "C",
        -1,
        "Often forget to put things back in their proper place.",
        "Glömmer ofta att lägga tillbaka saker på sin plats.",
    ),
    ("S", -1, "Get upset easily.", "Blir lätt upprörd."),
    ("O", -1, "Do not have a good imagination.", "Har inte någon bra fantasi."),
    (
        "E",
        1,
        "Talk to a lot of different people at parties.",
        "Pratar med många olika människor på fester.",
    ),
    ("A", -1, "Am not really interested in others.", "Är inte särskilt intresserad av andra."),
    ("C", 1, "Like order.", "Tycker om ordning."),
    ("S", -1, "Change my mood a lot.", "Byter ofta humör."),
    ("O", 1, "Am quick to understand things.", "Förstår saker snabbt."),
    (
        "E",
        -1,
        "Don't like to draw attention to myself.",
        "Tycker inte om att dra uppmärksamhet till mig.",
    ),
    ("A", 1, "Take time out for others.", "Tar mig tid för andra."),
    ("C", -1, "Shirk my duties.", "Smiter från mina plikter."),
    ("S", -1, "Have frequent mood swings.", "Har ofta humörsvängningar."),
    ("O", 1, "Use difficult words.", "Använder svåra ord."),
    ("E", 1, "Don't mind being the center of attention.", "Har inget emot att stå i centrum."),
    ("A", 1, "Feel others' emotions.", "Känner av andras känslor."),
    ("C", 1, "Follow a schedule.", "Följer ett schema."),
    ("S", -1, "Get irritated easily.", "Blir lätt irriterad."),
    ("O", 1, "Spend time reflecting on things.", "Ägnar tid åt att fundera över saker."),
    ("E", -1, "Am quiet around strangers.", "Är tystlåten bland främlingar."),
    ("A", 1, "Make people feel at ease.", "Får andra att känna sig bekväma."),
    ("C", 1, "Am exacting in my work.", "Är noggrann i mitt arbete."),
    ("S", -1, "Often feel blue.", "Känner mig ofta nedstämd."),
    ("O", 1, "Am full of ideas.", "Är full av idéer."),
]
STATEMENTS = [Statement(n, t, k, en, sv) for n, (t, k, en, sv) in enumerate(_ITEMS)]
PAGES = (len(STATEMENTS) + PER_PAGE - 1) // PER_PAGE


def page_of(number: int) -> list[Statement]:
    return STATEMENTS[number * PER_PAGE : (number + 1) * PER_PAGE]


def raw_scores(answers: dict[str, int]) -> dict[str, float]:
    """Each trait's mean (1–5) over its answered items, − items reversed."""
    sums: dict[str, list[int]] = {trait: [] for trait in TRAITS}
    for statement in STATEMENTS:
        value = answers.get(str(statement.index))
        if isinstance(value, int) and 1 <= value <= 5:
            sums[statement.trait].append(value if statement.keyed > 0 else 6 - value)
    return {t: round(sum(v) / len(v), 2) if v else 0.0 for t, v in sums.items()}
