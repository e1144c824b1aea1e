# docs/evaluation.md's vendor example with a junk bid. "junk" is by far the
# cheapest (TCO 3,000) but fails the technical threshold of 3 (its
# features, support and compatibility average 1), so acme and budget keep
# the cost scores they would have without it and acme still wins. "scaled"
# scores cost on an absolute scale instead of relative to the cheapest
# eligible bid.
roadmap {
  name     = "Vendor threshold"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 4
}

goal "grow" {
  weight = 1
}

# TCO 40,000 + 3 x 90,000 = 310,000; technical (1.6 + 0.6 + 1) / 0.8 = 4
vendor "acme" {
  category = "crm"
  one_time = 40000
  annual   = 90000
  provides = ["crm"]
  scores   = { features = 4, support = 3, compatibility = 5 }
}

# TCO 250,000, the cheapest that passes: cost 5; technical 3.5
vendor "budget" {
  category = "crm"
  one_time = 10000
  annual   = 80000
  provides = ["crm"]
  scores   = { features = 3, support = 4, compatibility = 4 }
}

# TCO 3,000; technical 1: below the threshold, so it changes nothing
vendor "junk" {
  category = "crm"
  annual   = 1000
  provides = ["crm"]
  scores   = { features = 1, support = 1, compatibility = 1 }
}

evaluation "crm" {
  category      = "crm"
  criteria      = { features = 0.4, support = 0.2, compatibility = 0.2, cost = 0.2 }
  minimum_score = 3
  years         = 3
}

# On the scale 200,000 (5) to 400,000 (0): acme 2.25, budget 3.75, so acme
# 3.65 and budget 3.55.
evaluation "scaled" {
  category      = "crm"
  criteria      = { features = 0.4, support = 0.2, compatibility = 0.2, cost = 0.2 }
  minimum_score = 3
  years         = 3
  cost_scale    = { best = 200000, worst = 400000 }
}

project "crm_migration" {
  goals    = { grow = 1 }
  vendor   = evaluation.crm
  requires = ["crm"]
  duration = 2
  benefit {
    per_year = 300000
  }
}
