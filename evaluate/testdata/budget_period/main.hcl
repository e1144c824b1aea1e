# A monthly roadmap with a budget per period: "migration" spends 45,000 a
# month for two months, so "licences" (20,000) waits for month three.
roadmap {
  name          = "Budget per period"
  currency      = "USD"
  start         = "2027-01"
  period        = "month"
  horizon       = 6
  discount_rate = 0.12
}

goal "g" {
  weight = 1
}

team "ops" {
  capacity     = 3
  cost_per_fte = 10000
}

budget "opex" {
  amount = 50000
  per    = "period"
}

# 60,000 / 2 + 1.5 FTE x 10,000 = 45,000 a month
project "migration" {
  goals    = { g = 1 }
  duration = 2
  effort   = { ops = 1.5 }
  cost {
    one_time = 60000
  }
  benefit {
    per_year     = 600000
    ramp_periods = 2
    years        = 1
  }
}

project "licences" {
  goals    = { g = 0.5 }
  duration = 1
  cost {
    one_time = 20000
  }
  benefit {
    per_year = 120000
    years    = 1
  }
}

# 70,000 in one month never fits 50,000: dropped by the resources gate.
project "big_bang" {
  goals    = { g = 1 }
  duration = 1
  cost {
    one_time = 70000
  }
  benefit {
    per_year = 900000
    years    = 1
  }
}
