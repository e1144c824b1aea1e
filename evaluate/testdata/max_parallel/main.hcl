# At most two projects in flight: four two-quarter projects fill the year
# two at a time; the fifth is deferred.
roadmap {
  name         = "Max parallel"
  currency     = "EUR"
  start        = "2027-Q1"
  horizon      = 4
  max_parallel = 2
}

goal "g" {
  weight = 1
}

team "dev" {
  capacity = 10
}

project "p1" {
  goals    = { g = 1 }
  duration = 2
  effort   = { dev = 1 }
  benefit {
    per_year = 500000
  }
}

project "p2" {
  goals    = { g = 1 }
  duration = 2
  effort   = { dev = 1 }
  benefit {
    per_year = 400000
  }
}

project "p3" {
  goals    = { g = 1 }
  duration = 2
  effort   = { dev = 1 }
  benefit {
    per_year = 300000
  }
}

project "p4" {
  goals    = { g = 1 }
  duration = 2
  effort   = { dev = 1 }
  benefit {
    per_year = 200000
  }
}

project "p5" {
  goals    = { g = 1 }
  duration = 2
  effort   = { dev = 1 }
  benefit {
    per_year = 100000
  }
}
