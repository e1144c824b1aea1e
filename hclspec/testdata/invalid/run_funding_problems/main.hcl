roadmap {
  start = "2027-Q1"
}

budget "capex" {
  amount = 1000000
}

budget "run" {
  amount = 200000
  kind   = "opex"
}

budget "licences" {
  amount = 50000
  kind   = "opex"
}

vendor "saas" {
  annual = 12000
}

# Run costs drawn on a capex budget.
project "wrong_kind" {
  duration    = 1
  run_funding = budget.capex
  cost {
    per_year = 1000
  }
}

# A vendor's annual fee, two opex budgets, no run_funding.
project "which" {
  duration = 1
  vendor   = vendor.saas
}

# No run cost: needs no run funding.
project "free" {
  duration = 1
}

project "typo" {
  duration    = 1
  run_funding = budget.licence
}
