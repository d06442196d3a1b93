"""Who did the harm, for the speakers stage (not a spaCy component of its own).

The figure's own sentence first (:mod:`.phrases`: the harm verb's subject, a "by" agent, an
attack noun with its owner, "killed when police opened fire", "in clashes with M23"; then
:mod:`.blame`: the body that phrase names, or whoever the sentence blames); generic force words
("gunmen", "police", "government shelling", "rebel fire") are named for the article's country
(its places and national adjectives, counted without a parse). Then the agent of the article's
main event (:mod:`.event`: the first claim sentence's, else the attack its lede names) goes to
later figures about that event whose sentence names none; displaced or missing people, disputed
figures and wider tallies ("since 2011", "deaths in Sudan") keep none.
"""
