"""Generate data/gazetteers/countries.jsonl from ISO 3166-1 (pycountry) plus hand-kept tables.

pycountry is a generation-only dependency; run this from a throwaway virtualenv:

    python3 -m venv /tmp/gazvenv && /tmp/gazvenv/bin/pip install pycountry
    /tmp/gazvenv/bin/python scripts/gazetteer/build_countries.py

The tables below (common English names, aliases, demonyms, capitals, bloc memberships and the
Wikidata QIDs we are certain of) are the part people edit; the ISO list is the skeleton.
Bloc names must match canonical names in blocs.jsonl.
"""
from __future__ import annotations

import json
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[2] / "data" / "gazetteers" / "countries.jsonl"

# canonical English name where the ISO short name is not what the news writes
NAME = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CZ": "Czech Republic", "FK": "Falkland Islands",
    "FM": "Micronesia", "IR": "Iran", "KR": "South Korea", "KP": "North Korea", "LA": "Laos",
    "MD": "Moldova", "MO": "Macau", "PS": "Palestine", "RU": "Russia", "SY": "Syria",
    "TW": "Taiwan", "TZ": "Tanzania", "TR": "Turkey", "VA": "Vatican City", "VE": "Venezuela",
    "VG": "British Virgin Islands", "VI": "United States Virgin Islands", "VN": "Vietnam",
    "SX": "Sint Maarten", "MF": "Saint Martin", "CV": "Cape Verde", "PN": "Pitcairn Islands",
    "ST": "São Tomé and Príncipe", "CI": "Côte d'Ivoire", "SZ": "Eswatini", "TL": "Timor-Leste",
    "GM": "The Gambia", "BS": "The Bahamas", "MM": "Myanmar", "PH": "Philippines",
}
# extra aliases (short forms, older names, acronyms used in news)
ALIASES = {
    "US": ["United States of America", "U.S.", "US", "U.S.A.", "USA", "America"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "CN": ["People's Republic of China", "PRC", "P.R.C.", "mainland China", "Mainland China"],
    "TW": ["Republic of China", "ROC", "Chinese Taipei"],
    "KR": ["Republic of Korea", "ROK", "S. Korea"],
    "KP": ["Democratic People's Republic of Korea", "DPRK", "N. Korea"],
    "RU": ["Russian Federation"], "TR": ["Türkiye", "Turkiye", "Republic of Türkiye"],
    "CZ": ["Czechia"], "NL": ["Holland", "Kingdom of the Netherlands", "the Netherlands"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "SA": ["KSA"], "VN": ["Viet Nam"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Congo, The Democratic Republic of the"],
    "CG": ["Congo-Brazzaville"], "MM": ["Burma"], "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "SZ": ["Swaziland"], "MK": ["Macedonia"], "TL": ["East Timor"], "CV": ["Cabo Verde"],
    "VA": ["Holy See", "Vatican", "Holy See (Vatican City State)"], "MO": ["Macao"],
    "HK": ["Hong Kong SAR"], "PS": ["State of Palestine", "Palestinian territories"],
    "BN": ["Brunei Darussalam"], "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "GM": ["Gambia"], "BS": ["Bahamas"], "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"], "FK": ["Falkland Islands (Malvinas)", "Malvinas"],
    "DE": ["Federal Republic of Germany"], "FR": ["French Republic"],
}
# single-word names that are also lower-case English words: match only as written
CASE_SENSITIVE = {"CN", "JP", "TR", "TD", "GN", "CL", "PA", "JE", "GG", "RE", "BM", "CW"}
DEMONYMS = {
    "US": ["American", "U.S.", "US"], "GB": ["British", "U.K.", "UK"], "CN": ["Chinese"],
    "TW": ["Taiwanese"], "JP": ["Japanese"], "KR": ["South Korean", "Korean"], "KP": ["North Korean"],
    "IN": ["Indian"], "RU": ["Russian"], "DE": ["German"], "FR": ["French"], "IT": ["Italian"],
    "NL": ["Dutch"], "BE": ["Belgian"], "ES": ["Spanish"], "PT": ["Portuguese"], "IE": ["Irish"],
    "SE": ["Swedish"], "NO": ["Norwegian"], "FI": ["Finnish"], "DK": ["Danish"], "PL": ["Polish"],
    "CZ": ["Czech"], "SK": ["Slovak"], "HU": ["Hungarian"], "AT": ["Austrian"], "CH": ["Swiss"],
    "GR": ["Greek"], "RO": ["Romanian"], "BG": ["Bulgarian"], "HR": ["Croatian"], "SI": ["Slovenian"],
    "EE": ["Estonian"], "LV": ["Latvian"], "LT": ["Lithuanian"], "LU": ["Luxembourgish"],
    "MT": ["Maltese"], "CY": ["Cypriot"], "IS": ["Icelandic"], "UA": ["Ukrainian"],
    "BY": ["Belarusian"], "RS": ["Serbian"], "TR": ["Turkish"], "IL": ["Israeli"], "IR": ["Iranian"],
    "IQ": ["Iraqi"], "SA": ["Saudi"], "AE": ["Emirati"], "QA": ["Qatari"], "EG": ["Egyptian"],
    "ZA": ["South African"], "NG": ["Nigerian"], "KE": ["Kenyan"], "ET": ["Ethiopian"],
    "CA": ["Canadian"], "MX": ["Mexican"], "BR": ["Brazilian"], "AR": ["Argentine", "Argentinian"],
    "CL": ["Chilean"], "CO": ["Colombian"], "PE": ["Peruvian"], "VE": ["Venezuelan"], "CU": ["Cuban"],
    "AU": ["Australian"], "NZ": ["New Zealander"], "SG": ["Singaporean"], "MY": ["Malaysian"],
    "ID": ["Indonesian"], "TH": ["Thai"], "VN": ["Vietnamese"], "PH": ["Filipino", "Philippine"],
    "PK": ["Pakistani"], "BD": ["Bangladeshi"], "LK": ["Sri Lankan"], "NP": ["Nepali", "Nepalese"],
    "AF": ["Afghan"], "KZ": ["Kazakh"], "UZ": ["Uzbek"], "MN": ["Mongolian"], "MM": ["Burmese"],
    "KH": ["Cambodian"], "LA": ["Laotian"], "HK": ["Hong Konger", "Hongkonger"], "MO": ["Macanese"],
    "SY": ["Syrian"], "JO": ["Jordanian"], "LB": ["Lebanese"], "MA": ["Moroccan"], "DZ": ["Algerian"],
    "TN": ["Tunisian"], "LY": ["Libyan"], "GH": ["Ghanaian"], "GE": ["Georgian"], "AM": ["Armenian"],
    "AZ": ["Azerbaijani"], "MD": ["Moldovan"], "KW": ["Kuwaiti"], "OM": ["Omani"], "BH": ["Bahraini"],
    "YE": ["Yemeni"], "PS": ["Palestinian"], "SD": ["Sudanese"], "RW": ["Rwandan"], "UG": ["Ugandan"],
    "TZ": ["Tanzanian"], "SN": ["Senegalese"], "BO": ["Bolivian"], "EC": ["Ecuadorian"],
    "UY": ["Uruguayan"], "PY": ["Paraguayan"], "BN": ["Bruneian"], "AL": ["Albanian"],
    "BA": ["Bosnian"], "ME": ["Montenegrin"], "MK": ["Macedonian"], "KG": ["Kyrgyz"], "TJ": ["Tajik"],
    "TM": ["Turkmen"], "AO": ["Angolan"], "MZ": ["Mozambican"], "ZW": ["Zimbabwean"], "ZM": ["Zambian"],
}
# capitals (and seats of government) standing for the government in news
CAPITALS = {
    "US": ["Washington", "Washington, D.C."], "GB": ["London", "Whitehall", "Downing Street"],
    "CN": ["Beijing", "Zhongnanhai"], "TW": ["Taipei"], "JP": ["Tokyo"], "KR": ["Seoul"],
    "KP": ["Pyongyang"], "IN": ["New Delhi"], "RU": ["Moscow", "Kremlin"], "DE": ["Berlin"],
    "FR": ["Paris", "Élysée"], "IT": ["Rome"], "NL": ["The Hague", "Amsterdam"], "ES": ["Madrid"],
    "PT": ["Lisbon"], "IE": ["Dublin"], "SE": ["Stockholm"], "NO": ["Oslo"], "FI": ["Helsinki"],
    "DK": ["Copenhagen"], "PL": ["Warsaw"], "CZ": ["Prague"], "SK": ["Bratislava"], "HU": ["Budapest"],
    "AT": ["Vienna"], "CH": ["Bern"], "GR": ["Athens"], "RO": ["Bucharest"], "BG": ["Sofia"],
    "HR": ["Zagreb"], "SI": ["Ljubljana"], "EE": ["Tallinn"], "LV": ["Riga"], "LT": ["Vilnius"],
    "MT": ["Valletta"], "CY": ["Nicosia"], "IS": ["Reykjavik"], "UA": ["Kyiv", "Kiev"],
    "BY": ["Minsk"], "RS": ["Belgrade"], "TR": ["Ankara"], "IL": ["Jerusalem"], "IR": ["Tehran"],
    "IQ": ["Baghdad"], "SA": ["Riyadh"], "AE": ["Abu Dhabi"], "QA": ["Doha"], "EG": ["Cairo"],
    "ZA": ["Pretoria"], "NG": ["Abuja"], "KE": ["Nairobi"], "ET": ["Addis Ababa"], "CA": ["Ottawa"],
    "MX": ["Mexico City"], "BR": ["Brasília", "Brasilia"], "AR": ["Buenos Aires"], "CL": ["Santiago"],
    "CO": ["Bogotá", "Bogota"], "PE": ["Lima"], "VE": ["Caracas"], "CU": ["Havana"],
    "AU": ["Canberra"], "NZ": ["Wellington"], "MY": ["Kuala Lumpur"], "ID": ["Jakarta"],
    "TH": ["Bangkok"], "VN": ["Hanoi"], "PH": ["Manila"], "PK": ["Islamabad"], "BD": ["Dhaka"],
    "LK": ["Colombo"], "NP": ["Kathmandu"], "AF": ["Kabul"], "KZ": ["Astana"], "UZ": ["Tashkent"],
    "MN": ["Ulaanbaatar"], "MM": ["Naypyidaw"], "KH": ["Phnom Penh"], "LA": ["Vientiane"],
    "SY": ["Damascus"], "JO": ["Amman"], "LB": ["Beirut"], "MA": ["Rabat"], "DZ": ["Algiers"],
    "TN": ["Tunis"], "GH": ["Accra"], "GE": ["Tbilisi"], "AM": ["Yerevan"], "AZ": ["Baku"],
    "MD": ["Chisinau"], "OM": ["Muscat"], "BH": ["Manama"], "SD": ["Khartoum"], "RW": ["Kigali"],
    "UG": ["Kampala"], "SN": ["Dakar"], "CD": ["Kinshasa"], "AO": ["Luanda"], "ZW": ["Harare"],
}
# Wikidata QIDs we are certain of (others stay null; a wrong QID is worse than none)
QID = {
    "CN": "Q148", "US": "Q30", "GB": "Q145", "DE": "Q183", "FR": "Q142", "JP": "Q17", "IN": "Q668",
    "RU": "Q159", "TW": "Q865", "KR": "Q884", "KP": "Q423", "NL": "Q55", "IT": "Q38", "CA": "Q16",
    "AU": "Q408", "BR": "Q155", "IL": "Q801", "SG": "Q334", "IR": "Q794", "ES": "Q29", "SE": "Q34",
    "NO": "Q20", "FI": "Q33", "DK": "Q35", "PL": "Q36", "CH": "Q39", "AT": "Q40", "GR": "Q41",
    "BE": "Q31", "IE": "Q27", "PT": "Q45", "MX": "Q96", "TR": "Q43", "SA": "Q851", "AE": "Q878",
    "EG": "Q79", "ZA": "Q258", "ID": "Q252", "VN": "Q881", "TH": "Q869", "MY": "Q833",
    "PH": "Q928", "PK": "Q843", "UA": "Q212", "AR": "Q414", "NZ": "Q664", "HU": "Q28",
    "CZ": "Q213", "RO": "Q218", "EE": "Q191", "LV": "Q211", "LT": "Q37", "LU": "Q32", "IS": "Q189",
    "BG": "Q219", "HR": "Q224", "SI": "Q215", "SK": "Q214", "CY": "Q229", "MT": "Q233",
    "HK": "Q8646", "MO": "Q14773", "BY": "Q184", "KZ": "Q232", "CU": "Q241", "AF": "Q889",
    "IQ": "Q796", "SY": "Q858", "CL": "Q298", "NG": "Q1033", "KE": "Q114", "ET": "Q115",
}
EU = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"
NATO = ("AL BE BG CA HR CZ DK EE FI FR DE GR HU IS IT LV LT LU ME NL MK NO PL PT RO SK SI ES SE "
        "TR GB US")
OECD = ("AU AT BE CA CL CO CR CZ DK EE FI FR DE GR HU IS IE IL IT JP KR LV LT LU MX NL NZ NO PL PT "
        "SK SI ES SE CH TR GB US")
G20 = "AR AU BR CA CN FR DE IN ID IT JP MX RU SA ZA KR TR GB US"
WASSENAAR = ("AR AU AT BE BG CA HR CZ DK EE FI FR DE GR HU IN IE IT JP LV LT LU MT MX NL NZ NO PL PT "
             "KR RO RU SK SI ZA ES SE CH TR UA GB US")
AU = ("DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW "
      "ML MR MU MA MZ NA NE NG RW EH ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW")
BLOCS = {
    "European Union": EU, "NATO": NATO, "OECD": OECD, "G20": G20, "Wassenaar Arrangement": WASSENAAR,
    "African Union": AU, "G7": "US GB CA FR DE IT JP", "ASEAN": "BN KH ID LA MY MM PH SG TH VN TL",
    "Quad": "US JP IN AU", "AUKUS": "AU GB US", "Five Eyes": "US GB CA AU NZ",
    "BRICS": "BR RU IN CN ZA EG ET IR AE ID",
    "Shanghai Cooperation Organisation": "CN RU IN PK KZ KG TJ UZ IR BY",
    "Gulf Cooperation Council": "BH KW OM QA SA AE", "Mercosur": "AR BR PY UY BO",
    "CPTPP": "AU BN CA CL JP MY MX NZ PE SG VN GB",
    "APEC": "AU BN CA CL CN HK ID JP KR MY MX NZ PG PE PH RU SG TW TH US VN",
    "European Free Trade Association": "IS LI NO CH",
}
# ISO entries that are not UN member states (territories, observers, Taiwan)
NOT_UN = ("AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GU HK HM IM IO JE KY MF "
          "MO MP MQ MS NC NF NU PF PM PN PR PS RE SH SJ SX TC TF TK TW UM VA VG VI WF YT GS")


def main() -> None:
    members: dict[str, list[str]] = {}
    for bloc, codes in BLOCS.items():
        for c in codes.split():
            members.setdefault(c, []).append(bloc)
    not_un = set(NOT_UN.split())
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        a2 = c.alpha_2
        name = NAME.get(a2) or getattr(c, "common_name", None) or c.name
        aliases = list(ALIASES.get(a2, []))
        for extra in (c.name, getattr(c, "official_name", None)):
            if extra and "," not in extra and extra != name and a2 not in ("TW",):
                aliases.append(extra)
        if a2 in ("CG",):  # "Congo" alone is ambiguous between the two Congos
            aliases = [a for a in aliases if a != "Congo"]
        blocs = sorted(set(members.get(a2, [])) | ({"United Nations"} if a2 not in not_un else set()))
        row = {"name": name, "type": "Country", "aliases": list(dict.fromkeys(a for a in aliases if a != name)),
               "qid": QID.get(a2), "iso2": a2, "iso3": c.alpha_3,
               "demonyms": DEMONYMS.get(a2, []), "capitals": CAPITALS.get(a2, []), "member_of": blocs}
        if a2 in CASE_SENSITIVE:
            row["case_sensitive"] = True
        rows.append(row)
    rows.append({"name": "Kosovo", "type": "Country", "aliases": ["Republic of Kosovo"], "qid": None,
                 "iso2": "XK", "iso3": "XKX", "demonyms": ["Kosovar"], "capitals": ["Pristina"],
                 "member_of": []})
    un = sum("United Nations" in r["member_of"] for r in rows)
    assert un == 193, un
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} countries -> {OUT}")


if __name__ == "__main__":
    main()
