# The second version of ../cause-v1: capex cut from 500,000 to 300,000,
# and "urgent" added ahead of "reports" on the apps team.
roadmap {
  name     = "Causes"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 4
}

goal "g" {
  weight = 1
}

team "platform" {
  capacity = 4
}

team "apps" {
  capacity = 2
}

budget "capex" {
  amount = 300000
  per    = "year"
}

project "core" {
  goals    = { g = 1 }
  duration = 2
  effort   = { platform = 2 }
  cost {
    one_time = 200000
  }
  benefit {
    per_year = 900000
  }
}

project "ops" {
  goals          = { g = 1 }
  duration       = 2
  effort         = { platform = 3 }
  earliest_start = "2027-Q3"
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 800000
  }
}

# Fits beside "core" in 2027-Q1..Q2; "ops" holds the team after that.
project "portal" {
  goals    = { g = 1 }
  duration = 2
  effort   = { platform = 2 }
  cost {
    one_time = 250000
  }
  benefit {
    per_year = 700000
  }
}

project "reports" {
  goals    = { g = 1 }
  duration = 1
  effort   = { apps = 2 }
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 100000
  }
}

project "urgent" {
  goals    = { g = 1 }
  duration = 1
  effort   = { apps = 2 }
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 950000
  }
}
