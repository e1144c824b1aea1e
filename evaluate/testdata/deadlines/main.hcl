# earliest_start, deadline, and dependencies that push past a deadline.
roadmap {
  name     = "Deadlines"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 8
}

goal "g" {
  weight = 1
}

team "dev" {
  capacity = 1
}

project "platform" {
  goals    = { g = 1 }
  duration = 3
  effort   = { dev = 1 }
  benefit {
    per_year = 900000
  }
}

# Needs dev too: waits for "platform", then just makes its deadline.
project "reporting" {
  goals    = { g = 1 }
  duration = 2
  effort   = { dev = 1 }
  deadline = "2028-Q1"
  benefit {
    per_year = 800000
  }
}

# Cannot be done in 3 quarters by the end of 2027-Q2.
project "compliance" {
  goals    = { g = 1 }
  duration = 3
  deadline = "2027-Q2"
  benefit {
    per_year = 700000
  }
}

# Depends on "platform", which ends in 2027-Q3: too late for 2027-Q4.
project "analytics" {
  goals      = { g = 1 }
  depends_on = [project.platform]
  duration   = 2
  deadline   = "2027-Q4"
  benefit {
    per_year = 600000
  }
}

# Not before 2028.
project "refresh" {
  goals          = { g = 1 }
  duration       = 2
  earliest_start = "2028-01"
  benefit {
    per_year = 500000
  }
}

# Starts late and runs past the horizon.
project "late" {
  goals          = { g = 1 }
  duration       = 3
  earliest_start = "2028-Q3"
  benefit {
    per_year = 400000
  }
}

# Needs dev, which "platform" holds until its deadline has passed.
project "hotfix" {
  goals    = { g = 1 }
  duration = 1
  effort   = { dev = 1 }
  deadline = "2027-Q3"
  benefit {
    per_year = 300000
  }
}
