"""The analyst's review: corrections that survive re-extraction, and key judgments.

`file` reads and writes the corrections file, `values` checks FIELD=VALUE as
config is checked, `apply` applies corrections after merging (called by
`analysis.load`), `commands` holds one library function per command, and
`judgments` reads and checks the key judgments an analyst writes.
"""
