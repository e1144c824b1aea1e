# Policies the finished plan must meet; an "error" check fails the plan.
check "capex_headroom" {
  condition     = plan.totals.cost <= var.capex * 2
  error_message = "The plan spends more than two years of capital budget."
  severity      = "error"
}
