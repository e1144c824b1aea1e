# A roadmap re-planned at its status date, 2027-Q3 (period 2): Q1 and Q2
# are history. Figures worked by hand (team cost 10,000 per FTE-quarter):
#
# portal, in progress since 2027-Q1 (2 quarters elapsed), 40% complete:
#   pace 2 / 0.4 = 5 quarters in all, so 3 remain: 2027-Q3..2028-Q1
#   (planned end 2027-Q4: slip +1). Remaining one-time 100,000 x 0.6 =
#   60,000 over 3 quarters + 2 FTE x 10,000 = 40,000 a quarter:
#   ETC 120,000; actual 120,000; EAC 240,000; original (BAC) 100,000 +
#   2 x 10,000 x 4 = 180,000; VAC -60,000. Its NPV counts the remaining
#   120,000 only (sunk cost excluded).
# crm depends on portal: it cannot start before portal's forecast end,
#   2028-Q2.
# dead was cancelled: its 30,000 are sunk and its 3 FTE released.
# audit is committed: it keeps its place ahead of rank order (2027-Q3)
#   although its risk would fail the risk gate today (a warning).
# analytics (3 FTE) waits for audit's FTE: 2027-Q4..2028-Q1.
# old is done; paused is on hold: neither holds capacity.
# Spend to date counts in capex's 2027 window: portal 120,000 + old
#   50,000 + dead 30,000 + paused 10,000 = 210,000 in 2027-Q1..Q2.
roadmap {
  start         = "2027-Q1"
  horizon       = 8
  as_of         = "2027-Q3"
  risk_appetite = 0.5
}

team "platform" {
  capacity     = 5
  cost_per_fte = 10000
}

budget "capex" {
  amount = 600000
}

project "portal" {
  duration = 4
  effort   = { platform = 2 }
  status   = "in_progress"
  started  = "2027-Q1"
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 200000
  }
  progress {
    spent            = 120000
    percent_complete = 0.4
  }
}

project "crm" {
  duration   = 2
  effort     = { platform = 1 }
  depends_on = [project.portal]
  benefit {
    per_year = 300000
  }
}

project "analytics" {
  duration = 2
  effort   = { platform = 3 }
  benefit {
    per_year = 250000
  }
}

project "audit" {
  duration = 1
  effort   = { platform = 1 }
  status   = "committed"
  risk {
    failure = 0.8
  }
  benefit {
    per_year = 10000
  }
}

project "old" {
  duration = 2
  effort   = { platform = 1 }
  status   = "done"
  started  = "2027-Q1"
  finished = "2027-Q2"
  progress {
    spent = 50000
  }
}

project "dead" {
  duration = 3
  effort   = { platform = 3 }
  status   = "cancelled"
  started  = "2027-Q1"
  progress {
    spent = 30000
  }
}

project "paused" {
  duration = 2
  effort   = { platform = 2 }
  status   = "on_hold"
  started  = "2027-Q2"
  progress {
    spent = 10000
  }
}
