"""Company count, agreement and event rules on sentences written for the tests (published 2023-11-15, a Wednesday)."""
import datetime as dt

import pytest

from tests.extract_helpers import extract

D = dt.date


@pytest.mark.parametrize("text, count, company, host, approx", [
    ("About 50 Chinese companies operate in Uzbekistan.", 50, "CHN", "UZB", True),
    ("Over 300 Turkish firms are active in Turkmenistan.", 300, "TUR", "TKM", True),
    ("Some 1 250 companies with Chilean capital are registered in Peru.", 1250, "CHL", "PER", True),    # space-grouped
    ("A dozen companies from Kyrgyzstan took part in the fair in Tajikistan.", 12, "KGZ", "TJK", False),
    ("Six large Kazakh holdings have opened offices in Azerbaijan.", 6, "KAZ", "AZE", False),
    ("The number of Iranian companies in Kazakhstan reached 812.", 812, "IRN", "KAZ", False),
    ("The number of Iranian companies in Kazakhstan has exceeded 812.", 812, "IRN", "KAZ", True),   # more than 812
    ("Chilean businesses registered in Peru number about 700.", 700, "CHL", "PER", True),
    ("• Enterprises with Chilean capital operating in Peru: 1,240 (as of 1 May).", 1240, "CHL", "PER", False),
    ('Forty Tajik companies exhibited at the "Made in Tajikistan" fair held in Tashkent.', 40, "TJK", "UZB", False),
    ("The forum in Dushanbe brought together around 90 companies from both countries.", 90, None, "TJK", True),
    ("Some 50 companies from both countries took part in a fair in Tajikistan.", 50, None, "TJK", True),
    # a country inside the name of an event is not where it is held
    ("Tajikistan and Uzbekistan met. Some 120 Tajik companies took part in the Tajikistan Exclusive Exhibition "
     "last week.", 120, "TJK", "UZB", True),
    ("Some 60 Tajik companies took part in the Tajikistan–Uzbekistan business forum held in Tashkent.",
     60, "TJK", "UZB", True),
    ("Some 85 Tajik companies are exhibiting at the Tashkent Build Expo this week.", 85, "TJK", "UZB", True),
    ("Tajikistan and Uzbekistan met. The minister led a Tajik delegation of 22 companies at the Tajikistan-Uzbekistan "
     "Business Networking Session.", 22, "TJK", "UZB", False),
    ("A business forum was held in Tashkent. It was attended by 120 Uzbek and Tajik companies.",
     120, None, "UZB", False),
    # joint ventures of both countries in a region: the side from abroad, in the region's country
    ("Chile and Peru met. At present, 24 joint Chilean-Peruvian enterprises operate in Arequipa region.",
     24, "CHL", "PER", False),
    ("Chile and Peru: key numbers. Twelve: the number of Chilean construction companies now working in Peru.",
     12, "CHL", "PER", False),
    ("Chile and Peru met. New registrations last year brought the total of Chilean-owned or co-owned companies active "
     "in the country to about 180.", 180, "CHL", "PER", True),
    # a part of the companies counted, by where they come from: the whole is of many countries
    ("The forum in Lima brought together more than 250 companies, including about 90 from Chile.", 90, "CHL", "PER", True),
])
def test_company_counts(text, count, company, host, approx):
    rows = extract(text, table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"], r["approximate"]) for r in rows] == [
        (count, company, host, approx)]


@pytest.mark.parametrize("text", [
    "About 50 Chinese tourists visited Uzbekistan.",
    "The expo in Almaty drew more than 1,000 exhibitors from 30 countries.",
])
def test_count_that_is_not_one_countrys_companies(text):
    assert extract(text, table="company_counts") == []


def test_the_home_side_at_an_event_told_just_before_is_hosted_where_the_event_is():
    rows = extract("Uzbekistan and Tajikistan held talks. Some 100 Tajik companies took part in the event, the ministry "
                   "said. The Uzbek side was represented by 62 companies, including the national holding.",
                   table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == [
        (100, "TJK", "UZB"), (62, "UZB", "UZB")]
    # (a count in the same sentence is no event told before: "registered in the Sultanate")
    rows = extract("Chile and Peru met. More than 400 Chilean companies are registered in Peru, while around 70 Peruvian "
                   "companies attended this week's forum in Lima.", table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == [
        (400, "CHL", "PER"), (70, "PER", "PER")]


def test_a_definite_count_of_companies_named_before_is_no_one_countrys_count():
    text = ("Chile's LATAM, Peru's Aerolineas and Bolivia's BoA have signed a code-share deal, the three operators "
            "announced. The 40 Chilean firms at the fair in Lima signed contracts. The 30 companies from Peru also took part.")
    rows = extract(text, table="company_counts")
    assert [(r["company_count"], r["company_country"]) for r in rows] == [(40, "CHL"), (30, "PER")]


def test_a_part_told_after_a_comma_and_an_earlier_count_keep_the_countries_of_the_count_before():
    rows = extract("The number of companies with Chilean participation registered in Peru reached 536 as of April 1. Of these, "
                   "79 are joint ventures. The number of active legal entities with Chilean capital in Peru has grown to "
                   "612, according to the ministry, which counted 548 a year ago.", table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"], r["rule"]) for r in rows] == [
        (536, "CHL", "PER", "companies.number_of"), (79, "CHL", "PER", "companies.of_them"),
        (612, "CHL", "PER", "companies.number_of"), (548, "CHL", "PER", "companies.earlier_count")]


def test_the_second_of_two_counts_sharing_about_is_approximate_too():
    rows = extract("The forum in Lima was attended by representatives of about 100 Chilean and 300 Peruvian companies.",
                   table="company_counts")
    assert [(r["company_count"], r["approximate"]) for r in rows] == [(100, True), (300, True)]


def test_traders_are_companies():
    rows = extract("Some 30 Georgian wine traders have opened offices in Armenia.", table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"], r["approximate"]) for r in rows] == [
        (30, "GEO", "ARM", True)]


@pytest.mark.parametrize("text, type_, status, date, parties, count", [
    ("Kazakhstan and Uzbekistan signed nine memoranda of understanding on Tuesday.",
     "memorandum of understanding", "signed", D(2023, 11, 14), ["KAZ", "UZB"], 9),
    ("Iran and Turkmenistan are expected to sign a gas swap contract next month.",
     "contract", "planned", None, ["IRN", "TKM"], 1),
    ("Kazakhstan proposed a roadmap for transit cooperation with China.",
     "roadmap", "proposed", None, ["CHN", "KAZ"], 1),
    ("Kazakhstan, Turkmenistan and Iran signed a trilateral agreement on rail transit on November 3, 2023.",
     "agreement", "signed", D(2023, 11, 3), ["IRN", "KAZ", "TKM"], 1),
    ("Uzbek and Turkish companies inked two contracts worth $120 million.",
     "contract", "signed", None, ["TUR", "UZB"], 2),
    ("Chile and Peru would sign an intergovernmental agreement on the railway in the near future.",
     "agreement", "planned", None, ["CHL", "PER"], 1),
    ("Chile and Peru will prepare three documents for signing during the president's visit.",
     "document", "planned", None, ["CHL", "PER"], 3),
    # not signed yet: discussed with "no agreement reached", called for "to be finalised", "still under discussion"
    ("Chile and Peru also discussed a currency swap deal, but no agreement has been reached yet.",
     "deal", "proposed", None, ["CHL", "PER"], 1),
    ("Chile and Peru called for a new agreement on fisheries to be finalised at the next summit.",
     "agreement", "proposed", None, ["CHL", "PER"], 1),
    ("Chile and Peru said an agreement on a joint fund was still under discussion and may be signed next year.",
     "agreement", "proposed", None, ["CHL", "PER"], 1),
    ("The minister said that Peru wants to sign a trilateral rail agreement with Chile and Bolivia next year.",
     "agreement", "proposed", None, ["BOL", "CHL", "PER"], 1),
    ("An agreement on customs clearance is under discussion and could be concluded this year, Chile and Peru said.",
     "agreement", "proposed", None, ["CHL", "PER"], 1),
    # capitals for their governments
    ("Speakers called for a preferential trade agreement between Santiago and Lima.",
     "agreement", "proposed", None, ["CHL", "PER"], 1),
])
def test_agreements(text, type_, status, date, parties, count):
    rows = extract(text, table="agreements")
    assert len(rows) == 1, rows
    r = rows[0]
    assert (r["agreement_type"], r["status"], r["signed_date"], r["parties"], r["agreement_count"]) == \
        (type_, status, date, parties, count)


def test_numbered_items_under_the_following_documents_were_signed_are_each_a_document():
    rows = extract("Chile and Peru held a commission. In addition, the following documents were signed:\n\n"
                   "1) a memorandum of understanding between the ministries of trade on e-commerce;\n"
                   "2) an agreement on cooperation in the field of civil aviation security;\n"
                   "3) a programme of cultural exchanges for 2026-2028.\n", table="agreements")
    assert [(r["agreement_type"], r["status"], r["agreement_count"], r["rule"]) for r in rows] == [
        ("document", "signed", 3, "agreements.noun_with_status"),      # the lead-in counts its items
        ("memorandum of understanding", "signed", 1, "agreements.list_item"), ("agreement", "signed", 1, "agreements.list_item"),
        ("programme", "signed", 1, "agreements.list_item")]


def test_agreement_value_is_kept_with_the_agreement():
    r = extract("Officials signed over 40 agreements worth $3.7 billion in Tashkent.", table="agreements")[0]
    assert (r["agreement_count"], r["value"], r["unit"]) == (40, 3.7e9, "USD")


def test_memorandum_named_again_is_one_row():
    text = ("Kyrgyzstan and Tajikistan signed a memorandum of understanding on water use on Monday. "
            "The memorandum envisages joint monitoring of rivers.")
    assert len(extract(text, table="agreements")) == 1


def test_no_agreement_reached_is_no_agreement_and_the_documents_signed_refer_back():
    assert extract("Chile and Peru held consultations. Q: Were any documents signed?", table="agreements") == []
    assert extract("Chile offered to finance the rolling stock, but no agreement on financing was reached with Peru.",
                   table="agreements") == []
    rows = extract("Chile and Peru signed nine memoranda of understanding in Lima on Monday. The documents were signed "
                   "by senior officials of the two countries.", table="agreements")
    assert [(r["agreement_type"], r["agreement_count"]) for r in rows] == [("memorandum of understanding", 9)]


def test_the_document_signed_refers_back_to_the_agreement_told_before_but_counted_documents_do_not():
    text = ("Kyrgyzstan and Tajikistan signed an agreement on water use on Monday. "
            "The document was signed in Bishkek by the two ministers.")
    assert [r["agreement_type"] for r in extract(text, table="agreements")] == ["agreement"]
    text = ("Kyrgyzstan and Tajikistan signed an agreement on water use on Monday. "
            "They also reviewed the implementation of the 11 documents signed in Bishkek in March 2024.")
    assert [r["agreement_count"] for r in extract(text, table="agreements")] == [1, 11]


def test_parties_counted_but_not_named_come_from_the_article():
    text = ("The presidents of Egypt, Jordan and Iraq met in Amman on Monday. Jordan hosted the summit. "
            "The three heads of state signed a declaration on energy links.")
    rows = extract(text, table="agreements")
    assert [r["parties"] for r in rows] == [["EGY", "IRQ", "JOR"]]


def test_unnamed_sides_are_the_articles_pair_even_with_a_bloc():
    text = ("The European Union and Armenia held their cooperation council in Brussels. "
            "The sides signed a memorandum of understanding on raw materials.")
    assert [r["parties"] for r in extract(text, table="agreements")] == [["ARM", "EU"]]


def test_the_contract_described_again_is_not_a_second_agreement():
    text = ("Georgia and Armenia on Monday signed a contract for a new border bridge. "
            "The contract was concluded between the two road agencies.")
    assert len(extract(text, table="agreements")) == 1


def test_consensus_is_not_an_agreement():
    assert extract("The ministers were in agreement with the plan to expand trade.", table="agreements") == []


@pytest.mark.parametrize("text, type_, date, location", [
    ("The foreign ministers of Uzbekistan and Kazakhstan met in Tashkent on Monday.", "meeting", D(2023, 11, 13), "Tashkent"),
    ("On March 3, 2023, the presidents held a telephone conversation.", "call", D(2023, 3, 3), None),
    ("The Kazakhstan-China Business Forum was held in Astana on November 2, 2023.", "forum", D(2023, 11, 2), "Astana"),
    ("The Turkmen president paid an official visit to Baku.", "visit", None, "Baku"),
    ("The SCO summit opened in Astana.", "summit", None, "Astana"),
])
def test_events(text, type_, date, location):
    rows = extract(text, table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [(type_, date, location)]


@pytest.mark.parametrize("text, type_, date, location", [
    ("The Armenian president on Monday received a Georgian government delegation in Yerevan.",
     "meeting", D(2023, 11, 13), "Yerevan"),
    ("The minister spoke at the EU-Armenia Cooperation Council in Brussels on Tuesday.", "meeting", D(2023, 11, 14),
     "Brussels"),
    ("The two leaders attended a ceremony in Gyumri on Friday to open the bridge.", "other", D(2023, 11, 10), "Gyumri"),
    ("Georgian and Armenian officials held talks in Sadakhlo on Monday.", "meeting", D(2023, 11, 13), "Sadakhlo"),
    ("A Jordanian trade delegation visited Cairo on Sunday.", "visit", D(2023, 11, 12), "Cairo"),
    ("We will open the border, he said after talks in Amman on Monday with Egypt's prime minister.", "meeting",
     D(2023, 11, 13), "Amman"),
    ("The intergovernmental commission's 12th session was held in Gyumri on 14 November 2023.", "meeting",
     D(2023, 11, 14), "Gyumri"),
    ("On Thursday, Yerevan hosted the 5th Armenian-Georgian Interregional Forum.", "forum", D(2023, 11, 9), "Yerevan"),
    ("The Georgian minister arrived in the Armenian capital on Monday.", "visit", D(2023, 11, 13), "Yerevan"),
    ("The Armenian minister said at a briefing in Yerevan on Monday that exports grew.", "press_conference",
     D(2023, 11, 13), "Yerevan"),
    ("The third round of the Karabakh talks took place in Tbilisi on Monday.", "meeting", D(2023, 11, 13), "Tbilisi"),
    ("The Supreme Eurasian Economic Council, bringing together the leaders of the union, was held in Sochi on Monday.",
     "meeting", D(2023, 11, 13), "Sochi"),
    ("The Georgian minister discussed power exports with his Armenian counterpart by video link on Monday.", "call",
     D(2023, 11, 13), None),
    # a delegation led to a summit: the summit is the event, not a visit
    ("The Armenian premier, who is leading the delegation to the two-day summit of the CIS in Minsk, spoke first.",
     "summit", None, "Minsk"),
    ("The swap was negotiated during talks in Yerevan between Armenian and Georgian executives.", "meeting", None, "Yerevan"),
    # the news after "Before the signing ceremony, ..."; a gathering's name after "within the ..." is an organisation
    ("Before the signing ceremony, the Armenian and Georgian delegations held a meeting at the ministry in Tbilisi.",
     "meeting", None, "Tbilisi"),
    ("Armenia and Georgia discussed cooperation within the Shanghai Cooperation Organisation and the Conference on "
     "Interaction and Confidence-Building Measures in Asia at a meeting in Yerevan.", "meeting", None, "Yerevan"),
    ("The ambassador said the Armenian and Georgian presidents had spoken by phone on Monday.", "call", D(2023, 11, 13), None),
    ("The Armenian-Georgian business council will hold its next plenary session in Gyumri in April.", "meeting", None, "Gyumri"),
    ("The 20th Armenian-Georgian Joint Economic Commission concluded in Gyumri on Thursday.", "meeting", D(2023, 11, 9), "Gyumri"),
    ("The Armenian and Georgian presidents signed the document at the end of talks in Gyumri.", "meeting", None, "Gyumri"),
    ("The Armenian and Georgian presidents agreed during talks at the Presidential Palace in Yerevan.", "meeting", None, "Yerevan"),
    # a span of days after "from": the first day (not a bound of some other period)
    ("Georgian firms took part in Expo Yerevan 2023, which was held in Yerevan from November 7 to 10.", "other",
     D(2023, 11, 7), "Yerevan"),
    # a date written with dashes is no span of days: after "until" it bounds something else
    ("The Georgian exhibition in Yerevan stays open until 2023-12-03.", "other", None, "Yerevan"),
])
def test_event_forms_with_their_dates_and_places(text, type_, date, location):
    rows = extract(text, table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [(type_, date, location)]


@pytest.mark.parametrize("text", [
    "Some 25,000 Polish tourists visited Croatia last year.",
    "The number of travellers from Chile visiting Peru rose by a third.",
    "Tour operators in Lima said demand for trips to Chile was returning.",
    # a label, a calendar's entries, a trip told before
    "Chile and Peru: in brief. Video conference.",
    "Coming up in Lima. Lima Economic Forum — 21-22 May. LimaBuild exhibition — September.",
    "During that trip we signed an agreement on a logistics terminal in Lima, the Chilean minister said.",
    # a country's trade mission in a city is its office there
    "More than 400 Chilean-owned companies are registered in Peru, according to Chile's trade mission in Lima.",
])
def test_no_event_is_read(text):
    assert extract(text, table="events") == []


def test_talks_shortly_after_an_arrival_are_on_the_arrival_day():
    rows = extract("LIMA - Chilean President Gabriel Boric arrived in Lima on Monday on a three-day official visit. Boric "
                   "held talks with Prime Minister Ana Ruiz at the palace shortly after his arrival.", table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("visit", D(2023, 11, 13)), ("meeting", D(2023, 11, 13))]


def test_received_a_named_official_is_a_meeting_and_the_dateline_does_not_date_it():
    text = ("LIMA, 14 November 2023 (Andina) -- Peru's foreign minister received Dr. Ana Ruiz, Chile's trade "
            "minister, in Lima on Monday. During the meeting, the two ministers reviewed trade.")
    rows = extract(text, table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [("meeting", D(2023, 11, 13), "Lima")]


def test_a_forum_spoken_to_later_is_the_same_forum_and_a_commission_session_after_the_meeting_is_its_own():
    text = ("A Polish-Czech business forum opened in Ostrava on Monday. "
            "\"Today's contracts matter,\" the minister told the forum. "
            "The ministers met in Prague on Tuesday. The meeting took place on the sidelines of the 5th session "
            "of the Polish-Czech intergovernmental commission.")
    rows = extract(text, table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [
        ("forum", D(2023, 11, 13)), ("meeting", D(2023, 11, 14)), ("meeting", None)]


def test_a_meeting_with_another_named_official_is_another_meeting():
    text = ("Latvian Foreign Minister Anna Berzina held talks with her Lithuanian counterpart Tomas Vaitkus in Vilnius "
            "on Monday. Later on Monday, Berzina was received by President Jonas Kairys. "
            "The minister also held delegation-level talks with Prime Minister Ruta Dapkiene.")
    rows = extract(text, table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [
        ("meeting", D(2023, 11, 13)), ("meeting", D(2023, 11, 13)), ("meeting", None)]


def test_a_meeting_told_again_with_the_counterparts_name_is_one_meeting():
    text = ("The Latvian deputy foreign minister on Monday met with his Uzbek counterpart in Tashkent. "
            "The Latvian deputy foreign minister met with his Uzbek counterpart Aziz Karimov in Tashkent on Monday.")
    assert len(extract(text, table="events")) == 1


@pytest.mark.parametrize("text, expected", [
    ("The Chilean minister received today Peru's Vice Minister of Foreign Affairs Ana Ruiz.", [("meeting", D(2023, 11, 15))]),
    ("The Chilean minister led a business mission of 30 companies to Lima on Monday.", [("visit", D(2023, 11, 13))]),
    ("Trade grew by 20%, the Chilean Trade Mission in Lima said.", []),
    ("On Monday, the Chilean economy minister received the new Peruvian ambassador, Ana Ruiz.", [("meeting", D(2023, 11, 13))]),
    ("The Chilean minister received the Peruvian ambassador's credentials.", []),
    ("The deputy foreign ministers of Chile and Peru held political consultations in Lima on Monday.",
     [("meeting", D(2023, 11, 13))]),
    ("Chile and Peru will raise trade to $5 billion, the ministers said today at talks in Lima.", [("meeting", D(2023, 11, 15))]),
    ("Chilean Foreign Minister Ana Ruiz hosted her Peruvian counterpart Luis Vera on Monday.", [("meeting", D(2023, 11, 13))]),
    ("President Rojas received the Taliban's acting foreign minister on Monday.", [("meeting", D(2023, 11, 13))]),
    ("On Monday, Ruiz received Peru's ambassador Luis Vera at the ministry.", [("meeting", D(2023, 11, 13))]),
    ("The governor of Arica, Ana Ruiz, received Vera on Monday.", [("meeting", D(2023, 11, 13))]),
    ("On Monday, the regional government hosted a delegation from Tacna province.", [("meeting", D(2023, 11, 13))]),
    ("The Chilean company received Peru's approval on Monday.", []),
])
def test_received_today_and_business_missions(text, expected):
    assert [(r["event_type"], r["event_date"]) for r in extract(text, table="events")] == expected


def test_an_event_named_as_the_setting_of_another_is_not_reported_twice():
    rows = extract("During his visit, the Chilean minister also met Peruvian Prime Minister Ana Ruiz.", table="events")
    assert [r["event_type"] for r in rows] == ["meeting"]


def test_an_arrival_for_a_summit_is_a_visit_and_a_heads_of_state_council_is_the_summit():
    rows = extract("Peru's president arrived in Lima on Wednesday for the summit of the Andean Community. The Andean "
                   "heads of state council convened at the Palacio de Gobierno on Thursday.", table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("visit", dt.date(2023, 11, 15)),
                                                                  ("summit", dt.date(2023, 11, 9))]


def test_a_summit_named_as_the_setting_of_a_meeting_is_reported_where_it_is_told_itself():
    rows = extract("Chile's president met Peru's president on Tuesday on the sidelines of the Pacific Alliance summit. "
                   "The summit opened at the Palacio de Gobierno in Lima on Tuesday.", table="events")
    assert [(r["event_type"], r["location"], r["evidence"][:11]) for r in rows] == [
        ("meeting", None, "Chile's pre"), ("summit", "Lima", "The summit ")]


def test_a_council_of_heads_of_state_that_met_is_one_summit():
    rows = extract("The Andean Council of Heads of State met in Lima on Friday.", table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [("summit", "Lima")]


def test_it_was_the_first_meeting_describes_the_meeting_told_before():
    rows = extract("The Chilean and Peruvian presidents met in Lima on Monday. It was the first face-to-face meeting "
                   "between the two since March.", table="events")
    assert [r["event_type"] for r in rows] == ["meeting"]


def test_meeting_on_the_sidelines_of_a_summit_told_before_is_a_meeting_of_its_own():
    rows = extract("The Pacific Alliance summit was held in Lima on Monday. The Chilean and Peruvian presidents met on "
                   "the sidelines of the summit on Monday.", table="events")
    assert [r["event_type"] for r in rows] == ["summit", "meeting"]
    rows = extract("The two leaders last met on the sidelines of the G20 summit in Lima.", table="events")
    assert [r["event_type"] for r in rows] == ["summit"]


def test_every_meeting_is_no_one_event():
    assert extract("Every meeting between Chilean and Peruvian officials ends with the same promise.", table="events") == []


def test_a_named_fair_is_an_event_and_a_fair_price_is_not():
    rows = extract("The figures were announced at the AgroExpo Andes fair in Lima, which opened on Tuesday.", table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [("other", "Lima")]
    assert extract("Chilean exporters want a fair price for copper.", table="events") == []


def test_an_event_in_a_summary_line_takes_the_dated_telling_as_its_evidence():
    text = ("Chilean minister co-chairs trade committee meeting in Lima, calls for free trade talks\n\n"
            "Chile's trade minister on Tuesday co-chaired the Chile-Peru trade committee meeting in Lima.")
    [row] = extract(text, table="events")
    assert (row["event_date"], row["location"], row["evidence"][:5]) == (D(2023, 11, 14), "Lima", "Chile")


def test_an_event_in_a_subheading_takes_the_full_telling_as_its_evidence_even_without_a_day():
    text = ("Ecuador Daily\n\nPeruvian-Ecuadorian business forum held in Quito\n\n"
            "The Peruvian-Ecuadorian business forum was held in Quito with the participation of 200 exporters.")
    [row] = extract(text, table="events", published=None)
    assert (row["location"], row["evidence"][:4]) == ("Quito", "The ")


def test_the_protocol_of_a_meeting_is_no_meeting_of_its_own():
    text = ("The 9th meeting of the Chile-Peru commission was held in Lima on Monday. At the end of the session, "
            "the co-chairs signed the protocol of the 9th meeting of the commission.")
    assert [r["event_type"] for r in extract(text, table="events")] == ["meeting"]


@pytest.mark.parametrize("text", [
    "The exporter said it is in talks with two Peruvian mills about supply contracts.",
    "The railway remains in negotiations with the port operator over tariffs.",
    "Chilean officials are also in talks with Peruvian counterparts on access for poultry.",
    "A permanent exhibition of Chilean goods will open in the trade house.",
    "An agreement on an exhibition area in Lima is to be signed in March.",
    "After the session the deputy ministers signed a Plan of Consultations between the ministries for 2024-2025.",
])
def test_being_in_talks_a_permanent_exhibition_and_a_plan_of_consultations_are_no_events(text):
    assert extract(text, table="events") == []


def test_also_held_a_meeting_is_another_event_and_the_next_meeting_agreed_in_a_call_is_none():
    text = ("The Chile-Peru commission met in Lima on Monday. The Chilean minister also held a bilateral meeting "
            "with Peru's energy minister.")
    assert [r["event_type"] for r in extract(text, table="events")] == ["meeting", "meeting"]
    text = "The presidents spoke by phone on Monday and agreed to hold the next meeting of the commission in spring."
    assert [(r["event_type"], r["event_date"]) for r in extract(text, table="events")] == [("call", D(2023, 11, 13))]


def test_the_caspian_convention_is_the_five_littoral_states_and_documents_told_after_keep_the_parties_told_before():
    rows = extract("Peru and Chile praised the Convention on the Legal Status of the Caspian Sea, signed in Aktau on "
                   "12 August 2018.", table="agreements")
    assert [r["parties"] for r in rows] == [["AZE", "IRN", "KAZ", "RUS", "TKM"]]
    rows = extract("Chile and Peru met again. Chile, Peru and Bolivia signed a trilateral memorandum on a rail corridor in "
                   "Lima on Monday. Officials also discussed a joint logistics company. It is expected that the founding "
                   "documents of the joint venture will be signed before the end of the year.", table="agreements")
    assert [r["parties"] for r in rows] == [["BOL", "CHL", "PER"], ["BOL", "CHL", "PER"]]


def test_an_event_takes_the_town_told_after_its_trigger_over_one_told_before():
    # (Bishkek is in the city list, Jalal-Abad and Naryn are not)
    rows = extract("Uzbekistan's trade attaché in Bishkek, Aziz Karimov, said at a meeting with exporters in Jalal-Abad "
                   "on Saturday that Uzbek chains were ready to buy.", table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [("meeting", "Jalal-Abad")]
    rows = extract("In Bishkek, the governor met with the envoy of Uzbekistan in Naryn region on Monday.", table="events")
    assert [r["location"] for r in rows] == ["Bishkek"]


def test_the_bloc_named_before_is_a_party_of_an_agreement_with_the_bloc():
    rows = extract("Chile and Peru met. Chile's talks with Mercosur ended in 2022. The agreement, signed in Montevideo in "
                   "December 2022, cut duties on goods traded between Chile and the bloc.", table="agreements")
    assert [r["parties"] for r in rows] == [["CHL", "MERCOSUR"]]


@pytest.mark.parametrize("text", [
    "Chile is expected to sign a free trade agreement with Mercosur, of which Peru is a member, next year.",
    "Peru is a member of Mercosur, which signed a free trade agreement with Chile in 2019.",
    "Trade between Chile and Peru grew after Mercosur's free trade agreement with Chile, signed in 2019, took effect.",
])
def test_a_bloc_member_told_as_a_member_and_the_countries_around_are_no_parties(text):
    rows = extract("Chile and Peru met. " + text, table="agreements")
    assert [r["parties"] for r in rows] == [["CHL", "MERCOSUR"]]


def test_an_agreement_signed_last_month_has_no_day_even_beside_another_day():
    rows = extract("Chile and Peru met. At a meeting with the ambassador on Monday, the minister urged traders to use the "
                   "agreement on grain transit signed last month by Chile and Peru.", table="agreements")
    assert [(r["status"], r["signed_date"]) for r in rows] == [("signed", None)]


def test_nothing_signed_yet_is_proposed_and_a_plan_told_after_talks_is_planned():
    rows = extract("Chile and Peru met. A memorandum on joint marketing of the ports was discussed, but nothing has "
                   "been signed yet.", table="agreements")
    assert [r["status"] for r in rows] == ["proposed"]
    rows = extract("Chile and Peru met. The central banks discussed a draft agreement on payments in national "
                   "currencies last autumn, but no document has been signed yet.", table="agreements")
    assert [r["status"] for r in rows] == ["proposed"]
    rows = extract("The minister met his Peruvian counterpart to discuss a transport agreement for Chilean trucks. "
                   "The agreement is expected to be signed during the visit of the president later this year.",
                   table="agreements")
    assert [r["status"] for r in rows] == ["planned"]


@pytest.mark.parametrize("text, date", [
    ("The call came ahead of the summit of the Pacific Alliance that opens in Lima on Friday.", D(2023, 11, 17)),
    ("Chile's foreign minister is due to visit Lima on Monday, the ministry said.", D(2023, 11, 20)),
    ("Chile's foreign minister visited Lima on Monday.", D(2023, 11, 13)),
    ("The forum, which was due to open on Monday, was held in Lima.", D(2023, 11, 13)),
])
def test_a_weekday_of_an_event_to_come_is_the_coming_one(text, date):
    rows = extract(text, table="events")
    assert [r["event_date"] for r in rows] == [date]


def test_a_visit_named_only_as_when_a_document_is_to_be_signed_is_no_event():
    rows = extract("The agreement is expected to be signed during the visit of Chile's president to Peru later this "
                   "year. The Chilean delegation is due to visit Lima on Friday.", table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [("visit", D(2023, 11, 17), "Lima")]


@pytest.mark.parametrize("text, type_, location", [
    ("Chilean and Peruvian leaders met at a summit in the Peruvian port city of Callao on Monday.", "summit", "Callao"),
    ("Chile's minister led a delegation to the Peruvian city of Arequipa on Monday.", "visit", "Arequipa"),
    ("Chilean and Peruvian officials held talks in the northern Peruvian port of Paita on Monday.", "meeting", "Paita"),
])
def test_a_town_told_with_its_country_and_kind_is_the_place(text, type_, location):
    rows = extract(text, table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [(type_, D(2023, 11, 13), location)]


@pytest.mark.parametrize("text, expected", [
    ("Around 60 Peruvian companies came to Santiago for the event, alongside some 120 Chilean firms.",
     [(60, "PER", "CHL"), (120, "CHL", "CHL")]),
    ("About 50 Chilean companies and over 70 Peruvian companies took part in a business forum held at the Chilean "
     "Chamber of Commerce.", [(50, "CHL", "CHL"), (70, "PER", "CHL")]),
])
def test_companies_at_an_event_at_home_are_hosted_at_home(text, expected):
    rows = extract("Chile and Peru met. " + text, table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == expected


def test_a_town_told_as_the_place_of_what_was_discussed_is_not_where_the_meeting_was():
    rows = extract("The ministers of Chile and Peru held a meeting, at which they discussed the launch of a "
                   "distribution center in the port of Callao.", table="events")
    assert [r["location"] for r in rows] == [None]


def test_a_later_plan_does_not_replace_the_visit_told_before():
    text = ("The forum was organised during a working visit to Peru by Chile's prime minister. "
            "On Wednesday, the prime minister is scheduled to visit the port of Callao.")
    rows = extract(text, table="events")
    assert rows[0]["evidence"].startswith("The forum was organised")


def test_same_day_takes_the_previous_events_date_and_until_is_not_a_date():
    text = ("The prime ministers met in Amman on Monday. "
            "A business forum opened in Aqaba on the same day. The forum runs until November 20.")
    rows = extract(text, table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [
        ("meeting", D(2023, 11, 13), "Amman"), ("forum", D(2023, 11, 13), "Aqaba")]


def test_later_in_the_day_is_the_previous_events_day_and_earlier_in_the_day_the_storys():
    rows = extract("The prime ministers of Chile and Peru met in Lima on Monday. Later in the day, the two "
                   "leaders opened a business forum.", table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("meeting", D(2023, 11, 13)), ("forum", D(2023, 11, 13))]
    rows = extract("Chile's President Ana Rojas received Peru's Foreign Minister Luis Vera in Santiago. Rojas recalled "
                   "their phone call on 2 November. Earlier in the day, a business forum opened in Santiago.", table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows][-2:] == [("call", D(2023, 11, 2)),
                                                                       ("forum", D(2023, 11, 15))]    # published


def test_a_capitalised_word_that_is_no_city_is_not_a_location():
    rows = extract("The ministers met in January to review the plan. They held talks in Ak Orda.", table="events")
    assert [r["location"] for r in rows] == [None]
    assert [r["location"] for r in extract("The minister visited Putin on Monday.", table="events")] == [None]


def test_town_named_after_a_country_and_rounds_of_negotiations():
    rows = extract("The Egyptian minister visited Port Sudan on Wednesday.", table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [("visit", "Port Sudan")]
    rows = extract("Georgia and Armenia held the 15th round of negotiations in Tbilisi.", table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [("meeting", "Tbilisi")]


@pytest.mark.parametrize("text, type_, status, count", [
    # plans and programmes of cooperation, and signings watched or welcomed
    ("Chile and Peru are neighbours. The ministers signed a plan of consultations between the two foreign ministries.",
     "plan", "signed", 1),
    ("Chile and Peru are neighbours. The two ministers signed an executive programme for 2024-2026.", "programme", "signed", 1),
    ("Chile and Peru are neighbours. The leaders watched their ministers sign 11 agreements covering energy.",
     "agreement", "signed", 11),
    ("Chile and Peru are neighbours. The presidents welcomed the signing of a memorandum between the railways.",
     "memorandum of understanding", "signed", 1),
    ("Chile and Peru met in Lima, with the two sides signing 11 cooperation documents in transit and health.",
     "document", "signed", 11),
    ("Chile and Peru are neighbours. Nine intergovernmental and inter-agency documents were signed.", "document", "signed", 9),
    ("Chile and Peru are neighbours. The two sides signed three framework agreements covering mining.", "agreement", "signed", 3),
    # one document, then more of another kind in the same list
    ("Chile and Peru are neighbours. They signed an agreement on defence and a letter of intent on nuclear safety.",
     "agreement", "signed", 2),
    ("Chile and Peru are neighbours. They signed a framework agreement on transit and four memoranda on energy.",
     "agreement", "signed", 5),
    ("The two prime ministers witnessed the signing of six documents in Tokyo.", "document", "signed", 6),
    ("The ministers signed the 2023-2025 Canada-Mexico Action Plan on Monday.", "action plan", "signed", 1),
    ("Japan and the Philippines expect to sign an agreement on fisheries next year.", "agreement", "planned", 1),
    ("Spain and Morocco cooperate under a roadmap adopted in April 2022.", "roadmap", "signed", 1),
    ("The ministers of Chad and Niger agreed to sign a transit agreement at the next summit.", "agreement", "planned", 1),
    ("Chad and Niger agreed to finalise a transit agreement by the end of the year.", "agreement", "proposed", 1),
    ("In Beijing, Chad's minister signed four sanitary protocols with China's customs.", "protocol", "signed", 4),
    ("The leaders of Chad and Niger signed a joint statement on their partnership.", "joint statement", "signed", 1),
    ("The talks between Chad and Niger ended with the signing of 20 memoranda.", "memorandum of understanding",
     "signed", 20),
    ("Chad should press for a new agreement on market access with Niger.", "agreement", "proposed", 1),
    ("Chad and Niger said a bilateral agreement could be signed by the end of May.", "agreement", "planned", 1),
    ("Chadian and Nigerien companies concluded five export contracts.", "contract", "signed", 5),
    ("Chad and Niger signed five cooperation documents on Monday.", "document", "signed", 5),
    ("Chad and Niger exchanged six signed documents.", "document", "signed", 6),
    ("Chad expects to sign around nine instruments with Niger.", "instrument", "planned", 9),
    ("The session of the Chad-Niger commission closed on Monday with the signing of a final protocol.",
     "protocol", "signed", 1),
    ("Chad and Niger also agreed to work on an agreement on driving licences.", "agreement", "proposed", 1),
    ("Chad and Niger signed a convention on the mutual protection of investments.", "convention", "signed", 1),
    ("Chad and Niger agreed to sign a mutual recognition arrangement for trusted traders.", "arrangement", "planned", 1),
    ("A free trade agreement, under negotiation since 2006, is being finalised.", "agreement", "proposed", 1),
    ("A transit agreement is being finalised and is expected to be signed before the end of the year.",
     "agreement", "planned", 1),
    ("The prime ministers of Chad and Niger witnessed the exchange of two memoranda.", "memorandum of understanding",
     "signed", 2),
    # documents of a list signed together: the sentence reports them all
    ("Chad and Niger signed a memorandum on a working group and a contract for the supply of lemons.",
     "memorandum of understanding", "signed", 2),
    ("Chad and Niger signed a protocol on customs, a memorandum on transport and a contract for lemons.",
     "protocol", "signed", 3),
    ("Chad and Niger signed a concession agreement with Benin to revive the railway, a three-way deal.",
     "agreement", "signed", 1),
    ("The commission of Chad and Niger is expected to finalise a free trade agreement in April.", "agreement", "planned", 1),
    ("Chad and Niger discussed a draft agreement on the border zone, which Chad hopes to finalise soon.",
     "agreement", "proposed", 1),
    ("The leaders of Chad, Niger and Mali signed a joint communique on border security.", "communique", "signed", 1),
    ("In 2019 the presidents of Chad and Niger put their names to a long-term cooperation programme.",
     "programme", "signed", 1),
])
def test_more_agreement_forms(text, type_, status, count):
    rows = extract(text, table="agreements")
    assert [(r["agreement_type"], r["status"], r["agreement_count"]) for r in rows] == [(type_, status, count)]


def test_generic_communiques_are_no_agreement():
    assert extract("Progress is slower than the ministers' communiqués suggest, Chad and Niger officials admit.",
                   table="agreements") == []


def test_a_signing_on_the_same_day_takes_the_day_told_before_and_an_agreement_in_force_takes_none():
    rows = extract("The foreign ministers of Chad and Niger met in Niamey on Monday. They signed a cooperation "
                   "programme for 2025-2027 on the same day.", table="agreements")
    assert [(r["agreement_type"], r["signed_date"]) for r in rows] == [("programme", dt.date(2023, 11, 13))]
    rows = extract("On Tuesday, Chad's minister met Niger's ambassador to review the implementation of the 25-year "
                   "cooperation programme.", table="agreements")
    assert [(r["status"], r["signed_date"]) for r in rows] == [("signed", None)]


def test_an_agreement_announced_after_another_is_a_new_one():
    text = ("Chad and Niger signed an agreement on transport on Monday. "
            "The sides announced that an agreement on social security will be signed next year.")
    rows = extract(text, table="agreements")
    assert [(r["agreement_type"], r["status"]) for r in rows] == [("agreement", "signed"), ("agreement", "planned")]


def test_past_an_agreement_told_before_the_next_one_in_the_sentence_counts():
    text = ("Chad and Niger signed a border treaty on Monday. "
            "Apart from the border treaty, the sides signed 11 more documents.")
    rows = extract(text, table="agreements")
    assert [(r["agreement_type"], r["agreement_count"]) for r in rows] == [("treaty", 1), ("document", 11)]


@pytest.mark.parametrize("text, location", [
    ("Chad's trade minister met Niger's Minister of Commerce Ali Moussa Garba in Zinder on Tuesday.", "Zinder"),
    ("The ministers held talks in Phnom Penh on Monday.", "Phnom Penh"),
    ("Prime Minister Ali Garba arrived in Djibouti on Saturday for a working visit.", "Djibouti"),
    ("Chad's minister met the Nigerien delegation at Agadez on Monday.", "Agadez"),
    ("President Ali Garba arrived in Cape Town on 2 December for a state visit.", "Cape Town"),
    ("The trade fair opened in Ho Chi Minh City on Monday.", "Ho Chi Minh City"),
    ("The two governments held a joint meeting in Chișinău on Monday.", "Chișinău"),
    ("Chad and Niger agreed on the railway during the eighth session of their Intergovernmental Commission in "
     "Zinder.", "Zinder"),
    ("The ministers met in Panama City on Monday.", "Panama City"),          # a country's name, then "City"
    ("Chad and Niger held the 10th meeting of their commission in the city of Zinder on Thursday.", "Zinder"),
    ("Chad's minister paid an official visit to Zinder from 15 to 17 January.", "Zinder"),
    ("Railway officials met in Agadez on Sunday with delegates from Niamey.", "Agadez"),   # the place right after
])
def test_event_location_from_a_city_the_list_does_not_know(text, location):
    assert [r["location"] for r in extract(text, table="events")][:1] == [location]


def test_a_title_after_in_is_not_a_city():
    rows = extract("Chad's minister met in President Ali Garba's office on Monday.", table="events")
    assert [r["location"] for r in rows] == [None]


def test_an_agreement_between_two_names_those_two():
    text = "Chad and Niger met. Niger agreed to discuss a free trade agreement between Chad and the European Union."
    assert [r["parties"] for r in extract(text, table="agreements")] == [["EU", "TCD"]]


def test_a_swap_arrangement_and_a_convention_centre_are_no_documents():
    assert extract("Chad and Niger discussed supplying gas through a swap arrangement.", table="agreements") == []
    rows = extract("Chad and Niger signed six documents at the convention centre.", table="agreements")
    assert [r["agreement_type"] for r in rows] == ["document"]


def test_different_documents_signed_the_same_day_are_separate():
    text = ("Chad and Niger met. The session closed on Monday with the signing of a final protocol. "
            "Four memoranda of understanding were also inked on Monday.")
    rows = extract(text, table="agreements")
    assert [(r["agreement_type"], r["agreement_count"]) for r in rows] == [
        ("protocol", 1), ("memorandum of understanding", 4)]


def test_a_bloc_named_as_the_venue_is_no_party():
    rows = extract("Chad and Niger met. The ministers agreed to sign a transit agreement at the next ECOWAS summit.",
                   table="agreements")
    assert [r["parties"] for r in rows] == [["NER", "TCD"]]


def test_a_country_goods_pass_through_is_no_party():
    rows = extract("Chad and Niger met. The sides signed eight documents, including a memorandum on gas supplies via "
                   "Nigeria.", table="agreements")
    assert [(r["parties"], r["agreement_count"]) for r in rows] == [(["NER", "TCD"], 8)]


@pytest.mark.parametrize("text, count", [
    ("Chad and Niger met. The visit produced a package of 28 intergovernmental and commercial agreements.", 28),
    ("Chad and Niger met. The session yielded 9 cooperation documents on transit, customs and health.", 9),
])
def test_documents_a_visit_produced_are_signed(text, count):
    assert [(r["status"], r["agreement_count"]) for r in extract(text, table="agreements")] == [("signed", count)]
    assert extract("Chad and Niger met. The factory produced a record under the agreement.", table="agreements") == []


def test_a_deal_in_a_condition_is_no_agreement():
    assert extract("Chad and Niger met. Farmers will block the border if no deal is reached.", table="agreements") == []


@pytest.mark.parametrize("text, type_", [
    ("Chad's minister said after meeting his Nigerien counterpart Ali Garba in Niamey on Tuesday.", "meeting"),
    ("Regional leaders met at the first Africa-Gulf summit in Niamey in May 2023.", "summit"),
    ("President Ali Garba spoke with President Mahamat Deby by phone on Monday.", "call"),
    ("Chad's minister held phone talks with his Nigerien counterpart on Tuesday.", "call"),
    ("Chad's deputy foreign minister travelled to Niamey on Monday for political consultations.", "visit"),
    ("The two prime ministers discussed the border dispute by phone on Wednesday evening.", "call"),
    ("The presidents of Chad and Niger held talks by phone on Sunday.", "call"),
    ("The telephone talk held between the two prime ministers on Monday was cordial.", "call"),
    ("In Niamey the Chadian minister also called on the Prime Minister of Niger.", "meeting"),
    ("The presidents discussed the preparations for the visit in a phone call on Monday.", "call"),
    ("The ministers discussed preparations for the next session of the two countries' intergovernmental commission "
     "in a telephone call on Tuesday.", "call"),
    ("The ministers co-chaired the 21st session of the Chad–Niger Intergovernmental Commission.", "meeting"),
    ("The national exposition of Chad opened in Niamey.", "other"),
    ("Chadian exporters are holding a business roundtable with Nigerien buyers.", "meeting"),
    ("The Chadian envoy was received on Tuesday by Niger's prime minister, Ali Garba.", "meeting"),
    ("The Chadian minister also called on Niger's Federal Minister for Trade, Ali Garba, on Tuesday.", "meeting"),
    ("The Chad-Niger Business Council convened in Niamey on Wednesday.", "meeting"),
    ("The Chadian-Nigerien commission held its ninth session in Niamey last week.", "meeting"),
])
def test_more_event_forms(text, type_):
    assert [r["event_type"] for r in extract(text, table="events")] == [type_]


def test_an_event_over_days_is_dated_by_its_first_day():
    rows = extract("Chad's minister paid an official visit to Niamey from 15 to 17 January.", table="events")
    assert [r["event_date"] for r in rows] == [D(2023, 1, 15)]


@pytest.mark.parametrize("text", ["Chad called on Niger to reopen the border.",
                                  "The minister called on Nigerien exporters to use the new crossing."])
def test_calling_on_a_country_is_no_event(text):
    assert extract(text, table="events") == []


@pytest.mark.parametrize("text", [
    "Ali Garba is a former diplomat and a visiting fellow at a Niamey think tank.",
    "Both sides reviewed the issues discussed in the previous meeting, including transit fees.",
])
def test_a_visiting_fellow_and_a_previous_meeting_are_no_events(text):
    assert extract(text, table="events") == []


def test_counted_travellers_are_no_visit():
    assert extract("Chad's GDP grew 4%, and about 1.4 million Nigeriens visited Chad last year.", table="events") == []


def test_a_next_meeting_without_date_or_place_is_no_event():
    assert extract("Chad and Niger disagree, and no date has been set for the next meeting of the council.",
                   table="events") == []


def test_a_third_country_the_parties_act_jointly_with_is_a_party():
    text = ("Chad and Niger held talks on Monday. The parties agreed to prepare a draft agreement on the dam "
            "jointly with the Republic of Mali.")
    assert [r["parties"] for r in extract(text, table="agreements")] == [["MLI", "NER", "TCD"]]


def test_trigger_prefilter_finds_what_the_full_pattern_finds():
    """events._trigger_matches skips the slow regex where no trigger can start; it must find the
    same triggers as the regex run everywhere, on every sentence of the seeds and the devset."""
    from pipeline.extract import events
    from pipeline.text import split_sentences
    from tests.conftest import PROJECT
    files = [*sorted((PROJECT / "seeds").glob("*.txt")), *sorted((PROJECT / "tests/data/devset/articles").glob("*.txt"))]
    sentences = [s.text for f in files for s in split_sentences(f.read_text(encoding="utf-8"))]
    sentences += [c[0] for c in [("The Armenian president received a Georgian delegation.",),
                                 ("They attended a ceremony in Gyumri.",), ("The Business Council met in Baku.",),
                                 ("The opening ceremony was held on Monday in Lima.",), ("The mill was inaugurated.",),
                                 ("Banco Andino opened a representative office in Lima on Saturday.",),
                                 ("Talks in narrow and expanded formats were held at the palace.",),
                                 ("The presidents had spoken by phone.",), ("The Joint Economic Commission concluded.",),
                                 ("They spoke at the end of talks in Lima.",),
                                 ("The council will hold its next plenary session in Cusco.",)]]
    assert len(sentences) > 300
    for text in sentences:
        fast = [(m.start(), m.end(), m.lastgroup) for m in events._trigger_matches(text)]
        full = []
        pos = 0
        for m in events._TRIGGER.finditer(text):
            if m.start() >= pos:
                full.append((m.start(), m.end(), m.lastgroup))
                pos = m.end()
        assert fast == full, text


def test_weekday_needs_a_publication_date():
    rows = extract("The ministers met in Bishkek on Monday.", published=None, table="events")
    assert rows[0]["event_date"] is None


def test_meeting_referred_to_again_is_one_event():
    text = ("The Iranian and Turkmen ministers met in Ashgabat on Sunday. "
            "In the meeting, the sides discussed gas supplies. The meeting lasted two hours.")
    assert len(extract(text, table="events")) == 1


@pytest.mark.parametrize("text", [
    "The company is meeting the demand for grain.",
    "They suggested that regular meetings be held.",
])
def test_not_events(text):
    assert extract(text, table="events") == []


def test_chrome_headlines_state_no_facts():
    text = ("Trade grew.\n\nRead More:\n\nKazakhstan, China trade hits $30 billion\n\n"
            "Uzbek president visits Ankara\n")
    rows = extract(text)
    assert all(rows[t] == [] for t in rows), rows


def test_held_talks_is_a_meeting():
    rows = extract("The two leaders held talks in Tashkent on Monday.", table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [("meeting", "Tashkent")]


def test_every_company_noun_ends_in_a_prefilter_word():
    import re as _re
    from pipeline.extract import companies
    nouns = _re.fullmatch(r"\((.*)\)", companies._COMPANY_NOUN).group(1).split("|")
    for noun in nouns:
        last = _re.split(r"\\s\+|-", noun)[-1].replace("s?", "s")
        assert {last, last.rstrip("s")} & companies._COMPANY_WORDS, noun


@pytest.mark.parametrize("noun", ["memorandum of understanding", "MoU", "MoUs", "memoranda", "memorandums", "roadmap",
                                  "road map", "road maps", "protocols", "contract", "treaty", "treaties", "accord",
                                  "joint declaration", "declarations", "action plan", "agreements", "deal",
                                  "cooperation documents", "document"])
def test_every_agreement_noun_passes_the_prefilter(noun):
    import re as _re
    from pipeline.extract import agreements
    assert agreements._NOUN.fullmatch(noun)
    assert set(_re.findall(r"\w+", noun.lower())) & agreements._NOUN_WORDS


@pytest.mark.parametrize("text, counts", [
    ("Trade rose 1.8 times as 40 firms joined.", [40]),          # no count from the decimal's digits
    ("Palm oil traded at RM3,950 a tonne as 12 Malaysian firms took part.", [12]),
    ("Some two dozen companies and about 300 traders took part.", [24, 300]),
    ("One hundred and fifteen firms and a hundred and twenty traders took part.", [115, 120]),
    ("Seven hundred forty-two firms and two hundred traders took part.", [742, 200]),
    ("Almost two thousand joint ventures and a thousand traders are registered.", [2000, 1000]),
])
def test_counts_start_at_a_number_or_its_qualifier(text, counts):
    from pipeline.numbers import find_counts
    assert [c.value for c in find_counts(text)] == counts


def test_the_session_of_a_commission_told_before_is_not_a_new_event():
    rows = extract("Trade grew, the Georgian minister said after a meeting of the Georgian-Armenian commission. He and "
                   "the Armenian minister co-chaired the commission's 9th session, which was held in Gyumri on Tuesday.",
                   table="events")
    assert len(rows) == 1


def test_a_bloc_named_often_is_a_side_but_a_bloc_beside_two_countries_is_context():
    often = ("Chad and the EU met in Brussels. EU officials praised Chad. Chad-EU trade grew. The EU is Chad's main "
             "partner. Italy sent a delegation. The sides expect to sign a roadmap with the EU, the EU envoy said.")
    rows = extract(often, table="agreements")
    assert [sorted(r["parties"]) for r in rows] == [["EU", "TCD"]]
    beside = ("Chad and Niger met in Niamey. Chad and Niger are ECOWAS neighbours. The sides expect to sign a roadmap "
              "on Chad-Niger trade, officials of Chad and Niger said.")
    assert [sorted(r["parties"]) for r in extract(beside, table="agreements")] == [["NER", "TCD"]]


def test_each_document_of_a_list_of_signed_documents_is_one_agreement():
    rows = extract("Chile and Peru are neighbours. After the talks on Monday, the following documents were signed:\n\n"
                   "1. Agreement between the Government of Chile and the Government of Peru on the Andean Transport Route;\n\n"
                   "2. Memorandum of Understanding between the ministries of energy on cooperation in green energy;\n\n"
                   "3. Program of Cultural Cooperation between the two countries for 2024-2026.\n\n"
                   "The presidents also visited a school.", table="agreements")
    assert [(r["agreement_type"], r["status"], r["signed_date"], r["parties"], r["agreement_count"]) for r in rows] == [
        ("document", "signed", D(2023, 11, 13), ["CHL", "PER"], 3),
        ("agreement", "signed", D(2023, 11, 13), ["CHL", "PER"], 1),
        ("memorandum of understanding", "signed", D(2023, 11, 13), ["CHL", "PER"], 1),
        ("program", "signed", D(2023, 11, 13), ["CHL", "PER"], 1)]


def test_the_programme_of_a_visit_is_no_document():
    assert extract("Chile and Peru are neighbours. The programme of the visit includes talks on trade.",
                   table="agreements") == []


def test_a_paragraph_after_one_signed_document_is_no_list_item():
    rows = extract("Chile and Peru are neighbours. On Monday the ministers signed a memorandum on energy:\n\n"
                   "The agreement provides for joint solar projects.", table="agreements")
    assert [(r["agreement_type"], r["agreement_count"]) for r in rows] == [("memorandum of understanding", 1)]


def test_companies_at_a_forum_are_hosted_where_it_is_held_even_at_home():
    text = ("A Kyrgyz-Uzbek business forum took place in Tashkent on Tuesday, bringing together over 110 Kyrgyz "
            "companies and 75 Uzbek firms.")
    rows = extract(text, table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == [
        (110, "KGZ", "UZB"), (75, "UZB", "UZB")]
    # a country named for another clause is no home host
    text = ("More than 2,000 companies with Chilean capital operate in Peru, and over 70 companies from Peru took "
            "part in the accompanying export fair.")
    rows = extract(text, table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == [
        (2000, "CHL", "PER"), (70, "PER", "CHL")]


@pytest.mark.parametrize("text, expected", [
    ("Chad and Niger met. There were 614 legal entities with Nigerien participation registered in Chad, 389 of which "
     "were operating.", [(614, "NER", "TCD"), (389, "NER", "TCD")]),
    ("Chad and Niger met. Some 640 companies with Nigerien capital are registered in Chad. That is 9% more than a year "
     "earlier, but only 412 of them are actually operating.", [(640, "NER", "TCD"), (412, "NER", "TCD")]),
    ("Chad and Niger met. Over 900 companies with Nigerien capital are registered in Chad, of which around 540 are "
     "currently active.", [(900, "NER", "TCD"), (540, "NER", "TCD")]),
    ("Chad and Niger met. About 700 Nigerien companies are registered in Chad, of which 17 are food producers.",
     [(700, "NER", "TCD"), (17, "NER", "TCD")]),
    ("Chad and Niger met. About 180 Nigerien companies export to Chad, and 37 of them have their own offices in "
     "N'Djamena.", [(180, "NER", "TCD"), (37, "NER", "TCD")]),
    # a part by size is not a count of companies present
    ("Chad and Niger met. Some 800 Nigerien companies operate in Chad, and a dozen of them employ more than 1,000 "
     "people each.", [(800, "NER", "TCD")]),
    ("Chad and Niger met. Chad is home to more than 4,600 companies with Turkish capital and about 5,300 with Chinese "
     "participation.", [(4600, "TUR", "TCD"), (5300, "CHN", "TCD")]),
    ("Chad and Niger met. The number of companies with Nigerien capital operating in Chad increased over the year from "
     "297 to 341.", [(297, "NER", "TCD"), (341, "NER", "TCD")]),
    ("Chad and Niger met. Some 19 Nigerien steelmakers have sales offices in Chad.", [(19, "NER", "TCD")]),
    ("Chad and Niger met. Eleven Nigerien processors are now accredited to ship refined oil to Chad.", [(11, "NER", "TCD")]),
    ("Chad and Niger met. Seventeen Nigerien meat processing plants have been included in Chad's register.",
     [(17, "NER", "TCD")]),
    # a part by trade
    ("Chad and Niger met. There are 45 companies with Nigerien capital in Chad. Twelve of them are engaged in food "
     "processing.", [(45, "NER", "TCD"), (12, "NER", "TCD")]),
    # a share of something else is no count of companies
    ("Chad and Niger met. Some 640 companies with Nigerien capital are registered in Chad. Trade grew 5%, and 40 of "
     "them are new.", [(640, "NER", "TCD")]),
])
def test_counts_of_companies_told_in_parts(text, expected):
    rows = extract(text, table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == expected


def test_talks_on_or_working_out_an_agreement_is_proposed_and_an_exhibition_centre_is_no_event():
    text = "Chad and Niger met. They also agreed to work out an agreement on establishing a joint exhibition center."
    assert [(r["agreement_type"], r["status"]) for r in extract(text, table="agreements")] == [("agreement", "proposed")]
    assert [r["evidence"] for r in extract(text, table="events")] == ["Chad and Niger met."]
    text = "Chad and Niger met. The ministry said in June that talks on a protocol had begun."
    assert [(r["agreement_type"], r["status"]) for r in extract(text, table="agreements")] == [("protocol", "proposed")]


def test_a_nationality_before_the_company_noun_and_in_the_country():
    rows = extract("Chilean companies in Peru number 500, and Peru wants more. Turkish companies remain the largest "
                   "foreign business community in the country, with more than 4,000 firms, while Chinese-owned "
                   "businesses number about 3,200.", table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == [
        (500, "CHL", "PER"), (4000, "TUR", "PER"), (3200, "CHN", "PER")]


def test_a_body_named_in_a_summit_and_the_forum_again_are_the_one_summit():
    rows = extract("The sixth summit of the Conference on Andean Integration gathered heads of state in Lima, with Peru, "
                   "as chair, pressing to turn the forum into an international organization.", table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [("summit", "Lima")]


@pytest.mark.parametrize("text", [
    "Lima. 21 May 2025. ANDINA – Chile and Peru have signed an agreement on a grain terminal.",
    "Chile and Peru have signed an agreement on a grain terminal, the ministry said on Wednesday.",
])
def test_the_reports_date_is_no_signing_date(text):
    [row] = extract(text, published=dt.date(2025, 5, 21), table="agreements")
    assert (row["status"], row["signed_date"]) == ("signed", None)


def test_a_separate_meeting_is_another_event_and_on_the_sidelines_takes_the_days_event():
    rows = extract("On 8 December 2021, the heads of the railways of Chile, Peru and Bolivia met in Lima. The parties "
                   "agreed to hold the next meeting in La Paz. A separate bilateral meeting between the Chilean and "
                   "Peruvian delegations was held on the sidelines, at which Peru proposed a joint terminal.",
                   table="events")
    assert [(r["event_date"], r["location"]) for r in rows] == [
        (D(2021, 12, 8), "Lima"), (None, "La Paz"), (D(2021, 12, 8), "Lima")]
    rows = extract("The Chile-Peru business council met in Lima on Monday. Earlier, the vice minister held a separate "
                   "meeting with the ambassador of Peru.", published=D(2024, 3, 5), table="events")
    assert [r["event_type"] for r in rows] == ["meeting", "meeting"]


def test_talks_during_a_visit_are_the_visit_but_a_commissions_meeting_and_also_met_are_events():
    rows = extract("Peru's ambassador visited Arica port on Tuesday and met the port's management.",
                   published=D(2020, 7, 1), table="events")
    assert [r["event_type"] for r in rows] == ["visit"]
    rows = extract("The Chilean minister, who is on a working visit to Lima to attend the 19th meeting of the "
                   "intergovernmental commission, met President Boluarte. The minister also met with Peru's prime "
                   "minister on Saturday.", published=D(2025, 1, 29), table="events")
    assert [r["event_type"] for r in rows] == ["visit", "meeting", "meeting"]


def test_two_kinds_of_company_words_before_the_noun():
    rows = extract("Fifteen Peruvian shipping and forwarding companies have opened offices in Chile.",
                   table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == [(15, "PER", "CHL")]


def test_the_agreement_signed_on_a_day_told_after_it_dates_it():
    rows = extract("The free trade agreement between Chile and Peru entered into force on May 15, the commission said. "
                   "The agreement was signed in Lima on December 25, 2023 by the two presidents.",
                   published=D(2025, 5, 20), table="agreements")
    assert [(r["status"], r["signed_date"]) for r in rows] == [("signed", D(2023, 12, 25))]
    # a document of its own, named after the definite article, is no back-reference
    rows = extract("The two sides signed a trade agreement in Lima in July 2022. The framework agreement for the "
                   "Chile-Peru railway was signed in Arica on July 18, 2023.", published=D(2025, 5, 20),
                   table="agreements")
    assert [r["signed_date"] for r in rows][0] is None


def test_a_summit_named_as_the_sidelines_of_a_meeting_is_no_event_of_its_own():
    rows = extract("TASHKENT – President Ana Ruiz met Chile's Vice President Luis Soto on Wednesday on the sidelines of "
                   "the sixth Andean summit in Tashkent.", published=D(2022, 10, 13), table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [("meeting", D(2022, 10, 12), "Tashkent")]


def test_received_his_counterpart_is_a_meeting_and_the_meeting_a_visit_follows_is_another():
    rows = extract("TASHKENT – Uzbekistan's foreign minister received his Turkmen counterpart in Tashkent on Tuesday. "
                   "The Turkmen minister arrived in Tashkent on Monday. The visit follows a meeting between the two "
                   "leaders on the sidelines of the summit in Samarkand in September 2022.", published=D(2023, 6, 14),
                   table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [
        ("meeting", "Tashkent"), ("visit", "Tashkent"), ("meeting", "Samarkand")]


def test_companies_at_an_event_told_before_are_hosted_where_it_is_held_and_representatives_are_people():
    rows = extract("The Chile-Peru business forum opened in Tashkent on Monday. Over 80 Peruvian firms took part in "
                   "business-to-business sessions, and the forum was attended by some 400 company representatives.",
                   table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == [(80, "PER", "UZB")]


@pytest.mark.parametrize("text", [
    '"The economics only work if the payments are safe," said an analyst. "Neither condition is met today."',
    "Ana Ruiz is a non-resident fellow at the Andean Policy Forum.",
    "Ana Ruiz, who follows Chilean affairs at the Lima Policy Forum, believes the deal will help.",
])
def test_a_condition_met_and_an_institutions_name_are_no_events(text):
    assert extract(text, table="events") == []


@pytest.mark.parametrize("text", [
    "Newsletter: Get the Ledger's weekly Andean briefing in your inbox.",
    "Chile and Peru met. The spokesperson told a weekly briefing on Thursday that the talks went well.",
])
def test_a_briefing_is_an_event_only_as_a_briefing_somewhere(text):
    assert [r["event_type"] for r in extract(text, table="events") if r["event_type"] == "press_conference"] == []


def test_speaking_to_the_press_somewhere_is_a_press_conference_and_a_question_is_no_event():
    rows = extract("After talks in narrow and expanded formats, the two presidents spoke to the press in Lima on 11 March.",
                   published=D(2025, 3, 12), table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [("press_conference", D(2025, 3, 11), "Lima")]
    assert extract("Q: On Bolivia, will Peru host a new regional meeting?", table="events") == []


@pytest.mark.parametrize("text, counts", [
    ("More than 40 Chilean oilfield service companies have registered in Peru.", [(40, "CHL", "PER")]),
    ("About 30 Chilean crushers and traders now hold Peruvian import codes.", [(30, "CHL", "PER")]),
    ("Around 120 Peruvian and 35 Chilean firms took part in the forum in Arequipa.", [(120, "PER", "PER"), (35, "CHL", "PER")]),
    ("The Chilean delegation held more than 140 B2B meetings with companies from Arequipa.", []),
])
def test_two_words_before_the_company_noun_and_a_noun_shared_by_two_counts(text, counts):
    assert _company_counts(f"Chile and Peru met. {text}") == counts


def _company_counts(text):
    return [(r["company_count"], r["company_country"], r["host_country"]) for r in extract(text, table="company_counts")]


def test_a_meeting_held_by_video_conference_is_one_meeting_and_a_forum_only_praised_is_no_event():
    rows = extract("Deputy trade ministers of Chile and Peru held a meeting via video conference on Monday to discuss trade. "
                   "In this conversation, the Chilean minister congratulated his Peruvian counterpart on the successful "
                   "holding of the Lima Economic Forum.", published=D(2021, 1, 5), table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("meeting", D(2021, 1, 4))]


def test_a_reception_is_an_event_and_the_ceremony_attended_is_that_one():
    rows = extract("The Embassy of Chile in Lima held a reception on the occasion of its national day. Peruvian Deputy "
                   "Minister Ana Ruiz, who attended the ceremony, congratulated the Chilean people.", table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [("other", "Lima")]


def test_the_numbered_session_after_a_meeting_named_as_a_setting_is_that_meeting():
    rows = extract("LIMA - Chile is sending more copper to Peru, officials said on the sidelines of a joint economic "
                   "commission meeting that ended this week. The 17th session of the Chile-Peru joint economic commission "
                   "was held in Lima on June 16.", published=D(2019, 6, 18), table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [("meeting", D(2019, 6, 16), "Lima")]


def test_a_headline_setting_without_the_and_a_dated_summit_after_a_dateline():
    rows = extract("Chilean delegation holds talks in Lima on sidelines of APEC summit\n\n"
                   "LIMA – The summit of APEC started today in Lima with the participation of the leaders. The Chilean "
                   "president, who on arrival was met at the airport by the Prime Minister of Peru, held a meeting with "
                   "the President of Peru.", published=D(2024, 11, 14), table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [
        ("meeting", None, "Lima"), ("summit", D(2024, 11, 14), "Lima")]


@pytest.mark.parametrize("text, types", [
    ("The Chilean minister led a delegation to Lima this week for the Expoalimentaria exhibition.", ["visit"]),
    ("The new Chile-Peru shipping service will make a round trip every ten days.", []),
])
def test_an_exhibition_a_visit_was_for_and_a_round_trip_are_no_events_of_their_own(text, types):
    assert [r["event_type"] for r in extract(text, table="events")] == types


def test_the_day_a_statement_was_made_is_not_the_signing_day_and_an_uncounted_signing_is_the_counted_one():
    rows = extract("The railways of Chile and Peru have signed an agreement on a through tariff, the ministry said in a "
                   "statement on Friday. The agreement was signed in Lima on July 5.", published=D(2017, 7, 7),
                   table="agreements")
    assert [(r["agreement_type"], r["signed_date"]) for r in rows] == [("agreement", D(2017, 7, 5))]
    rows = extract("Today the president of Chile held talks with his Peruvian counterpart, which were followed by the "
                   "signing of the documents. The two sides signed a total of eleven documents.", table="agreements")
    assert [(r["agreement_type"], r["agreement_count"]) for r in rows] == [("document", 11)]


def test_an_agreement_coming_into_force_is_no_signing_day_and_a_timelines_entries_are_signed_on_their_dates():
    rows = extract("The free trade agreement between Chile and Peru came into force on Thursday, lowering tariffs on goods "
                   "exchanged between the two countries.",
                   published=D(2025, 5, 16), table="agreements")
    assert [(r["status"], r["signed_date"]) for r in rows] == [("signed", None)]
    rows = extract("Chile and Peru: a timeline\n\n17 May 2018 – Chile and Peru sign an interim agreement on a free trade "
                   "zone in Lima.\n7 April 2021 – Foreign ministers meet in Santiago and sign a memorandum on consultations.\n",
                   published=D(2024, 5, 15), table="agreements")
    assert [(r["agreement_type"], r["status"], r["signed_date"]) for r in rows] == [
        ("agreement", "signed", D(2018, 5, 17)), ("memorandum of understanding", "signed", D(2021, 4, 7))]



@pytest.mark.parametrize("text, counts", [
    # (the region list holds Iranian and Kazakh provinces)
    ("The delegation includes representatives of 25 Mazandaran-based firms.", [(25, "IRN", "KAZ")]),
    ("Representatives of some 30 Mangystau agricultural companies accompanied the akim.", [(30, "KAZ", "IRN")]),
    ("Four Iranian shipping lines now call at Kuryk regularly.", [(4, "IRN", "KAZ")]),
    ("Eight travel agencies from Shymkent took part in a familiarisation tour.", [(8, "KAZ", "IRN")]),
])
def test_a_regions_companies_are_its_countrys_and_shipping_lines_and_travel_agencies_are_companies(text, counts):
    assert _company_counts(f"Iran and Kazakhstan met. {text}") == counts


def test_a_headline_and_the_first_full_telling_are_one_event():
    rows = extract("Chilean and Peruvian Foreign Ministers hold telephone conversation\n\nOn 11 March, Minister of Foreign "
                   "Affairs of Chile Ana Ruiz held a telephone conversation with Minister of Foreign Affairs of Peru Luis "
                   "Soto.", published=D(2025, 3, 12), table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("call", D(2025, 3, 11))]


@pytest.mark.parametrize("text", [
    "The minister invited Peruvian business circles to take part in the Lima International Forum.",
    "The deputy minister invited Chilean companies to the agricultural exhibition in Lima in the autumn.",
    "The parties discussed the organisation of a Chilean trade mission to Lima and the preparations for the next meeting.",
    "The leaders touched upon interaction within the UN, the Conference on Interaction and Confidence-Building "
    "Measures in Asia and other bodies.",
])
def test_invitations_plans_and_a_bodys_name_are_no_events(text):
    assert extract(f"Chile and Peru held talks in Lima on Monday. {text}", published=D(2025, 3, 12), table="events") == [
        r for r in extract("Chile and Peru held talks in Lima on Monday.", published=D(2025, 3, 12), table="events")]


def test_a_session_ending_with_signings_and_the_meeting_told_again_with_its_day_and_place():
    rows = extract("The 18th session of the Chile-Peru Joint Economic Commission ended in Lima with the signing of nine "
                   "cooperation documents in the fields of transport and energy.", table="agreements")
    assert [(r["agreement_type"], r["status"], r["agreement_count"]) for r in rows] == [("document", "signed", 9)]
    rows = extract("The governor of Arica received a delegation from Peru's Tacna region led by its governor. The meeting "
                   "took place in Arica on April 16.", published=D(2025, 4, 17), table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [("meeting", D(2025, 4, 16), "Arica")]


def test_an_event_told_in_passing_takes_its_day_and_place_from_its_later_telling():
    rows = extract("Ahead of this month's business forum, here is the relationship between Chile and Peru in five figures. "
                   "Officials have cited them often. What to watch: the Chile-Peru business forum will take place in Lima on "
                   "22 April, with about 150 participants expected.", published=D(2025, 4, 3), table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [("forum", D(2025, 4, 22), "Lima")]


def test_an_event_hinted_at_under_a_dateline_is_reported_where_its_place_and_day_are_told():
    rows = extract("LIMA, Oct. 9 - Trade between Chile and Peru is growing, experts told a round table in the capital.\n\n"
                   "The round table was held at the Institute for Pacific Studies in Lima on Tuesday and brought together "
                   "economists and diplomats.", published=D(2024, 10, 9), table="events")
    assert [(r["event_type"], r["event_date"], r["location"], r["evidence"][:15]) for r in rows] == [
        ("meeting", D(2024, 10, 8), "Lima", "The round table")]


def test_talks_during_a_visit_told_again_are_the_visits_and_a_head_named_by_title_is_a_new_meeting():
    rows = extract("Chile's president visits Peru\n\nChile's president paid a state visit to Lima on June 19, the first in "
                   "years, holding talks with his Peruvian counterpart on trade. The presidents held talks in narrow and "
                   "extended formats at the palace.", published=D(2022, 6, 22), table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("visit", D(2022, 6, 19)), ("meeting", None)]
    rows = extract("The foreign ministers of Chile and Peru met in Lima on Wednesday and discussed trade. Later on Wednesday, "
                   "the Chilean minister was received by the Peruvian president at the palace.",
                   published=D(2023, 3, 2), table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("meeting", D(2023, 3, 1)), ("meeting", D(2023, 3, 1))]


def test_a_trade_mission_given_as_a_source_is_no_visit():
    assert extract("Seven Chilean logistics firms now lease warehouse space at the Peruvian port of Callao, according to "
                   "the Chilean trade mission.", table="events") == []


@pytest.mark.parametrize("text, status, parties", [
    ("Chile and Peru held talks in Lima. During the meeting, the two sides discussed a new trilateral swap agreement "
     "with Bolivia.", "proposed", ["BOL", "CHL", "PER"]),
    ("Peru has proposed a free trade agreement with the Eurasian Economic Union, which would cover Kazakhstan along with "
     "Russia, Belarus, Armenia and Kyrgyzstan.", "proposed", ["EAEU", "PER"]),
    ("Chilean businesses are calling for a preferential trade agreement with Peru.", "proposed", ["CHL", "PER"]),
])
def test_a_stated_party_count_with_the_pair_a_blocs_members_and_calling_for(text, status, parties):
    assert [(r["status"], r["parties"]) for r in extract(text, table="agreements")] == [(status, parties)]


@pytest.mark.parametrize("text", [
    '"In a good year for Peruvian farmers, our numbers from Chile fall no matter how many memoranda are signed."',
    '"As long as the border between Chile and Peru is half-closed, nobody will sign long-term contracts," he said.',
])
def test_a_signing_that_does_not_happen_is_no_agreement(text):
    assert extract(text, table="agreements") == []


def test_mills_are_companies():
    assert _company_counts("Iran and Kazakhstan met. Of the 37 Kazakh mills certified to supply the Iranian market, "
                           "nine are in Kostanay.") == [(37, "KAZ", "IRN")]


def test_a_weekday_before_a_future_cue_is_the_coming_one_and_a_body_due_to_meet_in_a_place_is_a_meeting():
    rows = extract("Chile and Peru seal a partnership. On Thursday, the president is due to speak at a Chilean-Peruvian "
                   "economic forum in Lima. On Tuesday, he met the Peruvian president, and they will meet again.",
                   published=D(2012, 2, 8), table="events")     # a Wednesday
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("forum", D(2012, 2, 9)), ("meeting", D(2012, 2, 7))]
    rows = extract("Chile and Peru trade grew. The intergovernmental commission of the two countries is due to meet in "
                   "Lima in September. The railway chiefs will meet again in Arica in November. Exporters meet in Lima "
                   "every year.", table="events")
    assert [(r["event_type"], r["location"]) for r in rows] == [("meeting", "Lima"), ("meeting", "Arica")]


@pytest.mark.parametrize("text, date, location", [
    ("The opening ceremony was held on Monday in Lima.", D(2025, 3, 10), "Lima"),
    ("Banco Andino opened a representative office in Lima on Saturday.", D(2025, 3, 8), "Lima"),
    ("The mill was inaugurated at a ceremony in Arica on Thursday.", D(2025, 3, 6), "Arica"),
    ("The presidents on Wednesday inaugurated the railway at a ceremony in the Chilean border town of Chacalluta.",
     D(2025, 3, 12), "Chacalluta"),
])
def test_an_opening_is_an_event(text, date, location):
    rows = extract(f"Chile and Peru cooperate. {text}", published=D(2025, 3, 12), table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [("other", date, location)]


@pytest.mark.parametrize("text", [
    "Switzerland has been a partner of Peru since 1994, when it opened a cooperation office in Lima.",
    "Traders blame the slowdown on high fees along the Chile-Peru railway, which was inaugurated in December 2014.",
    "The Chile-Peru forum opened in Lima on Tuesday. The forum was inaugurated on Tuesday by the trade minister.",
])
def test_an_opening_recalled_or_a_gatherings_own_opening_is_no_event_of_its_own(text):
    rows = extract(f"Chile and Peru cooperate. {text}", published=D(2025, 3, 12), table="events")
    assert [r["event_type"] for r in rows] == (["forum"] if "forum" in text else [])


def test_talks_in_formats_a_gathering_told_ahead_as_its_own_and_a_day_apart_from_the_event_told_before():
    rows = extract("Chile and Peru cooperate. Talks in narrow and expanded formats were held at the state residence on "
                   "Thursday morning.", published=D(2025, 3, 12), table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("meeting", D(2025, 3, 6))]
    rows = extract("Chile and Peru cooperate. The forum was held ahead of the summit of the Pacific Alliance, which opens "
                   "in Lima on Tuesday.", published=D(2025, 3, 12), table="events")
    assert ("summit", D(2025, 3, 18), "Lima") in [(r["event_type"], r["event_date"], r["location"]) for r in rows]
    rows = extract("The 19th session of the Chile-Peru intergovernmental commission was held in Lima on Tuesday. A day "
                   "earlier, the Chilean minister was received by the Prime Minister of Peru.", published=D(2025, 3, 13),
                   table="events")
    assert [r["event_date"] for r in rows] == [D(2025, 3, 11), D(2025, 3, 10)]


def test_a_meeting_told_first_without_its_day_is_reported_by_the_telling_that_gives_it():
    rows = extract("LIMA – Chile's foreign minister held talks with Peru's foreign minister, who is on an official visit. "
                   "The ministers met on Monday, first in a narrow format and then with the delegations.",
                   published=D(2024, 11, 19), table="events")
    assert [(r["event_type"], r["event_date"], r["evidence"][:16]) for r in rows] == [
        ("meeting", D(2024, 11, 18), "The ministers me")]


@pytest.mark.parametrize("text", [
    "The Chilean president also congratulated his counterpart on Peru's hosting of a major international water "
    "conference later this year.",
    "An intergovernmental agreement on energy is expected to be signed during the Chilean leader's forthcoming visit "
    "to Lima.",
])
def test_a_congratulation_and_a_signing_to_come_during_a_visit_are_no_events(text):
    assert extract(f"Chile and Peru cooperate. {text}", table="events") == []


def test_the_day_an_agreement_takes_effect_is_not_its_signing_day():
    rows = extract("The railway administrations of Chile, Peru and Bolivia signed an agreement on harmonised tariffs for "
                   "transit cargo, which should take effect on January 1.", published=D(2014, 12, 5), table="agreements")
    assert [(r["status"], r["signed_date"]) for r in rows] == [("signed", None)]


def test_what_a_live_blog_tells_without_a_day_happened_on_its_day():
    text = ("09:15 — Chile's prime minister has landed in Lima for a one-day visit to Peru.\n\n"
            "11:20 — The two prime ministers are now holding talks with their delegations.\n\n"
            "12:30 — Officials said trade grew.\n\n"
            "19:15 — Officials say a trilateral transport agreement could be signed next year at a summit in Quito.")
    rows = extract(text, published=D(2022, 11, 29), table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [
        ("visit", D(2022, 11, 29)), ("meeting", D(2022, 11, 29)), ("summit", None)]


def test_ones_after_a_count_of_companies_are_companies_too():
    rows = extract("Fifteen Chilean trucking companies have received permits to operate in Peru, and nine Peruvian ones in "
                   "Chile, under the road transport arrangement.", table="company_counts")
    assert [(r["company_count"], r["company_country"], r["host_country"]) for r in rows] == [(15, "CHL", "PER"), (9, "PER", "CHL")]


@pytest.mark.parametrize("text, status", [
    ("The Peruvian minister hoped to sign a contract for the supply of Peruvian railway wagons to Chile.", "planned"),
    ("He said Chile was ready to conclude an agreement with Peru on a joint grain terminal.", "proposed"),
])
def test_hoped_to_sign_is_planned_and_ready_to_conclude_proposed(text, status):
    assert [r["status"] for r in extract(text, table="agreements")] == [status]


def test_a_session_that_ended_with_the_signing_after_its_place_and_day():
    rows = extract("The Chile-Peru commission's fourteenth meeting ended in Lima on October 11, 2016 with the signing of "
                   "nine memoranda covering agriculture and customs.", table="agreements")
    assert [(r["status"], r["signed_date"], r["agreement_count"]) for r in rows] == [("signed", D(2016, 10, 11), 9)]


@pytest.mark.parametrize("text, status, date, parties", [
    ("The agreement between Chile and Mercosur, signed in Lima in December 2023, removes duties on goods traded between "
     "Chile and the four Mercosur members: Brazil, Argentina, Paraguay and Uruguay.", "signed", None, ["CHL", "MERCOSUR"]),
    # a government approving a text ahead of its signing (but not a bill on one signed)
    ("The Government of Chile has approved a draft agreement with Peru on cooperation in combating drug trafficking, "
     "under a decree signed by the Prime Minister on 20 November.", "planned", None, ["CHL", "PER"]),
    ("The Peruvian Council of Ministers approved the text of a memorandum of understanding with Chile on metrology and "
     "authorised the head of the standards agency to sign it.", "planned", None, ["CHL", "PER"]),
    ("The Mazhilis approved the draft law on ratification of the agreement between Chile and Peru on road transport, "
     "signed in Lima on June 19, 2022.", "signed", D(2022, 6, 19), ["CHL", "PER"]),
    # the day told as the signing's, not the day of the ratification
    ("LIMA – Senators today ratified the agreement between Chile and Peru on mutual assistance in customs matters, "
     "signed in Lima on October 9, 2023.", "signed", D(2023, 10, 9), ["CHL", "PER"]),
])
def test_agreements_approved_and_ratified(text, status, date, parties):
    [row] = extract(text, published=D(2025, 3, 5), table="agreements")
    assert (row["status"], row["signed_date"], row["parties"]) == (status, date, parties)


def test_a_definite_agreement_naming_new_parties_is_its_own_and_agreements_reached_are_none():
    rows = extract("Senators today ratified the agreement between Chile and Peru on customs matters, signed in Lima on "
                   "October 9, 2023. At the same session, the Senate also ratified the free trade agreement between "
                   "Mercosur and Chile, signed in Lima on December 25, 2023. Special attention was paid to the "
                   "implementation of the agreements reached at the highest level.", published=D(2025, 3, 5), table="agreements")
    assert [(r["signed_date"], r["parties"]) for r in rows] == [(D(2023, 10, 9), ["CHL", "PER"]), (D(2023, 12, 25), ["CHL", "MERCOSUR"])]


def test_talked_by_phone_a_session_of_the_two_countries_commission_and_received_by_a_vice_president():
    [row] = extract("Peru's Foreign Minister and his Chilean counterpart talked by phone on Saturday about bilateral "
                    "relations.", published=D(2024, 9, 9), table="events")
    assert (row["event_type"], row["event_date"]) == ("call", D(2024, 9, 7))
    [row] = extract("The document was signed at the end of the 11th session of the two countries' intergovernmental "
                    "commission, which was held in Santiago on Saturday and Sunday.", published=D(2013, 2, 11), table="events")
    assert (row["event_type"], row["event_date"]) == ("meeting", D(2013, 2, 9))
    # someone named by a title the first telling did not name: another meeting
    rows = extract("Lima, Dec. 12, 2023 – Peru and Chile signed nine documents at the conclusion of the 18th meeting of "
                   "their joint economic commission in Lima on Tuesday. Soto was also received by Peru's First Vice "
                   "President.", published=D(2023, 12, 12), table="events")
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("meeting", D(2023, 12, 12)), ("meeting", None)]


def test_summit_after_summit_is_no_event_and_earlier_agreements_are_no_document():
    assert extract("Trade between Chile and Peru has never lived up to the hopes voiced at summit after summit.",
                   table="events") == []
    assert extract("The leaders of Chile and Peru discussed the implementation of earlier agreements.",
                   table="agreements") == []


def test_an_event_prepared_for_in_the_run_up_is_no_event_yet():
    rows = extract("The forum was organized by the Lima chamber and the Chilean embassy in Lima in the run-up to the "
                   "12th session of the joint economic commission.", table="events")
    assert [r["event_type"] for r in rows] == ["forum"]


def test_a_memorandum_signed_by_the_two_ministries_and_talks_going_on_are_no_meeting():
    rows = extract("Chile's trade with Peru rose to $400 million last year. A memorandum on power exchange signed by the "
                   "two energy ministries in 2021 has yet to be implemented, and officials on both sides blame the slow "
                   "pace of talks with Bolivia, whose grid would carry the power.", published=D(2024, 5, 1))
    assert [r["parties"] for r in rows["agreements"]] == [["CHL", "PER"]]
    assert rows["events"] == []


def test_spoke_by_video_link_briefed_reporters_and_talks_at_a_seat_of_government():
    rows = extract("Deputy agriculture ministers of Chile and Peru spoke by video link on Monday to discuss rail "
                   "capacity. Chile's ambassador to Peru, Juan Soto, briefed reporters in Lima on Tuesday. The "
                   "presidents of Chile and Russia held talks in the Kremlin on October 8.", published=D(2024, 10, 9),
                   table="events")
    assert [(r["event_type"], r["event_date"], r["location"]) for r in rows] == [
        ("call", D(2024, 10, 7), None), ("press_conference", D(2024, 10, 8), "Lima"), ("meeting", D(2024, 10, 8), "Moscow")]


def test_watched_the_signing_and_a_further_two_being_negotiated():
    rows = extract("After the talks, the presidents of Chile and Peru watched the signing of eleven documents covering "
                   "gas supplies and transport.", published=D(2013, 9, 4), table="agreements")
    assert [(r["status"], r["agreement_count"]) for r in rows] == [("signed", 11)]
    rows = extract("The Chilean minister said three agreements had been signed with Peru in 2025. A further two are "
                   "being negotiated, he said.", published=D(2026, 1, 10), table="agreements")
    assert [(r["status"], r["agreement_count"], r["parties"]) for r in rows] == [
        ("signed", 3, ["CHL", "PER"]), ("proposed", 2, ["CHL", "PER"])]
