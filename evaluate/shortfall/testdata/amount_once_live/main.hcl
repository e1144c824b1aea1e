# review qa18 Q3 (random r0019): p1 lacks opex money a year once live.
roadmap {
  start = "2027-Q1"
  period = "quarter"
  horizon = 9
  discount_rate = 0
}

goal "g" {
  weight = 1
}

team "dev" {
  capacity = 2
  cost_per_fte = 0
}

budget "capex" {
  kind = "capex"
  amount = 100000
  per = "period"
}

budget "opex" {
  kind = "opex"
  amount = 120000
  per = "year"
}

system "s0" {
  run_cost {
    per_year = 20000
  }
}

project "p0" {
  goals = { g = 0.66 }
  duration = 2
  funding = budget.capex
  effort = { dev = 2 }
  deadline = "2028-Q4"
  cost {
    one_time = 0
    per_year = 0
  }
  benefit {
    per_year = 0
  }
}

project "p1" {
  goals = { g = 0.61 }
  duration = 3
  funding = budget.capex
  effort = { dev = 1 }
  replaces = [system.s0]
  depends_on = [project.p0]
  deadline = "2028-Q4"
  cost {
    one_time = 120000
    per_year = 100000
  }
  benefit {
    per_year = 50000
  }
}

project "p2" {
  goals = { g = 0.57 }
  duration = 2
  funding = budget.opex
  effort = { dev = 1 }
  risk {
    failure = 0.1
    disruption = 0.2
    disruption_cost = 50000
  }
  cost {
    one_time = 120000
    per_year = 20000
  }
  benefit {
    per_year = 100000
  }
}

project "p3" {
  goals = { g = 0.76 }
  duration = 2
  funding = budget.opex
  effort = { dev = 0.5 }
  replaces = [system.s0]
  deadline = "2028-Q4"
  risk {
    failure = 0.3
    disruption = 0
    disruption_cost = 50000
  }
  cost {
    one_time = 75000
    per_year = 20000
  }
  benefit {
    per_year = 100000
  }
}

project "p4" {
  goals = { g = 0.36 }
  duration = 1
  funding = budget.opex
  depends_on = [project.p3]
  cost {
    one_time = 75000
    per_year = 100000
  }
  benefit {
    per_year = 0
  }
}

project "p5" {
  goals = { g = 0.63 }
  duration = 1
  funding = budget.capex
  effort = { dev = 2 }
  replaces = [system.s0]
  deadline = "2028-Q2"
  mandatory = true
  cost {
    one_time = 50000
    per_year = 0
  }
  benefit {
    per_year = 100000
    years = 1
  }
}
