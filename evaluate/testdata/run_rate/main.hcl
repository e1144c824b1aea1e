# Run costs drawing on an opex budget, and the run rate: a (run 40,000 a
# year) goes live in 2027-Q3 and takes 60,000 of the 70,000 of opex; b (run
# 8,000 a year, retiring system "old") can only go live in 2027-Q4. See
# TestRunCostsDrawOnOpex in evaluate/runrate_test.go for the hand sums.

roadmap {
  start   = "2027-Q1"
  horizon = 8
}

budget "capex" {
  amount = 1000000
  per    = "total"
}

budget "opex" {
  kind   = "opex"
  amount = 70000
  per    = "total"
}

system "old" {
  run_cost {
    per_year = 6000
  }
}

project "a" {
  duration = 2
  cost {
    one_time = 10000
    per_year = 40000
  }
  benefit {
    per_year = 200000
  }
}

project "b" {
  duration = 1
  replaces = [system.old]
  cost {
    one_time = 1000
    per_year = 8000
  }
  benefit {
    per_year = 100000
  }
}
