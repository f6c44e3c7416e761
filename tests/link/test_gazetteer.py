"""Gazetteer data and loader: every file validates, counts meet the brief, lookups follow the rules."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import spacy
from spacy.lang.en.stop_words import STOP_WORDS

from kg.errors import ConfigError
from kg.ids import entity_key
from kg.link import names
from kg.link.gazetteer import DEFAULT_DIR, FILES, GazEntry, Gazetteer, default_gazetteer
from kg.models import ENTITY_TYPES, RELATION_PREDICATES, SECTORS

QID = re.compile(r"^Q[1-9][0-9]*$")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def ruler_nlp(gaz):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gaz.ruler_patterns())
    return nlp


def _raw_lines():
    for fname in FILES:
        path = DEFAULT_DIR / fname
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield fname, n, json.loads(line)


# ---------------------------------------------------------------- data validity
def test_gazetteer_every_file_exists_and_parses():
    present = {p.name for p in DEFAULT_DIR.glob("*.jsonl")}
    assert set(FILES) <= present, set(FILES) - present
    lines = list(_raw_lines())
    assert all(isinstance(raw, dict) for _, _, raw in lines)


def test_gazetteer_types_match_their_file(gaz):
    for fname, n, raw in _raw_lines():
        assert raw["type"] == FILES[fname], f"{fname}:{n}"
        assert raw["type"] in ENTITY_TYPES


def test_gazetteer_sectors_are_known(gaz):
    for e in gaz.entries:
        assert set(e.sectors) <= set(SECTORS), e.name


def test_gazetteer_qids_are_wellformed_and_unique(gaz):
    qids = [e.qid for e in gaz.entries if e.qid]
    assert all(QID.match(q) for q in qids)
    assert [q for q, c in Counter(qids).items() if c > 1] == []


def test_gazetteer_references_resolve_to_entries_of_the_right_type(gaz):
    for e in gaz.entries:
        if e.parent:
            assert gaz.by_name(e.parent).type in ("Country", "Bloc"), e.name
        if e.country:
            assert gaz.by_name(e.country).type in ("Country", "Bloc"), e.name
        for b in e.member_of:
            assert gaz.by_name(b).type == "Bloc", (e.name, b)
        if e.subsidiary_of:
            assert gaz.by_name(e.subsidiary_of).type == "Company", e.name
        for t in e.produces:
            assert gaz.by_name(t).type == "Technology", (e.name, t)
        if e.works_for:
            assert gaz.by_name(e.works_for).type != "Person", e.name
        if e.leads:
            assert gaz.by_name(e.leads).type != "Person", e.name


def test_gazetteer_no_company_produces_a_network_standard(gaz):
    # docs/gazetteers.md: "produces" names a company's own products; a standard it supplies equipment for
    # ("barred Huawei and ZTE from its 5G network") is no product of the company
    standards = re.compile(r"^(?:[2-6]G|LTE|4G LTE|Wi-?Fi|Bluetooth)$", re.I)
    assert [(e.name, t) for e in gaz.entries for t in e.produces if standards.match(t)] == []


def test_gazetteer_no_surface_form_belongs_to_two_entries(gaz):
    owners: dict[tuple[str, str], set[str]] = {}
    for e in gaz.entries:
        for f in e.surface_forms():
            owners.setdefault(names.match_key(f, e.strict_case), set()).add(e.key)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_gazetteer_case_insensitive_single_words_are_not_stop_words(gaz):
    for e in gaz.entries:
        for f in e.surface_forms():
            kind, key = names.match_key(f, e.strict_case)
            if kind == "ci" and " " not in key:
                assert key not in STOP_WORDS, (e.name, f)


@pytest.mark.parametrize("word", ["Arm", "Meta", "Apple", "Amazon", "China", "Turkey", "Congress", "Musk", "Intel", "Oracle", "Tesla", "Mistral"])
def test_gazetteer_common_word_names_are_case_sensitive(gaz, word):
    assert gaz.lookup(word) is not None
    assert gaz.lookup(word.lower()) is None


def test_gazetteer_counts_meet_minimums(gaz):
    by_type = Counter(e.type for e in gaz.entries)
    assert by_type["Country"] >= 190
    assert by_type["Company"] + by_type["ResearchOrganization"] >= 250
    jurisdictions = {e.parent for e in gaz.of_type("GovernmentBody")}
    assert len(jurisdictions) >= 15
    assert {"United States", "China", "European Union", "United Kingdom", "Japan", "South Korea",
            "Taiwan", "Netherlands", "Germany", "France", "Italy", "India", "Canada", "Australia",
            "Russia", "Singapore", "Israel", "Brazil"} <= jurisdictions
    for t in ENTITY_TYPES:
        assert by_type[t] > 0, t


def test_gazetteer_every_iso_country_has_codes(gaz):
    countries = gaz.of_type("Country")
    assert all(c.iso2 and c.iso3 for c in countries)
    assert len({c.iso2 for c in countries}) == len(countries)


# ---------------------------------------------------------------- lookups
@pytest.mark.parametrize("surface,name", [
    ("the U.S.", "United States"), ("U.S.", "United States"), ("US", "United States"),
    ("USA", "United States"), ("America", "United States"), ("China's", "China"),
    ("China’s", "China"), ("PRC", "China"), ("mainland China", "China"), ("UK", "United Kingdom"),
    ("Britain", "United Kingdom"), ("the U.K.", "United Kingdom"), ("South Korea", "South Korea"),
    ("Türkiye", "Turkey"), ("Turkiye", "Turkey"), ("Czechia", "Czech Republic"),
    ("Vietnam", "Vietnam"), ("Iran", "Iran"), ("Russia", "Russia"), ("Taiwan", "Taiwan"),
    ("EU", "European Union"), ("the EU's", "European Union"), ("Nato", "NATO"),
    ("Wassenaar", "Wassenaar Arrangement"), ("BIS", "Bureau of Industry and Security"),
    ("bureau of industry and security", "Bureau of Industry and Security"),
    ("MOFCOM", "Ministry of Commerce"), ("CAC", "Cyberspace Administration of China"),
    ("METI", "Ministry of Economy, Trade and Industry"),
    ("Garante", "Garante per la protezione dei dati personali"), ("CFIUS", "Committee on Foreign Investment in the United States"),
    ("OFAC", "Office of Foreign Assets Control"), ("State Department", "Department of State"),
    ("Commerce Department", "Department of Commerce"), ("FCC", "Federal Communications Commission"),
    ("European Commission", "European Commission"), ("Alibaba Group", "Alibaba"),
    ("deepseek", "DeepSeek"), ("DEEPSEEK", "DeepSeek"), ("Google DeepMind", "Google DeepMind"),
    ("TSMC", "TSMC"), ("Taiwan Semiconductor Manufacturing Co.", "TSMC"), ("SK Hynix", "SK Hynix"),
    ("YMTC", "YMTC"), ("Tsinghua", "Tsinghua University"), ("MIT", "Massachusetts Institute of Technology"),
    ("CSET", "Center for Security and Emerging Technology"), ("Meng", "Meng Wanzhou"),
    ("Meng Wanzhou extradition case", "Meng Wanzhou case"), ("AI Act", "EU AI Act"),
    ("CHIPS Act", "CHIPS and Science Act"), ("EAR", "Export Administration Regulations"),
    ("PIPL", "Personal Information Protection Law"), ("GDPR", "General Data Protection Regulation"),
    ("Executive Order 14110", "Executive Order 14110"), ("HBM", "high-bandwidth memory"),
    ("H20", "H20 chips"), ("DUV", "DUV lithography"), ("open weight models", "open-weight models"),
    ("rare earth elements", "rare earths"), ("top AI researchers", "AI researchers"),
    ("AI talent", "AI researchers"), ("chip engineers", "semiconductor engineers"),
])
def test_gazetteer_lookup_aliases(gaz, surface, name):
    hit = gaz.lookup(surface)
    assert hit is not None, surface
    assert hit.name == name


@pytest.mark.parametrize("surface", ["us", "bis", "Bis", "cac", "arm", "meta", "house", "the", "", "   ",
                                     "researchers", "Congo", "Korea"])
def test_gazetteer_lookup_rejects_common_words_and_ambiguous_names(gaz, surface):
    assert gaz.lookup(surface) is None


def test_gazetteer_lookup_types(gaz):
    assert gaz.lookup("Wassenaar Arrangement").type == "Bloc"
    assert gaz.lookup("Meng Wanzhou").type == "Person"
    assert gaz.lookup("Meng Wanzhou case").type == "LegalCase"
    assert gaz.lookup("nuclear physicists").type == "Group"
    assert gaz.lookup("gallium").type == "Technology"


@pytest.mark.parametrize("word,name", [
    ("Chinese", "China"), ("Dutch", "Netherlands"), ("American", "United States"),
    ("U.S.", "United States"), ("British", "United Kingdom"), ("South Korean", "South Korea"),
    ("Taiwanese", "Taiwan"), ("Japanese", "Japan"), ("Russian", "Russia"), ("Israeli", "Israel"),
])
def test_gazetteer_demonyms(gaz, word, name):
    assert gaz.demonym(word).name == name


@pytest.mark.parametrize("word,name", [
    ("Beijing", "China"), ("Washington", "United States"), ("The Hague", "Netherlands"),
    ("Brussels", "European Union"), ("Tokyo", "Japan"), ("Seoul", "South Korea"),
    ("New Delhi", "India"), ("Moscow", "Russia"), ("Taipei", "Taiwan"), ("the Kremlin", "Russia"),
])
def test_gazetteer_capitals(gaz, word, name):
    assert gaz.capital(word).name == name


def test_gazetteer_demonyms_and_capitals_are_not_surface_forms(gaz):
    assert gaz.lookup("Chinese") is None and gaz.lookup("Beijing") is None
    china = gaz.by_name("China")
    assert "Chinese" not in china.surface_forms() and china.surface_forms()[0] == "China"


def test_gazetteer_entry_key_uses_qid_when_known(gaz):
    assert gaz.by_name("China").key == "wd/Q148"
    deepseek = gaz.by_name("DeepSeek")
    assert deepseek.key == entity_key("Company", "DeepSeek", None) == "company/deepseek"
    assert gaz.by_key(deepseek.key) is deepseek


def test_gazetteer_default_is_cached():
    assert default_gazetteer() is default_gazetteer()


# ---------------------------------------------------------------- relations
def test_gazetteer_relations_cover_every_predicate_and_resolve(gaz):
    rels = gaz.relations()
    assert {p for _, p, _ in rels} == set(RELATION_PREDICATES)
    for s, p, o in rels:
        assert gaz.by_key(s) is not None and gaz.by_key(o) is not None


@pytest.mark.parametrize("subject,predicate,obj", [
    ("Bureau of Industry and Security", "partOf", "United States"),
    ("European Commission", "partOf", "European Union"),
    ("Netherlands", "memberOf", "European Union"),
    ("Netherlands", "memberOf", "Wassenaar Arrangement"),
    ("Japan", "memberOf", "G7"),
    ("ASML", "headquarteredIn", "Netherlands"),
    ("DeepSeek", "headquarteredIn", "China"),
    ("Google DeepMind", "subsidiaryOf", "Google"),
    ("Nvidia", "produces", "H20 chips"),
    ("ASML", "produces", "EUV lithography"),
    ("Meng Wanzhou", "worksFor", "Huawei"),
    ("Sam Altman", "leads", "OpenAI"),
])
def test_gazetteer_relations_contain(gaz, subject, predicate, obj):
    assert (gaz.by_name(subject).key, predicate, gaz.by_name(obj).key) in set(gaz.relations())


# ---------------------------------------------------------------- spaCy patterns
def test_gazetteer_ruler_patterns_shape(gaz):
    pats = gaz.ruler_patterns()
    keys = {e.key for e in gaz.entries}
    for p in pats:
        assert set(p) == {"label", "pattern", "id"}
        assert p["label"] in ENTITY_TYPES and p["id"] in keys
        assert all(len(tok) == 1 and set(tok) <= {"ORTH", "LOWER"} for tok in p["pattern"])
    bis = [p for p in pats if p["pattern"] == [{"ORTH": "BIS"}]]
    assert bis and bis[0]["label"] == "GovernmentBody"


def _ents(nlp, text):
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_gazetteer_ruler_matches_in_blank_pipeline(ruler_nlp, gaz):
    text = ("China's Ministry of Commerce restricted exports of gallium after the U.S. Bureau of "
            "Industry and Security added YMTC to its list; ASML said DUV lithography sales to "
            "chinese buyers would fall.")
    ents = _ents(ruler_nlp, text)
    found = {(t, lab) for t, lab, _ in ents}
    assert ("China", "Country") in found
    assert ("Ministry of Commerce", "GovernmentBody") in found
    assert ("gallium", "Technology") in found
    assert ("U.S. Bureau of Industry and Security", "GovernmentBody") in found  # longest match
    assert ("YMTC", "Company") in found and ("ASML", "Company") in found
    assert ("DUV lithography", "Technology") in found
    ids = {t: i for t, _, i in ents}
    assert ids["China"] == gaz.by_name("China").key


def test_gazetteer_ruler_case_rules(ruler_nlp):
    assert _ents(ruler_nlp, "Arm licenses chip designs.")[0][:2] == ("Arm", "Company")
    assert _ents(ruler_nlp, "He broke his arm and asked us about meta data.") == []
    assert [t for t, _, _ in _ents(ruler_nlp, "NVIDIA and nvidia and Nvidia")] == ["NVIDIA", "nvidia", "Nvidia"]
    assert _ents(ruler_nlp, "the bis of it") == []


def test_gazetteer_ruler_prefers_longest_match(ruler_nlp):
    ents = _ents(ruler_nlp, "The Meng Wanzhou case was cited; Meng Wanzhou spoke; top AI researchers left.")
    assert ("Meng Wanzhou case", "LegalCase") in [(t, lab) for t, lab, _ in ents]
    assert ("Meng Wanzhou", "Person") in [(t, lab) for t, lab, _ in ents]
    assert ("top AI researchers", "Group") in [(t, lab) for t, lab, _ in ents]


def test_gazetteer_ruler_optional_demonyms_and_capitals(gaz):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(gaz.ruler_patterns(demonyms=True, capitals=True))
    ents = {(e.text, e.label_) for e in nlp("Beijing warned Dutch officials.").ents}
    assert ents == {("Beijing", "Country"), ("Dutch", "Country")}


# ---------------------------------------------------------------- bad data
def _write(tmp_path: Path, fname: str, *rows) -> Path:
    (tmp_path / fname).write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
                                  encoding="utf-8")
    return tmp_path


_CHINA = {"name": "China", "type": "Country", "iso2": "CN", "iso3": "CHN"}


@pytest.mark.parametrize("bad,needle", [
    ("{not json", "not valid JSON"),
    ({"name": "X", "type": "Planet"}, "'type' must be one of"),
    ({"name": "X", "type": "Country", "colour": "red"}, "unknown field"),
    ({"name": "X", "type": "Country", "qid": "q42"}, "not a Wikidata item id"),
    ({"name": "X", "type": "Country", "sectors": ["Banking"]}, "unknown sector"),
    ({"name": "X", "type": "Country", "member_of": ["Atlantis Pact"]}, "not the name of any entry"),
    ({"name": "X", "type": "Country", "member_of": ["China"]}, "expected Bloc"),
    ({"name": "X", "type": "Country", "aliases": "X-land"}, "must be a list"),
    ({"name": "X", "type": "Company"}, "does not belong in this file"),
    ({"name": "PRC", "type": "Country"} | {"aliases": ["China"]}, "already belongs to"),
    ({"name": "China", "type": "Country"}, "duplicate canonical name"),
    ({"name": "", "type": "Country"}, "'name' must be"),
])
def test_gazetteer_load_rejects_bad_lines_naming_file_and_line(tmp_path, bad, needle):
    _write(tmp_path, "countries.jsonl", _CHINA, bad)
    with pytest.raises(ConfigError) as err:
        Gazetteer.load(tmp_path)
    msg = str(err.value)
    assert needle in msg
    assert "countries.jsonl:2" in msg


def test_gazetteer_load_missing_directory(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        Gazetteer.load(tmp_path / "nope")
    with pytest.raises(ConfigError, match="no \\*.jsonl"):
        Gazetteer.load(tmp_path)


def test_gazetteer_load_small_directory(tmp_path):
    _write(tmp_path, "countries.jsonl", _CHINA | {"demonyms": ["Chinese"], "capitals": ["Beijing"]})
    g = Gazetteer.load(tmp_path)
    assert g.lookup("China").name == "China" and g.demonym("Chinese").name == "China"
    assert isinstance(g.entries[0], GazEntry)


# ---------------------------------------------------------------- names
@pytest.mark.parametrize("raw,clean", [
    ("the U.S.", "US"), ("China’s", "China"), ("China's", "China"), ("  Xi Jinping’s ", "Xi Jinping"),
    ("U.K.", "UK"), ("The Hague", "Hague"), ("U.S. Department of Commerce", "US Department of Commerce"),
    ("Inc.", "Inc."), ("“DeepSeek”", "DeepSeek"), ("the the", "the"),
])
def test_names_clean(raw, clean):
    assert names.clean(raw) == clean


def test_names_case_rules():
    assert names.match_key("BIS") == ("cs", "BIS")
    assert names.match_key("DeepSeek") == ("ci", "deepseek")
    assert names.match_key("Arm", flagged=True) == ("cs", "Arm")
    assert names.match_key("Open-Weight Models") == ("ci", "open weight models")
    assert names.match_key("Türkiye") == ("ci", "turkiye")
    assert names.query_keys("") == []


def test_gazetteer_possessive_inside_a_name_is_matched_with_either_apostrophe():
    own = Gazetteer([
        GazEntry("Velmoria", "Country"),
        GazEntry("Bank of Velmoria", "Company"),
        GazEntry("People's Bank of Velmoria", "GovernmentBody", parent="Velmoria"),
        GazEntry("Ministry of Ports", "GovernmentBody", aliases=("Velmoria's Ministry of Ports",), parent="Velmoria"),
    ])
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(own.ruler_patterns())
    for text in ("The People's Bank of Velmoria cut rates.", "The People’s Bank of Velmoria cut rates."):
        assert [(e.text, e.label_) for e in nlp(text).ents] == [(text[4:-11], "GovernmentBody")]
    # a possessive of another entry opening an alias is left to lookup: the country stays its own mention
    ents = [(e.text, e.label_) for e in nlp("Velmoria's Ministry of Ports spoke.").ents]
    assert ents == [("Velmoria", "Country"), ("Ministry of Ports", "GovernmentBody")]


@pytest.mark.parametrize("form,name,parent", [
    ("CRTC", "Canadian Radio-television and Telecommunications Commission", "Canada"),
    ("Bundesnetzagentur", "Federal Network Agency", "Germany"),
    ("IRGC", "Islamic Revolutionary Guard Corps", "Iran"),
    ("Bank of Russia", "Central Bank of Russia", "Russia"),
    ("CADE", "Administrative Council for Economic Defense", "Brazil"),
])
def test_gazetteer_regulators_of_many_countries(gaz, form, name, parent):
    e = gaz.lookup(form)
    assert e is not None and (e.name, e.type, e.parent) == (name, "GovernmentBody", parent)


@pytest.mark.parametrize("word", ["manganese", "aluminum", "aluminium", "vanadium", "titanium"])
def test_critical_minerals_are_technologies(gaz, word):
    entry = gaz.lookup(word)
    assert entry is not None and entry.type == "Technology" and "CriticalMinerals" in entry.sectors


@pytest.mark.parametrize("form,name", [("SDN List", "Specially Designated Nationals and Blocked Persons List"),
                                       ("CCL", "Commerce Control List"), ("BaFin", "Federal Financial Supervisory Authority"),
                                       ("KVKK", "Personal Data Protection Authority")])
def test_export_lists_and_regulators(gaz, form, name):
    entry = gaz.lookup(form)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize("form", ["Taliban", "Hezbollah", "noyb", "Access Now"])
def test_armed_and_advocacy_groups_are_groups(gaz, form):
    entry = gaz.lookup(form)
    assert entry is not None and entry.type == "Group"


def test_lookup_tries_the_other_ize_spelling_of_a_multi_word_name():
    gaz = Gazetteer([GazEntry(name="Kenyan Space Research Organisation", type="GovernmentBody"),
                     GazEntry(name="Global Standards Organization", type="Bloc")])
    assert gaz.lookup("Kenyan Space Research Organization").name == "Kenyan Space Research Organisation"
    assert gaz.lookup("Global Standards Organisation").name == "Global Standards Organization"
    assert gaz.lookup("Organization") is None


def test_region_entries_are_found_by_name_only():
    gaz = Gazetteer([GazEntry(name="Freedonia", type="Country"),
                     GazEntry(name="Sylvania", type="GovernmentBody", parent="Freedonia", region=True)])
    assert gaz.lookup("Sylvania") is None and gaz.by_name("Sylvania").parent == "Freedonia"
    assert not any(p["id"] == gaz.by_name("Sylvania").key for p in gaz.ruler_patterns())
