# The version 2 attributes behind "decisions you can defend".
roadmap {
  start     = "2027-Q1"
  objective = "risk_adjusted_npv"
  flagship  = project.p

  scoring {
    value_scale = 2000000 # the weights keep their defaults
  }

  hurdle {
    min_risk_adjusted_npv = 0
    min_irr               = 0.08
    max_payback           = "3 years"
  }
}

budget "capex" {
  amount = 1000000
}

budget "opex" {
  amount = 500000
}

project "p" {
  duration = 1
  funding  = { capex = 0.7, opex = 0.3 }
  cost {
    one_time = 100000
  }
  risk {
    disruption      = 0.1
    disruption_cost = 500000
    security        = 0.05
    security_cost   = 2000000
  }
}

vendor "a" {
  category = "crm"
  one_time = 10000
  scores   = { features = 4 }
}

evaluation "crm" {
  category      = "crm"
  criteria      = { features = 0.7, cost = 0.3 }
  minimum_score = 3
  cost_scale    = { best = 50000, worst = 400000 }
}
