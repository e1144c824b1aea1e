roadmap {
  start = "2027-01"

  scoring {
    alignment   = 0.5
    value       = -0.3
    value_scale = 0
  }

  scoring {
    alignment = 1
    value     = 0
    safety    = 0
  }

  policy {
    max_team_utilization = 1.5
    require_goal         = "sometimes"
    max_budget_share     = -0.1
  }
}
