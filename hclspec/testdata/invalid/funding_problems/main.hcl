roadmap {
  start = "2027-Q1"
}

team "platform" {
  capacity     = 4
  cost_per_fte = 30000
}

budget "capex" {
  amount = 1000000
}

budget "opex" {
  amount = 200000
}

# Spends (one-time cost and team effort) but names no funding: with two
# budgets, which one pays?
project "unfunded" {
  duration = 2
  effort   = { platform = 1 }
  cost {
    one_time = 9000000
  }
}

# Spends nothing on its build: needs no funding.
project "free" {
  duration = 1
}

project "short" {
  duration = 1
  funding  = { capex = 0.5, opex = 0.3 }
}

project "ranges" {
  duration = 1
  funding  = { capex = 1.5, opex = 0 }
}

project "unknown" {
  duration = 1
  funding  = { capx = 0.5, opex = 0.5 }
}

project "empty" {
  duration = 1
  funding  = {}
}

# Spends and names a split that does not add up: that is the one problem,
# not "names no funding" as well.
project "over" {
  duration = 1
  effort   = { platform = 1 }
  funding  = { capex = 0.5, opex = 0.6 }
}
