roadmap {
  name     = "Test"
  start    = "2027-01"
  estimate = "p90"
}

team "platform" {
  capacity = 4
}

locals {
  spread = pert(100, 200, 300)
  scaled = local.spread * 2
}

project "order" {
  duration = pert(5, 3, 4)
  effort   = { platform = triangular(1, 4, 3) }
  cost {
    one_time = uniform(20, 10)
  }
}

project "sign" {
  duration = triangular(-1, 2, 3)
  effort   = { platform = uniform(-1, 2) }
  cost {
    one_time = pert(-5, 0, 10)
    per_year = pert("1 month", 2, 3)
  }
}

project "kinds" {
  duration = pert("1 fortnight", "2 months", "1 year")
  effort   = { platform = pert(1, 2, pert(1, 2, 3)) }
  risk {
    failure = uniform(0.1, 0.2)
  }
  benefit {
    per_year = pert(null, 1, 2)
  }
}

project "durations" {
  duration = pert("6 months", "3 months", "9 months")
}

project "huge" {
  duration = uniform(1, 20000)
}
