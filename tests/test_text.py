"""Sentence splitting, chrome and headline detection on text written for these tests."""
import pytest

from pipeline.text import find_title, split_sentences


def _body(text):
    return [s.text for s in split_sentences(text) if s.section == "body"]


@pytest.mark.parametrize("text, expected", [
    ("Trade rose 5% in 2023. Officials met in Tashkent.", ["Trade rose 5% in 2023.", "Officials met in Tashkent."]),
    ("Mr. Smith met Dr. Jones in Astana. They signed a deal.", ["Mr. Smith met Dr. Jones in Astana.", "They signed a deal."]),
    ("The U.S. economy grew 2.5 percent. Kazakhstan's grew faster.",
     ["The U.S. economy grew 2.5 percent.", "Kazakhstan's grew faster."]),
    ("TEHRAN, Mar. 5 (MNA) – Iran and Turkmenistan met. Trade was discussed.",
     ["TEHRAN, Mar. 5 (MNA) – Iran and Turkmenistan met.", "Trade was discussed."]),
    ("“We support it,” he said. The talks ended.", ["“We support it,” he said.", "The talks ended."]),
    ("He said: “Trade reached $1.2 billion.” Then he left.", ["He said: “Trade reached $1.2 billion.”", "Then he left."]),
    ("Exports reached $3.5 bn. 20 firms took part.", ["Exports reached $3.5 bn.", "20 firms took part."]),
    ("Minister A. B. Karimov arrived in Bishkek on Monday. Talks follow.",
     ["Minister A. B. Karimov arrived in Bishkek on Monday.", "Talks follow."]),
    # the number of a list item is no sentence of its own
    ("They signed:\n1. Agreement on transit;\niv. Protocol on customs.\nA. Smith said so.",
     ["They signed:", "Agreement on transit;", "Protocol on customs.", "A. Smith said so."]),
])
def test_sentences_split_at_real_boundaries_only(text, expected):
    assert _body("Headline words here\n\n" + text) == expected


def test_offsets_index_the_text():
    text = "Kazakh-Uzbek Trade Grows\n\nTrade rose 5%. Officials met.\nA second paragraph follows here.\n"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_related_headlines_and_update_stamps_are_chrome():
    text = ("Last update: March 2, 2024 10:15\n\nAgency logo\n\nUzbekistan and Turkey Expand Trade\n\n"
            "Trade between the two countries reached $3 billion in 2022.\n\n"
            "Read More:\n\nKazakhstan, China trade hits $30 billion\n\nTurkmen gas exports to rise\n")
    sections = {s.text: s.section for s in split_sentences(text)}
    assert sections["Last update: March 2, 2024 10:15"] == "chrome"
    assert sections["Agency logo"] == "chrome"
    assert sections["Read More:"] == "chrome"
    assert sections["Kazakhstan, China trade hits $30 billion"] == "chrome"
    assert sections["Turkmen gas exports to rise"] == "chrome"
    assert sections["Uzbekistan and Turkey Expand Trade"] == "title"
    assert sections["Trade between the two countries reached $3 billion in 2022."] == "body"


def test_byline_is_chrome_not_body():
    text = "Tajik Envoy Visits Bishkek\nBy Aliya Nurova | 12 October 2022\nThe envoy met officials.\n"
    sections = {s.text: s.section for s in split_sentences(text)}
    assert sections["By Aliya Nurova | 12 October 2022"] == "chrome"


def test_repeated_lede_points_to_first():
    text = ("Kyrgyz PM Arrives in Dushanbe\n"
            "Kyrgyz PM arrived in Dushanbe on Monday for talks.\n"
            "DUSHANBE (Asia-Plus) – Kyrgyz PM arrived in Dushanbe on Monday for talks.\n")
    sents = split_sentences(text)
    body = [s for s in sents if s.section == "body"]
    assert body[0].repeat_of is None
    assert body[1].repeat_of == body[0].idx


def test_title_from_first_short_line_only():
    assert find_title("Iran, Turkmenistan Sign Gas Deal\n\nThe two countries signed a deal.") == \
        "Iran, Turkmenistan Sign Gas Deal"
    assert find_title("The two countries signed a gas deal on Monday in Ashgabat, officials said.\n"
                      "More text follows.") is None


def test_paragraph_without_final_stop_is_one_sentence():
    text = "Headline here\n\nOfficials met in Baku\n"
    assert _body(text) == ["Officials met in Baku"]


def test_navigation_menu_and_section_label_are_not_the_headline():
    text = ("Home | World | Business | Sport | Video\n\nBusiness\n\nPoland and Hungary expand rail freight links\n\n"
            "Warsaw, 3 March 2025 – Trade between Poland and Hungary grew by 6 percent last year, officials said.\n")
    sentences = split_sentences(text)
    assert [s.section for s in sentences] == ["chrome", "chrome", "title", "body"]
    assert sentences[2].text == "Poland and Hungary expand rail freight links"
    assert find_title(text) == "Poland and Hungary expand rail freight links"


def test_site_name_above_the_menu_is_not_the_headline():
    text = ("Baltic Freight Journal\nHome / Logistics / Europe\n\nLatvia and Lithuania agree to extend rail ferry line\n\n"
            "By A. Writer\n\nThe two governments agreed on Monday to extend the line to Klaipeda, officials said.\n")
    sentences = split_sentences(text)
    assert [s.section for s in sentences] == ["chrome", "chrome", "title", "chrome", "body"]
    assert find_title(text) == "Latvia and Lithuania agree to extend rail ferry line"


@pytest.mark.parametrize("furniture", ["Home / Logistics", "Business › Rail", "ECONOMY", "Freight | Europe"])
def test_site_name_above_a_short_section_line_is_not_the_headline(furniture):
    text = (f"Baltic Freight Journal\n{furniture}\n\nLatvia and Lithuania agree to extend rail ferry line\n\n"
            "The two governments agreed on Monday to extend the line to Klaipeda, officials said.\n")
    assert find_title(text) == "Latvia and Lithuania agree to extend rail ferry line"


def test_a_short_headline_above_a_share_bar_stays_the_headline():
    text = ("Latvia and Lithuania sign rail deal\nShare | Tweet | Email\n\n"
            "The two governments agreed on Monday to extend the line to Klaipeda, officials said.\n")
    assert [s.section for s in split_sentences(text)] == ["title", "chrome", "body"]


def test_related_headlines_after_the_story_are_chrome_but_a_list_inside_it_is_text():
    text = ("Trade rises\n\nTrade between Chad and Niger rose to $40 million in 2023, officials said on Monday.\n"
            "Key figures of the year:\n- Exports to Niger rose 12% to $30 million\n"
            "Both sides expect further growth next year, the ministry said in its statement.\n\n"
            "Read also:\n- Chad, Sudan sign transit deal\nMain > Economy > Niger and Mali trade up 9%\n"
            "• Niger's exports to Benin up 4%\n")
    sections = {s.text: s.section for s in split_sentences(text)}
    assert sections["- Exports to Niger rose 12% to $30 million"] == "body"
    assert sections["- Chad, Sudan sign transit deal"] == "chrome"
    assert sections["Main > Economy > Niger and Mali trade up 9%"] == "chrome"
    assert sections["• Niger's exports to Benin up 4%"] == "chrome"


@pytest.mark.parametrize("above", [
    "The Lakes Star\nHome  News  Business  Opinion  Sports\n",
    "Steppe Courier | The region's news agency\nHome   Politics   Economy   Sport\n21.06.2025, 09:10\n",
    "Delta Ledger\nNews | Markets | Sport\nPublished: 2025-06-21 08:30 (GMT+7)\nUpdated: 2025-06-22 10:02 (GMT+7)\n",
    "MINISTRY OF TRADE OF THE REPUBLIC\nPress Service\nPRESS RELEASE\nLusaka, 21 June 2025\n",
    "MINISTRY OF INVESTMENT, INDUSTRY AND TRADE OF THE REPUBLIC OF ZAMBIA\nPress Service | News\nNo. 47/2025\n",
    "Lakes Wire\nJune 21, 2025 9:14 AM GMT+2 · Updated June 22, 2025\n",
])
def test_headline_under_masthead_tagline_and_date_stamps(above):
    text = (above + "\nZambia and Malawi agree to reopen two border posts for grain trucks\n\n"
            "The two governments agreed on Friday to reopen the posts at Mchinji and Chipata, officials said.\n")
    assert find_title(text) == "Zambia and Malawi agree to reopen two border posts for grain trucks"


def test_a_long_standfirst_or_a_byline_line_is_not_taken_over_the_headline():
    text = ("Lakes Wire\n\nMalawi, Zambia eye $1bn trade\n\n"
            "Trade ministers co-chair the joint commission in Lusaka and call for talks on a customs union with the "
            "regional bloc next year\n\nLILONGWE, June 21. By Grace Banda – Lakes Wire\n\n"
            "Trade ministers of Malawi and Zambia met in Lusaka on Friday, officials said.\n")
    assert find_title(text) == "Malawi, Zambia eye $1bn trade"


@pytest.mark.parametrize("related", [
    "Read Next\nZambia's copper exports earn $8 billion\n",
    "Leia também / Read also\nCorn exports to Malawi reach 16,000 tonnes\n",
    "Previous digests:\nJanuary–May: exports up 4% to $1.2bn\n",
    "Related: Zambia's copper exports earn $8 billion | Malawi opens new border post\n",
    "Related coverage:\n- Zambia's copper exports earn $8 billion\n",
    "Related materials:\nMeeting with the President of Zambia in Lilongwe (04.07.2023)\n",
    "You might also like\nZambia's copper exports earn $8 billion\n",
    "Share\n\n→ Zambia and Malawi ministers to meet in Lusaka\n→ Malawi opens new border post\n",
    "Related headlines\n» Zambia's copper exports earn $8 billion\n» SADC ministers meet in Lusaka\n",
    "Also in the section:\n▪ Zambia's copper exports earn $8 billion\n▪ Lusaka hosts regional investment forum\n",
    "» SADC ministers meet in Lusaka\n» Malawi opens new border post\n",
])
def test_related_lists_under_other_markers_are_chrome(related):
    text = ("Malawi and Zambia expand grain trade\n\n"
            "Trade between Malawi and Zambia rose to $400 million in 2024, officials said on Friday.\n\n" + related)
    body = _body(text)
    assert body == ["Trade between Malawi and Zambia rose to $400 million in 2024, officials said on Friday."]


@pytest.mark.parametrize("furniture", [
    "Photo caption: Prime Minister Ali Garba and President Mahamat Deby at the signing ceremony in Niamey.",
    "Corrected 9 February 2024 11:40 CET: an earlier version misstated the number of memoranda signed in 2023.",
    "[Photo: Minister Ali Garba (R) and Minister Mahamat Deby at the commission meeting in Niamey]",
    "[Photo caption: Minister Ali Garba (R) and Minister Mahamat Deby at the commission meeting in Niamey, June 13]",
    "[Photo] Participants attend the 11th meeting of the Chad-Niger Business Council in Niamey.",
    "Photo: The closing ceremony of the 11th meeting of the Chad-Niger Intergovernmental Commission in Niamey.",
    "Image: Ministers Ali Garba and Mahamat Deby at the signing ceremony of the transit agreement.",
    "Caption: Chadian and Nigerien officials at the signing ceremony in Niamey on Monday afternoon.",
    "Photo gallery: Opening ceremony of the Chadian Trade Centre in Niamey (12 photos)",
    "Video report: the opening ceremony of the Chad-Niger business forum in Niamey on Monday",
])
def test_a_caption_or_correction_note_is_chrome_whatever_its_length(furniture):
    text = f"Chad and Niger sign transit deal\n\n{furniture}\n\nThe two countries signed a transit agreement on Monday.\n"
    assert [s.section for s in split_sentences(text)] == ["title", "chrome", "body"]


def test_a_headline_keeps_its_place_over_a_longer_standfirst_under_it():
    text = ("Lakes Wire\nNews | World\n\nMalawi, Zambia sign digital pact, eye $500 million trade\n\n"
            "Ministers review defence and connectivity ties; double taxation agreement at an advanced stage\n\n"
            "LILONGWE - Malawi and Zambia signed a digital infrastructure pact on Friday, officials said.\n")
    assert find_title(text) == "Malawi, Zambia sign digital pact, eye $500 million trade"


def test_a_masthead_split_by_dashes_is_not_the_headline():
    text = ("CASPIAN TRADE WIRE — Economy — Briefs\n14.02.2024 | 16:05\n\nChile, Peru target $5 billion in trade\n\n"
            "SANTIAGO – Chile and Peru aim to lift bilateral trade to $5 billion, the minister said on Wednesday.\n")
    assert find_title(text) == "Chile, Peru target $5 billion in trade"


def test_a_table_row_with_figures_is_not_a_menu():
    text = ("Chile and Peru trade at a glance\n\nIndicator | Value | Change y/y\n"
            "Trade turnover | $1.03 billion | +21.4%\nHome | News | Economy | Sport\n")
    sections = {s.text: s.section for s in split_sentences(text)}
    assert sections["Trade turnover | $1.03 billion | +21.4%"] == "body"
    assert sections["Home | News | Economy | Sport"] == "chrome"


def test_a_list_under_a_line_that_introduces_it_is_text_even_at_the_end():
    text = ("Chad, Niger ministers meet\n\nThe trade ministers of Chad and Niger met in Niamey on Monday.\n\n"
            "At a glance:\n• Chad's exports to Niger: USD 40 mln in 2023 (-6.2%)\n• Chadian firms in Niger: about 30\n")
    assert _body(text)[-2:] == ["• Chad's exports to Niger: USD 40 mln in 2023 (-6.2%)", "• Chadian firms in Niger: about 30"]


def test_a_key_figures_box_at_the_end_is_text():
    text = ("Chad, Niger ministers meet\n\nThe trade ministers of Chad and Niger met in Niamey on Monday.\n\n"
            "KEY FIGURES\n- Bilateral trade in 2023: $76 million, down 12.8%\n")
    assert _body(text)[-1] == "- Bilateral trade in 2023: $76 million, down 12.8%"
