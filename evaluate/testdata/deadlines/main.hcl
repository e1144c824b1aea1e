# earliest_start, deadline, dependencies that push past a deadline, and
# the deadline rule: a project that would miss its deadline goes ahead of
# projects that can still finish later.
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

# Needs dev too. In rank order it waits for "platform" and just makes its
# deadline; once "hotfix" goes ahead of "platform", it runs first.
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

# Depends on "platform", which ends in 2027-Q3 at the earliest: too late
# for 2027-Q4 whatever goes first.
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

# Needs dev, which "platform" holds until its deadline has passed in rank
# order. It goes ahead of "platform" in 2027-Q3 (in 2027-Q1 or 2027-Q2
# it would push "reporting" past its deadline), and "platform" starts in
# 2027-Q4.
project "hotfix" {
  goals    = { g = 1 }
  duration = 1
  effort   = { dev = 1 }
  deadline = "2027-Q3"
  benefit {
    per_year = 300000
  }
}

# Needs a capability nobody provides: the viability gate drops it, and its
# deadline is missed all the same.
project "archive" {
  goals    = { g = 1 }
  duration = 1
  requires = ["tape_library"]
  deadline = "2028-Q2"
  benefit {
    per_year = 200000
  }
}
