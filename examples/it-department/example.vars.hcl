# A tighter year: finance cuts capex to EUR 800,000 a year and the
# steering committee takes less risk. Compare with the default plan:
#
#   roadmap plan --var-file example.vars.hcl .
#
# With a risk appetite of 0.3, A (the ERP upgrade, risk score 0.32) fails
# the risk gate, and D takes its place next to C from the first quarter.
# The capex budget now binds: C, D and zero-trust access spend 2027's
# money, so the service desk replacement waits for it until 2027-Q4.
# Files ending in .vars.hcl are only read when passed with --var-file.

capex         = 800000
risk_appetite = 0.3
