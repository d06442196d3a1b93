"""Who says so: the ``claimx_speakers`` stage sets speakers, cue, stance and agent on every
casualty span.

Two layers:

- Pure functions over one parsed sentence (:mod:`.cues`: :func:`~.cues.cue_chain`,
  :func:`~.cues.according_to`, :func:`~.cues.trailing_cue`, :func:`~.cues.statement_cue`,
  :func:`~.cues.hedge_of`; and :func:`claimx.pipeline.agents.phrases.agent_phrase`): they return
  tokens (the reporting word, the heads of the speaker noun phrases, the head of the agent
  phrase), so each rule can be tested one sentence at a time.
- A whole-article index (:class:`~.index.SpeakerIndex`) built with cheap passes over every token
  (the gate parses only the sentences its plan keeps, :mod:`claimx.pipeline.gate.plan`):
  PhraseMatchers over the gazetteer's body aliases and
  descriptor phrases, token scans for titles ("Ms Allen"), roles ("coalition spokesman Scott
  Rawlinson", "Kate Allen, the director of Amnesty International UK"), acronym definitions
  ("Ministry of Defence (MoD)") and quote marks. It turns a head token into canonical speakers:
  "the London-based rights group" and "it" resolve to the nearest compatible body before them,
  "a charity has claimed" (an indefinite lede) to the first compatible body after it, "the two
  groups" to the last bodies named together, "Ms Allen" to the Kate Allen named before, and a
  person tied to a body speaks for that body.

The modules, in the order the stage uses them:

- :mod:`.words`: ``resources/cues.json`` as look-up tables; every word the grammar decides on
  comes from there and the gazetteer.
- :mod:`.cues`: the cue grammar over one parsed sentence.
- :mod:`.entities`: Entity, Mention, Quote, and how names are written.
- :mod:`.index`: the SpeakerIndex and its mentions of bodies (gazetteer, acronyms, generic
  aliases, named bodies, the model's ORG entities, descriptors).
- :mod:`.people`: people, titles, roles and the bodies they speak for.
- :mod:`.resolution`: descriptors, pronouns, antecedents and groups.
- :mod:`.national`: the article's country and the bodies generic words name in it.
- :mod:`.heads`: head tokens to speakers.
- :mod:`.quotes`: quotes and who says them.
- :mod:`.attribution`: the working record of a span's attribution, and the own-harm stance.
- :mod:`.inherit`: figures taking speakers and agents from each other.
- :mod:`.component`: :class:`~.component.SpeakersComponent` and the factory ``make_speakers``.
"""
