roadmap {
  start   = "2027-Q1"
  horizon = 4
}
goal "g" {
  weight = 1
}
budget "capex" {
  amount = 1000000
  per    = "year"
}
budget "opex" {
  kind   = "opex"
  amount = 100000
  per    = "year"
}
system "old" {
  run_cost {
    per_year = 240000
  }
}
project "kill" {
  goals    = { g = 0.9 }
  duration = 1
  funding  = budget.capex
  replaces = [system.old]
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 150000
  }
}
project "ops1" {
  goals    = { g = 0.3 }
  duration = 1
  funding  = budget.opex
  cost {
    one_time = 75000
  }
  benefit {
    per_year = 150000
  }
}
project "ops2" {
  goals    = { g = 0.3 }
  duration = 1
  funding  = budget.opex
  cost {
    one_time = 75000
  }
  benefit {
    per_year = 150000
  }
}

project "ops3" {
  goals    = { g = 0.3 }
  duration = 1
  funding  = budget.opex
  cost {
    one_time = 75000
  }
  benefit {
    per_year = 150000
  }
}

project "ops4" {
  goals    = { g = 0.3 }
  duration = 1
  funding  = budget.opex
  cost {
    one_time = 75000
  }
  benefit {
    per_year = 150000
  }
}
