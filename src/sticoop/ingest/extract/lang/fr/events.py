r"""French cue phrases of event types, read in a report's lead ("appel à projets", "stage de formation").

Read by ``ingest/extract/events.py``. Format: event type -> phrases matched case-insensitively as whole words;
regex syntax is allowed and the order is the regex alternation's. The phrases come from the leads of the
corpus' French-language releases.
"""

#: event type -> cue phrases
EVENT_CUES: dict[str, tuple[str, ...]] = {
    "funding_call": (
        "appel à projets", "appel à propositions", "appel à candidatures", "appel d'offres", "appel conjoint",
    ),
    "training": ("formation", "stage de formation"),
    "tech_transfer_event": ("salon", "foire"),
    "agreement_signing": ("signent", "signé", "signer", "signera", "renouvelé", "accord-cadre"),
    "ministerial_visit": ("visite", "délégation", "reçu"),
}
