roadmap {
  start = "2027-Q1"

  hurdle {
    min_irr     = -1.5
    max_payback = "3 fortnights"
    min_npv     = 0
  }

  hurdle {
    max_payback = -2
  }
}

project "p" {
  duration = 1
  risk {
    disruption_cost = -5
    security_cost   = "a lot"
  }
}
