# Risk in money and the value gate. Yearly periods at 10%, so the figures
# are easy to check (docs/evaluation.md, "Risk in money").
#
#   risky     one_time 1000, run cost 100 and benefit 800 a year for 3
#             years: flows -1000, 700, 700, 700; NPV 740.80. failure 0.2,
#             disruption 0.1 x 2000 and security 0.05 x 4000 expected at
#             go-live: rNPV -1000 + 0.8 x 1740.80 - 400 / 1.1 = 29.00.
#             Passes the NPV hurdle of 0, but its payback of 2.43 years is
#             over the 2-year hurdle: dropped by the value gate.
#   solid     one_time 1000, benefit 1500 a year for 2 years: rNPV
#             -1000 + 1500 x 1.735537 = 1603.31, IRR 118.6%, payback 1.67:
#             passes.
#   thin      one_time 1000, benefit 550 a year for 2 years: rNPV -45.45,
#             IRR 6.6%, payback 2.82: misses all three thresholds, and
#             every miss is listed.
#   audit     mandatory: exempt from the hurdle although it only costs.
#   gamble    risk 1 - 0.4 x 0.9 = 0.64, over the appetite of 0.5; rNPV
#             -1000 + 0.4 x 1200 / 1.1 = -563.64 (its security risk has no
#             security_cost), below the NPV hurdle: the risk and value
#             gates both report.
roadmap {
  name          = "Hurdle"
  currency      = "EUR"
  start         = "2027"
  period        = "year"
  horizon       = 4
  discount_rate = 0.10
  risk_appetite = 0.5

  hurdle {
    min_risk_adjusted_npv = 0
    min_irr               = 0.08
    max_payback           = "2 years"
  }
}

goal "grow" {
  weight = 1
}

project "risky" {
  goals    = { grow = 1 }
  duration = 1
  cost {
    one_time = 1000
    per_year = 100
  }
  benefit {
    per_year = 800
    years    = 3
  }
  risk {
    failure         = 0.2
    disruption      = 0.1
    disruption_cost = 2000
    security        = 0.05
    security_cost   = 4000
  }
}

project "solid" {
  goals    = { grow = 1 }
  duration = 1
  cost {
    one_time = 1000
  }
  benefit {
    per_year = 1500
    years    = 2
  }
}

project "thin" {
  goals    = { grow = 1 }
  duration = 1
  cost {
    one_time = 1000
  }
  benefit {
    per_year = 550
    years    = 2
  }
}

project "audit" {
  mandatory = true
  duration  = 1
  cost {
    one_time = 500
  }
}

project "gamble" {
  goals    = { grow = 1 }
  duration = 1
  cost {
    one_time = 1000
  }
  benefit {
    per_year = 1200
    years    = 1
  }
  risk {
    failure  = 0.6
    security = 0.1
  }
}
