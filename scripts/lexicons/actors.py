"""Actors: organizations, armed groups, people, group nouns and titles.

Each file merges a hand-compiled table (written out below; facts from public records) with the
matching PETRARCH2 dictionary, converted and filtered. Hand rows come first; a PETRARCH row is
left out when its surface is already listed.
"""

from __future__ import annotations

import re

from common import (PETRARCH_LICENCE, PETRARCH_REF, SITREP_LICENCE, SITREP_SOURCE, attrs,
                    clean_phrase, parse_date, read_actors, title_case, write_tsv)
from countries import parse_table
from people import PEOPLE

ENTITY_COLUMNS = ["surface", "kind", "canonical", "country", "attrs"]
TITLE_COLUMNS = ["phrase", "canonical", "role"]
ISO3 = set(parse_table())

# canonical | country | role | other surfaces (;) -- short acronyms get `case` automatically.
ORGANIZATIONS = """
United Nations | | IGO | UN;U.N.;the UN
UN Security Council | | IGO | Security Council;United Nations Security Council;UNSC;U.N. Security Council
UN General Assembly | | IGO | General Assembly;United Nations General Assembly;UNGA
NATO | | IGO | North Atlantic Treaty Organization;Nato;North Atlantic Alliance
European Union | | IGO | EU;E.U.
European Commission | | IGO | EC
European Council | | IGO |
European Parliament | | IGO |
European Central Bank | | IGO | ECB
International Atomic Energy Agency | | IGO | IAEA
World Health Organization | | IGO | WHO
International Committee of the Red Cross | | NGO | ICRC;Red Cross
Red Crescent | | NGO | Palestine Red Crescent Society;Palestinian Red Crescent;Red Crescent Society
Organization for Security and Co-operation in Europe | | IGO | OSCE;Organization for Security and Cooperation in Europe
African Union | | IGO | AU
Arab League | | IGO | League of Arab States
Gulf Cooperation Council | | IGO | GCC
Organisation of Islamic Cooperation | | IGO | OIC;Organization of Islamic Cooperation
ASEAN | | IGO | Association of Southeast Asian Nations
ECOWAS | | IGO | Economic Community of West African States
Alliance of Sahel States | | IGO | AES
Shanghai Cooperation Organisation | | IGO | SCO;Shanghai Cooperation Organization
BRICS | | IGO |
Group of Seven | | IGO | G7;G-7
Group of 20 | | IGO | G20;G-20
Commonwealth of Independent States | | IGO | CIS
Collective Security Treaty Organization | | IGO | CSTO
Council of Europe | | IGO |
International Monetary Fund | | IGO | IMF
World Bank | | IGO |
World Trade Organization | | IGO | WTO
International Criminal Court | | IGO | ICC
International Court of Justice | | IGO | ICJ;World Court
UNRWA | | IGO | UN Relief and Works Agency;United Nations Relief and Works Agency
UNHCR | | IGO | UN refugee agency;United Nations High Commissioner for Refugees
UNICEF | | IGO | United Nations Children's Fund
World Food Programme | | IGO | WFP;World Food Program
OCHA | | IGO | UN Office for the Coordination of Humanitarian Affairs
UN Human Rights Council | | IGO | Human Rights Council;UNHRC
UNIFIL | | IGO | UN Interim Force in Lebanon
OPEC | | IGO | Organization of the Petroleum Exporting Countries
Interpol | | IGO |
Doctors Without Borders | | NGO | Medecins Sans Frontieres;Médecins Sans Frontières;MSF
Amnesty International | | NGO | Amnesty
Human Rights Watch | | NGO | HRW
International Rescue Committee | | NGO | IRC
Save the Children | | NGO |
Oxfam | | NGO |
Norwegian Refugee Council | | NGO | NRC
Institute for the Study of War | USA | NGO | ISW
Gaza Humanitarian Foundation | | NGO | GHF
Gaza Health Ministry | PSE | GOV | Gaza's Health Ministry;Gaza health ministry;Health Ministry in Gaza
Israel Defense Forces | ISR | MIL | IDF;Israeli military;Israeli army;Israel Defence Forces
Shin Bet | ISR | SPY | Israel Security Agency
Mossad | ISR | SPY |
Islamic Revolutionary Guard Corps | IRN | MIL | IRGC;Revolutionary Guards;Revolutionary Guard
Quds Force | IRN | MIL |
FSB | RUS | SPY | Federal Security Service
SVR | RUS | SPY | Foreign Intelligence Service
GRU | RUS | SPY |
Russian Defence Ministry | RUS | MIL | Russian Defense Ministry;Russian Ministry of Defence;Russia's Defence Ministry;Russia's Defense Ministry
Russian Foreign Ministry | RUS | GOV | Russia's Foreign Ministry
State Duma | RUS | LEG | Duma
Federation Council | RUS | LEG |
Rosatom | RUS | BUS |
Gazprom | RUS | BUS |
SBU | UKR | SPY | Security Service of Ukraine
HUR | UKR | SPY | GUR;Ukrainian military intelligence;Main Intelligence Directorate
Armed Forces of Ukraine | UKR | MIL | Ukrainian Armed Forces;Ukrainian military;Ukrainian army
Verkhovna Rada | UKR | LEG | Rada
Naftogaz | UKR | BUS |
Ukrenergo | UKR | BUS |
General Staff of the Armed Forces of Ukraine | UKR | MIL | Ukraine's General Staff;Ukrainian General Staff
CIA | USA | SPY | Central Intelligence Agency
FBI | USA | COP | Federal Bureau of Investigation
National Security Council | USA | GOV | NSC
US Congress | USA | LEG | Congress;U.S. Congress
US Senate | USA | LEG | Senate;U.S. Senate
House of Representatives | USA | LEG | US House;U.S. House
Department of Defense | USA | MIL | Defense Department;Department of War;War Department
Department of Homeland Security | USA | GOV | DHS;Homeland Security
US Central Command | USA | MIL | CENTCOM;Central Command
USAID | USA | GOV | US Agency for International Development
Treasury Department | USA | GOV | US Treasury;U.S. Treasury;Treasury
Ministry of Defence | GBR | MIL | MoD;British Ministry of Defence
MI6 | GBR | SPY | Secret Intelligence Service
Bundeswehr | DEU | MIL |
People's Liberation Army | CHN | MIL | PLA
Chinese Communist Party | CHN | PTY | CCP;Communist Party of China
Syrian Democratic Forces | SYR | MIL | SDF
Sudanese Armed Forces | SDN | MIL | SAF;Sudanese army
Palestinian Authority | PSE | GOV | PA;Palestinian National Authority
Palestine Liberation Organization | PSE | GOV | PLO
Fatah | PSE | PTY |
Tatmadaw | MMR | MIL | Myanmar military;Myanmar junta
Kurdistan Regional Government | IRQ | GOV | KRG
Popular Mobilization Forces | IRQ | MIL | PMF;Hashd al-Shaabi
General Motors | USA | BUS | GM;General Motors Co.
Ford Motor | USA | BUS | Ford;Ford Motor Co.
Stellantis | NLD | BUS |
Toyota | JPN | BUS | Toyota Motor
Volkswagen | DEU | BUS | VW
Tesla | USA | BUS |
Boeing | USA | BUS |
Airbus | FRA | BUS |
Lockheed Martin | USA | BUS | Lockheed
RTX | USA | BUS | Raytheon
Northrop Grumman | USA | BUS |
General Dynamics | USA | BUS |
General Electric | USA | BUS | GE
BAE Systems | GBR | BUS |
Rheinmetall | DEU | BUS |
Thales | FRA | BUS |
Elbit Systems | ISR | BUS | Elbit
Israel Aerospace Industries | ISR | BUS | IAI
Anduril | USA | BUS | Anduril Industries
Palantir | USA | BUS | Palantir Technologies
SpaceX | USA | BUS |
Starlink | USA | BUS |
Apple | USA | BUS | Apple Inc.
Microsoft | USA | BUS |
Alphabet | USA | BUS | Google
Amazon.com | USA | BUS |
Meta Platforms | USA | BUS | Meta
Nvidia | USA | BUS |
Intel | USA | BUS |
TSMC | TWN | BUS | Taiwan Semiconductor Manufacturing Co.
Samsung | KOR | BUS | Samsung Electronics
Huawei | CHN | BUS |
OpenAI | USA | BUS |
ExxonMobil | USA | BUS | Exxon;Exxon Mobil
Chevron | USA | BUS |
BP | GBR | BUS |
TotalEnergies | FRA | BUS |
Eni | ITA | BUS |
Equinor | NOR | BUS |
Saudi Aramco | SAU | BUS | Aramco
Rosneft | RUS | BUS |
Lukoil | RUS | BUS |
Novatek | RUS | BUS |
Sinopec | CHN | BUS |
PetroChina | CHN | BUS |
Petrobras | BRA | BUS |
Pemex | MEX | BUS |
Ecopetrol | COL | BUS |
PDVSA | VEN | BUS |
Siemens | DEU | BUS |
Siemens Energy | DEU | BUS |
Glencore | CHE | BUS |
Maersk | DNK | BUS | A.P. Moller-Maersk
JPMorgan Chase | USA | BUS | JPMorgan
Goldman Sachs | USA | BUS |
BlackRock | USA | BUS |
Deutsche Bank | DEU | BUS |
HSBC | GBR | BUS |
Pfizer | USA | BUS |
Walmart | USA | BUS |
"""

# canonical | country | other surfaces -- groups active since 2014 or missing from PETRARCH2.
ARMED_GROUPS = """
Hamas | PSE | Islamic Resistance Movement
Qassam Brigades | PSE | Izz ad-Din al-Qassam Brigades;Ezzedine al-Qassam Brigades;al-Qassam Brigades;Izz al-Din al-Qassam Brigades
Palestinian Islamic Jihad | PSE | Islamic Jihad;PIJ;Al-Quds Brigades
Hezbollah | LBN | Hizbollah;Hizbullah;Hizballah
Houthis | YEM | Houthi;Houthi rebels;Ansar Allah;Ansarallah
Islamic State | | ISIS;ISIL;IS;Daesh;Islamic State of Iraq and the Levant;Islamic State of Iraq and Syria;Islamic State group
Islamic State Khorasan | AFG | ISIS-K;ISKP;IS-K;Islamic State Khorasan Province
Islamic State West Africa Province | NGA | ISWAP
al-Qaeda | | al-Qaida;Al Qaeda;al Qaeda;Al-Qaeda;Al-Qaida
al-Qaeda in the Arabian Peninsula | YEM | AQAP
al-Qaeda in the Islamic Maghreb | | AQIM
Taliban | AFG | Afghan Taliban
Tehrik-i-Taliban Pakistan | PAK | TTP;Pakistani Taliban
Hayat Tahrir al-Sham | SYR | HTS;Hay'at Tahrir al-Sham;Tahrir al-Sham
Nusra Front | SYR | al-Nusra Front;Jabhat al-Nusra;Jabhat Fatah al-Sham
Syrian National Army | SYR | SNA;Turkish-backed Syrian National Army
Wagner Group | RUS | Wagner;PMC Wagner;Wagner mercenaries
Africa Corps | RUS | Africa Korps
Rapid Support Forces | SDN | RSF
M23 | COD | March 23 Movement;M23 rebels
AFC/M23 | COD | Congo River Alliance;Alliance Fleuve Congo
Allied Democratic Forces | COD | ADF
CODECO | COD |
JNIM | MLI | Jama'at Nasr al-Islam wal Muslimin;Jamaat Nusrat al-Islam wal-Muslimin;Group for the Support of Islam and Muslims
al-Shabaab | SOM | al-Shabab;Al Shabaab;Al-Shabaab;Harakat al-Shabaab al-Mujahideen
Boko Haram | NGA |
Kurdistan Workers' Party | TUR | PKK;Kurdistan Workers Party
People's Protection Units | SYR | YPG
Arakan Army | MMR |
Kataib Hezbollah | IRQ | Kata'ib Hezbollah;Kataib Hizbollah
Islamic Resistance in Iraq | IRQ |
Baloch Liberation Army | PAK | BLA
Ambazonia Defence Forces | CMR | ADF Ambazonia
Tigray People's Liberation Front | ETH | TPLF;Tigray Defense Forces;TDF
Fano | ETH | Fano militia
Russian Volunteer Corps | RUS | RDK
Freedom of Russia Legion | RUS |
Azov Brigade | UKR | Azov Regiment;Azov
Lord's Resistance Army | UGA | LRA
FARC | COL | Revolutionary Armed Forces of Colombia
ELN | COL | National Liberation Army
Shining Path | PER | Sendero Luminoso
FMLN | SLV | Farabundo Marti National Liberation Front;Farabundo Martí National Liberation Front
Tren de Aragua | VEN |
Sinaloa Cartel | MEX |
Jalisco New Generation Cartel | MEX | CJNG
MS-13 | SLV | Mara Salvatrucha
"""

# Title phrases beyond PETRARCH2's: phrase | canonical | role. The build adds British/American
# spelling pairs (defence/defense) and "vice"/"deputy" variants automatically.
TITLES = """
president | President | GOV
vice president | Vice President | GOV
vice-president | Vice President | GOV
president-elect | President-elect | GOV
prime minister | Prime Minister | GOV
premier | Premier | GOV
vice premier | Vice Premier | GOV
trade representative | Trade Representative | GOV
deputy prime minister | Deputy Prime Minister | GOV
first deputy prime minister | First Deputy Prime Minister | GOV
defence minister | Defence Minister | GOV
foreign minister | Foreign Minister | GOV
interior minister | Interior Minister | GOV
finance minister | Finance Minister | GOV
energy minister | Energy Minister | GOV
health minister | Health Minister | GOV
justice minister | Justice Minister | GOV
economy minister | Economy Minister | GOV
trade minister | Trade Minister | GOV
minister | Minister | GOV
deputy foreign minister | Deputy Foreign Minister | GOV
deputy defence minister | Deputy Defence Minister | GOV
foreign secretary | Foreign Secretary | GOV
home secretary | Home Secretary | GOV
defence secretary | Defence Secretary | GOV
secretary of state | Secretary of State | GOV
secretary of defense | Secretary of Defense | GOV
secretary of war | Secretary of War | GOV
war secretary | War Secretary | GOV
treasury secretary | Treasury Secretary | GOV
commerce secretary | Commerce Secretary | GOV
homeland security secretary | Homeland Security Secretary | GOV
national security adviser | National Security Adviser | GOV
national security advisor | National Security Adviser | GOV
security council secretary | Security Council Secretary | GOV
chief of staff | Chief of Staff | GOV
white house chief of staff | White House Chief of Staff | GOV
press secretary | Press Secretary | GOV
white house press secretary | White House Press Secretary | GOV
spokesman | spokesman | GOV
spokeswoman | spokeswoman | GOV
spokesperson | spokesperson | GOV
press secretary | Press Secretary | GOV
envoy | envoy | GOV
special envoy | special envoy | GOV
peace envoy | peace envoy | GOV
special representative | Special Representative | GOV
ambassador | Ambassador | GOV
diplomat | diplomat | GOV
top diplomat | top diplomat | GOV
chancellor | Chancellor | GOV
king | King | GOV
queen | Queen | GOV
crown prince | Crown Prince | GOV
prince | Prince | GOV
sheikh | Sheikh | GOV
emir | Emir | GOV
sultan | Sultan | GOV
supreme leader | Supreme Leader | GOV
ayatollah | Ayatollah | REL
pope | Pope | REL
cardinal | Cardinal | REL
archbishop | Archbishop | REL
patriarch | Patriarch | REL
senator | Senator | LEG
sen. | Senator | LEG
representative | Representative | LEG
rep. | Representative | LEG
congressman | Congressman | LEG
congresswoman | Congresswoman | LEG
lawmaker | lawmaker | LEG
mp | MP | LEG
speaker | Speaker | LEG
house speaker | House Speaker | LEG
governor | Governor | GOV
gov. | Governor | GOV
regional governor | Regional Governor | GOV
mayor | Mayor | GOV
deputy mayor | Deputy Mayor | GOV
head of the presidential office | Head of the Presidential Office | GOV
presidential aide | Presidential aide | GOV
presidential adviser | Presidential adviser | GOV
kremlin aide | Kremlin aide | GOV
adviser | adviser | GOV
advisor | adviser | GOV
aide | aide | GOV
official | official | GOV
general | General | MIL
gen. | General | MIL
lt. gen. | Lieutenant General | MIL
lieutenant general | Lieutenant General | MIL
maj. gen. | Major General | MIL
major general | Major General | MIL
brig. gen. | Brigadier General | MIL
brigadier general | Brigadier General | MIL
colonel | Colonel | MIL
col. | Colonel | MIL
lt. col. | Lieutenant Colonel | MIL
lieutenant colonel | Lieutenant Colonel | MIL
major | Major | MIL
maj. | Major | MIL
captain | Captain | MIL
capt. | Captain | MIL
lieutenant | Lieutenant | MIL
lt. | Lieutenant | MIL
sergeant | Sergeant | MIL
sgt. | Sergeant | MIL
admiral | Admiral | MIL
adm. | Admiral | MIL
vice admiral | Vice Admiral | MIL
field marshal | Field Marshal | MIL
marshal | Marshal | MIL
commander | Commander | MIL
commander-in-chief | Commander-in-Chief | MIL
army chief | Army Chief | MIL
chief of the general staff | Chief of the General Staff | MIL
military spokesman | military spokesman | MIL
army spokesman | army spokesman | MIL
militant leader | militant leader | REB
rebel leader | rebel leader | REB
rebel commander | rebel commander | REB
opposition leader | Opposition Leader | OPP
leader | leader | GOV
secretary-general | Secretary-General | IGO
secretary general | Secretary-General | IGO
director general | Director General | GOV
director-general | Director General | GOV
director | Director | GOV
chairman | Chairman | GOV
chairwoman | Chairwoman | GOV
chair | Chair | GOV
head | head | GOV
chief | chief | GOV
ombudsman | Ombudsman | GOV
prosecutor | Prosecutor | JUD
chief prosecutor | Chief Prosecutor | JUD
judge | Judge | JUD
justice | Justice | JUD
dr. | Dr. | 
dr | Dr. | 
professor | Professor | EDU
prof. | Professor | EDU
mr. | Mr. | 
mrs. | Mrs. | 
ms. | Ms. | 
sir | Sir | 
dame | Dame | 
lord | Lord | 
correspondent | correspondent | MED
journalist | journalist | MED
reporter | reporter | MED
analyst | analyst | 
negotiator | negotiator | GOV
chief negotiator | chief negotiator | GOV
chief executive | Chief Executive | BUS
chief executive officer | Chief Executive Officer | BUS
ceo | CEO | BUS
chief financial officer | Chief Financial Officer | BUS
"""

# Group nouns beyond PETRARCH2's (plural, singular) | canonical | role
GROUPS = """
officials;official | officials | GOV
government officials | officials | GOV
authorities | authorities | GOV
diplomats;diplomat | diplomats | GOV
negotiators;negotiator | negotiators | GOV
delegation;delegations | delegation | GOV
lawmakers;lawmaker | lawmakers | LEG
soldiers;soldier | soldiers | MIL
troops | troops | MIL
forces | forces | MIL
servicemen;serviceman | soldiers | MIL
military personnel | soldiers | MIL
police;policemen;policeman;police officers;police officer | police | COP
rebels;rebel | rebels | REB
militants;militant | militants | REB
insurgents;insurgent | insurgents | REB
guerrillas;guerrilla;guerillas | guerrillas | REB
terrorists;terrorist | terrorists | REB
gunmen;gunman | gunmen | REB
fighters;fighter | fighters | REB
militiamen;militiaman;militia;militias | militia | REB
separatists;separatist | separatists | REB
jihadists;jihadist | jihadists | REB
mercenaries;mercenary | mercenaries | REB
civilians;civilian | civilians | CVL
residents;resident | residents | CVL
villagers;villager | villagers | CVL
peasants;peasant | peasants | CVL
farmers;farmer | farmers | AGR
students;student | students | EDU
protesters;protester;protestors;protestor;demonstrators;demonstrator | protesters | OPP
refugees;refugee | refugees | REF
displaced people;internally displaced people;IDPs | displaced people | REF
hostages;hostage | hostages | CVL
prisoners;prisoner;detainees;detainee | prisoners | CVL
prisoners of war;POWs | prisoners of war | MIL
children;child | children | CVL
women | women | CVL
journalists;journalist;reporters;reporter | journalists | MED
aid workers;aid worker;humanitarian workers | aid workers | NGO
medics;medic;doctors;doctor;paramedics;paramedic | medics | HLH
workers;worker | workers | LAB
people | people | CVL
"""


# Single PETRARCH2 words that are generic or ordinary English, not names of one group.
GENERIC_WORDS = {"NGO", "NGOS", "UNSCR", "ORGANIZATION", "YOUTH", "ZERO", "TIGERS", "FALCON", "YAHWEH",
                 "CONTRAS", "EX-CONTRAS", "RECONTRAS"}


def case_attr(surface: str) -> str:
    """`case` for acronyms written in capitals ("AU", "ECOWAS", "MI6", "G7")."""
    letters = re.sub(r"[^A-Za-z]", "", surface)
    if letters.isupper() and len(letters) <= 8:
        return "case"
    return ""


def single_word_ok(word: str) -> bool:
    """A one-word PETRARCH2 surface is kept only as an acronym in capitals: the other one-word
    entries are mostly individuals' names (listed there as group members) or ordinary words."""
    return (re.fullmatch(r"[A-Z][A-Z0-9&-]{1,5}", word) is not None and word.upper() not in GENERIC_WORDS
            and not word.startswith("AL-"))


def keep_acronym(phrase):
    """Title case for a PETRARCH phrase, except a lone acronym ("MONUC", "OAU") stays upper case."""
    if re.fullmatch(r"[A-Z][A-Z0-9.&-]{1,7}", phrase):
        return phrase
    return title_case(phrase)


def entity_pipe(table, ncols):
    for line in table.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        yield (parts + [""] * ncols)[:ncols]


def split_list(s):
    return [x.strip() for x in s.split(";") if x.strip()]


def organizations():
    rows = []
    seen = set()
    for canonical, country, role, others in entity_pipe(ORGANIZATIONS, 4):
        for s in [canonical, *split_list(others)]:
            if s.startswith("the "):
                continue
            rows.append((s, "ORGANIZATION", canonical, country, attrs(case_attr(s), role=role)))
            seen.add(s.lower())
    hand = len(rows)
    # PETRARCH2 international actors: organizations named with an organization word, and
    # acronyms; people, national units ("INDIAN UN PEACEKEEPER") and roles are left out.
    org_word = re.compile(r"\b(ORGANI[SZ]ATION|UNION|AGENCY|FUND|COUNCIL|COMMISSION|COURT|BANK|PROGRAMME|"
                          r"PROGRAM|ASSOCIATION|COMMITTEE|LEAGUE|FORUM|NATIONS|INSTITUTE|OFFICE|FOUNDATION|"
                          r"FEDERATION|ALLIANCE|TRIBUNAL|CONFERENCE|SECRETARIAT|MISSION|FORCE|CROSS|CRESCENT|"
                          r"PARLIAMENT|COMMUNITY|MOVEMENT|SOCIETY|WATCH|INTERNATIONAL|NETWORK|CENTRE|CENTER)\b")
    for rec in read_actors("Phoenix.International.actors.txt"):
        code = rec.code or (rec.dated[0][0] if rec.dated else "")
        if not code.startswith(("IGO", "NGO")):
            continue
        if rec.dated and any(re.search(r"\d", d) for _, d in rec.dated):
            continue  # dated codes are people in office
        role = code[:3]
        primary = clean_phrase(rec.primary)
        if not primary:
            continue
        canonical = keep_acronym(re.sub(r"_?\([^)]*\)_?", "_", primary).strip("_ "))
        for raw in [rec.primary, *rec.synonyms]:
            phrase = clean_phrase(raw)
            if not phrase:
                continue
            acronyms = re.findall(r"\(([A-Z]{2,8})\)", phrase)
            phrase = re.sub(r"_?\([^)]*\)_?", "_", phrase).strip("_ ")
            words = phrase.replace("_", " ").split()
            if not words or len(words) > 9:
                continue
            up = " ".join(words).upper()
            is_acronym = len(words) == 1 and single_word_ok(words[0])
            if len(words) == 1 and not is_acronym:
                continue
            if not (org_word.search(up) or is_acronym):
                continue
            surfaces = [words[0] if is_acronym else title_case(phrase), *acronyms]
            for s in surfaces:
                if s.lower() in seen:
                    continue
                seen.add(s.lower())
                rows.append((s, "ORGANIZATION", canonical if not is_acronym else canonical, "",
                             attrs(case_attr(s), role=role)))
    n = write_tsv(
        "organizations.tsv", "entities",
        sources=[SITREP_SOURCE + "; international organizations, national institutions and companies (company names as the companies write them) in conflict and business news",
                 PETRARCH_REF + ":Phoenix.International.actors.txt (organizations with IGO/NGO codes; people left out)"],
        licences=[SITREP_LICENCE, PETRARCH_LICENCE],
        columns=ENTITY_COLUMNS, rows=rows,
        notes=[f"The first {hand} rows are sitrep's hand list; the rest are converted from PETRARCH2.",
               "role: IGO (intergovernmental), NGO, GOV, MIL, SPY, LEG, COP, PTY, BUS (PETRARCH/CAMEO codes)."],
    )
    return n


def armed_groups():
    rows = []
    seen = set()
    for canonical, country, others in entity_pipe(ARMED_GROUPS, 3):
        for s in [canonical, *split_list(others)]:
            flags = [case_attr(s)]
            if s == "IS":  # also the verb "is" in headlines
                flags.append("ambiguous")
            rows.append((s, "ARMED_GROUP", canonical, country, attrs(*flags, role="REB")))
            seen.add(s.lower())
    hand = len(rows)
    for rec in read_actors("Phoenix.MilNonState.actors.txt"):
        code = rec.code or (rec.dated[0][0] if rec.dated else "")
        if not code:
            continue
        country = code[:3] if code[:3] in ISO3 else ""
        primary = clean_phrase(rec.primary)
        if not primary:
            continue
        canonical = keep_acronym(re.sub(r"_?\([^)]*\)_?", "_", primary).strip("_ "))
        if canonical.lower() in seen:
            continue
        for raw in [rec.primary, *rec.synonyms]:
            phrase = clean_phrase(raw)
            if not phrase:
                continue
            acronyms = [a for a in re.findall(r"\(([A-Z][A-Z-]{1,7})\)", phrase) if len(a) >= 3]
            phrase = re.sub(r"_?\([^)]*\)_?", "_", phrase).strip("_ ")
            words = phrase.replace("_", " ").split()
            if not words or len(words) > 10 or (len(words) == 1 and not single_word_ok(words[0])):
                continue
            surfaces = [title_case(phrase) if len(words) > 1 else words[0], *acronyms]
            for s in surfaces:
                if s.lower() in seen or len(s) < 3:
                    continue
                seen.add(s.lower())
                rows.append((s, "ARMED_GROUP", canonical, country, attrs(case_attr(s), role="REB")))
    return write_tsv(
        "armed-groups.tsv", "entities",
        sources=[SITREP_SOURCE + "; armed groups active since 2014 (and the best-known older ones)",
                 PETRARCH_REF + ":Phoenix.MilNonState.actors.txt"],
        licences=[SITREP_LICENCE, PETRARCH_LICENCE],
        columns=ENTITY_COLUMNS, rows=rows,
        notes=[f"The first {hand} rows are sitrep's hand list; the rest are converted from PETRARCH2 "
               "(which stops in 2014). country: where the group mainly operates, when clear."],
    )


def people():
    rows = []
    hand_names = set()
    for canonical, country, title, role, years, others, surnames in entity_pipe(PEOPLE, 7):
        start = end = None
        if years and years != "-":
            start, end = (int(y) for y in years.split("-"))
        a = dict(title=title or None, role=role or None)
        for s in [canonical, *split_list(others)]:
            rows.append((s, "PERSON", canonical, country, attrs(case_attr(s), **a, **{"from": start, "to": end})))
            hand_names.add(s.upper())
        for s in split_list(surnames):
            rows.append((s, "PERSON", canonical, country, attrs("surname", "case", **a)))
    hand = len(rows)
    # PETRARCH2 country leaders (CountryInfo records): people with a dated government role
    # that reaches 2010 or later. Earlier leaders are left out to keep the file to people who
    # still appear in the news.
    for rec in read_actors("Phoenix.Countries.actors.txt"):
        if "CountryInfo" not in rec.comment:
            continue
        primary = clean_phrase(rec.primary)
        if not primary:
            continue
        spans = []
        for code, restriction in rec.dated:
            if len(code) < 6 or code[:3] not in ISO3 or code[3:6] not in ("GOV", "MIL"):
                continue
            m = re.fullmatch(r"(\d{6,8})-(\d{6,8})", restriction)
            if m:
                spans.append((code, parse_date(m.group(1)), parse_date(m.group(2))))
            elif restriction.startswith(">"):
                spans.append((code, parse_date(restriction[1:]), None))
        if not spans:
            continue
        latest = max(spans, key=lambda s: s[2] or 9999)
        code, start, end = latest
        if (end or 9999) < 2010:
            continue
        canonical = title_case(primary)
        if canonical.upper() in hand_names:
            continue
        start = min(s[1] for s in spans if s[0] == code and s[1]) if start else None
        for raw in [rec.primary, *rec.synonyms]:
            phrase = clean_phrase(raw)
            if not phrase or len(phrase.replace("_", " ").split()) < 2:
                continue  # surname-only surfaces are left to the engine's coreference
            s = title_case(phrase)
            if s.upper() in hand_names:
                continue
            rows.append((s, "PERSON", canonical, code[:3],
                         attrs(role=code[3:6], **{"from": start, "to": min(end, 2014) if end else None})))
    return write_tsv(
        "people.tsv", "entities",
        sources=[SITREP_SOURCE + "; heads of state and government, ministers, envoys, commanders (2015-2025)",
                 PETRARCH_REF + ":Phoenix.Countries.actors.txt (leaders with a government role reaching 2010 or later)"],
        licences=[SITREP_LICENCE, PETRARCH_LICENCE],
        columns=ENTITY_COLUMNS, rows=rows,
        notes=[f"The first {hand} rows are sitrep's hand list. from/to: years of the office in title=. "
               "PETRARCH2 rows stop in 2014 (to= is capped there: later terms are unknown to it).",
               "surname: a surname alone that is famous enough to match by itself (always with case)."],
    )


MINIST_FORMS = ["minister", "ministry"]
PERSON_FORMS = ["man", "woman", "person"]
TITLE_HEADS = re.compile(r"\b(minister|secretary|spokes(man|woman|person)|president|chairman|chairwoman|general|"
                         r"commander|ambassador|envoy|governor|mayor|chief|director|premier|chancellor|"
                         r"senator|admiral|colonel|captain|marshal|prosecutor|judge|king|queen|emir|"
                         r"sheikh|sultan|prince|consul|attache|adviser|advisor|aide)$")
PERSON_HEAD = re.compile(r"(er|or|ist|ian|ant|ent|man|men|person|ee|ive|cian|arch|ite|ic)$")
INSTITUTION_HEAD = re.compile(r"(ministry|administration|body|unit|council|business|industry|airline|airway|"
                              r"company|association|committee|organization|office|department|agency|"
                              r"government|cabinet|court|party|union|bank|center|centre|group|force|army|"
                              r"navy|corps|regime|junta|state|school|college|university|hospital|media|"
                              r"press|station|network|program|programme|fund|commission|parliament|"
                              r"assembly|congress|senate|house|police|destroyer|freighter|newspaper|predator|"
                              r"tanker|carrier|helicopter|islamic|paper|letter|order|border|number|computer|"
                              r"container|water|poster|register|semester|theater|theatre|charter|quarter)$")


def title_word(word, index):
    """One word of a title as reported: "Editor in Chief", "Attorney-General", "NGO"."""
    if index > 0 and word in ("of", "the", "and", "for", "in", "on", "at", "to"):
        return word
    if word in ("ngo", "ngos", "it", "un", "eu"):
        return word.upper().replace("NGOS", "NGOs")
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def expand_agent(phrase):
    """Expands PETRARCH2 agent macros: !PERSON! (man, woman, person) and MINIST stems."""
    out = []
    p = phrase.lower().replace("_", " ").strip()
    forms = [p]
    if "!person!" in p:
        forms = [p.replace("!person!", f) for f in PERSON_FORMS]
    elif "!minist!" in p:
        forms = [p.replace("!minist!", "minister")]
    for f in forms:
        if f.endswith(" minist") or f == "minist":
            f = f + "er"
        out.append(re.sub(r"\s+", " ", f).strip())
    return out


def pluralize(word):
    if word.endswith(("man",)):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def agents():
    """(phrase, role, irregular plurals or None, no_plural) from Phoenix.agents.txt."""
    path_rows = []
    from common import PETRARCH
    import os
    with open(os.path.join(PETRARCH, "Phoenix.agents.txt"), "rb") as fh:
        text = fh.read().decode("latin-1")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("!") and "=" in line:
            continue
        m = re.match(r"(.+?)\s*(\{([^}]*)\})?\s*\[~?([A-Z]*)\]\s*$", line)
        if not m:
            continue
        phrase, braces, plurals, code = m.group(1).strip(), m.group(2), m.group(3), m.group(4)
        if not code or re.search(r"[^A-Za-z_!'.-]", phrase):
            continue
        irregular = [p.strip().lower().replace("_", " ") for p in (plurals or "").split() if p.strip()]
        no_plural = braces is not None and not irregular
        for form in expand_agent(phrase):
            path_rows.append((form, code[:3], irregular, no_plural))
    return path_rows


def groups_and_titles():
    group_rows = []
    seen_groups = set()
    for surfaces, canonical, role in entity_pipe(GROUPS, 3):
        for s in split_list(surfaces):
            group_rows.append((s, "GROUP", canonical, "", attrs(case_attr(s), role=role)))
            seen_groups.add(s.lower())
    hand_groups = len(group_rows)

    title_rows = []
    seen_titles = set()

    def add_title(phrase, canonical, role):
        if phrase in seen_titles:
            return
        seen_titles.add(phrase)
        title_rows.append((phrase, canonical, role))

    for phrase, canonical, role in entity_pipe(TITLES, 3):
        add_title(phrase, canonical, role)
        for a, b in (("defence", "defense"), ("defense", "defence")):
            if a in phrase:
                add_title(phrase.replace(a, b), canonical, role)
    # Deputy and acting forms of the ministerial and secretarial titles.
    for phrase, canonical, role in list(title_rows):
        if re.search(r"(minister|secretary)$", phrase) and not phrase.startswith(("deputy", "first")):
            add_title("deputy " + phrase, "Deputy " + canonical, role)
            add_title("acting " + phrase, "Acting " + canonical, role)
    hand_titles = len(title_rows)

    for phrase, role, irregular, no_plural in agents():
        words = phrase.split()
        if not words or len(words) > 5 or any(len(w) > 20 for w in words):
            continue
        head = words[-1]
        if TITLE_HEADS.search(head) and not phrase.startswith(("former ", "ex ", "office of ")):
            canonical = " ".join(title_word(w, i) for i, w in enumerate(words))
            add_title(phrase, canonical, role)
            for a, b in (("defence", "defense"), ("defense", "defence")):
                if a in phrase:
                    add_title(phrase.replace(a, b), canonical, role)
            continue
        if INSTITUTION_HEAD.search(head) or not PERSON_HEAD.search(head):
            continue
        plural = irregular or ([] if no_plural else [" ".join(words[:-1] + [pluralize(head)])])
        canonical = plural[0] if plural else phrase
        for s in [*plural, phrase]:
            if s.lower() in seen_groups:
                continue
            seen_groups.add(s.lower())
            group_rows.append((s, "GROUP", canonical, "", attrs(role=role)))

    n_groups = write_tsv(
        "groups.tsv", "entities",
        sources=[SITREP_SOURCE + "; group nouns of conflict news",
                 PETRARCH_REF + ":Phoenix.agents.txt (person nouns with their agent codes; plurals generated "
                 "by PETRARCH's rules: +s, y->ies, +es after s/x/ch/sh, man->men, {irregular} forms)"],
        licences=[SITREP_LICENCE, PETRARCH_LICENCE],
        columns=ENTITY_COLUMNS, rows=group_rows,
        notes=[f"The first {hand_groups} rows are sitrep's hand list. role: the agent's primary CAMEO role "
               "(first three letters of its PETRARCH code)."],
    )
    n_titles = write_tsv(
        "titles.tsv", "titles",
        sources=[SITREP_SOURCE + "; English news titles, with British and American spellings",
                 PETRARCH_REF + ":Phoenix.agents.txt (agents whose head noun is an office: minister, spokesman, ...)"],
        licences=[SITREP_LICENCE, PETRARCH_LICENCE],
        columns=TITLE_COLUMNS, rows=title_rows,
        notes=[f"The first {hand_titles} rows are sitrep's hand list. Phrases are lower case; the engine "
               "matches them case-insensitively before a name."],
    )
    return n_groups, n_titles


def build():
    counts = {}
    counts["organizations.tsv"] = organizations()
    counts["armed-groups.tsv"] = armed_groups()
    counts["people.tsv"] = people()
    counts["groups.tsv"], counts["titles.tsv"] = groups_and_titles()
    return counts
