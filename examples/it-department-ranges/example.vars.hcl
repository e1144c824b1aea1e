# A tighter scenario: finance trims capex by a third and the steering
# committee takes less risk. Compare with the default plan:
#
#   roadmap plan --var-file example.vars.hcl .
#
# With a risk appetite of 0.3, A (the ERP upgrade, risk score 0.32) fails
# the risk gate, and D takes its place next to C from the first quarter.
# Files ending in .vars.hcl are only read when passed with --var-file.

capex         = 1000000
risk_appetite = 0.3
