roadmap {
  name    = "Optimiser demo"
  start   = "2027-Q1"
  period  = "quarter"
  horizon = 4
}

goal "grow" {
  weight = 1
}

department "sales" {
  title = "Sales"
}

team "platform" {
  capacity = 2
}

project "a" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  duration    = 4
  effort      = { platform = 2 }
  benefit {
    per_year = 500000
  }
}

project "b" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { platform = 2 }
  benefit {
    per_year = 300000
  }
}

project "c" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { platform = 2 }
  benefit {
    per_year = 250000
  }
}
