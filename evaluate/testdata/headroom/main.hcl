# policy.max_team_utilization is planned within: the scheduler treats 80%
# of each team's capacity as its limit. "portal" waits for "core" to leave
# room under it; "reports" would fit within the full capacity beside
# "core" but not within 80%, so it waits too; "archive" fits nowhere in
# the horizon under the limit and is deferred.
roadmap {
  name     = "Headroom"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 4

  policy {
    max_team_utilization = 0.8
  }
}

goal "g" {
  weight = 1
}

team "apps" {
  capacity = 5
}

project "core" {
  goals    = { g = 1 }
  duration = 2
  effort   = { apps = 3 }
  benefit {
    per_year = 900000
  }
}

project "portal" {
  goals    = { g = 1 }
  duration = 1
  effort   = { apps = 2 }
  benefit {
    per_year = 800000
  }
}

project "reports" {
  goals    = { g = 1 }
  duration = 1
  effort   = { apps = 1.5 }
  benefit {
    per_year = 700000
  }
}

project "archive" {
  goals    = { g = 1 }
  duration = 3
  effort   = { apps = 2 }
  benefit {
    per_year = 600000
  }
}
