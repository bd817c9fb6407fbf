"""Language tools shared by every stage; none of them knows about pages or views.

`sentences` (split_sentences), `language` (detect_language), `dates` (date
phrases in a sentence, in nine languages, resolved against a reference date;
`date_languages` holds each language's month and weekday names), `numbers` (figures
with their unit and qualifier), `attribution` (who says so, hedging), `embed`
(the one sentence-transformers wrapper: Embedder, embedder_for, article_vectors).
"""
