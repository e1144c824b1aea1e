# A budget for the whole horizon: after "core" (60,000) only 40,000 is left.
roadmap {
  name     = "Budget in total"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 8
}

goal "g" {
  weight = 1
}

budget "fund" {
  title  = "Transformation fund"
  amount = 100000
  per    = "total"
}

project "core" {
  goals    = { g = 1 }
  duration = 2
  cost {
    one_time = 60000
  }
  benefit {
    per_year = 300000
  }
}

project "extension" {
  goals    = { g = 1 }
  duration = 2
  cost {
    one_time = 60000
  }
  benefit {
    per_year = 250000
  }
}

project "tweak" {
  goals    = { g = 1 }
  duration = 1
  cost {
    one_time = 30000
  }
  benefit {
    per_year = 50000
  }
}
