"""Language tools shared by every stage; none of them knows about pages or views.

`sentences` (split_sentences), `language` (detect_language), `dates` (date
phrases in a sentence, resolved against a reference date), `numbers` (figures
with their unit and qualifier), `attribution` (who says so, hedging), `embed`
(the one sentence-transformers wrapper: Embedder, embedder_for, article_vectors).
"""
