"""Hand-compiled lexicons: conflict places and regions, government metonyms, media.

Each table is written out here from public records (official sites, encyclopedias, atlases);
facts only, the selection and wording are sitrep's. Format of the tables below: one entry per
line, fields separated by " | ", alternative surfaces separated by ";".
"""

from __future__ import annotations

from common import SITREP_LICENCE, SITREP_SOURCE, write_tsv

ENTITY_COLUMNS = ["surface", "kind", "canonical", "country", "attrs"]

# canonical | kind | country | other surfaces | attrs
PLACES_EXTRA = """
Donbas | REGION | UKR | Donbass;Donets Basin |
Donetsk Oblast | REGION | UKR | Donetsk region;Donetsk province |
Luhansk Oblast | REGION | UKR | Luhansk region;Lugansk region;Luhansk province |
Luhansk | CITY | UKR | Lugansk | pop=401297
Crimea | REGION | UKR | Crimean Peninsula;Crimean peninsula;Krym |
Zaporizhzhia Oblast | REGION | UKR | Zaporizhzhia region;Zaporizhia region;Zaporizhzhia province |
Zaporizhzhia Nuclear Power Plant | REGION | UKR | Zaporizhzhia nuclear plant;Zaporizhzhia nuclear power plant;Zaporizhzhia NPP;ZNPP |
Kherson Oblast | REGION | UKR | Kherson region;Kherson province |
Kharkiv Oblast | REGION | UKR | Kharkiv region;Kharkov region;Kharkiv province |
Sumy Oblast | REGION | UKR | Sumy region |
Dnipropetrovsk Oblast | REGION | UKR | Dnipropetrovsk region |
Mykolaiv Oblast | REGION | UKR | Mykolaiv region |
Odesa Oblast | REGION | UKR | Odesa region;Odessa region |
Chernihiv Oblast | REGION | UKR | Chernihiv region |
Kyiv Oblast | REGION | UKR | Kyiv region |
Bakhmut | CITY | UKR | Artemivsk;Artyomovsk | pop=71094
Avdiivka | CITY | UKR | Avdeyevka | pop=31940
Pokrovsk | CITY | UKR | Krasnoarmeysk | pop=60127
Kupiansk | CITY | UKR | Kupyansk | pop=26599
Toretsk | CITY | UKR | Dzerzhinsk | pop=30914
Chasiv Yar | CITY | UKR | Chasov Yar | pop=12000
Vuhledar | CITY | UKR | Ugledar | pop=14000
Bucha | CITY | UKR |  | pop=37000
Irpin | CITY | UKR | Irpen | pop=62000
Izium | CITY | UKR | Izyum | pop=45000
Lyman | CITY | UKR |  | pop=20000
Kursk Oblast | REGION | RUS | Kursk region;Kursk province |
Belgorod Oblast | REGION | RUS | Belgorod region;Belgorod province |
Bryansk Oblast | REGION | RUS | Bryansk region |
Sudzha | CITY | RUS |  | pop=5500
Kerch Strait | REGION |  | Kerch Strait Bridge;Crimean Bridge |
Black Sea | REGION |  |  |
Sea of Azov | REGION |  | Azov Sea |
Red Sea | REGION |  |  |
Gulf of Aden | REGION |  |  |
Bab el-Mandeb | REGION |  | Bab al-Mandab;Bab-el-Mandeb |
Strait of Hormuz | REGION |  | Hormuz Strait |
Persian Gulf | REGION |  | Arabian Gulf;the Gulf |
Mediterranean | REGION |  | Mediterranean Sea;Eastern Mediterranean |
Baltic Sea | REGION |  | Baltic |
South China Sea | REGION |  |  |
East China Sea | REGION |  |  |
Taiwan Strait | REGION |  | Taiwan Straits |
Sahel | REGION |  |  |
Middle East | REGION |  | Mideast |
Gaza Strip | REGION | PSE | Gaza strip;Gaza Strip's |
Gaza | REGION | PSE |  |
West Bank | REGION | PSE | occupied West Bank |
East Jerusalem | REGION | PSE |  |
Rafah | CITY | PSE |  | pop=171889
Khan Younis | CITY | PSE | Khan Yunis;Khan Yunus | pop=205125
Deir al-Balah | CITY | PSE | Deir el-Balah;Deir al Balah | pop=75000
Jabalia | CITY | PSE | Jabaliya;Jabalya | pop=56000
Beit Lahia | CITY | PSE | Beit Lahiya | pop=89838
Beit Hanoun | CITY | PSE | Beit Hanun | pop=52000
Nuseirat | CITY | PSE |  | pop=84000
Jenin | CITY | PSE |  | pop=39000
Tulkarm | CITY | PSE | Tulkarem | pop=51300
Ramallah | CITY | PSE |  | pop=38998
Philadelphi Corridor | REGION | PSE | Philadelphi corridor |
Netzarim Corridor | REGION | PSE | Netzarim corridor |
Golan Heights | REGION | SYR | Golan |
Sinai | REGION | EGY | Sinai Peninsula |
Negev | REGION | ISR |  |
Idlib | REGION | SYR | Idlib province;Idleb |
Deir ez-Zor | REGION | SYR | Deir ez-Zour;Deir el-Zour;Deir al-Zor;Deir Ezzor |
Raqqa | CITY | SYR | Raqqah;Ar Raqqah | pop=177636
Latakia | CITY | SYR | Lattakia | pop=340181
Tartus | CITY | SYR | Tartous | pop=115769
Kobani | CITY | SYR | Kobane;Ain al-Arab | pop=44821
Afrin | CITY | SYR |  | pop=36562
Hasakah | CITY | SYR | Al-Hasakah;Hasakeh | pop=188160
Southern Lebanon | REGION | LBN | south Lebanon;southern Lebanon;South Lebanon |
Bekaa Valley | REGION | LBN | Bekaa |
Kurdistan Region | REGION | IRQ | Iraqi Kurdistan;Kurdistan region |
Anbar | REGION | IRQ | Anbar province;al-Anbar |
Nineveh | REGION | IRQ | Nineveh province;Ninawa |
Erbil | CITY | IRQ | Arbil;Irbil | pop=932800
Marib | REGION | YEM | Ma'rib |
Hodeidah Governorate | REGION | YEM | Hodeidah province |
Darfur | REGION | SDN | North Darfur;South Darfur;West Darfur |
El Fasher | CITY | SDN | al-Fashir;El-Fasher;Al Fasher | pop=264734
Kordofan | REGION | SDN | North Kordofan;South Kordofan |
Tigray | REGION | ETH | Tigray region |
Amhara | REGION | ETH | Amhara region |
North Kivu | REGION | COD |  |
South Kivu | REGION | COD |  |
Ituri | REGION | COD | Ituri province |
Goma | CITY | COD |  | pop=670000
Bukavu | CITY | COD |  | pop=870000
Cabo Delgado | REGION | MOZ |  |
Borno | REGION | NGA | Borno State |
Rakhine | REGION | MMR | Rakhine State;Arakan |
Shan State | REGION | MMR |  |
Kashmir | REGION |  | Jammu and Kashmir |
Balochistan | REGION | PAK | Baluchistan |
Khyber Pakhtunkhwa | REGION | PAK |  |
Waziristan | REGION | PAK | North Waziristan;South Waziristan |
Nagorno-Karabakh | REGION | AZE | Karabakh;Nagorno Karabakh |
Abkhazia | REGION | GEO |  |
South Ossetia | REGION | GEO |  |
Transnistria | REGION | MDA | Transdniestria |
Chechnya | REGION | RUS | Chechen Republic |
Dagestan | REGION | RUS |  |
Xinjiang | REGION | CHN |  |
Tibet | REGION | CHN |  |
Kaliningrad Oblast | REGION | RUS | Kaliningrad region |
Western Balkans | REGION |  |  |
Horn of Africa | REGION |  |  |
Arctic | REGION |  |  |
"""

# Seats of government standing for the government: canonical | country | other surfaces | attrs
METONYMS = """
Washington | USA |  |
White House | USA |  |
Pentagon | USA |  |
State Department | USA | US State Department;U.S. State Department;Department of State |
Capitol Hill | USA |  |
Foggy Bottom | USA |  |
Langley | USA |  | ambiguous
Oval Office | USA |  |
Kremlin | RUS |  |
Downing Street | GBR | Number 10;No 10;No. 10 |
Whitehall | GBR |  |
Foreign Office | GBR | Foreign, Commonwealth and Development Office;FCDO |
Elysee | FRA | Élysée;Elysee Palace;Élysée Palace |
Quai d'Orsay | FRA |  |
Matignon | FRA |  |
Chancellery | DEU | German Chancellery |
Zhongnanhai | CHN |  |
Blue House | KOR | Cheong Wa Dae |
Yongsan | KOR |  |
Kantei | JPN |  |
Kasumigaseki | JPN |  |
Bankova | UKR |  |
Quirinale | ITA | Quirinal |
Palazzo Chigi | ITA |  |
Moncloa | ESP | Moncloa Palace |
Casa Rosada | ARG |  |
Planalto | BRA | Planalto Palace |
Los Pinos | MEX |  |
Palacio Nacional | MEX |  |
Miraflores | VEN | Miraflores Palace |
Knesset | ISR |  |
Beit Aghion | ISR |  |
Muqataa | PSE | Mukataa |
Baabda | LBN | Baabda Palace |
Bellevue Palace | DEU | Schloss Bellevue |
Rideau Hall | CAN |  |
Parliament Hill | CAN |  |
Ottawa | CAN |  |
Canberra | AUS |  |
"""

# Media and channels: canonical | country | other surfaces | attrs (applied to every surface)
MEDIA = """
Facebook | USA |  |
Telegram |  |  |
X |  | X.com | case;ambiguous
Twitter | USA |  |
Instagram | USA |  |
YouTube | USA |  |
TikTok | CHN |  |
WhatsApp | USA |  |
Truth Social | USA |  |
Threads | USA |  | ambiguous
Bluesky | USA |  |
VKontakte | RUS | VK |
Weibo | CHN |  |
WeChat | CHN |  |
Fox News | USA | Fox News Channel |
CNN | USA | CNN International |
BBC | GBR | BBC News;British Broadcasting Corporation;BBC World Service |
Reuters | GBR | Reuters news agency |
Associated Press | USA | AP | 
Agence France-Presse | FRA | AFP;Agence France Presse |
TASS | RUS | Tass;ITAR-TASS |
RIA Novosti | RUS | RIA |
Interfax | RUS | Interfax-Ukraine |
RT | RUS | Russia Today | 
Sputnik | RUS |  |
Channel One | RUS | Channel One Russia;Perviy Kanal |
Rossiya 1 | RUS | Rossiya-1 |
Izvestia | RUS |  |
Kommersant | RUS |  |
Meduza | LVA |  |
Ukrinform | UKR |  |
Ukrainska Pravda | UKR |  |
Kyiv Independent | UKR | The Kyiv Independent |
Suspilne | UKR |  |
Al Jazeera | QAT | Al-Jazeera |
Al Arabiya | SAU | Al-Arabiya |
Al-Monitor | USA | Al Monitor |
Xinhua | CHN | Xinhua News Agency |
CCTV | CHN | China Central Television |
Global Times | CHN |  |
People's Daily | CHN |  |
New York Post | USA | NY Post |
New York Times | USA | The New York Times;NYT |
Washington Post | USA | The Washington Post |
Wall Street Journal | USA | The Wall Street Journal;WSJ |
Politico | USA |  |
Axios | USA |  |
NBC | USA | NBC News |
CBS | USA | CBS News |
ABC News | USA | ABC |
MSNBC | USA |  |
NPR | USA | National Public Radio |
PBS | USA |  |
CNBC | USA |  |
Bloomberg | USA | Bloomberg News |
Newsmax | USA |  |
Breitbart | USA |  |
The Atlantic | USA |  |
The New Yorker | USA |  |
USA Today | USA |  |
Los Angeles Times | USA | LA Times |
Sky News | GBR |  |
The Guardian | GBR |  |
The Times | GBR |  |
The Telegraph | GBR | Daily Telegraph |
Financial Times | GBR | FT |
The Economist | GBR |  |
The Independent | GBR |  |
Daily Mail | GBR |  |
Deutsche Welle | DEU | DW |
Der Spiegel | DEU | Spiegel |
Bild | DEU |  |
Le Monde | FRA |  |
Le Figaro | FRA |  |
France 24 | FRA | France24 |
Euronews | FRA |  |
ANSA | ITA |  |
EFE | ESP |  |
Kyodo | JPN | Kyodo News |
NHK | JPN |  |
Yonhap | KOR | Yonhap News Agency |
KCNA | PRK | Korean Central News Agency |
IRNA | IRN | Islamic Republic News Agency |
Tasnim | IRN | Tasnim News Agency |
Fars | IRN | Fars News Agency |
Press TV | IRN |  |
Anadolu | TUR | Anadolu Agency |
Haaretz | ISR |  |
Times of Israel | ISR | The Times of Israel |
Jerusalem Post | ISR | The Jerusalem Post |
Ynet | ISR |  |
Channel 12 | ISR |  |
Kan | ISR | Kan public broadcaster | case
WAFA | PSE | Wafa |
Al Mayadeen | LBN |  |
Al-Manar | LBN | Al Manar |
SANA | SYR | Syrian Arab News Agency |
Saudi Press Agency | SAU | SPA |
Dawn | PAK |  | case;ambiguous
Press Trust of India | IND | PTI |
NDTV | IND |  |
Times of India | IND | The Times of India |
Hindustan Times | IND |  |
Yomiuri | JPN | Yomiuri Shimbun |
Asahi | JPN | Asahi Shimbun |
South China Morning Post | HKG | SCMP |
CBC | CAN | CBC News |
ABC Australia | AUS | Australian Broadcasting Corporation |
Radio Free Europe | USA | Radio Free Europe/Radio Liberty;RFE/RL |
Voice of America | USA | VOA |
state TV | | state television;state-run TV;state-run television;state broadcaster;state media |
"""


def parse(table, has_kind=False):
    """Yields (canonical, kind, country, surfaces, attrs) from a pipe table."""
    for line in table.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        if has_kind:
            canonical, kind, country, others, flags = (parts + [""] * 5)[:5]
        else:
            canonical, country, others, flags = (parts + [""] * 4)[:4]
            kind = None
        surfaces = [canonical] + [s.strip() for s in others.split(";") if s.strip()]
        yield canonical, kind, country, surfaces, flags


def case_flag(surface, flags):
    """Adds `case` to short all-caps acronyms ("AP", "RT", "FT")."""
    parts = [f for f in flags.split(";") if f]
    letters = surface.replace(".", "").replace("/", "")
    if letters.isupper() and len(letters) <= 4 and "case" not in parts:
        parts.append("case")
    return ";".join(parts)


def build():
    counts = {}
    rows = []
    for canonical, kind, country, surfaces, flags in parse(PLACES_EXTRA, has_kind=True):
        for s in surfaces:
            rows.append((s, kind, canonical, country, flags))
    counts["places-extra.tsv"] = write_tsv(
        "places-extra.tsv", "entities", [SITREP_SOURCE + "; conflict places and regions, seas and straits"],
        [SITREP_LICENCE], ENTITY_COLUMNS, rows,
        notes=["Populations are approximate pre-war or census figures, for ranking only."],
    )

    rows = []
    for canonical, _, country, surfaces, flags in parse(METONYMS):
        for s in surfaces:
            rows.append((s, "GOVERNMENT", canonical, country, flags))
    counts["metonyms.tsv"] = write_tsv(
        "metonyms.tsv", "entities", [SITREP_SOURCE + "; seats of government used for governments"],
        [SITREP_LICENCE], ENTITY_COLUMNS, rows,
        notes=["Capitals are CITY rows in places.tsv; the engine decides from context when a capital "
               "stands for its government. Washington, Ottawa and Canberra are listed here too because "
               "news uses them for the government more often than for the city."],
    )

    rows = []
    for canonical, _, country, surfaces, flags in parse(MEDIA):
        for s in surfaces:
            rows.append((s, "MEDIA", canonical, country, case_flag(s, flags)))
    counts["media.tsv"] = write_tsv(
        "media.tsv", "entities", [SITREP_SOURCE + "; news outlets, agencies and social networks"],
        [SITREP_LICENCE], ENTITY_COLUMNS, rows,
        notes=["country: where the outlet is based or owned, when clear."],
    )
    return counts

