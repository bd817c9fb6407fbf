"""Comparable claims: `figures` (claim candidates and their figures), `topics`
(rows: seeds from topics.json, Topic/ClaimSet records, JSON), `status` (agree /
disagree / evolving and the rule that decided), `grouping` (build_claims:
candidates assigned to seeds or clustered into automatic topics, each split so a row
compares one kind of figure, plus rows discovered per kind of figure for any story),
`questions` (question_topic: a row for a user's own question, comparing the kind of
figure it asks for)."""
