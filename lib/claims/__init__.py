"""Comparable claims: `figures` (claim candidates and their figures; a price's amount of goods is
part of its kind, a planned figure is marked), `topics` (rows: seeds from topics.json, Topic/ClaimSet
records, JSON), `status` (agree / disagree / evolving, the same-period differences, and the one-sentence
verdict), `grouping` (build_claims: candidates assigned to seeds or clustered into automatic topics,
each split so a row compares one kind of figure, then each kind compared in exactly one row that
takes every sentence giving it, in any language, unless the sentence is off the kind's subject or
names only other countries; rows found by kind are labelled from the name their sources share;
points only one source makes), `places` (the countries a sentence names, from CLDR), `questions`
(question_topic: a row for a user's own question, comparing the kind of figure it asks for)."""
