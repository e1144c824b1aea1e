# optimize = true: in rank order "platform_rebuild" (the best single
# project) takes the whole team for the whole horizon; the optimiser finds
# that "billing" and "self_service" together score more.
roadmap {
  name     = "Optimise"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 4
  optimize = true
}

goal "g" {
  weight = 1
}

team "platform" {
  capacity = 2
}

project "platform_rebuild" {
  goals    = { g = 1 }
  duration = 4
  effort   = { platform = 2 }
  benefit {
    per_year = 3000000
  }
}

project "billing" {
  goals    = { g = 1 }
  duration = 4
  effort   = { platform = 1 }
  benefit {
    per_year = 2000000
  }
}

project "self_service" {
  goals    = { g = 1 }
  duration = 2
  effort   = { platform = 1 }
  benefit {
    per_year = 1000000
  }
}
