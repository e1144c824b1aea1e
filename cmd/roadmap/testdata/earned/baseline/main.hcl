roadmap {
  name     = "Portal programme"
  start    = "2027-Q1"
  horizon  = 8
  currency = "EUR"
}

team "platform" {
  capacity     = 4
  cost_per_fte = 10000
}

project "portal" {
  duration = 4
  effort   = { platform = 2 }
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 200000
  }
}

project "crm" {
  duration       = 2
  effort         = { platform = 1 }
  earliest_start = "2027-Q2"
  cost {
    one_time = 40000
  }
  benefit {
    per_year = 100000
  }
}

project "infra" {
  duration       = 2
  earliest_start = "2028-Q1"
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 50000
  }
}

project "legacy" {
  duration = 2
  effort   = { platform = 1 }
  benefit {
    per_year = 50000
  }
}
