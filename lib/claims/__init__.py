"""Comparable claims: `figures` (claim candidates and their figures; a price's amount of goods is
part of its kind, a planned figure is marked; "count" and role-less "people" are never compared),
`topics` (rows: seeds from topics.json, Topic/ClaimSet records, JSON), `status` (agree / disagree /
evolving, the same-period differences, and the one-sentence verdict; a cumulative count such as a
death toll is read as never falling, and a tally of people something happened to is judged by the
report day, not two weeks, since it is updated day by day: same_period_days), `grouping` (candidates assigned to seeds or
clustered into automatic topics, each split so a row compares one kind of figure, then each kind
compared in exactly one row that takes every sentence giving it, in any language, unless the
sentence is off the kind's subject or is about other places; rows found by kind are labelled from
the name their sources share; points only one source makes), `places` (the countries a sentence is
about: CLDR country names and the countries of the cities it places something in, from GeoNames),
`questions` (question_topic: a row for a user's own question, comparing the kind of figure it asks for),
`build` (build_claims / claims_view: the topics built and kept as a stored view), `incremental` (that view
extended by added articles alone)."""
