r"""English words of agreements and of the verbs that give their status ("the MoU was signed", "hopes to sign").

Read by ``ingest/extract/agreements/cues.py``. Each tuple is a list of regex alternatives, matched as whole words, in
alternation order (a longer form before a shorter one it starts with): ``\w*`` stands for any ending and
``(?:...)`` for optional or alternative parts. Nouns are matched with their case, verbs case-insensitively. The
forms come from the agreements named in the corpus' releases (MoUs, protocols, work plans, minutes).
"""

#: agreement nouns ("memorandum of understanding", "MoU", "framework agreement", "minutes of")
NOUNS: tuple[str, ...] = (
    "memorand(?:um|a) of understanding", "MoUs?", "agreements?", "protocols?", "arrangements?",
    "accords?(?:-cadres?)?", "framework agreement", "work ?plan", "plan of action", "action plan",
    # the plan that puts an agreement into effect ("an implementation plan for the 2012 Agreement")
    r"implementation plans?",
    "programme of cooperation", "cooperation programme", "renewal", "conventions?", "minutes(?= of)",
    "cooperation plan", "roadmap", "extension", "joint declaration", "executive programme",
    # letters and declarations of intent, an agreement named by its kind alone, amendments to one
    r"(?:letters?|declarations?|statements?) of intent", r"memorand(?:ums?|a)", r"amendments?",
    # a work programme of a joint body (approved or adopted at its session)
    r"work programmes?",
    # a record of discussions (the document two governments sign before a cooperation project)
    r"records? of discussions?",
)
#: verbs and phrases of a renewal
RENEW: tuple[str, ...] = (
    r"renew(?:ed|al|als|s|ing)?", r"(?:was|were|been|be) extended", r"prolong(?!ement)\w*",
    # "extend" with an agreement as its object ("agreed to extend until 2030 the cooperation agreement")
    r"extend\w*(?=[^,.;]{0,60}\b(?:agreement|memorand|MoU|protocol|arrangement|programme|plan|accord))",
)
#: verbs of a signature, approval or adoption
SIGN: tuple[str, ...] = (
    r"sign\w*", "inked", r"conclud\w*", r"approv\w*", r"adopt\w*", r"initial(?:l)?ed", r"initial(?:l)?ing",
    # a ratification, and the exchange of signed texts at a ceremony ("witnessed the exchange of a memorandum")
    r"ratif\w*", r"exchang(?:e|ed|ing)(?: of)?(?= (?:the|a|an|signed) (?:[\w-]+ ){0,2}"
    r"(?:memorand|MoU|agreement|protocol|arrangement|letter|document|instrument|minutes|accord))",
    # a text finalised is agreed, not yet signed (INITIAL: planned)
    r"finali[sz]\w*",
    # a plan or programme agreed on is adopted, like one approved ("agreed on a work plan for 2025-2027")
    r"agree(?:d|ing)(?: on| upon)?"
    r"(?= (?:a|an|the|their|its) (?:[\w-]+ ){0,3}(?:work ?plan|action plan|plan|programme|roadmap))",
)
#: verbs of an adoption or agreement on a text in talks (a subset of SIGN): without a signature verb in the same
#: clause, what they govern is `discussed` (convention 9: "a programme merely agreed or adopted in talks")
ADOPT: tuple[str, ...] = (r"adopt\w*", r"agree(?:d|ing)(?: on| upon)?")
#: verbs of an approval (a subset of SIGN): what they govern is `discussed` when it is a plan or programme a joint
#: body approves in talks (convention 9: "a programme merely agreed or adopted in talks"), else signed
APPROVE: tuple[str, ...] = (r"approv\w*",)
#: verbs of a revival of dormant agreements ("agreed to reactivate the twinning agreements"): `planned` when
#: decided or intended, `renewed` when done
REVIVE: tuple[str, ...] = (r"reactivat\w*", r"reviv\w*", r"relaunch\w*", r"revitali[sz]\w*", r"updat\w*")
#: verbs of drawing up a text: after a decision or modal ("agreed to prepare a new work plan", "will draw up a
#: roadmap") what they govern is `planned`
DRAW_UP: tuple[str, ...] = (
    r"prepare", r"draw up", r"develop", r"elaborate", r"work out", r"formulate", r"conclude",
)
#: endings of a signature or renewal verb that make it a future or conditional act (French "signeront"); none in
#: English, whose future is a modal (PLAN)
FUTURE_FORMS: tuple[str, ...] = ()
#: cues after an agreement noun that schedule its signing ("the signing of the MoU is scheduled for June")
SCHEDULE: tuple[str, ...] = (
    r"(?:is|are) (?:scheduled|planned|expected|due|set)", r"will take place", r"is to take place",
)
#: verbs of an initialling (a subset of SIGN): the text is agreed but not yet signed, `planned`
INITIAL: tuple[str, ...] = (r"initial(?:l)?ed", r"initial(?:l)?ing", r"finali[sz]\w*")
#: verbs of a discussion or study
DISCUSS: tuple[str, ...] = (
    r"discuss\w*", r"examin\w*", r"review\w*", r"negotiat\w*", "study", "studying", "explore", "exploring",
    r"consider\w*",
    # talks and drafts: "talks on a new agreement", "exchanged views on a draft memorandum"
    r"talks", r"exchang\w* views", r"draft\w*", r"talk(?:ed|ing|s)? (?:about|of|on)",
)
#: modals of a future or possible act: between an agreement noun and a later signature verb, the signature is
#: planned ("A new action plan ... will be prepared by A and B and signed at the next meeting")
FUTURE: tuple[str, ...] = ("will", "would", "could", "may", "might", "shall", "is to be", "are to be")
#: modals and phrases of a plan: a signature after one of them is planned, not done
PLAN: tuple[str, ...] = (
    "will", "would", "could", "may", "to", "hopes?", "plans?", "planned", "intends?", "expected", r"aim\w*",
    "with a view to", "soon",
    # "are set to sign", "are due to sign", "ahead of the signing of", "in preparation for the signing"
    # (right before the verb: "Ahead of the meeting, they signed" is done)
    r"(?:ahead of|in preparation for|prior to|before)(?: the)?(?=\s*$)",
)
#: phrases before an agreement that is a prospect of the act reported ("paving the way for a framework
#: agreement", "a step towards an agreement"): that agreement is planned
PROSPECT: tuple[str, ...] = (
    r"pav\w* the way (?:for|to)", r"(?:a |first )?steps? towards", r"leading to", r"lead to", r"towards",
    r"prepar\w* (?:for|the ground for)",
)
#: cues of an agreement being prepared, anywhere in its clause ("are preparing a memorandum", "is in the
#: pipeline"): planned
PREPARE: tuple[str, ...] = (r"prepar(?:ing|es|ed)", r"being prepared", r"in the pipeline", r"in preparation")
#: cues of an aside about other partners or the past ("a broadly similar arrangement with Sweden")
ASIDES: tuple[str, ...] = ("similar", "comparable", "in the past", "has its own")
#: cues of an agreement in force that the cooperation rests on ("convened under the Agreement between ...")
BASIS: tuple[str, ...] = (
    "under", r"within the framework of", r"in the framework of", r"on the basis of", r"in accordance with",
    r"pursuant to", r"set out in", r"vision of", r"implementation of", r"implement\w*", r"based on",
    r"members? of the", r"member (?:states|countries) of the", r"parties to the", r"party to the",
    r"builds? on", r"building on",
    # a body of an agreement names it as the framework it meets under ("the Technical Working Group of the
    # Regional Co-operative Agreement", "the secretariat of the Convention")
    r"(?:working group|committee|secretariat|council|conference|meeting)s? of the",
)
#: nouns of an amendment: a new agreement item of its own, never a back-reference to the amended one
AMENDMENTS: tuple[str, ...] = (r"amendments?",)
#: verbs of an amendment: with a plan or modal before them ("agreed to amend the MoU") the amended agreement is
#: planned, else signed ("amended the 2019 protocol")
AMEND: tuple[str, ...] = (r"amend(?:ed|ing|s)?", r"revis(?:e|ed|ing)")
#: a renewal whose object is a pronoun pointing back to the agreement ("reviewed the letter ... and agreed to
#: extend it"), regex
RENEW_PRONOUN: tuple[str, ...] = (r"(?:extend|renew|prolong)\w*\s+(?:it|them)\b",)
#: cues of an agreement in force, anywhere in its clause ("which entered into force in 2016", "in force since")
IN_FORCE: tuple[str, ...] = (
    r"(?:entered|came|enters|comes|entering|coming) into force", r"in force",
    # an agreement that expired was in force ("which expired in December 2023")
    r"(?:expired|lapsed)",
    # an agreement that binds the parties since a year ("have been bound by an agreement since 1989")
    r"since (?:19|20)\d\d",
)
#: cues after an agreement noun that make it the agreement in force the cooperation rests on ("The 2018
#: protocol remains the framework of this cooperation")
FRAME: tuple[str, ...] = (r"(?:remains?|is|are|provides?|forms?) the (?:legal )?(?:framework|basis)",)
#: words of a funding call and its projects: a programme named after them with a framework cue ("a call for
#: proposals under the Joint Research Cooperation Programme") is the call's funding programme, no agreement
FUNDING: tuple[str, ...] = (
    r"calls?", "proposals", r"applications?", r"projects?", r"grants?", "funding", "funded", "fund", "funds",
)
#: words before a protocol that names a funding scheme, not an agreement (used in Vietnamese only)
SCHEMES: tuple[str, ...] = ()
#: words of science, technology and innovation in a title: in a list of texts signed at one ceremony, the texts
#: without them are other cooperation (aviation, visas, trade), left out (convention 6 of the corpus labels)
STI: tuple[str, ...] = (r"scien\w*", r"technolog\w*", r"research", r"innovation", r"R&D", r"S&T", r"STI")
#: nouns of a session's record (a subset of NOUNS): a text of its own, never another name for an agreement, plan
#: or programme mentioned before it ("approved a work programme ... signed the protocol of the session")
RECORDS: tuple[str, ...] = (r"minutes", r"protocols?", r"records? of discussions?")
#: a possibility before a renewal verb: a term of the text ("can be extended", "may be renewed"), no renewal
POSSIBLE: tuple[str, ...] = (r"(?:can|may|might)(?: also)?(?: be)?",)
#: words of a method right before "protocol": a technical procedure, no agreement ("a landslide monitoring
#: protocol", "clinical protocols", "the testing protocol")
PROCEDURE_BEFORE: tuple[str, ...] = (
    r"monitoring", r"testing", r"test", r"treatment", r"clinical", r"experimental", r"sampling", r"laboratory",
    r"surveillance", r"diagnostic", r"screening", r"measurement", r"calibration", r"vaccination", r"biosafety",
    r"quarantine", r"safety", r"communications?", r"analytical", r"therapeutic",
)
#: words of a method right after "protocol" (none in English, whose modifiers come first)
PROCEDURE_AFTER: tuple[str, ...] = ()
