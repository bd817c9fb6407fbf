"""Attribution: who a sentence credits, and whether it hedges."""

from __future__ import annotations

import pytest

from lib.text.attribution import attribute, hedges_in


@pytest.mark.parametrize(
    "sentence, source, cue",
    [
        # bundled-corpus sentences
        (
            "According to reports from Ukraine and South Korea, 3,000 North Korean soldiers, including special "
            "forces, are training in Russia’s Far East.",
            "reports from Ukraine and South Korea",
            "according to",
        ),
        (
            "According to US, South Korean and Ukrainian intelligence assessments, up to 12,000 North Korean troops "
            "have been sent to Russia.",
            "US, South Korean and Ukrainian intelligence assessments",
            "according to",
        ),
        (
            "As per Ukraine’s estimates, the number of transferred North Korean troops currently stands at around 12,000.",
            "Ukraine’s estimates",
            "according to",
        ),
        (
            '"We are seriously concerned (about Putin\'s remarks) in terms of their possible impact on the regional '
            'security environment surrounding our nation," Chief Cabinet Secretary Yoshimasa Hayashi told a regular '
            "press conference.",
            "Chief Cabinet Secretary Yoshimasa Hayashi",
            "quote, X said",
        ),
        (
            "“The government is closely monitoring North Korea’s troop deployment to Russia,” said Yoshimasa Hayashi.",
            "Yoshimasa Hayashi",
            "quote, said X",
        ),
        (
            'Hayashi said Russia\'s acquisition of North Korean weapons is a "clear violation of relevant U.N. '
            'Security Council resolutions."',
            "Hayashi",
            "X said",
        ),
        (
            "Previously, Ukraine’s Main Directorate of Intelligence said North Korean units arrived in Russia’s Kursk Oblast.",
            "Ukraine’s Main Directorate of Intelligence",
            "X said",
        ),
        (
            "In return, analysts say, Russia is providing North Korea with financial aid, military technology, and "
            "essential supplies.",
            "analysts",
            "X said",
        ),
        (
            "Ukrainian air defences neutralised up to a dozen drones, said the head of Kyiv's military "
            "administration, Serhii Popko.",
            "the head of Kyiv's military administration, Serhii Popko",
            ", said X.",
        ),
        (
            "Foreign Minister Takeshi Iwaya will meet his Ukrainian counterpart, Andrii Sybiha, to reaffirm Japan's "
            "strong support for Ukraine, Japan's Foreign Ministry said.",
            "Japan's Foreign Ministry",
            "X said",
        ),
        (
            "Ahn Chan-il, a researcher from North Korea, told AFP that Pyongyang is likely to shift focus.",
            "Ahn Chan-il, a researcher from North Korea",
            "X said",
        ),
        (
            "In a report on Friday, KCNA said Kim toured munitions factories with top officials.",
            "KCNA",
            "X said",
        ),
        (
            '"The missile and shell production sector is of paramount importance," Kim was quoted as saying.',
            "Kim",
            "X was quoted as saying",
        ),
        (
            "The Japanese government on Thursday expressed their concern over Putin's suggestion.",
            "The Japanese government",
            "X said",
        ),
        # sentences written for these tests
        ("Up to 12,000 troops were sent, according to Seoul's spy agency.", "Seoul's spy agency", "according to"),
        ("The figure is 11,000, the Pentagon said on Monday.", "the Pentagon", "X said"),
        ("Experts believe the deployment will grow next year.", "Experts", "X said"),
        ('"We will not tolerate this," he said.', "he", "quote, X said"),
        ("Of those, 55 were shot down, it said.", "it", "X said"),
        ("The NIS estimated that 1,500 special forces had arrived.", "NIS", "X said"),
        ("South Korea's estimates put the number at 10,000.", "South Korea", "X's estimates"),
    ],
)
def test_attribute_finds_who_the_sentence_credits(sentence, source, cue):
    found = attribute(sentence)
    assert (found.source, found.cue) == (source, cue)


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea has been supplying Russia with artillery, missiles, and munitions for its war in Ukraine.",
        "The agreement requires both countries to provide immediate military assistance if either is attacked.",
        "Pyongyang is believed to have supplied Russia with artillery shells.",  # passive: hedged, no speaker
        "In a report on Friday, the factory output rose sharply.",  # "report" as a noun is not a speaker
        "Troops are massing in Kursk Oblast near the border.",
        "The news follows recent reports of Kim touring a submarine factory.",
    ],
)
def test_attribute_credits_nobody_when_no_one_is_named(sentence):
    assert attribute(sentence).source is None


@pytest.mark.parametrize(
    "sentence, hedged",
    [
        ("Pyongyang is believed to have supplied Russia with artillery shells.", True),
        ("The factory is said to be in the Alabuga Special Economic Zone.", True),
        ("North Korea reportedly sent 1,000 more troops.", True),
        ("An estimated 12,000 troops were sent.", True),
        ("The soldiers allegedly crossed the border.", True),
        ("The country will likely accelerate missile production.", True),
        ("Russia attacked Ukraine with 83 Shahed drones.", False),
        ("Hayashi said the transfers are a clear violation.", False),
    ],
)
def test_hedging_words_mark_a_claim_as_hedged(sentence, hedged):
    assert attribute(sentence).hedged is hedged


def test_pronoun_speakers_are_flagged_for_resolution():
    found = attribute('"Such remarks are totally unacceptable," he said.')
    assert found.is_pronoun and found.source == "he"


def test_hedges_in_lists_words_in_order():
    assert hedges_in("It is believed the troops reportedly moved") == ("believed", "reportedly")


@pytest.mark.parametrize(
    "sentence",
    [
        "According to the report, 3,000 troops were sent to Russia.",
        "According to the latest count, 3,000 people died.",
        "According to the briefing, the troops arrived in October.",
        "The figures show that 3,000 troops were sent.",
    ],
)
def test_a_bare_generic_noun_for_a_document_or_figure_credits_nobody(sentence):
    assert attribute(sentence).source is None


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("According to the NIS report, 3,000 troops were sent.", "NIS"),
        ("According to the report of the Defence Ministry, 3,000 troops were sent.", "Defence Ministry"),
        # a plural described source stays as it is
        ("According to reports from Ukraine and South Korea, 3,000 soldiers are training.", "reports from Ukraine and South Korea"),
    ],
)
def test_a_generic_noun_that_carries_a_name_credits_the_name(sentence, source):
    assert attribute(sentence).source == source


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("Last week the NIS said 3,000 troops had been sent.", "NIS"),
        ("On Monday the Pentagon said 3,000 troops had been sent.", "the Pentagon"),
        ("May 21 (Reuters) - Japanese farm minister Taku Eto said on Wednesday he would resign.", "Japanese farm minister Taku Eto"),
        ("SEOUL: Pyongyang said on Friday it had sent troops.", "Pyongyang"),
        # a name that is also a date word stays a name
        ("May Thompson said the troops had left.", "May Thompson"),
    ],
)
def test_a_date_or_dateline_opening_the_speaker_is_dropped(sentence, source):
    assert attribute(sentence).source == source


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("Neither country may sign deals with outside states said to threaten the other.", None),
        ("The North Koreans took heavy losses at first but adapted, Ukrainian officials said.", "Ukrainian officials"),
        # a negated subject said nothing; a question credits nobody; a noun that looks like a verb is a noun
        ("Neither Moscow nor Pyongyang has confirmed the deployment.", None),
        ("How long before Beijing says something about its neighbour?", None),
        ("The 29-page report, compiled by eleven governments, lists the shipments.", None),
        ("The number rose to 3,000, NHK reports.", "NHK"),
        ("Ukraine says 3,000 troops were sent.", "Ukraine"),
        ("South Korean and Western intelligence agencies first reported the deployment in October.",
         "South Korean and Western intelligence agencies"),
    ],
)
def test_a_clause_fragment_is_no_speaker(sentence, source):
    assert attribute(sentence).source == source
