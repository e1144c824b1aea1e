roadmap {
  name  = "Test"
  start = "2027-01"
}

budget "capex" {
  amount = -5
}

team "t" {
  capacity     = 1
  cost_per_fte = -100
}

vendor "v" {
  one_time = -1
  annual   = -2
}

project "p" {
  duration = 1
  cost {
    one_time = -150000
    per_year = -1
  }
  benefit {
    per_year = -3
  }
}
