"""kg_events: status rules (GUIDE's six statuses) found on the real-news dev split (real pipeline,
slow). Every sentence here is written for the test."""
from __future__ import annotations

import datetime as dt

import pytest

from test_events import _events, _one  # the helper of the event tests in this folder


def _statuses(nlp, text: str) -> dict[str, str]:
    events, _ = _events(nlp, text)
    return {e["measure"]: e["status"] for e in events}


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,actor", [
    # rule 'background-object': the object of violate / follow / build on / modelled after
    ("The Commerce Department banned exports of chips to Lumo Corp after the company violated U.S. trade "
     "sanctions.", "Sanction", "United States"),
    ("Following a Canadian ban on Lumo phones, Norway banned Lumo software on Monday.", "Ban", "Canada"),
])
def test_events_status_background_object_is_historical(nlp, text, measure, actor):
    events, _ = _events(nlp, text)
    found = {e["status"] for e in events if e["measure"] == measure and actor in e["actors"]}
    assert found == {"Historical"}, events
    others = {e["status"] for e in events if actor not in e["actors"]}
    assert "Historical" not in others, events


@pytest.mark.slow
def test_events_status_background_needs_the_object_position(nlp):
    # the measure as subject of "follow" is the news itself
    st = _statuses(nlp, "Norway's export ban on Lumo chips follows months of talks.")
    assert st.get("ExportControl", st.get("Ban")) == "InForce", st


@pytest.mark.slow
def test_events_status_immediate_measure_is_in_force(nlp):
    # rule 'immediate': "announced an immediate ban" is in force, "will ban" is announced
    assert _statuses(nlp, "Ghana announced an immediate ban on exports of raw lithium.")["ExportControl"] == "InForce"
    assert _statuses(nlp, "Ghana will ban exports of raw lithium.")["ExportControl"] == "Announced"


@pytest.mark.slow
def test_events_status_effect_later_is_announced(nlp):
    # rule 'later-effect': GUIDE "unveiled rules that take effect next month"
    st = _statuses(nlp, "The export controls Norway issued on Friday apply to Lumo lithography machines, and "
                        "will come into effect on 7 September.")
    assert st["ExportControl"] == "Announced", st
    st = _statuses(nlp, "The export controls Norway issued on Friday apply to Lumo lithography machines.")
    assert st["ExportControl"] == "InForce", st


@pytest.mark.slow
def test_events_status_fine_paid_is_in_force(nlp):
    # rule 'fine-paid': a settled penalty is imposed
    st = _statuses(nlp, "Lumo Corp has agreed to pay a $20 million fine to the U.S. Department of State for "
                        "exporting rocket parts to Iran.")
    assert st["LegalAction"] == "InForce", st


@pytest.mark.slow
def test_events_status_one_chamber_of_two_passing_a_law_is_proposed(nlp):
    # rule 'legislature-passed': a house of a two-chamber legislature votes one step of the passage
    events, _ = _events(nlp, "Chile's lower house on Tuesday passed a law to nationalise lithium mining.")
    assert _one(events, "Legislation")["status"] == "Proposed"
    events, _ = _events(nlp, "Chile's lower house on Tuesday passed a law to nationalise lithium mining, and the "
                             "president signed it into law on Friday.")
    assert _one(events, "Legislation")["status"] == "InForce"


@pytest.mark.slow
def test_events_status_ending_a_ban_is_revoked(nlp):
    assert _statuses(nlp, "Iran's cyberspace council voted on Tuesday to end the ban on Lumo Messenger.")["Ban"] \
        == "Revoked"


@pytest.mark.slow
def test_events_status_settled_fine_to_be_paid_is_in_force(nlp):
    # rule 'fine-paid' also against "will": the settlement is the penalty imposed
    st = _statuses(nlp, "Lumo Corp will pay a $20 million fine to the U.S. Department of State for exporting "
                        "rocket parts to Iran.")
    assert st["LegalAction"] == "InForce", st


@pytest.mark.slow
def test_events_status_bracketed_year_dates_the_law_not_the_measure(nlp):
    # rule 'bracketed-date': "(2021)" after a law's name dates the law
    import datetime as dt
    events, _ = _events(nlp, "Norway's data regulator fined Lumo Corp on Monday under the Data Security Law (2021).",
                        dt.date(2024, 5, 2))
    assert _one(events, "LegalAction")["status"] == "InForce"
    events, _ = _events(nlp, "Norway's data regulator fined Lumo Corp in 2021.", dt.date(2024, 5, 2))
    assert _one(events, "LegalAction")["status"] == "Historical"


@pytest.mark.slow
def test_events_status_headline_takes_the_body_revocation(nlp):
    # rule 'headline-tense': a headline read as in force yields to the body's revocation
    text = ("Norway Lifts Ban on Lumo Messenger\n\n"
            "Norway's digital ministry has voted to end the nationwide ban on Lumo Messenger, state media said on "
            "Tuesday.")
    assert _statuses(nlp, text)["Ban"] == "Revoked"


@pytest.mark.slow
def test_events_status_recommended_measure_is_discussed(nlp):
    # GUIDE: urged, no decision ("calls for") is Discussed; a recommendation decides nothing
    assert _statuses(nlp, "Norway's data regulator recommended a ban on Lumo phones in state networks.")["Ban"] \
        == "Discussed"


@pytest.mark.slow
def test_events_status_past_perfect_is_background_unless_reported(nlp):
    # rule 'past-perfect': a measure told in the past perfect lies before the news
    events, _ = _events(nlp, "Germany had banned exports of military drones to Iran before the talks began.")
    assert _one(events, "ExportControl")["status"] == "Historical", events
    # under a reporting verb the past perfect is the report's backshift
    events, _ = _events(nlp, "The ministry said Germany had banned exports of military drones to Iran.")
    assert _one(events, "ExportControl")["status"] == "InForce", events


@pytest.mark.slow
def test_events_status_latest_full_date_is_the_news_without_a_dispatch_date(nlp):
    # rule 'latest-day': no dispatch date — the measure at the latest full date the text gives is the news
    events, _ = _events(nlp, "Germany banned exports of military drones to Iran on March 3, 2021. France imposed "
                             "tariffs on Chinese steel on May 5, 2019.")
    assert _one(events, "ExportControl")["status"] == "InForce", events
    assert _one(events, "ImportRestriction")["status"] == "Historical", events


@pytest.mark.slow
def test_events_status_measure_dated_just_before_the_news_is_background(nlp):
    # rule 'earlier-relative': "last week" / "earlier this month" on the measure's own verb: Historical
    events, _ = _events(nlp, "Last week, Germany also banned exports of military drones to Iran.")
    assert _one(events, "ExportControl")["status"] == "Historical", events
    events, _ = _events(nlp, "Japan earlier this month banned exports of military drones to Iran.")
    assert _one(events, "ExportControl")["status"] == "Historical", events
    # the date of another verb does not count
    events, _ = _events(nlp, "Germany banned exports of military drones to Iran after unveiling the plan last month.")
    assert _one(events, "ExportControl")["status"] == "InForce", events


@pytest.mark.slow
def test_events_status_measure_still_going_since_a_year_is_in_force(nlp):
    # rule 'since-year' exception: a present perfect progressive is still going on
    events, _ = _events(nlp, "The European Commission has been investigating Sony since 2019.",
                        date=dt.date(2024, 5, 1))
    assert _one(events, "Investigation")["status"] == "InForce", events
    events, _ = _events(nlp, "The European Commission has investigated Sony since 2019.", date=dt.date(2024, 5, 1))
    assert _one(events, "Investigation")["status"] == "Historical", events


@pytest.mark.slow
def test_events_status_measure_in_a_since_clause_is_background(nlp):
    # rule 'since-clause': the measure the news follows from, told in a past "since" clause
    events, _ = _events(nlp, "Since Germany banned exports of military drones to Iran, Iran has turned to other "
                             "suppliers.")
    assert _one(events, "ExportControl")["status"] == "Historical", events


_NEWS = ("Norway banned the Lumo messaging app on government phones on Tuesday. The digital ministry said the ban "
         "applies to all ministries. Officials cited risks to state secrets. ")


@pytest.mark.slow
@pytest.mark.parametrize("tail,status", [
    # rule 'other-actor-background': another actor's measure cited after the lead is background
    ("Denmark and Finland have also barred the app from official devices.", "Historical"),
    # ... unless it is dated in the news's own time or is going on
    ("Denmark and Finland have also barred the app from official devices in recent weeks.", "InForce"),
    ("Denmark is also reviewing the app.", None),
    # rule 'still-going': "continues to", "still"
    ("Meanwhile Denmark continues to review the app.", "InForce"),
    # rule 'present-passive': the trigger in the present passive tells a state in force now
    ("In Denmark the app is banned on official devices.", "InForce"),
])
def test_events_status_other_actor_background(nlp, tail, status):
    events, _ = _events(nlp, _NEWS + tail)
    norway = [e for e in events if "Norway" in e["actors"]]
    assert norway and all(e["status"] == "InForce" for e in norway), events
    others = [e for e in events if "Denmark" in e["actors"]]
    assert others, events
    if status is None:
        assert all(e["status"] != "Historical" for e in others), events
    else:
        assert all(e["status"] == status for e in others), events


@pytest.mark.slow
@pytest.mark.parametrize("body,status", [
    # rule 'later-effect' across mentions: "signed a law" is not in force when another sentence says later
    ("The law, which will take effect in March, requires banks to store customer data in Peru.", "Announced"),
    ("The law, which took effect on Monday, requires banks to store customer data in Peru.", "InForce"),
])
def test_events_status_later_effect_in_another_mention(nlp, body, status):
    events, _ = _events(nlp, "Peru's president signed a new data protection law. " + body)
    assert _one(events, "Legislation")["status"] == status, events


@pytest.mark.slow
def test_events_status_in_effect_since_is_historical(nlp):
    # rule 'in-effect-since': a law standing since an earlier year is background; its start is news
    st = _statuses(nlp, "The Norwegian Supply Act has been in effect since 1961, but the government has rarely "
                        "invoked it.")
    assert st.get("Legislation") == "Historical", st
    st = _statuses(nlp, "Norway fined Lumo Corp under the Export Control Act, which has been in effect since 1961.")
    assert st.get("Legislation") == "Historical" and st.get("LegalAction") == "InForce", st
    st = _statuses(nlp, "The Norwegian Supply Act took effect on Monday.")
    assert st.get("Legislation") == "InForce", st


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # rule 'announced-prohibition': a prohibition announced is imposed ...
    ("Ghana announced a ban on exports of raw lithium.", "InForce"),
    ("The ban on exports of raw lithium was announced on Monday by Ghana.", "InForce"),
    # ... unless the text says it starts later, or only a plan is announced
    ("Ghana announced a ban on exports of raw lithium starting in March 2031.", "Announced"),
    ("Ghana announced plans to ban exports of raw lithium.", "Announced"),
])
def test_events_status_announced_prohibition(nlp, text, status):
    st = _statuses(nlp, text)
    assert st.get("ExportControl") == status, st


@pytest.mark.slow
def test_events_status_signed_bill_is_in_force(nlp):
    # rule 'signed-bill': the lexicon's "bill" does not make a law signed into law Proposed
    st = _statuses(nlp, "The Norwegian king on Friday signed into law a bill on the storage of citizens' data.")
    assert st.get("Legislation") == "InForce", st
    st = _statuses(nlp, "Norwegian lawmakers proposed a bill on the storage of citizens' data.")
    assert st.get("Legislation") == "Proposed", st


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # rule 'background-object', exception 'dated-now': a measure of the news's days is not background
    ("Norway retaliated against Canada on Tuesday following new export controls that Canada announced on Monday.",
     "InForce"),
    ("Norway retaliated against Canada on Tuesday following new export controls that Canada imposed in 2019.",
     "Historical"),
])
def test_events_status_background_object_dated_now(nlp, text, status):
    events, _ = _events(nlp, text)
    found = {e["status"] for e in events if "Canada" in e["actors"] and e["measure"] == "ExportControl"}
    assert found == {status}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,actor,measure,status", [
    # rule 'background-object' ('comes-after'), on the trigger's own verb
    ("Norway's ban on lithium exports comes just months after Sweden banned the export of lithium ore.",
     "Sweden", "ExportControl", "Historical"),
    ("Norway's ban on lithium exports comes just months after Sweden banned the export of lithium ore.",
     "Norway", "ExportControl", "InForce"),
    # rule 'earlier-relative': a bare "earlier" on the measure's verb
    ("Norway banned Lumo phones on Monday. Earlier, in March, Norway sanctioned three Lumo subsidiaries for "
     "supplying drone parts.", "Norway", "Sanction", "Historical"),
])
def test_events_status_comes_after_and_earlier(nlp, text, actor, measure, status):
    events, _ = _events(nlp, text)
    found = {e["status"] for e in events if actor in e["actors"] and e["measure"] == measure}
    assert found == {status}, events


@pytest.mark.slow
@pytest.mark.parametrize("tail,status", [
    # rule 'earlier-relative' before the lexicon's "unveil": announced before the news is background
    ("Earlier this year, Norway unveiled a multibillion euro subsidy for chip factories.", "Historical"),
    ("Norway also unveiled a multibillion euro subsidy for chip factories.", "Announced"),
])
def test_events_status_earlier_announcement_is_historical(nlp, tail, status):
    st = _statuses(nlp, "Norway banned Lumo phones on Monday. " + tail)
    assert st.get("Subsidy") == status, st


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # removing a country from a trade white list imposes a restriction: not Revoked
    ("Norway removed Sweden from its white list of trusted trading partners on Monday.", "InForce"),
    ("Norway banned Lumo phones on Monday. In 2019, Norway removed Sweden from its white list of trusted trading "
     "partners.", "Historical"),
])
def test_events_status_white_list_removal_is_not_revoked(nlp, text, status):
    events, _ = _events(nlp, text)
    found = {e["status"] for e in events if e["measure"] == "ExportControl"}
    assert found == {status}, events


@pytest.mark.slow
def test_events_status_dateline_dates_the_news(nlp):
    # rule 'dateline': without a dispatch date, the date on a line of its own near the top is the reference
    text = ("Norway bans Lumo phones\nMarch 4, 2021\nNorway banned Lumo phones from government offices on Monday. "
            "Denmark banned Lumo routers in 2019.")
    events, _ = _events(nlp, text)
    ban = [e for e in events if "Norway" in e["actors"]]
    assert ban and ban[0]["date"] == "2021-03-01", events
    assert {e["status"] for e in events if "Denmark" in e["actors"]} == {"Historical"}, events


@pytest.mark.slow
def test_events_status_modal_of_another_clause_does_not_date_the_measure(nlp):
    # rule 'modal-scope': "will" belongs to the first clause; the visa ban's own clause is past
    events, _ = _events(nlp, "The bank's offices in Oslo will be shut, while twelve officials were added to "
                             "Norway's visa-ban list.")
    assert _one(events, "VisaRestriction")["status"] == "InForce", events
    # an infinitive chain goes on to the verb that governs it
    assert _statuses(nlp, "Norway will seek to ban exports of drone engines.")["ExportControl"] == "Announced"


@pytest.mark.slow
def test_events_status_whether_clause_is_discussed(nlp):
    # rule 'whether-clause': a measure inside "whether ..." is an open question
    st = _statuses(nlp, "The commission will decide whether it should impose tariffs on Chinese steel.")
    assert st["ImportRestriction"] == "Discussed", st
    st = _statuses(nlp, "The commission will impose tariffs on Chinese steel.")
    assert st["ImportRestriction"] == "Announced", st


@pytest.mark.slow
def test_events_status_law_approved_in_a_relative_clause_takes_effect_later(nlp):
    # rule 'later-effect': the law's own predicate, outside the relative clause that tells its approval
    events, _ = _events(nlp, "Norway's Data Act, which was approved by Norway's parliament earlier this month, "
                             "will take effect once it is published.", date=dt.date(2023, 9, 20))
    assert {e["status"] for e in events if e["measure"] == "Legislation"} == {"Announced"}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,status", [
    # rule 'revoking-governor': GUIDE "struck down"; veto / drop / postpone only as governors of the trigger
    ("Norway's supreme court struck down the government's ban on Lumo phones.", "Ban", "Revoked"),
    ("Norway dropped its lawsuit against Lumo Corp.", "LegalAction", "Revoked"),
    ("Norway sued Lumo Corp.", "LegalAction", "InForce"),
    ("Norway vetoed the takeover of Lumo Corp by a Chinese fund.", "InvestmentRestriction", "InForce"),
    # rule 'counterfactual': "would have" + participle did not come about
    ("The bill would have amended Norway's Telecommunications Act to ban Lumo equipment.", "Legislation", "Revoked"),
    # GUIDE "calls for" / urged: Discussed
    ("Norwegian lawmakers urged the government to ban Lumo phones.", "Ban", "Discussed"),
])
def test_events_status_revoked_and_urged(nlp, text, measure, status):
    assert _statuses(nlp, text)[measure] == status


@pytest.mark.slow
def test_events_status_comes_after_a_measure_of_the_same_days(nlp):
    # rule 'dated-now' on the clause: the date modifies the verb whose object the measure is
    events, _ = _events(nlp, "Norway's ban on Lumo phones came after Denmark announced new export controls on "
                             "Lumo chips last Friday.")
    assert {e["status"] for e in events if "Denmark" in e["actors"]} == {"Announced"}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,status", [
    # rule 'expected-effect': expected to take effect is decided and starts later; expected to be taken is not
    ("The ministry expects the new Data Act of Norway to take effect on January 1.", "Legislation", "Announced"),
    ("Norway's export ban is expected to take effect next month.", "ExportControl", "Announced"),
    ("Analysts expect Norway to impose export controls on Lumo chips.", "ExportControl", "Discussed"),
])
def test_events_status_expected_to_take_effect(nlp, text, measure, status):
    assert _statuses(nlp, text)[measure] == status


@pytest.mark.slow
def test_events_status_bill_expected_to_take_effect_is_announced(nlp):
    # a bill passed, then expected to take effect on a date: passed into law, not yet in force
    events, _ = _events(nlp, "Norway's parliament passes bill on data security\n"
                             "Norway's parliament passed a bill on data security on Wednesday. The government "
                             "expects the new legislation to take effect on January 1, 2026.", date=dt.date(2025, 3, 21))
    assert {e["status"] for e in events if e["measure"] == "Legislation"} == {"Announced"}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # rule 'put-forward': legislation introduced is Proposed ... unless put forward in an earlier year
    ("Norway introduced a data security law in 2019.", "Historical"),
    ("Norway's government introduced a data security bill on Monday.", "Proposed"),
])
def test_events_status_law_introduced_in_an_earlier_year(nlp, text, status):
    events, _ = _events(nlp, text, date=dt.date(2023, 7, 3))
    assert _one(events, "Legislation")["status"] == status, events


@pytest.mark.slow
def test_events_status_latest_day_ignores_dates_ahead(nlp):
    # rule 'latest-day': a date in a sentence that looks ahead (an end, a start) is not the news's day
    events, _ = _events(nlp, "Germany banned exports of military drones to Iran on March 3, 2021. France imposed "
                             "tariffs on Chinese steel on May 5, 2019. The German rules will expire on December 31, "
                             "2025.")
    assert _one(events, "ExportControl")["status"] == "InForce", events
    assert _one(events, "ImportRestriction")["status"] == "Historical", events


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # rule 'process-past': a finished process is background ... unless a reporting verb tells it as the news
    ("Norway's data regulator conducted a security review of Lumo routers.", "Historical"),
    ("Norway's data regulator announced that it had conducted a security review of Lumo routers.", "InForce"),
])
def test_events_status_finished_process_reported_is_news(nlp, text, status):
    assert _statuses(nlp, text)["Review"] == status


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # rule 'month-before': a month more than a month before the dispatch is earlier than the news, same year or not
    ("Japan restricted exports of chip materials to South Korea in July.", "Historical"),
    ("Japan restricted exports of chip materials to South Korea on September 10.", "InForce"),
    ("Japan restricted exports of chip materials to South Korea in September.", "InForce"),
])
def test_events_status_month_before_the_dispatch_is_background(nlp, text, status):
    events, _ = _events(nlp, text, date=dt.date(2019, 9, 17))
    assert _one(events, "ExportControl")["status"] == status, events


@pytest.mark.slow
def test_events_status_month_without_dispatch_date_places_nothing(nlp):
    # rule 'month-before': "in December" without a dispatch date cannot be placed before the news
    events, _ = _events(nlp, "Japan restricted exports of chip materials to South Korea in July.")
    assert _one(events, "ExportControl")["status"] == "InForce", events


@pytest.mark.slow
def test_events_status_participle_dates_a_noun_measure(nlp):
    # a measure noun with its own past participle and an earlier date ("the indictment filed in January 2019")
    events, _ = _events(nlp, "The report cites the sanctions imposed on Lumo Corp by Norway in 2019.",
                        date=dt.date(2023, 5, 2))
    assert _one(events, "Sanction")["status"] == "Historical", events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,status", [
    # rule 'provisional': not yet final, declared (Announced); a preliminary investigation is one under way
    ("Norway's parliament approved provisional legislation on data security.", "Legislation", "Announced"),
    ("Norway's trade ministry imposed provisional tariffs on Chinese steel.", "ImportRestriction", "InForce"),
    ("Norway's trade ministry imposed tariffs on Chinese steel.", "ImportRestriction", "InForce"),
    ("Norway's competition regulator opened a preliminary investigation into Lumo Corp.", "Investigation", "InForce"),
])
def test_events_status_provisional_is_announced(nlp, text, measure, status):
    assert _statuses(nlp, text)[measure] == status


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # rule 'measure-effect': the future of a verb whose subject (or host) is an existing measure is its effect
    ("Norway has issued new guidelines that will phase out Lumo phones from government offices.", "InForce"),
    ("Lumo phones will be phased out of government offices under new guidelines from Norway.", "InForce"),
    ("Norway will phase out Lumo phones from government offices.", "Announced"),
])
def test_events_status_future_effect_of_an_existing_measure(nlp, text, status):
    assert _statuses(nlp, text)["Ban"] == status


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # rule 'measure-purpose': "the decision aims to" states a purpose; "Norway aims to" announces
    ("Norway's new rules aim to prevent data transfers to China.", "InForce"),
    ("Norway aims to prevent data transfers to China.", "Announced"),
])
def test_events_status_purpose_of_a_measure_announces_nothing(nlp, text, status):
    events, _ = _events(nlp, text)
    assert {e["status"] for e in events if e["measure"] == "DataRestriction"} == {status}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,status", [
    # rule 'reported-clause' on the trigger verb itself: what the reported clause says decides, not "announced"
    ("Norway's telecom regulator announced on Friday that it has blocked access to the app Lumo Chat.", "Ban",
     "InForce"),
    ("Ghana's government announced it was investigating Lumo Corp for breaking the competition law.",
     "Investigation", "InForce"),
    ("Ghana's government announced it will investigate Lumo Corp for breaking the competition law.",
     "Investigation", "Announced"),
])
def test_events_status_reported_clause_of_the_trigger_verb(nlp, text, measure, status):
    st = _statuses(nlp, text)
    assert st.get(measure) == status, st


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # rule 'announced-prohibition': sanctions announced are imposed ...
    ("Norway on Tuesday announced new sanctions on Lumo Corp over its exports to Iran.", "InForce"),
    # ... unless the clause says they come later
    ("Norway announced that it will impose sanctions on Lumo Corp next month.", "Announced"),
])
def test_events_status_announced_sanctions(nlp, text, status):
    assert _statuses(nlp, text).get("Sanction") == status


@pytest.mark.slow
def test_events_status_measure_as_subject_of_an_intention_verb(nlp):
    # rule 'measure-purpose', the trigger as subject: "the agreement aims to ..." states its purpose
    events, _ = _events(nlp, "Norway and Chile have signed a pact on lithium. The new agreement aims to cut the "
                             "reliance of both countries on imported lithium.")
    assert {e["status"] for e in events if e["measure"] == "Agreement"} == {"InForce"}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    # rule 'launched-plan': a plan launched is in operation; plans announced are Announced
    ("Norway on Tuesday launched a plan to recruit top researchers from abroad.", "InForce"),
    ("Norway on Tuesday announced plans to recruit top researchers from abroad.", "Announced"),
])
def test_events_status_launched_plan(nlp, text, status):
    assert _statuses(nlp, text).get("TalentProgram") == status
