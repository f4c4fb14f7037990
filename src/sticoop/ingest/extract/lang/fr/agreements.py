r"""French words of agreements and of the verbs that give their status ("l'accord-cadre a été signé", "pourrait
être signé").

Read by ``ingest/extract/agreements/cues.py``. Each tuple is a list of regex alternatives, matched as whole words, in
alternation order: ``\w*`` stands for any ending, ``[ée]`` for a letter with or without its accent. Nouns are
matched with their case, verbs case-insensitively. The forms come from the corpus' French-language releases
("accord" and "accord-cadre" are read with the English nouns, which spell them alike).
"""

#: agreement nouns ("protocole d'entente", "procès-verbal", "plan d'action")
NOUNS: tuple[str, ...] = (
    "protocole d'entente", "procès-verbal", r"mémorandums? d'entente", "mémorandum", "plan d'action",
    "programme de coopération",
    # le plan qui met un accord en œuvre ("un plan de mise en œuvre de l'accord de 2012")
    r"plans? de mise en œuvre",
    "plan de coopération", r"ententes?(?:-cadres?)?", "feuilles? de route", r"protocoles?(?: additionnels?)?",
    r"déclarations? conjointes?", r"programmes? exécutifs?",
    # lettres et déclarations d'intention, avenants, arrangements d'application / de mise en œuvre
    r"(?:lettres?|déclarations?) d'intention", r"avenants?", r"arrangements? d'application",
    r"arrangements? de mise en œuvre", r"protocoles? d'accord",
    # le compte rendu des discussions (record of discussions) signé par deux gouvernements
    r"comptes? rendus? des discussions",
    # le programme de travail d'une commission mixte (approuvé ou adopté en séance)
    r"programmes? de travail",
)
#: verbs of a renewal
RENEW: tuple[str, ...] = (
    # never "énergies renouvelables" (renewable)
    r"renouvel(?!ables?\b)\w*", r"recondu\w*",
    # never "dans le prolongement de" (in continuation of: an agreement in force, BASIS)
    r"(?<!dans le )prolong\w*", r"prorog\w*",
)
#: verbs of a signature, initialling, conclusion, approval or adoption
SIGN: tuple[str, ...] = (
    r"sign[ée]\w*", r"paraph\w*", r"conclu\w*", r"approuv\w*", r"adopt[ée]\w*",
    # ratification, échange des instruments ou des documents signés, texte finalisé (INITIAL: planned)
    r"ratifi\w*", r"échange des (?:instruments|documents|textes)", r"finalis\w*",
)
#: verbs of an adoption in talks (a subset of SIGN): without a signature, `discussed` (convention 9)
ADOPT: tuple[str, ...] = (r"adopt[ée]\w*",)
#: verbs of an approval (a subset of SIGN): a plan or programme approved in talks is `discussed`
APPROVE: tuple[str, ...] = (r"approuv\w*",)
#: verbs of a revival of dormant agreements ("convenues de réactiver et d'actualiser les accords de jumelage")
REVIVE: tuple[str, ...] = (r"réactiv\w*", r"relanc\w*", r"actualis\w*", r"redynamis\w*")
#: verbes de rédaction d'un texte: après une décision ou un modal ("sont convenus d'élaborer un plan d'action")
#: ce qu'ils régissent est `planned`
DRAW_UP: tuple[str, ...] = (r"élaborer", r"préparer", r"rédiger", r"mettre au point", r"établir", r"conclure")
#: future and conditional endings of a signature or renewal verb ("signeront", "conclura", "renouvellerait")
FUTURE_FORMS: tuple[str, ...] = (r"\w+(?:era|eront|erait|eraient|ura|uront|urait|uraient)",)
#: cues after an agreement noun that schedule its signing ("la signature de l'accord est prévue en juin")
SCHEDULE: tuple[str, ...] = (r"(?:est|sont) prévue?s?", r"aura lieu", r"doit avoir lieu", r"interviendra")
#: verbs of an initialling (a subset of SIGN): agreed text, not yet signed, `planned`
INITIAL: tuple[str, ...] = (r"paraph\w*", r"finalis\w*")
#: verbs of a discussion or study
DISCUSS: tuple[str, ...] = (
    r"évoqu\w*", r"discut\w*", r"examin[ée]\w*", r"négoci\w*", "étudier", r"étudie\w*",
    # pourparlers, échanges et projets: "ont échangé sur un projet d'accord"
    r"pourparlers", r"échang[ée]\w* (?:sur|autour)",
    # a draft is "projet d'accord", never "projets de recherche" (research projects)
    r"projets? d(?:e |')(?=(?:accords?|protocoles?|mémorandums?|conventions?|ententes?|plans?|feuilles?|"
    r"déclarations?|arrangements?|programmes?|avenants?|lettres?|procès|comptes?)\b)",
)
#: modals of a future or possible act between an agreement noun and a later signature ("un accord ... sera signé")
FUTURE: tuple[str, ...] = ("sera", "seront", r"pourrai\w*", r"devrai\w*", "doit", "doivent")
#: modals and phrases of a plan ("prévoit de", "pourrait", "d'ici", "à signer")
PLAN: tuple[str, ...] = (
    r"prévoi\w*", r"pourrai\w*", r"devrai\w*", "doit", r"envisag\w*", "d'ici", "à signer", "de signer",
    # "sont convenues de signer", "ont décidé de conclure", "s'engagent à signer"
    r"convenu\w* de", r"décid\w* de", r"accept\w* de", r"s'engag\w* à",
    # "en vue de la signature", "avant la signature", "en prévision de la signature"
    # (right before the verb: "Avant la cérémonie, ils ont signé" is done)
    r"(?:en vue de|avant|en prévision de)(?: la)?(?=\s*$)",
)
#: phrases before an agreement that is a prospect of the act reported ("ouvrant la voie à un accord-cadre")
PROSPECT: tuple[str, ...] = (r"ouvr\w* la voie (?:à|au|aux)", r"vers (?:un|une|la conclusion d')", r"en vue d'un")
#: cues of an agreement being prepared ("est en préparation", "en cours d'élaboration", "préparent un accord")
PREPARE: tuple[str, ...] = (r"en préparation", r"en cours d'élaboration", r"prépar(?:ent|e|ons)", r"élabor(?:ent|e)")
#: cues of an aside about other partners or the past ("des accords semblables", "a déjà")
ASIDES: tuple[str, ...] = ("semblables?", "a déjà")
#: cues of an agreement in force that the cooperation rests on ("en vertu d'un accord", "dans le cadre de")
BASIS: tuple[str, ...] = (
    r"en vertu d[eu']?", r"dans le cadre d[eu']?", r"conformément à", r"au titre d[eu']?", r"mise en œuvre d[eu']?",
    r"sur la base d[eu']?",
    r"(?:États|pays)? ?membres? d[eu']?", r"s'appuie sur", r"dans le prolongement d[eu']?",
    # un organe de l'accord ("le groupe de travail technique de l'accord régional", "le secrétariat de la
    # convention"), "fait suite à l'accord-cadre"
    r"(?:groupe de travail|comité|secrétariat|conseil|conférence|réunion)s?(?: \w+)?(?: d[eu']| des)",
    r"fai\w* suite à",
)
#: nouns of an amendment ("avenant"): a new agreement item of its own, never a back-reference
AMENDMENTS: tuple[str, ...] = (r"avenants?",)
#: verbs of an amendment ("ont convenu de modifier le protocole": planned; "a modifié l'accord": signed)
AMEND: tuple[str, ...] = (r"modifi[ée]\w*", r"modifier", r"amend[ée]\w*", r"amender", r"réviser", r"révis[ée]\w*")
#: a renewal whose object is a pronoun before the verb ("et de le prolonger", "de la renouveler"), regex
RENEW_PRONOUN: tuple[str, ...] = (r"(?:le|la|les|l')\s*(?:renouvel|recondu|prolong|prorog)\w*",)
#: cues of an agreement in force ("entré en vigueur en 2016", "en vigueur depuis")
IN_FORCE: tuple[str, ...] = (
    r"entr[ée]\w* en vigueur", r"en vigueur",
    # an agreement that expired was in force ("arrivé à échéance", "a expiré")
    r"arrivée? à (?:son )?(?:échéance|expiration|terme)", r"a expiré",
    # un accord qui lie les parties depuis une année ("sont liés par une entente de coopération depuis 1989")
    r"depuis (?:19|20)\d\d",
)
#: cues after an agreement noun that make it the agreement in force ("reste le cadre de cette coopération")
FRAME: tuple[str, ...] = (r"(?:reste|restent|constitue|constituent|demeure|forme) (?:le|la) (?:cadre|base)",)
#: words of a funding call and its projects: un programme nommé après eux avec un cadre ("appel à projets dans
#: le cadre du programme de coopération") est le programme de financement de l'appel, pas un accord
FUNDING: tuple[str, ...] = (r"appels?", r"projets?", r"candidatures?", r"financ\w*", r"subventions?", r"propositions?")
#: words before a protocol that names a funding scheme, not an agreement (used in Vietnamese only)
SCHEMES: tuple[str, ...] = ()
#: mots de science, technologie et innovation d'un titre: dans une liste de textes signés à une même cérémonie,
#: ceux qui n'en ont pas relèvent d'une autre coopération et sont laissés de côté (convention 6)
STI: tuple[str, ...] = (r"scien\w*", r"technolog\w*", r"recherche", r"innovation")
#: noms du relevé d'une session (sous-ensemble de NOUNS): un texte à part, jamais un autre nom de l'accord ou du
#: programme cité avant lui ("adopte le programme de travail ... Le procès-verbal de la session a été signé")
RECORDS: tuple[str, ...] = (r"procès-verbal", r"procès-verbaux", r"comptes? rendus? des discussions")
#: une possibilité avant un verbe de renouvellement, une clause du texte ("peut être prolongé"), pas un renouvellement
POSSIBLE: tuple[str, ...] = (r"(?:peut|peuvent|pourra|pourront)(?: aussi| également)?(?: être)?",)
#: mots d'une méthode avant "protocole" (aucun en français, où ils suivent le nom)
PROCEDURE_BEFORE: tuple[str, ...] = ()
#: mots d'une méthode après "protocole": une procédure technique, pas un accord ("un protocole de surveillance",
#: "les protocoles cliniques", "un protocole expérimental")
PROCEDURE_AFTER: tuple[str, ...] = (
    r"expérimenta\w*", r"cliniques?", r"thérapeutiques?", r"sanitaires?", r"analytiques?",
    r"de (?:surveillance|suivi|traitement|soins|recherche|test|mesure|dépistage|communication|vaccination|"
    r"laboratoire|sécurité|biosécurité|quarantaine|diagnostic)",
    r"d['’](?:essai|échantillonnage|analyse|évaluation)",
)
