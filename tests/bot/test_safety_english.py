"""The deterministic safety net on English: clear wording caught, everyday idioms left alone."""

from __future__ import annotations

import pytest

from bot.safety import SafetyPhrases, load_safety_phrases


@pytest.fixture(scope="module")
def phrases() -> SafetyPhrases:
    return load_safety_phrases()


# Issue 17, English in full: clear English crisis and violence wording, as expats, students and
# residents with English as a second language write it (texting, typos, typographic apostrophes).
@pytest.mark.parametrize("text", [
    "I want to kill myself",
    "i want to end my life",
    "I really want to die",
    "i wanna die",
    "i've been thinking about suicide for weeks",
    "sucide",
    "i want to unalive myself",
    "I don’t want to live anymore",
    "i dont want to be alive",
    "everyone would be better off without me",
    "it would be easier for everyone if i was gone",
    "what is the point of living",
    "i have no reason to live",
    "i'm tired of living",
    "i wish i was never born",
    "i hope i don't wake up tomorrow",
    "I took an overdose",
    "i took all my sleeping pills",
    "i have been saving up my pills",
    "how many paracetamol is lethal",
    "what is the easiest way to die",
    "i want to jump off the bridge",
    "i'm standing on the roof and want to jump",
    "thinking of stepping in front of a train",
    "i want to hang myself",
    "i'm cutting myself again",
    "self harm",
    "my daughter is self-harming",
    "i burn myself with a lighter",
    "i slit my wrists last night",
    "he tried to kill himself last year",
    "my son wrote a goodbye letter",
    "i won't be here tomorrow",
    "i don't trust myself tonight",
    "me want die, no more life",
    "i want die",
    "sometimes i really want die",
    "I want to be dead",
])
def test_english_crisis_phrases(phrases, text):
    assert phrases.match(text) == "crisis_suicide"


@pytest.mark.parametrize("text", [
    "he hits me",
    "my husband beats me every week",
    "My husband beats",
    "my boyfriend hit me again",
    "she slapped me in front of the kids",
    "my dad hits my mom when he is drunk",
    "i'm afraid he will kill me",
    "he said he will kill me if i leave",
    "he threatened me with a knife",
    "he grabbed me by the throat",
    "he strangled me",
    "he pushed me down the stairs",
    "he locks me in the house",
    "i was raped",
    "my husband forces me to have sex",
    "my stepdad abuses me",
    "my uncle molested me",
    "i'm not safe at home",
    "I'm scared of my husband",
    "my ex is stalking me",
    "my ex keeps showing up at my door",
    "my husband took my passport",
    "my boyfriend doesn't let me see my friends",
    "where is a women's shelter",
    "domestic violence",
    "my grandmother is being hit by her carer",
    "my family wants to force me to marry",
    "hes violant",
    "my husbnd beats me evry day",
])
def test_english_violence_phrases(phrases, text):
    assert phrases.match(text) == "domestic_violence"


@pytest.mark.parametrize("text", [
    "this paperwork is killing me",
    "I'm dying to know how the toeslagen work",
    "just killing time before my appointment",
    "I could kill for a coffee",
    "dead tired after my shift",
    "my feet are killing me",
    "my boss will kill me if I'm late again",
    "my mom will kill me if she sees my grades",
    "I nearly died laughing",
    "I'm going to die of boredom in this queue",
    "it hit me how expensive it is",
    "the rent increase hit us hard",
    "my son beat me at chess",
    "the kids beat us at football",
    "I hurt myself playing football",
    "I burned myself on the stove",
    "I cut myself on a tin can, do I need a doctor",
    "I took all my pills this morning as prescribed",
    "I don't want to live in this neighbourhood anymore",
    "i don't want to wake up early tomorrow",
    "I'm so done with life admin",
    "he took a knife to cut the bread",
    "she pushed me into studying law",
    "the debt collector is threatening me with court",
    "my ex doesn't pay alimony",
    "I'm scared of my dad's reaction to my report",
    "at the end of my rope with this toddler",
    "I have a dead battery",
])
def test_english_look_alikes_do_not_trigger(phrases, text):
    assert phrases.match(text) is None


@pytest.mark.parametrize("text", [
    # Dutch "want die" is "because that one": the English phrase fired on all of these.
    "moet ik eerst stoppen met gokken of eerst die schulden regelen? want die incasso gasten "
    "bellen me nu al elke dag",
    "ik wil het niet tegen mn moeder zeggen want die heeft al genoeg aan haar hoofd",
    "hoort mijn baas dat dan ook want die moet het toch inhouden of niet",
    "ik vraag het aan jullie want die brief snap ik niet",
])
def test_dutch_want_die_is_no_english_crisis(phrases, text):
    assert phrases.match(text) is None
