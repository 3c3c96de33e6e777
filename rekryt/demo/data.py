"""The demo company, its staff and the material candidates are made from.

Names are a Swedish majority with people from many other countries, as in a
Swedish logistics company's applicant pool. All letters fit Windows-1252 so
the generated CV PDFs show them correctly (see rekryt.lib.pdfgen)."""

from __future__ import annotations

ORGANISATION = {
    "name": "Norrsken Logistik AB",
    "brand_colour": "#0f5c4d",
    "privacy_contact": "dataskydd@norrskenlogistik.example",
    "reply_to_email": "rekrytering@norrskenlogistik.example",
    "website": "https://norrskenlogistik.example",
    "default_language": "sv",
    "country": "SE",
    "org_number": "556677-8899",
    "postal_address": "Box 112\n981 22 Kiruna",
    "privacy_recipients": (
        "Vår driftleverantör Nordhost AB, som lagrar systemet i Sverige, och de "
        "chefer som ingår i rekryteringsgruppen för tjänsten."
    ),
    "privacy_recipients_en": (
        "Our hosting provider Nordhost AB, which keeps the system in Sweden, and the "
        "managers on the hiring team for the job."
    ),
    # The demo surveys every step (after applying, interviews, rejections and
    # hires) so the CNPS page shows them all. With the default of one survey
    # a month, the survey after applying uses up the month before an
    # interview or a decision comes; a real install chooses in its settings.
    "surveys_enabled": True,
    "survey_cooldown_days": 0,
}
STAFF_DOMAIN = "norrskenlogistik.example"

# username, first name, last name, role, job title (for the printout)
STAFF = [
    ("astrid", "Astrid", "Holm", "admin", "HR-chef"),
    ("rebecka", "Rebecka", "Lund", "recruiter", "Rekryterare, drift"),
    ("jonas", "Jonas", "Berg", "recruiter", "Rekryterare, tjänstemän och tech"),
    ("maria", "Maria", "Eriksson", "hiring_manager", "Driftchef"),
    ("ahmed", "Ahmed", "Khalil", "hiring_manager", "Head of Tech"),
    ("ivar", "Ivar", "Nilsson", "interviewer", "Senior developer"),
]

SWEDISH_FIRST = [
    "Anna",
    "Emma",
    "Maja",
    "Elsa",
    "Alice",
    "Linnea",
    "Sara",
    "Johanna",
    "Karin",
    "Ebba",
    "Klara",
    "Ida",
    "Wilma",
    "Agnes",
    "Frida",
    "Hanna",
    "Elin",
    "Lovisa",
    "Matilda",
    "Sofia",
    "Åsa",
    "Camilla",
    "Therese",
    "Jenny",
    "Malin",
    "Louise",
    "Helena",
    "Ingrid",
    "Erik",
    "Lars",
    "Karl",
    "Johan",
    "Anders",
    "Per",
    "Nils",
    "Oskar",
    "William",
    "Lucas",
    "Hugo",
    "Axel",
    "Viktor",
    "Filip",
    "Gustav",
    "Emil",
    "Anton",
    "Jonas",
    "Magnus",
    "Mattias",
    "Fredrik",
    "Henrik",
    "Daniel",
    "Björn",
    "Måns",
    "Olof",
    "Sven",
    "Tobias",
    "Linus",
]
SWEDISH_LAST = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Olofsson",
    "Lindström",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Sjöberg",
    "Forsberg",
    "Wallin",
    "Engström",
    "Håkansson",
    "Danielsson",
    "Åberg",
    "Holm",
    "Nyström",
    "Öberg",
    "Ek",
    "Strand",
    "Hedlund",
]
# (first names, last names) per region, so names stay culturally coherent.
INTERNATIONAL = [
    (
        ["Ahmed", "Fatima", "Omar", "Layla", "Samir", "Yasmin", "Karim", "Nour"],
        ["Haddad", "Hassan", "Khoury", "Saleh"],
    ),
    (
        ["Reza", "Shirin", "Hamid", "Parisa", "Dariush", "Mina"],
        ["Ahmadi", "Hosseini", "Karimi", "Noori"],
    ),
    (
        ["Mohamed", "Amina", "Abdi", "Hodan", "Faisal", "Sahra"],
        ["Abdi", "Yusuf", "Warsame", "Farah"],
    ),
    (
        ["Piotr", "Katarzyna", "Tomasz", "Agnieszka", "Pawel", "Magda"],
        ["Nowak", "Zielinski", "Wozniak", "Lis"],
    ),
    (["Mehmet", "Elif", "Emre", "Zeynep", "Burak", "Ayse"], ["Yilmaz", "Demir", "Kaya", "Çelik"]),
    (
        ["Priya", "Arjun", "Ananya", "Rahul", "Kavya", "Vikram"],
        ["Sharma", "Patel", "Iyer", "Reddy"],
    ),
    (["Wei", "Mei", "Jun", "Xin", "Hao", "Lin"], ["Chen", "Wang", "Zhang", "Liu"]),
    (
        ["Sanna", "Mikko", "Aino", "Juha", "Laura", "Ville"],
        ["Virtanen", "Korhonen", "Mäkinen", "Nieminen"],
    ),
    (
        ["Giulia", "Marco", "Chiara", "Luca", "Sofia", "Matteo"],
        ["Rossi", "Bianchi", "Ferrari", "Romano"],
    ),
    (
        ["Lucía", "Juan", "Carmen", "Pablo", "Ana", "Diego"],
        ["García", "Fernández", "López", "Martín"],
    ),
    (["Ana", "João", "Beatriz", "Tiago", "Inês", "Rui"], ["Silva", "Santos", "Ferreira", "Costa"]),
    (
        ["Andrei", "Ioana", "Mihai", "Elena", "Radu", "Irina"],
        ["Popescu", "Ionescu", "Dumitru", "Stan"],
    ),
    (
        ["Lukas", "Sophie", "Jonas", "Lena", "Felix", "Marie"],
        ["Müller", "Schmidt", "Becker", "Wagner"],
    ),
    (
        ["Ingrid", "Jens", "Sigrid", "Søren", "Mette", "Henrik"],
        ["Hansen", "Jørgensen", "Larsen", "Dahl"],
    ),
    (
        ["James", "Emily", "Oliver", "Grace", "Daniel", "Chloe"],
        ["Wilson", "Clarke", "Brown", "O'Neill"],
    ),
]
EMAIL_DOMAINS = ["example.com", "example.org", "example.net"]

# Source slug on the application, with how common it is.
SOURCES = [
    ("career_site", 30),
    ("linkedin", 22),
    ("platsbanken", 20),
    ("indeed", 12),
    ("friend", 8),
    ("social", 5),
    ("event", 3),
]

EMPLOYERS = [
    "Västkustens Lager AB",
    "Nordic Parcel AB",
    "Göta Transport AB",
    "Kronans Distribution AB",
    "Snabbfrakt i Mälardalen AB",
    "Hallands Hamnlogistik AB",
    "Bergslagens Åkeri AB",
    "Polar Retail AB",
    "Öresund Freight ApS",
    "Baltic Supply Sp. z o.o.",
]

# Per job family: earlier job titles, skills, education.
FAMILIES: dict[str, dict[str, list[str]]] = {
    "warehouse": {
        "titles": [
            "Lagermedarbetare",
            "Truckförare",
            "Plockare",
            "Lagerarbetare",
            "Teamledare lager",
        ],
        "skills": [
            "Truckkort A och B",
            "Motviktstruck och skjutstativtruck",
            "Plock med handdator",
            "WMS (Astro, Consafe)",
            "Inleverans och utleverans",
            "Inventering",
            "Heta arbeten",
            "HLR-utbildad",
            "Höglager",
            "Godsmottagning och ankomstkontroll",
        ],
        "education": [
            "Gymnasieexamen, Handels- och administrationsprogrammet",
            "Truckutbildning A+B, TYA",
            "Gymnasieexamen, Fordons- och transportprogrammet",
        ],
    },
    "driver": {
        "titles": ["Lastbilschaufför", "Distributionsförare", "Fjärrchaufför", "Budbilsförare"],
        "skills": [
            "C- och CE-körkort",
            "YKB (giltigt)",
            "ADR-intyg (styckegods och tank)",
            "Digitalt förarkort",
            "Kran- och bakgavellyft",
            "Kör- och vilotider",
            "Ecodriving",
            "Kyl- och frystransport",
        ],
        "education": [
            "Gymnasieexamen, Fordons- och transportprogrammet",
            "Yrkesförarutbildning C/CE, Trafikskolan Syd",
        ],
    },
    "planning": {
        "titles": ["Transport planner", "Transportledare", "Supply chain planner", "Inköpare"],
        "skills": [
            "Transport planning systems (Opter, Transwide)",
            "S&OP",
            "Forecasting",
            "Advanced Excel (Power Query, pivot tables)",
            "SAP MM",
            "Incoterms",
            "Kör- och vilotider",
            "Kundkommunikation vid avvikelser",
        ],
        "education": [
            "Högskoleingenjör, logistik och ledning, Jönköping University",
            "YH-examen, logistik och inköp",
            "BSc Supply Chain Management, Chalmers",
        ],
    },
    "customer": {
        "titles": [
            "Kundtjänstmedarbetare",
            "Kundservicemedarbetare",
            "Butikssäljare",
            "Receptionist",
        ],
        "skills": [
            "Telefon, chatt och e-post",
            "Zendesk",
            "Reklamationshantering",
            "Bokningssystem",
            "Svenska, engelska och arabiska",
            "Svenska, engelska och finska",
            "Microsoft 365",
            "Konflikthantering",
        ],
        "education": [
            "Gymnasieexamen, Ekonomiprogrammet",
            "Kurs i kommunikation och bemötande, Folkuniversitetet",
        ],
    },
    "tech": {
        "titles": [
            "Backend developer",
            "Software engineer",
            "Full-stack developer",
            "Python developer",
        ],
        "skills": [
            "Python",
            "Django",
            "FastAPI",
            "PostgreSQL",
            "Redis",
            "Celery",
            "Kubernetes",
            "Docker",
            "Terraform",
            "GraphQL",
            "TypeScript",
            "Kafka",
            "pytest and test-driven development",
            "Performance tuning of SQL queries",
        ],
        "education": [
            "MSc Computer Science, KTH Royal Institute of Technology",
            "BSc Software Engineering, Chalmers",
            "Civilingenjör datateknik, Linköpings universitet",
            "Self-taught; Recurse Center alumnus",
        ],
    },
    "data": {
        "titles": ["Data analyst", "BI developer", "Business analyst", "Operations analyst"],
        "skills": [
            "SQL",
            "Python (pandas, scikit-learn)",
            "R",
            "Power BI",
            "Tableau",
            "Metabase",
            "dbt",
            "Forecasting and time series",
            "Linear programming",
            "A/B testing",
        ],
        "education": [
            "MSc Statistics, Stockholm University",
            "MSc Industrial Engineering, Linköping University",
            "BSc Economics, Uppsala University",
        ],
    },
    "maintenance": {
        "titles": ["Underhållstekniker", "Automationstekniker", "Elektriker", "Servicetekniker"],
        "skills": [
            "PLC (Siemens S7, TIA Portal)",
            "Felsökning av transportbanor",
            "ECY-behörighet",
            "Pneumatik och hydraulik",
            "Förebyggande underhåll",
            "Autostore",
            "Elinstallation",
            "Skiftarbete och beredskap",
        ],
        "education": [
            "YH-examen, automationstekniker",
            "Gymnasieexamen, El- och energiprogrammet",
        ],
    },
    "office": {
        "titles": ["Ekonomiassistent", "HR-assistent", "Administratör", "Redovisningsekonom"],
        "skills": ["Visma", "Fortnox", "Reskontra", "Excel", "Arbetsmiljö", "Löneadministration"],
        "education": ["YH-examen, redovisningsekonom", "Kandidatexamen i personalvetenskap"],
    },
}

ABOUT_SV = [
    "Jag är en ansvarsfull person som trivs när det är mycket att göra.",
    "Jag har jobbat inom logistik i flera år och vill utvecklas vidare hos er.",
    "Jag gillar att samarbeta och tar gärna initiativ när något kan göras bättre.",
    "Jag är noggrann, punktlig och lär mig snabbt.",
    "Jag söker ett jobb med fast schema nära hemmet.",
]
ABOUT_EN = [
    "I enjoy building reliable systems and explaining them to people.",
    "I have worked with logistics data for several years and love a messy dataset.",
    "I am moving to Sweden this year and looking for a team that values learning.",
    "I care about clean code, good tests and shipping often.",
    "I like solving real problems for real users rather than chasing hype.",
]

NOTES_SV = [
    "Stark ansökan, relevant erfarenhet från liknande lager.",
    "Ringde upp, trevligt samtal. Kan börja med en månads uppsägning.",
    "Truckkort finns, men saknar erfarenhet av höglager.",
    "Bra intervju. Lugn och strukturerad, ställde bra frågor om skiftgången.",
    "Referenserna är mycket positiva, särskilt om säkerhetstänk.",
    "Vill helst jobba dagtid – stämmer av om kvällsskift fungerar.",
    "Lönenivån är i överkant av spannet, diskutera med Maria.",
]
NOTES_EN = [
    "Strong application: Django and PostgreSQL at scale in a similar domain.",
    "Good screening call. Notice period is three months.",
    "Take-home exercise was solid; tests were thorough, naming could be clearer.",
    "Great conversation about on-call and incident handling.",
    "References confirm strong ownership and good collaboration.",
    "Prefers four days remote; check whether the team can accommodate.",
    "Salary expectation slightly above range, worth discussing.",
]
