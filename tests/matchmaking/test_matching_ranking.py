"""Hybrid ranking: complementarity rules, score parts and explanations, keywords-only and bad input."""

from __future__ import annotations

import numpy as np
import pytest

from sticoop.matchmaking.engine import HashingEmbedder, Matcher, Note, Profile, Weights
from sticoop.matchmaking.engine.ranking import (
    country_compatibility,
    partner_type_compatibility,
    trl_compatibility,
)

LANGS = ("en", "fr", "vi")


def offer(id_, title, summary="", **kw) -> Profile:
    return Profile(id_, "technology_offer", title=title, summary=summary, **kw)


def request(id_, title, summary="", **kw) -> Profile:
    return Profile(id_, "technology_request", title=title, summary=summary, **kw)


def _matcher(**kw) -> Matcher:
    """A matcher that lists every candidate (threshold 0): these tests are about order and explanations."""
    return Matcher(HashingEmbedder(), supported_languages=LANGS, **{"threshold": 0.0, **kw})


def _marketplace() -> list[Profile]:
    return [
        offer("o-desal", "Solar desalination unit", "Membrane distillation powered by solar collectors for "
              "drinking water", fields=["water_resources", "energy"], trl=7, owner_country="FRA"),
        offer("o-credit", "Credit scoring software", "Machine learning credit risk models for banks",
              fields=["ai"], trl=9, owner_country="USA"),
        request("r-desal", "Solar desalination wanted",
                "We need a solar desalination unit for drinking water", fields=["water_resources"], trl=6,
                owner_country="VNM", partner_sought_countries=["FRA"]),
        request("r-vaccine", "Avian flu vaccine", "Poultry farms need a vaccine", fields=["biotechnology"]),
        Profile("b-desal", "business_offer", title="Distributor of solar desalination units",
                summary="We distribute desalination equipment", fields=["water_resources"]),
        Profile("rd-1", "rd_cooperation", title="Research on solar desalination membranes",
                summary="Partners for a Horizon project on membrane distillation",
                fields=["water_resources"]),
        Profile("rd-2", "rd_cooperation", title="Membrane distillation research consortium",
                summary="Looking for labs working on solar membrane distillation",
                fields=["water_resources"]),
        offer("o-desal-2", "Desalination by solar membrane distillation", "Solar collectors drive a membrane "
              "distillation desalination unit", fields=["water_resources"], trl=5, owner_country="DEU"),
        offer("o-draft", "Solar desalination unit (draft)", "Solar desalination", status="draft"),
    ]


def test_complementary_follows_kind_rules_and_excludes_drafts():
    m = _matcher()
    m.add(_marketplace())
    kinds = lambda ms: {m.get(x.profile_id).kind for x in ms}  # noqa: E731
    assert kinds(m.complementary("o-desal")) == {"technology_request"}
    assert kinds(m.complementary("r-desal")) <= {"technology_offer", "business_offer"}
    assert {x.profile_id for x in m.complementary("r-desal")} >= {"o-desal", "b-desal"}
    assert kinds(m.complementary("b-desal")) <= {"technology_request", "business_offer"}
    assert [x.profile_id for x in m.complementary("rd-1")] == ["rd-2"]
    assert "o-draft" not in {x.profile_id for x in m.complementary("r-desal", k=20)}
    assert all(x.relation == "complementary" for x in m.complementary("o-desal"))


def test_similar_returns_same_kind_without_itself():
    m = _matcher()
    m.add(_marketplace())
    sims = m.similar("o-desal")
    assert sims[0].profile_id == "o-desal-2"
    assert "o-desal" not in {s.profile_id for s in sims}
    assert {m.get(s.profile_id).kind for s in sims} == {"technology_offer"}
    assert sims[0].relation == "similar"


def test_relevant_request_ranks_first_and_is_explained():
    m = _matcher()
    m.add(_marketplace())
    top = m.complementary("o-desal")[0]
    assert top.profile_id == "r-desal"
    ex = top.explanation
    # only the criteria both sides filled in: nobody stated a partner type
    assert set(ex.parts) == {"semantic", "keywords", "fields", "trl", "country"}
    assert ex.shared_fields == ["water_resources"]
    # words of one language are not cross-lingual terms: an all-English marketplace shares none
    assert ex.shared_terms == [] and ex.parts["keywords"].value == 0.0
    assert ex.parts["trl"].value == 1.0  # offer TRL 7 ≥ the 6 the request needs
    assert ex.parts["country"].value == 1.0  # the request wants France and the offer is French
    assert ex.parts["fields"].value == pytest.approx(0.5)
    assert not ex.keywords_only
    assert top.score == pytest.approx(sum(p.contribution for p in ex.parts.values()), abs=1e-3)
    assert sum(p.weight for p in ex.parts.values()) == pytest.approx(1.0, abs=1e-3)
    d = top.to_dict()
    assert d["explanation"]["parts"]["semantic"]["raw"] is not None


def test_trl_and_country_rules():
    o = offer("o", "x", trl=4, owner_country="FRA")
    r = request("r", "x", trl=6, owner_country="VNM", partner_sought_countries=["DEU"])
    assert trl_compatibility(o, r, "complementary") == pytest.approx(0.5)  # two levels short
    assert trl_compatibility(r, o, "complementary") == pytest.approx(0.5)  # symmetric in argument order
    assert trl_compatibility(offer("o2", "x", trl=9), r, "complementary") == 1.0
    assert trl_compatibility(o, offer("o3", "x", trl=8), "similar") == pytest.approx(0.5)
    assert trl_compatibility(o, request("r2", "x"), "complementary") is None
    assert country_compatibility(o, r) == 0.0  # r does not want France; o states no preference: not counted
    assert country_compatibility(o, offer("o4", "x")) is None  # nobody states a preference: not a criterion
    assert country_compatibility(r, offer("o5", "x")) is None  # a preference, but the other's country unknown


def test_weights_change_the_order():
    """With keyword weight only, shared technical terms decide; with field weight only, field overlap decides."""
    profiles = [
        offer("q", "Compact MBR with LoRaWAN telemetry", fields=["energy"]),
        request("words", "Nous cherchons un MBR suivi par LoRaWAN", language="fr", fields=["ai"]),
        request("fields", "unrelated poultry vaccine", fields=["energy"]),
    ]
    kw = _matcher(weights=Weights(semantic=0, keywords=1, fields=0, trl=0, country=0))
    kw.add(profiles)
    assert kw.complementary("q")[0].profile_id == "words"
    fl = _matcher(weights=Weights(semantic=0, keywords=0, fields=1, trl=0, country=0))
    fl.add(profiles)
    assert fl.complementary("q")[0].profile_id == "fields"


def test_unsupported_language_is_matched_by_keywords_only_and_marked():
    profiles = _marketplace() + [
        request("r-xx", "LoRaWAN desalination", "ຊອກຫາ desalination solar", language="lo-LA"),
    ]
    m = Matcher(HashingEmbedder(), supported_languages=("en", "fr", "vi"))
    m.add(profiles)
    assert m.is_keywords_only(m.get("r-xx")) and "r-xx" not in m.index
    hits = {x.profile_id: x for x in m.complementary("o-desal", min_score=0.0)}
    ex = hits["r-xx"].explanation
    assert ex.keywords_only and ex.parts["semantic"].value is None and ex.parts["semantic"].weight == 0
    assert ex.notes[0].code == "match_language_unsupported" and ex.notes[0].params == {"language": "lo"}
    assert "keywords only" in ex.notes[0].text
    assert not hits["r-desal"].explanation.keywords_only
    # and from its own side: every result is keywords-only
    own = m.complementary("r-xx", min_score=0.0)
    assert own and all(x.explanation.keywords_only for x in own)
    assert own[0].profile_id in {"o-desal", "o-desal-2", "b-desal"}


def test_profile_without_text_is_rejected():
    m = _matcher()
    empty = offer("empty", "  ", "", description="\n")
    with pytest.raises(ValueError, match="has no text"):
        m.add([empty])
    with pytest.raises(ValueError, match="has no text"):
        m.complementary(empty)
    assert len(m) == 0


def test_profile_validation_messages():
    with pytest.raises(ValueError, match="unknown kind"):
        Profile("x", "technology_swap", title="t")
    with pytest.raises(ValueError, match="TRL must be an integer from 1 to 9"):
        offer("x", "t", trl=10)
    with pytest.raises(ValueError, match="unknown IPR status"):
        offer("x", "t", ipr_status="trade secret")
    p = offer("x", "t", language="VI-vn", partner_sought_countries=["fra", " "], owner_country="vnm")
    assert (p.language, p.partner_sought_countries, p.owner_country) == ("vi", ["FRA"], "VNM")


class CountingEmbedder(HashingEmbedder):
    def __init__(self):
        super().__init__()
        self.calls = 0

    def embed(self, texts):
        self.calls += len(texts)
        return super().embed(texts)


def test_embeddings_computed_once_per_version_and_precomputed_vectors_used():
    emb = CountingEmbedder()
    m = Matcher(emb, supported_languages=LANGS)
    profiles = _marketplace()
    m.add(profiles)
    n = emb.calls
    assert n == len(profiles)
    m.add(profiles)  # unchanged text: nothing re-embedded
    assert emb.calls == n
    m.complementary("o-desal")  # query vector comes from the index
    assert emb.calls == n
    changed = offer("o-desal", "Solar desalination unit v2", "Now with graphene membranes")
    m.add([changed])
    assert emb.calls == n + 1

    # vectors stored in the database are used as they are
    stored = Matcher(HashingEmbedder(), supported_languages=LANGS).embed_profiles(profiles)
    emb2 = CountingEmbedder()
    m2 = Matcher(emb2, supported_languages=LANGS)
    m2.add(profiles, vectors=stored)
    assert emb2.calls == 0
    assert m2.complementary("o-desal")[0].profile_id == "r-desal"
    m3 = Matcher(CountingEmbedder(), supported_languages=LANGS)
    m3.add(profiles, vectors={"o-desal": stored[0]})
    assert m3.embedder.calls == len(profiles) - 1
    with pytest.raises(ValueError, match="vectors for"):
        m3.add(profiles, vectors=np.zeros((2, 384), dtype=np.float32))


def test_remove_and_query_unindexed_profile():
    m = _matcher()
    m.add(_marketplace())
    m.remove(["r-desal"])
    assert "r-desal" not in {x.profile_id for x in m.complementary("o-desal")}
    draft = request("new", "Solar desalination unit wanted", status="draft")
    assert m.complementary(draft)[0].profile_id in {"o-desal", "o-desal-2", "b-desal"}
    with pytest.raises(KeyError, match="not indexed"):
        m.complementary("missing")


def test_e5_hybrid_finds_cross_language_requests(e5):
    """An English offer ranks French and Vietnamese requests on the same technology above unrelated ones."""
    m = Matcher(e5)
    m.add([
        offer("en-offer", "Solar-powered seawater desalination unit",
              "Compact membrane distillation unit driven by solar thermal collectors; drinking water for "
              "coastal villages", fields=["water_resources", "energy"], trl=7),
        request("fr-match", "Recherche une technologie de dessalement solaire",
                "Nous cherchons une unité de dessalement de l'eau de mer alimentée par l'énergie solaire",
                language="fr", fields=["water_resources"]),
        request("vi-match", "Cần công nghệ khử mặn nước biển bằng năng lượng mặt trời",
                "Tìm thiết bị khử mặn nước biển dùng năng lượng mặt trời cho làng ven biển", language="vi"),
        request("fr-other", "Logiciel de notation de crédit", "Une banque cherche un modèle d'apprentissage "
                "automatique pour le risque de crédit", language="fr", fields=["ai"]),
        request("vi-other", "Cần vắc-xin cúm gia cầm", "Trang trại tìm vắc-xin phòng bệnh cúm cho gà",
                language="vi", fields=["biotechnology"]),
        request("en-other", "Rice husk biochar kiln wanted", "A kiln turning rice husks into biochar",
                fields=["agriculture"]),
    ])
    ranked = [x.profile_id for x in m.complementary("en-offer")]
    assert set(ranked[:2]) == {"fr-match", "vi-match"}
    vi = next(x for x in m.complementary("en-offer") if x.profile_id == "vi-match")
    assert vi.explanation.parts["keywords"].value == 0.0  # no shared words: found by meaning alone
    assert vi.explanation.parts["semantic"].value > 0


def test_language_centring_removes_the_language_pull():
    """Vectors = a strong language direction + a topic: raw cosine prefers any same-language profile, the
    centred one (each language's mean removed) prefers the same topic in another language."""
    rng = np.random.default_rng(0)
    dim = 384
    lang_dir = {lang: rng.standard_normal(dim) for lang in ("en", "vi")}
    topics = rng.standard_normal((20, dim))
    profiles, vecs = [], []
    for t in range(20):
        for lang, make in (("en", offer), ("vi", request)):
            profiles.append(make(f"{lang}{t}", f"profile {t}", language=lang))
            vecs.append(3 * lang_dir[lang] / np.linalg.norm(lang_dir[lang]) + topics[t] / np.linalg.norm(topics[t]))
    vecs = np.array(vecs, dtype=np.float32)
    m = Matcher(HashingEmbedder(dim), supported_languages=LANGS, language_means={}, threshold=0.0)
    m.add(profiles, vectors=vecs)
    assert all(m.complementary(f"en{t}", k=1)[0].profile_id == f"vi{t}" for t in range(20))
    # the means are those of the indexed profiles: exactly the language offset here, up to the topics' mean
    unit = {lang: v / np.linalg.norm(v) for lang, v in lang_dir.items()}
    assert float(m.language_mean("en") @ unit["en"]) > 0.9 * float(np.linalg.norm(m.language_mean("en")))
    # with a bundled prior and one profile, the mean stays near the prior (pseudo-count PRIOR_WEIGHT)
    prior = {"en": np.ones(dim) / np.sqrt(dim)}
    few = Matcher(HashingEmbedder(dim), supported_languages=LANGS, language_means=prior)
    few.add(profiles[:1], vectors=vecs[:1])
    assert float(few.language_mean("en") @ prior["en"]) > 0.9


def test_scores_are_absolute_and_the_threshold_drops_noise():
    """A score does not depend on the other candidates: adding a better candidate leaves the others' scores
    as they were (up to the tiny shift of the language mean and term weights one more profile causes), where
    a score relative to the best one would have dropped; below the threshold nothing is listed."""
    m = _matcher()
    m.add(_marketplace())
    before = {x.profile_id: x.score for x in m.complementary("o-desal")}
    m.add([request("r-better", "Solar desalination unit", "Membrane distillation powered by solar collectors for "
                   "drinking water", fields=["water_resources", "energy"])])
    after = {x.profile_id: x.score for x in m.complementary("o-desal")}
    assert after["r-better"] > max(before.values())
    assert all(after[i] == pytest.approx(before[i], abs=0.03) for i in before)
    best = max(after.values())
    strict = _matcher(threshold=best + 0.01)
    strict.add(_marketplace())
    assert strict.complementary("o-desal") == []


def test_partner_type_sought_is_scored_and_explained():
    lab = offer("o-lab", "Solar desalination unit", "Membrane distillation with solar collectors",
                owner_type="university")
    firm = offer("o-firm", "Solar desalination unit", "Membrane distillation with solar collectors",
                 owner_type="company")
    unknown = offer("o-anon", "Solar desalination unit", "Membrane distillation with solar collectors")
    wants_firm = request("r", "Solar desalination wanted", "Membrane distillation with solar collectors",
                         partner_sought_types=["company"], owner_type="company")
    assert partner_type_compatibility(wants_firm, firm) == 1.0
    assert partner_type_compatibility(wants_firm, lab) == 0.0  # the request's preference unmet; the lab has none
    assert partner_type_compatibility(lab, wants_firm) == 0.0  # symmetric
    assert partner_type_compatibility(wants_firm, unknown) is None  # owner type unknown: not a criterion
    assert partner_type_compatibility(lab, firm) is None  # nobody has a preference

    m = _matcher()
    m.add([lab, firm, unknown, wants_firm])
    ranked = m.complementary("r", k=3)
    assert [x.profile_id for x in ranked] == ["o-firm", "o-anon", "o-lab"]  # same text: the type decides
    parts = {x.profile_id: x.explanation.parts["partner_type"] for x in ranked if x.profile_id != "o-anon"}
    assert parts["o-firm"].value == 1.0 and parts["o-lab"].value == 0.0 and parts["o-lab"].weight > 0
    anon = next(x for x in ranked if x.profile_id == "o-anon").explanation
    assert "partner_type" not in anon.parts  # nothing to compare: the criterion is not shown
    lab_notes = next(x for x in ranked if x.profile_id == "o-lab").explanation.notes
    assert Note("match_owner_not_sought", {"owner_type": "university"}) in lab_notes
    assert "the matched profile's owner is not a partner type this profile seeks (university)" in \
        [n.text for n in lab_notes]
    # seen from the lab's side the request's preference is the one not met
    assert any(n == Note("query_owner_not_sought", {"owner_type": "university"})
               and n.text == "this profile's owner is not a partner type the matched profile seeks (university)"
               for x in m.complementary("o-lab", k=3) for n in x.explanation.notes)
    # with the part weighted out, the tie is back
    flat = _matcher(weights=Weights(partner_type=0))
    flat.add([lab, firm, unknown, wants_firm])
    assert len({round(x.score, 6) for x in flat.complementary("r", k=3)}) == 1
