"""Language tools shared by every stage; none of them knows about pages or views.

`sentences` (split_sentences), `language` (detect_language), `dates` (date
phrases in a sentence, in nine languages, resolved against a reference date;
`date_languages` holds each language's month and weekday names), `numbers` (figures
with their unit and qualifier; `numbers_multilingual` reads them in CJK, Korean,
Thai and European formats), `counted` (what a figure counts: troops sent, people
killed, price, ...), `attribution` (who says so, hedging;
`attribution_multilingual` in the eight other languages), `embed`
(the one sentence-transformers wrapper: Embedder, embedder_for, article_vectors).
"""
