"""Sector cues: lower-cased words or phrases (matched on token text and lemma) -> sector."""
from __future__ import annotations

SECTOR_CUES: dict[str, tuple[str, ...]] = {
    "ArtificialIntelligence": ("ai", "a.i.", "artificial intelligence", "machine learning", "chatbot", "chatbots",
                               "language model", "language models", "llm", "llms", "generative", "frontier model",
                               "frontier models", "ai models", "ai model", "deep learning", "neural", "chatgpt"),
    "Semiconductors": ("chip", "chips", "semiconductor", "semiconductors", "chipmaking", "chipmaker", "chipmakers",
                       "lithography", "wafer", "wafers", "fab", "fabs", "foundry", "foundries", "high-bandwidth memory",
                       "hbm", "gpu", "gpus", "nanometre", "nanometer", "2-nanometre", "euv", "duv", "integrated circuits"),
    "Telecommunications": ("telecom", "telecoms", "telecommunications", "5g", "6g", "network equipment",
                           "base stations", "undersea cables", "mobile networks"),
    "Nuclear": ("nuclear", "uranium", "enrichment", "reactor", "reactors", "physicists"),
    "Aerospace": ("aerospace", "satellite", "satellites", "aircraft", "aviation", "rocket", "rockets", "space"),
    "Cryptography": ("cryptography", "cryptographers", "cryptographer", "encryption", "cryptographic"),
    "CriticalMinerals": ("gallium", "germanium", "antimony", "graphite", "rare earth", "rare earths", "lithium",
                         "cobalt", "nickel", "manganese", "tungsten", "critical minerals", "minerals", "rare-earth"),
    "Biotechnology": ("biotech", "biotechnology", "genomic", "genomics", "gene", "genetic", "pharmaceutical",
                      "pharmaceuticals", "vaccine", "vaccines", "biological"),
    "Defence": ("military", "defence", "defense", "weapons", "weapon", "drone", "drones", "missile", "missiles",
                "arms", "munitions"),
    "Research": ("research", "academic", "universities", "university", "scientific collaboration",
                 "research collaboration"),
    "SocialMedia": ("social media", "platform", "tiktok", "facebook", "instagram", "posts", "algorithm",
                    "recommendation algorithm", "content moderation"),
    "Finance": ("bank", "banks", "banking", "financial", "payments", "cryptocurrency", "stablecoin"),
    "Energy": ("energy", "solar", "battery", "batteries", "electric vehicle", "electric vehicles", "oil", "gas",
               "power grid", "renewable", "wind"),
    "Other": ("quantum", "machine tools", "chemicals", "aluminium", "aluminum", "steel", "robotics"),
}

#: sector cues that only count next to a word saying what field is meant ("research" in
#: "AI researchers" is the AI sector, not Research)
WEAK = {"platform", "posts", "space", "gas", "wind", "physicists", "arms", "gene", "fab", "oil", "algorithm",
        "minerals", "university", "universities"}
