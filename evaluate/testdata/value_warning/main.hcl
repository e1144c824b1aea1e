# Without a hurdle, a scheduled project that destroys value (negative
# risk-adjusted NPV) is kept but gets a warning, counted in the summary;
# a mandatory one does not. Quarterly, no discounting, value_scale 100,000.
#
#   portal     one_time 100,000, benefit 80,000 a year for 5 years (20,000
#              a quarter): rNPV -100,000 + 0.9 x 400,000 = 260,000; value
#              260,000 / 360,000 = 0.722222.
#   lab        one_time 60,000, benefit 20,000 a year for 2 years: rNPV
#              -60,000 + 40,000 = -20,000: value -20,000 / 120,000 =
#              -0.166667, scheduled with a warning.
#   licence    mandatory, one_time 30,000 and nothing back: no warning.
roadmap {
  name     = "Value warning"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 4

  scoring {
    value_scale = 100000
  }
}

goal "grow" {
  weight = 1
}

project "portal" {
  goals    = { grow = 1 }
  duration = 1
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 80000
  }
  risk {
    failure = 0.1
  }
}

project "lab" {
  goals    = { grow = 0.5 }
  duration = 1
  cost {
    one_time = 60000
  }
  benefit {
    per_year = 20000
    years    = 2
  }
}

project "licence" {
  mandatory = true
  duration  = 1
  cost {
    one_time = 30000
  }
}
