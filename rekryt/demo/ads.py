"""The demo company's job ads: realistic Swedish and English texts.

`family` picks the CV vocabulary in `rekryt.demo.data`; `weight` is the
job's share of applicants; `published_days_ago` places it in the last three
months. Everything else is passed to `rekryt.jobs.actions.create_job`."""

from __future__ import annotations

from typing import Any

BENEFITS_SV = (
    "- Kollektivavtal med tjänstepension och försäkringar\n"
    "- Friskvårdsbidrag på 3 000 kr per år och förmånscykel\n"
    "- Betald lunch vid övertid och fri frukt varje dag\n"
    "- Företagshälsovård och sjukvårdsförsäkring"
)
BENEFITS_EN = (
    "- Collective agreement with occupational pension and insurance\n"
    "- 30 days of paid holiday\n"
    "- Wellness allowance of SEK 3,000 a year and a company bike scheme\n"
    "- Occupational health care and private health insurance"
)
AFTER_APPLY_SV = (
    "1. Du får en bekräftelse på e-post så fort vi har tagit emot din ansökan.\n"
    "2. Vi läser ansökningarna löpande och hör av oss till alla inom {days} arbetsdagar, "
    "oavsett om du går vidare eller inte.\n"
    "3. Går du vidare bjuder vi in till ett kort telefonsamtal (cirka 20 minuter) och "
    "därefter en intervju på plats där du också får träffa teamet.\n"
    "4. Vi tar två referenser innan vi lämnar ett erbjudande. Hela processen tar oftast "
    "tre till fyra veckor.\n\n"
    "Vi tar inte emot ansökningar via e-post. Har du frågor om tjänsten är du välkommen att "
    "kontakta rekryteraren."
)
AFTER_APPLY_EN = (
    "1. You get an email confirming that we have received your application.\n"
    "2. We read applications as they come in and reply to everyone within {days} working "
    "days, whether you move forward or not.\n"
    "3. Next is a 30-minute video call with the recruiter, then a practical exercise you "
    "do at home (at most two hours, and we discuss it together) and a final interview "
    "with the team.\n"
    "4. We speak to two references before making an offer. The whole process usually "
    "takes three to four weeks."
)

JOBS: list[dict[str, Any]] = [
    {
        "title": "Lagermedarbetare till vårt terminallager i Göteborg",
        "department": "Lager",
        "city": "Göteborg",
        "jobtech_occupation": "sizv_uPq_nWf",
        "jobtech_municipality": "PVZL_BQT_XtL",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Västra Götalands län",
        "language": "sv",
        "family": "warehouse",
        "weight": 24,
        "status": "published",
        "published_days_ago": 80,
        "deadline_in_days": 20,
        "recruiter": "rebecka",
        "team": ["maria"],
        "salary_min": 27000,
        "salary_max": 31000,
        "working_hours": "Heltid, dagtid 06.00–15.00 eller 14.00–23.00 enligt schema",
        "description": (
            "På vår terminal på Hisingen tar vi varje dag emot och skickar ut över 40 000 "
            "paket till butiker och privatpersoner i hela Västsverige. Nu växer vi och "
            "söker **fler lagermedarbetare** som vill vara med när det händer.\n\n"
            "## Dina arbetsuppgifter\n\n"
            "Som lagermedarbetare arbetar du med inleverans, plock och packning. Du kör "
            "truck, använder handdator och ser till att rätt gods hamnar på rätt bil i "
            "tid. Arbetet är fysiskt och varierat, och du blir en viktig del av ett lag "
            "där vi hjälper varandra att nå dagens mål."
        ),
        "requirements": (
            "- Du har gärna erfarenhet av lagerarbete, men det viktigaste är att du är "
            "noggrann och tycker om att arbeta i ett högt tempo\n"
            "- Truckkort A och B är meriterande; vi utbildar dig som saknar det\n"
            "- Du förstår och gör dig förstådd på svenska eller engelska\n"
            "- Du kan arbeta enligt schema, även vissa helger"
        ),
        "benefits": BENEFITS_SV + "\n- OB-tillägg för kvälls- och helgarbete",
        "team_description": (
            "Du blir en av 45 medarbetare på terminalen, fördelade på två skift med var "
            "sin teamledare. Maria Eriksson är driftchef och din närmaste chef blir "
            "teamledaren på ditt skift."
        ),
        "after_apply": AFTER_APPLY_SV.format(days="fem"),
        "reply_within_days": 5,
    },
    {
        "title": "Truckförare, kvällsskift – Jönköping",
        "department": "Lager",
        "city": "Jönköping",
        "jobtech_occupation": "GQSf_fnq_kjF",
        "jobtech_municipality": "KURg_KJF_Lwc",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Jönköpings län",
        "language": "sv",
        "family": "warehouse",
        "weight": 10,
        "status": "published",
        "published_days_ago": 55,
        "deadline_in_days": 25,
        "recruiter": "rebecka",
        "team": ["maria"],
        "salary_min": 28500,
        "salary_max": 32000,
        "working_hours": "Heltid, måndag–torsdag 15.00–01.00",
        "description": (
            "Vårt centrallager i Torsvik försörjer butiker i hela Norden med allt från "
            "trädgårdsmöbler till hemelektronik. På kvällsskiftet lastar vi ut det som "
            "ska nå butikerna nästa morgon.\n\n"
            "Du kör främst motviktstruck och skjutstativtruck, lastar och lossar bilar "
            "och håller ordning i höglagret. Du rapporterar i vårt lagersystem med "
            "handdator och är med och förbättrar våra rutiner för säkerhet och flöde."
        ),
        "requirements": (
            "- Truckkort A och B och minst ett års erfarenhet som truckförare\n"
            "- Van vid höglager och skjutstativtruck\n"
            "- Du tar säkerhet på allvar och säger till när något inte stämmer\n"
            "- B-körkort är meriterande"
        ),
        "benefits": BENEFITS_SV + "\n- Fyradagarsvecka med fredagar lediga",
        "team_description": (
            "Kvällsskiftet består av tolv truckförare och lagermedarbetare med en egen "
            "teamledare. Många av oss har jobbat här i mer än fem år."
        ),
        "after_apply": AFTER_APPLY_SV.format(days="fem"),
        "reply_within_days": 5,
    },
    {
        "title": "Lastbilschaufför C/CE, fjärrtrafik",
        "department": "Transport",
        "city": "Helsingborg",
        "jobtech_occupation": "",
        "jobtech_municipality": "qj3q_oXH_MGR",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Skåne län",
        "language": "sv",
        "family": "driver",
        "weight": 9,
        "status": "published",
        "published_days_ago": 62,
        "deadline_in_days": 30,
        "recruiter": "rebecka",
        "team": ["maria"],
        "salary_min": 31000,
        "salary_max": 36000,
        "working_hours": "Heltid, fyra nätter i veckan med hemkomst varje morgon",
        "description": (
            "Vi kör gods mellan våra terminaler i Helsingborg, Göteborg, Jönköping och "
            "Stockholm med moderna lastbilar som går på HVO100. Nu söker vi chaufförer "
            "till fasta nattlinjer.\n\n"
            "Du hämtar ditt ekipage på terminalen i Helsingborg, kör din linje och är "
            "tillbaka nästa morgon. Du ansvarar för att godset kommer fram helt och i tid "
            "och för den dagliga kontrollen av fordonet."
        ),
        "requirements": (
            "- C- och CE-körkort, giltigt YKB och digitalt förarkort\n"
            "- Gärna erfarenhet av fjärrtrafik och ADR-intyg\n"
            "- Du är självgående, punktlig och kör med god marginal\n"
            "- Du kommunicerar obehindrat på svenska"
        ),
        "benefits": BENEFITS_SV + "\n- Traktamente och nattillägg enligt Transportavtalet",
        "team_description": (
            "Du blir en av 30 chaufförer i Helsingborg. Trafikledningen finns på plats "
            "dygnet runt och är din kontakt under körningen."
        ),
        "after_apply": AFTER_APPLY_SV.format(days="fem"),
        "reply_within_days": 5,
    },
    {
        "title": "Transportledare",
        "department": "Transport",
        "city": "Malmö",
        "jobtech_occupation": "T9bK_xR7_wvn",
        "jobtech_municipality": "oYPt_yRA_Smm",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Skåne län",
        "language": "sv",
        "family": "planning",
        "weight": 7,
        "status": "published",
        "published_days_ago": 40,
        "deadline_in_days": 18,
        "recruiter": "rebecka",
        "team": ["maria"],
        "salary_min": 36000,
        "salary_max": 42000,
        "working_hours": "Heltid, rullande schema 05.00–14.00 och 12.00–21.00",
        "description": (
            "Som transportledare planerar och följer du upp dagens körningar för våra "
            "30 distributionsbilar i Öresundsregionen. Du fördelar uppdrag, hanterar "
            "avvikelser och håller kunderna informerade när något händer på vägen.\n\n"
            "Du arbetar i vårt transportledningssystem och har tät kontakt med "
            "chaufförer, terminal och kundtjänst. Tillsammans med driftchefen följer du "
            "upp leveransprecision och kostnader varje vecka."
        ),
        "requirements": (
            "- Erfarenhet av transportledning, trafikplanering eller liknande\n"
            "- God kännedom om kör- och vilotider\n"
            "- Du är lugn under press och bra på att prioritera\n"
            "- Svenska och engelska i tal och skrift"
        ),
        "benefits": BENEFITS_SV,
        "team_description": (
            "Trafikledningen i Malmö består av fem transportledare. Vi sitter tillsammans "
            "mitt på terminalen, nära chaufförerna."
        ),
        "after_apply": AFTER_APPLY_SV.format(days="fem"),
        "reply_within_days": 5,
    },
    {
        "title": "Teamledare lager, nattskift",
        "department": "Lager",
        "city": "Göteborg",
        "jobtech_occupation": "aquM_nAF_dtw",
        "jobtech_municipality": "PVZL_BQT_XtL",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Västra Götalands län",
        "language": "sv",
        "family": "warehouse",
        "weight": 6,
        "status": "published",
        "published_days_ago": 33,
        "deadline_in_days": 14,
        "recruiter": "rebecka",
        "team": ["maria"],
        "salary_min": 36000,
        "salary_max": 41000,
        "working_hours": "Heltid, söndag–torsdag 22.00–06.30",
        "description": (
            "Nattskiftet på vår Göteborgsterminal sorterar och lastar gods till morgondagens "
            "leveranser. Som teamledare leder du 15 medarbetare, planerar bemanningen och "
            "ser till att bilarna lämnar terminalen i tid.\n\n"
            "Du arbetar nära ditt team på golvet, håller i skiftöverlämningar och driver "
            "förbättringar inom säkerhet, kvalitet och arbetsmiljö."
        ),
        "requirements": (
            "- Minst två års erfarenhet av lagerarbete, gärna som arbetsledare\n"
            "- Du är tydlig, lyhörd och trivs med att coacha andra\n"
            "- Van att arbeta i lagersystem (WMS) och Excel\n"
            "- Truckkort A och B"
        ),
        "benefits": BENEFITS_SV + "\n- Nattillägg enligt avtal",
        "team_description": (
            "Du rapporterar till driftchef Maria Eriksson och ingår i terminalens "
            "ledningsgrupp tillsammans med de andra teamledarna."
        ),
        "after_apply": AFTER_APPLY_SV.format(days="fem"),
        "reply_within_days": 5,
    },
    {
        "title": "Kundtjänstmedarbetare",
        "department": "Kundtjänst",
        "city": "Göteborg",
        "jobtech_occupation": "8Uhp_XYo_z5f",
        "jobtech_municipality": "PVZL_BQT_XtL",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Västra Götalands län",
        "language": "sv",
        "family": "customer",
        "workplace": "hybrid",
        "weight": 12,
        "status": "published",
        "published_days_ago": 24,
        "deadline_in_days": 21,
        "recruiter": "jonas",
        "team": [],
        "salary_min": 28000,
        "salary_max": 31000,
        "working_hours": "Heltid, vardagar 08.00–17.00, hemarbete två dagar i veckan",
        "description": (
            "I vår kundtjänst hjälper vi företagskunder och privatpersoner med allt som rör "
            "deras sändningar: bokningar, spårning, avvikelser och reklamationer. Vi svarar "
            "i telefon, chatt och e-post och vill att varje kund ska känna sig väl "
            "omhändertagen.\n\n"
            "Du får en grundlig introduktion på fyra veckor med en egen fadder innan du "
            "tar dina första samtal på egen hand."
        ),
        "requirements": (
            "- Du har arbetat med service eller kundkontakt tidigare\n"
            "- Mycket god svenska och god engelska i tal och skrift\n"
            "- Du är van vid datorn och lär dig nya system snabbt\n"
            "- Ytterligare språk, till exempel arabiska, finska eller polska, är meriterande"
        ),
        "benefits": BENEFITS_SV,
        "team_description": (
            "Kundtjänst består av 22 medarbetare och två gruppledare. Vi sitter i ljusa "
            "lokaler vid Lindholmen och har ett eget rum för fokusarbete."
        ),
        "after_apply": AFTER_APPLY_SV.format(days="fem"),
        "reply_within_days": 5,
    },
    {
        "title": "Backend Developer (Python/Django)",
        "department": "Tech",
        "city": "Stockholm",
        "jobtech_occupation": "7wdX_4rv_33z",
        "jobtech_municipality": "AvNB_uwa_6n6",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Stockholms län",
        "language": "en",
        "family": "tech",
        "workplace": "hybrid",
        "weight": 12,
        "status": "published",
        "published_days_ago": 47,
        "deadline_in_days": 28,
        "recruiter": "jonas",
        "team": ["ahmed", "ivar"],
        "salary_min": 48000,
        "salary_max": 62000,
        "working_hours": "Full time, flexible hours, 2–3 days a week in the office",
        "description": (
            "Our tech team builds the systems that keep 40,000 parcels a day moving: "
            "booking, route planning, terminal scanning and the tracking pages our "
            "customers check a million times a month. Most of it is Python and Django on "
            "PostgreSQL, deployed several times a day.\n\n"
            "As a backend developer you design and build APIs and background jobs, "
            "improve performance where it matters and take part in on-call for the "
            "services you build (one week in six, paid). You work closely with the "
            "people in our terminals: you will spend a day on the floor in your first month."
        ),
        "requirements": (
            "- Three or more years of building web services in Python (Django, Flask or "
            "FastAPI)\n"
            "- Solid SQL and PostgreSQL, and an eye for query performance\n"
            "- Experience with tests, code review and continuous delivery\n"
            "- You write clearly in English; Swedish is a plus, not a requirement\n"
            "- Nice to have: logistics or e-commerce, Kubernetes, event-driven systems"
        ),
        "benefits": BENEFITS_EN + "\n- Conference budget and four learning days a year",
        "team_description": (
            "You join a team of seven developers, a product manager and a designer, led "
            "by Ahmed Khalil. Ivar Nilsson, our most senior developer, will be your "
            "mentor for the first months."
        ),
        "after_apply": AFTER_APPLY_EN.format(days="seven"),
        "reply_within_days": 7,
    },
    {
        "title": "Data Analyst, Network Planning",
        "department": "Tech",
        "city": "Stockholm",
        "jobtech_occupation": "",
        "jobtech_municipality": "AvNB_uwa_6n6",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Stockholms län",
        "language": "en",
        "family": "data",
        "workplace": "hybrid",
        "weight": 8,
        "status": "published",
        "published_days_ago": 16,
        "deadline_in_days": 30,
        "recruiter": "jonas",
        "team": ["ahmed", "ivar"],
        "salary_min": 45000,
        "salary_max": 55000,
        "working_hours": "Full time, flexible hours",
        "description": (
            "Where should our next terminal be? How many trucks do we need on the "
            "Gothenburg–Stockholm line in December? As a data analyst in network "
            "planning you answer questions like these with data from our booking, "
            "scanning and fleet systems.\n\n"
            "You build and maintain models and dashboards, run analyses for the "
            "management team and help operations make decisions based on numbers "
            "rather than gut feeling."
        ),
        "requirements": (
            "- A degree in statistics, engineering, economics or similar, or equivalent "
            "experience\n"
            "- Strong SQL and Python (pandas) or R\n"
            "- Experience with a BI tool such as Power BI, Tableau or Metabase\n"
            "- You can explain a result to someone who has never seen a regression"
        ),
        "benefits": BENEFITS_EN,
        "team_description": (
            "Network planning is three analysts and an operations research specialist, "
            "part of the tech team led by Ahmed Khalil."
        ),
        "after_apply": AFTER_APPLY_EN.format(days="seven"),
        "reply_within_days": 7,
    },
    {
        "title": "Supply Chain Planner",
        "department": "Planning",
        "city": "Göteborg",
        "jobtech_occupation": "",
        "jobtech_municipality": "PVZL_BQT_XtL",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Västra Götalands län",
        "language": "en",
        "family": "planning",
        "workplace": "hybrid",
        "weight": 8,
        "status": "closed",
        "published_days_ago": 88,
        "closed_days_ago": 20,
        "deadline_in_days": -25,
        "recruiter": "jonas",
        "team": ["ahmed"],
        "salary_min": 42000,
        "salary_max": 50000,
        "working_hours": "Full time",
        "description": (
            "Our customers trust us with their inventory. As supply chain planner you "
            "make sure the right goods are in the right warehouse at the right time: you "
            "forecast volumes with our largest customers, plan capacity in our three "
            "warehouses and follow up on service levels every week.\n\n"
            "You work with customers' planners, our terminal managers and the analytics "
            "team, and you own the sales and operations planning meeting."
        ),
        "requirements": (
            "- Three years or more in supply chain planning, purchasing or logistics\n"
            "- Advanced Excel; experience with an ERP or planning tool\n"
            "- Structured, curious and comfortable with numbers\n"
            "- Fluent English; Swedish is a plus"
        ),
        "benefits": BENEFITS_EN,
        "team_description": (
            "Planning is a team of four in Gothenburg, working closely with customer "
            "service and the terminals."
        ),
        "after_apply": AFTER_APPLY_EN.format(days="seven"),
        "reply_within_days": 7,
    },
    {
        "title": "Underhållstekniker automation",
        "department": "Teknik och underhåll",
        "city": "Jönköping",
        "jobtech_occupation": "ci6b_Nc2_FmS",
        "jobtech_municipality": "KURg_KJF_Lwc",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Jönköpings län",
        "language": "sv",
        "family": "maintenance",
        "weight": 4,
        "status": "published",
        "published_days_ago": 9,
        "deadline_in_days": 35,
        "recruiter": "rebecka",
        "team": ["maria"],
        "salary_min": 38000,
        "salary_max": 46000,
        "working_hours": "Heltid, dagtid med beredskap var femte vecka",
        "description": (
            "I Jönköping har vi ett av Nordens mest automatiserade lager med "
            "sorteringsanläggning, transportbanor och autostore. Som underhållstekniker "
            "ser du till att allt fungerar: du felsöker, reparerar och arbetar "
            "förebyggande så att stoppen blir färre och kortare.\n\n"
            "Du arbetar i vårt underhållssystem, samarbetar med våra leverantörer och "
            "är med och tar fram nästa generations automation."
        ),
        "requirements": (
            "- Gymnasieutbildning inom el eller automation, gärna YH eller motsvarande\n"
            "- Erfarenhet av felsökning i PLC-styrda system (Siemens eller liknande)\n"
            "- Behörighet för elarbete (ECY eller motsvarande) är meriterande\n"
            "- B-körkort"
        ),
        "benefits": BENEFITS_SV + "\n- Beredskapsersättning",
        "team_description": (
            "Underhållsteamet består av sex tekniker som täcker både dagtid och beredskap."
        ),
        "after_apply": AFTER_APPLY_SV.format(days="fem"),
        "reply_within_days": 5,
    },
    {
        "title": "Ekonomiassistent, vikariat",
        "department": "Ekonomi",
        "city": "Göteborg",
        "jobtech_occupation": "BK8D_hZe_dtk",
        "jobtech_municipality": "PVZL_BQT_XtL",
        "jobtech_employment_type": "gro4_cWF_6D7",
        "region": "Västra Götalands län",
        "language": "sv",
        "family": "office",
        "employment_type": "TEMPORARY",
        "weight": 0,
        "status": "draft",
        "published_days_ago": 0,
        "deadline_in_days": 30,
        "recruiter": "jonas",
        "team": [],
        "salary_min": 30000,
        "salary_max": 34000,
        "working_hours": "Heltid, vikariat i 12 månader med start i augusti",
        "description": (
            "Vi söker en ekonomiassistent för ett vikariat under ett år. Du arbetar med "
            "leverantörs- och kundreskontra, påminnelser, avstämningar och hjälper till "
            "vid månadsbokslut."
        ),
        "requirements": (
            "- Ekonomiutbildning på gymnasie- eller YH-nivå\n"
            "- Några års erfarenhet av reskontra, gärna i Visma eller Fortnox\n"
            "- Noggrann och strukturerad"
        ),
        "benefits": BENEFITS_SV,
        "team_description": "Ekonomiavdelningen består av sju personer i Göteborg.",
        "after_apply": AFTER_APPLY_SV.format(days="fem"),
        "reply_within_days": 5,
    },
    {
        "title": "HR-specialist med inriktning arbetsmiljö",
        "department": "HR",
        "city": "Stockholm",
        "jobtech_occupation": "s28Q_sya_S2b",
        "jobtech_municipality": "AvNB_uwa_6n6",
        "jobtech_employment_type": "kpPX_CNN_gDU",
        "region": "Stockholms län",
        "language": "sv",
        "family": "office",
        "workplace": "hybrid",
        "weight": 0,
        "status": "draft",
        "published_days_ago": 0,
        "deadline_in_days": 30,
        "recruiter": "jonas",
        "team": [],
        "salary_min": 45000,
        "salary_max": 55000,
        "working_hours": "Heltid",
        "description": (
            "Vi söker en HR-specialist som leder vårt arbetsmiljöarbete på fyra orter: "
            "riskbedömningar, skyddsronder, rehabilitering och utbildning av chefer."
        ),
        "requirements": (
            "- Högskoleutbildning inom HR, beteendevetenskap eller liknande\n"
            "- Erfarenhet av systematiskt arbetsmiljöarbete\n"
            "- Körkort och möjlighet att resa i tjänsten"
        ),
        "benefits": BENEFITS_SV,
        "team_description": "HR består av fem personer under HR-chef Astrid Holm.",
        "after_apply": AFTER_APPLY_SV.format(days="fem"),
        "reply_within_days": 5,
    },
]

# Only these keys are passed to create_job; the rest steer the seeding.
PLAN_KEYS = {
    "family",
    "weight",
    "status",
    "published_days_ago",
    "closed_days_ago",
    "deadline_in_days",
    "recruiter",
    "team",
}
