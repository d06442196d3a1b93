"""What the stages know about words: the gazetteer of bodies, places and demonyms
(:mod:`claimx.lexicon.gazetteer`), the word lists several stages share
(:mod:`claimx.lexicon.words`), and the article's text layout (:mod:`claimx.lexicon.text`)."""
