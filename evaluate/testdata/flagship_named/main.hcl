# A flagship named by hand: under "calculated_risk" the most valuable
# project (b, risk-adjusted NPV 300) would be the flagship; the roadmap
# names c instead. c ranks first, the rest go safest first (b, then a),
# and every format marks c. One team of 2 FTE: a waits two years.
roadmap {
  name     = "Flagship named"
  currency = "EUR"
  start    = "2027"
  period   = "year"
  horizon  = 4
  strategy = "calculated_risk"
  flagship = project.c

  scoring {
    value_scale = 150
  }
}

goal "g1" {
  weight = 3
}

goal "g2" {
  weight = 1
}

team "team" {
  capacity = 2
}

project "a" {
  goals    = { g1 = 1 }
  duration = 2
  effort   = { team = 1 }
  cost {
    one_time = 100
  }
  benefit {
    per_year = 500
    years    = 1
  }
  risk {
    failure = 0.5
  }
}

project "b" {
  goals    = { g2 = 1 }
  duration = 2
  effort   = { team = 1 }
  cost {
    one_time = 100
  }
  benefit {
    per_year = 400
    years    = 1
  }
  risk {
    disruption = 0.2
  }
}

project "c" {
  goals    = { g1 = 0.5, g2 = 1 }
  duration = 2
  effort   = { team = 1 }
  cost {
    one_time = 100
  }
  benefit {
    per_year = 150
    years    = 1
  }
  risk {
    failure = 0.1
  }
}
