# review qa18 Q3 (random r0004): opex per period; p2 lacks 40,000 in 2027-Q1.
roadmap {
  start = "2027-Q1"
  period = "quarter"
  horizon = 5
  discount_rate = 0.08
}

goal "g" {
  weight = 1
}

team "dev" {
  capacity = 2
  cost_per_fte = 0
  max_parallel = 2
}

budget "capex" {
  kind = "capex"
  amount = 150000
  per = "year"
}

budget "opex" {
  kind = "opex"
  amount = 10000
  per = "period"
}

system "s0" {
  run_cost {
    per_year = 60000
  }
}

system "s1" {
  run_cost {
    per_year = 60000
  }
}

project "p0" {
  goals = { g = 0.95 }
  duration = 1
  funding = budget.capex
  effort = { dev = 0.5 }
  cost {
    one_time = 0
    per_year = 100000
  }
  benefit {
    per_year = 100000
    years = 1
  }
}

project "p1" {
  goals = { g = 0.45 }
  duration = 3
  funding = budget.capex
  effort = { dev = 1 }
  deadline = "2027-Q4"
  risk {
    failure = 0.3
    disruption = 0.2
    disruption_cost = 0
  }
  cost {
    one_time = 20000
    per_year = 0
  }
  benefit {
    per_year = 50000
    years = 1
  }
}

project "p2" {
  goals = { g = 0.66 }
  duration = 1
  funding = budget.opex
  effort = { dev = 1 }
  replaces = [system.s1]
  risk {
    failure = 0.1
    disruption = 0.2
    disruption_cost = 50000
  }
  cost {
    one_time = 50000
    per_year = 40000
  }
  benefit {
    per_year = 400000
  }
}

project "p3" {
  goals = { g = 0.74 }
  duration = 1
  funding = budget.capex
  effort = { dev = 2 }
  risk {
    failure = 0.1
    disruption = 0
    disruption_cost = 50000
  }
  cost {
    one_time = 50000
    per_year = 100000
  }
  benefit {
    per_year = 400000
  }
}

project "p4" {
  goals = { g = 0.39 }
  duration = 1
  funding = budget.opex
  effort = { dev = 2 }
  cost {
    one_time = 20000
    per_year = 100000
  }
  benefit {
    per_year = 200000
    years = 1
  }
}

choice "c0" {
  options = [project.p3, project.p1]
}
