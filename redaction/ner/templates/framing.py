"""What surrounds a message: openers, chat tails, emoji and signatures."""

from __future__ import annotations

# Things residents open a message with; at the start they are capitalised but never names.
OPENERS: tuple[str, ...] = (
    "Dag!", "Sorry,", "Sorry dat ik stoor,", "Hoi,", "Hallo", "Hey", "Hee,", "Goedemorgen,",
    "Goedemiddag!", "Goedenavond.", "Ja,", "Nee,", "Oké.", "Ok", "Pff,", "Hé,", "Beste,",
    "Hallo daar,", "Sorry voor de late reactie,", "Dankjewel!", "Bedankt.", "Help!", "Top,",
    "Jammer,", "Super,", "Prima.", "Hoi hoi!", "Hallootjes,", "Moi,", "Salaam,", "Hello,",
    "Even een vraag:", "Vraagje:", "Nou,", "Ehm,", "Trouwens,", "Oja,", "Dus,", "Goeiedag,",
    "Hou op!", "Kijk,", "Luister,", "Zeg,", "Wacht,", "Stop!", "Echt,", "Eerlijk gezegd,",
    "Jeetje,", "Ach,", "Tja,", "Nogmaals sorry,", "Gelukkig,", "Zucht.",
)

# Chat tails residents tack on, often right after a name ("ze heette Anna geloof ik").
TAILS: tuple[str, ...] = (
    "geloof ik", "denk ik", "ofzo", "of zo", "toch", "hoor", "zeg maar", "volgens mij", "echt",
    "haha", "trouwens", "dus", "nog steeds", "ook", "weet je", "of iets",
)

EMOJI: tuple[str, ...] = ("😢", "🙏", "😞", ":(", ":)", "😊", "🙂", "??", "!!", "...", "😭", "👍")

# Closing lines; appended to other messages or sent on their own.
SIGNATURES: tuple[str, ...] = (
    "groetjes, {F}",
    "Groetjes {F}",
    "gr {F}",
    "gr. {FULL}",
    "mvg {FULL}",
    "Mvg, {INI}",
    "Met vriendelijke groet,\n{FULL}",
    "met vriendelijke groet {INI}",
    "liefs, {F}",
    "Dankjewel! {F}",
    "thx, {F}",
    "groeten van {F}",
    "doei, {F}",
    "- {F}",
    "Vriendelijke groet, {S}",
    "Met vriendelijke groeten,\n\n{FULL}\n{PHX}",
    "groetjes {F} en {K}",
    "gr, {F}",
    "Liefs {F}",
    "liefs {F} x",
    "Groet, {INI}",
    "groet {F}",
    "Dikke knuffel, {F}",
    "alvast bedankt, {FULL}",
    "Hartelijke groet,\n{INI}",
    "Bedankt! Groetjes van {F} uit {PLACE}",
    "gr {F} ({AGE})",
    "gr. Fam. {S}",
    "Groeten, familie {S}",
    "fam {S}",
)
